"use client";

import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { formatContractDate, isIsoDay } from "@/geo/dates";
import type { EventIndex } from "@/geo/event-index";
import { detailScale, overviewLabel, overviewScale, playbackSteps, scaleBuckets, storyWeek, type TimelineScale } from "@/geo/timeline";
import { TimelineChart } from "./TimelineChart";
import { useExpanded } from "./useExpanded";
import { usePlayback } from "./usePlayback";

export interface DateRange {
  from?: string;
  to?: string;
}

export interface TimelineProps {
  /** The story's events, indexed: the scales, playback steps and histogram come from it. */
  index: EventIndex;
  /** The actor filter: the histogram counts these actors' events (every actor's, if none). */
  actors?: readonly string[];
  dateline: string;
  range: DateRange;
  /** Sets the date range: `push` for a choice, `replace` for playback frames after the first. */
  onChange: (range: DateRange, mode: "push" | "replace") => void;
}

type ScaleName = "overview" | "week";

function bucketIndex(buckets: { start: string; end: string }[], day: string | undefined, fallback: number): number {
  if (!day) return fallback;
  const index = buckets.findIndex((b) => b.start <= day && day <= b.end);
  if (index >= 0) return index;
  return day < (buckets[0]?.start ?? "") ? 0 : buckets.length - 1;
}

/**
 * Filter by date: a histogram with a two-handle brush, exact date inputs, presets, and playback.
 * Two scales make both readable: the whole story by year, month or day as its length needs (2011
 * to 2020 by year) and its week by day.
 * The brush handles are range inputs, so arrows, Page Up/Down, Home and End move them.
 * It folds to one bar, a disclosure button that says which dates the filter keeps: folded by
 * default on phones, where the map needs the room, and open over the map when unfolded there.
 */
export function Timeline({ index, actors, dateline, range, onChange }: TimelineProps) {
  const week = storyWeek(dateline);
  const inWeek = range.from !== undefined && range.from >= detailScale(dateline).start;
  const [scaleName, setScaleName] = useState<ScaleName>(inWeek ? "week" : "overview");
  // Both scales once per story, not per render: the overview reads every event's date.
  const overview = useMemo(() => overviewScale(index.features, dateline), [index, dateline]);
  const detail = useMemo(() => detailScale(dateline), [dateline]);
  const scale: TimelineScale = scaleName === "week" ? detail : overview;
  // The bars' days only: the brush steps from bar to bar. The chart counts what is in them.
  const buckets = useMemo(() => scaleBuckets(scale), [scale]);
  const last = buckets.length - 1;
  const [draft, setDraft] = useState<{ from: number; to: number } | null>(null);
  const fromIndex = draft?.from ?? bucketIndex(buckets, range.from, 0);
  const toIndex = draft?.to ?? bucketIndex(buckets, range.to, last);

  const steps = useMemo(() => playbackSteps(index.features), [index]);
  const stepIndex = range.to !== undefined && range.from === undefined ? steps.findIndex((s) => s.day === range.to) : -1;
  const showStep = useCallback(
    (index: number, mode: "push" | "replace" = "replace") => {
      const step = steps[index];
      if (step) onChange({ to: step.day }, mode);
    },
    [steps, onChange],
  );
  const { playing, setPlaying } = usePlayback(steps, stepIndex, showStep);
  const { expanded, setExpanded, phone } = useExpanded();
  const bodyId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const filtered = range.from !== undefined || range.to !== undefined;
  const status = stepIndex >= 0 ? `Up to ${steps[stepIndex]?.label}: step ${stepIndex + 1} of ${steps.length}` : describeRange(range);
  // On a phone the open timeline lies over the map like a menu: Escape folds it again.
  const foldOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !phone || !expanded) return;
    setExpanded(false);
    toggle.current?.focus();
  };

  const commitDraft = () => {
    if (!draft) return;
    setDraft(null);
    const from = draft.from <= 0 ? undefined : buckets[draft.from]?.start;
    const to = draft.to >= last ? undefined : buckets[draft.to]?.end;
    if (from !== range.from || to !== range.to) onChange({ from, to }, "push");
  };
  const dateInput = (which: "from" | "to", value: string) => {
    if (value === "") onChange({ ...range, [which]: undefined }, "push");
    else if (isIsoDay(value)) onChange({ ...range, [which]: value }, "push");
  };
  const label = (index: number, end: boolean) => {
    const bucket = buckets[index];
    if (!bucket) return "";
    if (scale.unit === "year") return formatContractDate(bucket.start.slice(0, 4));
    if (scale.unit === "month") return formatContractDate(bucket.start.slice(0, 7));
    return formatContractDate(end ? bucket.end : bucket.start);
  };

  return (
    <section
      className="timeline"
      aria-label="Filter by date"
      data-expanded={expanded ?? "auto"}
      data-filtered={filtered}
      onKeyDown={foldOnEscape}
    >
      <div className="timeline-head">
        <button
          ref={toggle}
          type="button"
          className="timeline-toggle"
          aria-expanded={expanded ?? !phone}
          aria-controls={bodyId}
          onClick={() => setExpanded(!(expanded ?? !phone))}
        >
          <span className="timeline-toggle-label">Dates</span>
          <span className="visually-hidden">: </span>
          <span className="timeline-summary">{status}</span>
        </button>
        {filtered && expanded === false && (
          <button
            type="button"
            className="chip timeline-clear"
            aria-label="Clear the date filter"
            onClick={() => {
              onChange({}, "push");
              // The button goes away with the filter: keep the keyboard in the bar.
              toggle.current?.focus();
            }}
          >
            Clear
          </button>
        )}
        <span className="visually-hidden" aria-live="polite">
          {status}
        </span>
      </div>
      <div className="timeline-body" id={bodyId}>
        <div className="timeline-bar">
          <div className="timeline-presets" role="group" aria-label="Presets">
            <button
              type="button"
              className="chip"
              aria-pressed={range.from === undefined && range.to === undefined}
              onClick={() => onChange({}, "push")}
            >
              Everything
            </button>
            <button
              type="button"
              className="chip"
              aria-pressed={range.from === week.from && range.to === week.to}
              onClick={() => {
                setScaleName("week");
                onChange(week, "push");
              }}
            >
              Week of the story
            </button>
          </div>
          <div className="timeline-scale" role="group" aria-label="Timeline scale">
            <button type="button" className="chip" aria-pressed={scaleName === "overview"} onClick={() => setScaleName("overview")}>
              {overviewLabel(overview)}
            </button>
            <button type="button" className="chip" aria-pressed={scaleName === "week"} onClick={() => setScaleName("week")}>
              Days
            </button>
          </div>
        </div>
        <div className="timeline-brush">
          <TimelineChart
            index={index}
            actors={actors}
            scale={scale}
            from={buckets[fromIndex]?.start}
            to={buckets[toIndex]?.end}
            dateline={dateline}
          />
          <BrushHandle
            which="from"
            max={last}
            value={fromIndex}
            valueText={fromIndex <= 0 ? "the beginning" : label(fromIndex, false)}
            onMove={(index) => setDraft({ from: Math.min(index, toIndex), to: toIndex })}
            onDone={commitDraft}
          />
          <BrushHandle
            which="to"
            max={last}
            value={toIndex}
            valueText={toIndex >= last ? "the end" : label(toIndex, true)}
            onMove={(index) => setDraft({ from: fromIndex, to: Math.max(index, fromIndex) })}
            onDone={commitDraft}
          />
        </div>
        <p className="timeline-legend" aria-hidden="true">
          <span className="legend-exact" /> exact day <span className="legend-imprecise" /> a month or coarser{" "}
          <span className="legend-span" /> a span of time
        </p>
        <div className="timeline-playback" role="group" aria-label="Playback">
          <button
            type="button"
            className="chip"
            onClick={() => showStep(Math.max(0, stepIndex - 1), "push")}
            disabled={stepIndex === 0}
            aria-label="Previous step"
          >
            ◀
          </button>
          <button
            type="button"
            className="chip"
            onClick={() => {
              if (!playing && (stepIndex < 0 || stepIndex >= steps.length - 1)) showStep(0, "push");
              setPlaying(!playing);
            }}
          >
            {playing ? "Pause" : "Play"}
          </button>
          <button
            type="button"
            className="chip"
            onClick={() => showStep(stepIndex + 1, "push")}
            disabled={stepIndex >= steps.length - 1}
            aria-label="Next step"
          >
            ▶
          </button>
          {/* The same words as the live region and the button's name, shown where the controls are. */}
          <span className="timeline-status" aria-hidden="true">
            {status}
          </span>
          <span className="timeline-dates">
            <label className="timeline-date">
              From{" "}
              <input
                type="date"
                value={range.from ?? ""}
                min={scale.start}
                max={dateline}
                onChange={(e) => dateInput("from", e.target.value)}
              />
            </label>
            <label className="timeline-date">
              To <input type="date" value={range.to ?? ""} min={range.from} onChange={(e) => dateInput("to", e.target.value)} />
            </label>
          </span>
        </div>
      </div>
    </section>
  );
}

