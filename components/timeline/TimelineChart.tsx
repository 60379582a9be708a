"use client";

import { useMemo } from "react";
import type { EventFeature } from "@/geo/join";
import { addDays, distinctEvents, histogram, positionOf, type TimelineScale } from "@/geo/timeline";

export interface TimelineChartProps {
  /** The events shown before the date filter applies (actor filter only), so the brush shows what it can select. */
  features: readonly EventFeature[];
  scale: TimelineScale;
  from?: string;
  to?: string;
  dateline: string;
}

const WIDTH = 1000;
const BAR_AREA = 46;
const LANE = 5;
const MAX_LABELS = 10;

/**
 * The histogram under the brush: bars count events by when they start, solid for exact days and
 * hatched for coarser dates; long spans (since 2011) are drawn as lines in lanes below; the
 * part outside the selected range is greyed. Drawn in a fixed viewBox and stretched to fit.
 */
export function TimelineChart({ features, scale, from, to, dateline }: TimelineChartProps) {
  // Recounted when the actors or the scale change, not when the brush moves.
  const buckets = useMemo(() => histogram(features, scale), [features, scale]);
  const max = Math.max(1, ...buckets.map((b) => b.exact + b.imprecise));
  const width = WIDTH / buckets.length;
  // Intervals ("since 2011") run across the chart as lines in lanes of their own.
  const spans = useMemo(() => distinctEvents(features).filter((f) => f.properties.precision === "interval"), [features]);
  const height = BAR_AREA + 8 + spans.length * LANE;
  const x = (day: string) => positionOf(day, scale) * WIDTH;
  const selectedFrom = from ? x(from) : 0;
  const selectedTo = to ? positionOf(addDays(to, 1), scale) * WIDTH : WIDTH;
  // At most about ten labels fit under the chart: more buckets (the days of a story of a few
  // weeks) get every n-th label, counted from the dateline's, which always shows.
  const every = Math.ceil(buckets.length / MAX_LABELS);
  const datelineIndex = Math.max(
    0,
    buckets.findIndex((b) => b.start <= dateline && dateline <= b.end),
  );
  const labelled = (i: number) => (datelineIndex - i) % every === 0;

  return (
    <div className="timeline-chart-wrap">
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
            style={{ left: `${(x(b.start) / WIDTH) * 100}%`, width: `${100 / buckets.length}%` }}
          >
            {labelled(i) ? b.label : ""}
          </span>
        ))}
      </div>
    </div>
  );
}
