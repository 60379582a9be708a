/**
 * `GET /api/events` as HTTP: status, Content-Type and Content-Disposition around geo/api.ts's
 * answer, as plain data so that it is tested without a server; the route handler only copies it
 * into a Response.
 */
import { eventsCollection } from "@/geo/api";
import { toCsv } from "@/geo/export";
import type { Dataset } from "@/geo/validate";

export const EXPORT_FORMATS = ["geojson", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An HTTP answer as plain data: the route handler only copies it into a Response. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function jsonAnswer(status: number, value: unknown, headers: Record<string, string> = {}): HttpAnswer {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(value) };
}

/**
 * `GET /api/events`: the filtered events as GeoJSON (the default) or, with `format=csv`, as CSV
 * with ACLED's column names. Both name a file in Content-Disposition, so a browser saves them well.
 */
export function eventsAnswer(dataset: Dataset, query: URLSearchParams): HttpAnswer {
  const formats = query.getAll("format");
  const format = formats[0] ?? "geojson";
  if (formats.length > 1 || !EXPORT_FORMATS.includes(format as ExportFormat)) {
    const shown = JSON.stringify(formats.join(",").slice(0, 60));
    return jsonAnswer(400, {
      error: { code: "bad_parameter", message: `format=${shown}: must be one of ${EXPORT_FORMATS.join(", ")}, given once` },
    });
  }
  const result = eventsCollection(dataset, query);
  if (result.status !== 200) return jsonAnswer(result.status, result.body);
  if (format === "geojson") {
    return jsonAnswer(200, result.body, {
      "Content-Type": "application/geo+json; charset=utf-8",
      "Content-Disposition": 'inline; filename="dateline-events.geojson"',
    });
  }
  const sources = new Map(dataset.stories.map((s) => [s.id, s.source]));
  return {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": 'attachment; filename="dateline-events.csv"',
    },
    body: toCsv(result.body.features, { actors: dataset.actors, places: dataset.places, sources }),
  };
}