function describeRange({ from, to }: DateRange): string {
  if (from && to) return describeDays(from, to);
  if (from) return `From ${formatContractDate(from)}`;
  if (to) return `Up to ${formatContractDate(to)}`;
  return "All dates";
}

/**
 * "7 to 8 January 2020", "30 November to 8 December 2019": the end says what both ends share, so
 * the folded bar stays short on a phone.
 */
function describeDays(from: string, to: string): string {
  if (from === to) return `On ${formatContractDate(from)}`;
  const day = Number(from.slice(8, 10));
  const month = formatContractDate(from.slice(0, 7)).split(" ")[0];
  if (from.slice(0, 7) === to.slice(0, 7)) return `${day} to ${formatContractDate(to)}`;
  if (from.slice(0, 4) === to.slice(0, 4)) return `${day} ${month} to ${formatContractDate(to)}`;
  return `${formatContractDate(from)} to ${formatContractDate(to)}`;
}

interface BrushHandleProps {
  which: "from" | "to";
  max: number;
  value: number;
  valueText: string;
  /** While dragging or pressing keys: a draft, not yet in the URL. */
  onMove: (index: number) => void;
  /** On release: the draft becomes one history entry. */
  onDone: () => void;
}

/** One end of the brush: a range input laid over the chart, so keyboards and screen readers get a native control. */
function BrushHandle({ which, max, value, valueText, onMove, onDone }: BrushHandleProps) {
  return (
    <input
      type="range"
      className={`brush-handle brush-${which}`}
      min={0}
      max={max}
      value={value}
      aria-label={which === "from" ? "Start of the date range" : "End of the date range"}
      aria-valuetext={valueText}
      onChange={(e) => onMove(Number(e.target.value))}
      onPointerUp={onDone}
      onKeyUp={onDone}
      onBlur={onDone}
    />
  );
}
