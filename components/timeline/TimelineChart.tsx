"use client";

import { useMemo, useRef } from "react";
import { addDays } from "@/geo/days";
import { intervalEvents, type EventIndex } from "@/geo/event-index";
import { histogram, positionOf, tickLabels, type TimelineScale } from "@/geo/timeline";
import { textWidth } from "../map/measureText";
import { useWidth } from "./useWidth";

export interface TimelineChartProps {
  /** The story's events, indexed. */
  index: EventIndex;
  /** The actor filter: the chart shows what the brush can select under it, before the date filter applies. */
  actors?: readonly string[];
  scale: TimelineScale;
  from?: string;
  to?: string;
  dateline: string;
}

const WIDTH = 1000;
const BAR_AREA = 46;
const LANE = 5;
const MAX_LABELS = 10;
/** The tick labels' font (.timeline-ticks in app/globals.css) and the least room between two of them, in pixels. */
const TICK_FONT = '11.2px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const TICK_GAP = 4;

/**
 * The histogram under the brush: bars count events by when they start, solid for exact days and
 * hatched for coarser dates; long spans (since 2011) are drawn as lines in lanes below; the
 * part outside the selected range is greyed. Drawn in a fixed viewBox and stretched to fit.
 */
export function TimelineChart({ index, actors, scale, from, to, dateline }: TimelineChartProps) {
  // Recounted when the actors or the scale change, not when the brush moves: by the actors' ids,
  // since each URL change parses a new array.
  const actorsKey = actors?.join(",") ?? "";
  const buckets = useMemo(() => histogram(index, scale, actorsKey ? actorsKey.split(",") : undefined), [index, scale, actorsKey]);
  const max = Math.max(1, ...buckets.map((b) => b.exact + b.imprecise));
  const width = WIDTH / buckets.length;
  // Intervals ("since 2011") run across the chart as lines in lanes of their own.
  const spans = useMemo(() => intervalEvents(index, actorsKey ? actorsKey.split(",") : undefined), [index, actorsKey]);
  const height = BAR_AREA + 8 + spans.length * LANE;
  const x = (day: string) => positionOf(day, scale) * WIDTH;
  const selectedFrom = from ? x(from) : 0;
  const selectedTo = to ? positionOf(addDays(to, 1), scale) * WIDTH : WIDTH;
  // As many labels as fit the chart's width without touching (ten at most); until the browser
  // has measured it (the server's HTML), ten.
  const wrap = useRef<HTMLDivElement>(null);
  const chartWidth = useWidth(wrap);
  const labels = useMemo(() => {
    if (chartWidth === undefined) return tickLabels(buckets, scale.unit, dateline, MAX_LABELS);
    const widest = Math.max(0, ...tickLabels(buckets, scale.unit, dateline, buckets.length).map((text) => textWidth(text, TICK_FONT)));
    return tickLabels(buckets, scale.unit, dateline, Math.min(MAX_LABELS, chartWidth / (widest + TICK_GAP)));
  }, [buckets, scale.unit, dateline, chartWidth]);

  return (
    <div className="timeline-chart-wrap" ref={wrap}>
      <svg className="timeline-chart" viewBox={`0 0 ${WIDTH} ${height}`} preserveAspectRatio="none" aria-hidden="true">
        <defs>
          <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#4a5764" strokeWidth="3" />
          </pattern>
        </defs>
        {buckets.map((b, i) => {
          const exactHeight = (b.exact / max) * BAR_AREA;
          const impreciseHeight = (b.imprecise / max) * BAR_AREA;
          const barX = i * width + width * 0.15;
          const barWidth = width * 0.7;
          return (
            <g key={b.start}>
              {b.exact > 0 && <rect x={barX} y={BAR_AREA - exactHeight} width={barWidth} height={exactHeight} fill="#17212b" />}
              {b.imprecise > 0 && (
                <rect
                  x={barX}
                  y={BAR_AREA - exactHeight - impreciseHeight}
                  width={barWidth}
                  height={impreciseHeight}
                  fill="url(#hatch)"
                  stroke="#4a5764"
                  strokeWidth="1"
                />
              )}
            </g>
          );
        })}
        <line x1="0" x2={WIDTH} y1={BAR_AREA + 0.5} y2={BAR_AREA + 0.5} stroke="#9aa5b1" />
        {spans.map((f, i) => {
          const y = BAR_AREA + 8 + i * LANE;
          const end = f.properties.end > scale.end ? WIDTH : positionOf(f.properties.end, scale) * WIDTH;
          return (
            <line
              key={f.properties.eventId}
              x1={x(f.properties.start)}
              x2={Math.max(end, x(f.properties.start) + 3)}
              y1={y}
              y2={y}
              stroke="#6b7785"
              strokeWidth="3"
              strokeLinecap="round"
            />
          );
        })}
        <rect x="0" y="0" width={selectedFrom} height={height} fill="#ffffff" fillOpacity="0.7" />
        <rect x={selectedTo} y="0" width={Math.max(0, WIDTH - selectedTo)} height={height} fill="#ffffff" fillOpacity="0.7" />
      </svg>
      <div className="timeline-ticks" aria-hidden="true">
        {buckets.map((b, i) => (
          <span
            key={b.start}
            className={b.start <= dateline && dateline <= b.end ? "tick tick-dateline" : "tick"}
            // Centred on its bar whatever its width: a label wider than a month's bar stays over it.
            style={{ left: `${((i + 0.5) * 100) / buckets.length}%` }}
          >
            {labels[i]}
          </span>
        ))}
      </div>
    </div>
  );
}
