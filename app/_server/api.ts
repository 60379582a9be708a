/**
 * `GET /api/events` as HTTP: status, Content-Type and Content-Disposition around geo/api.ts's
 * answer, as plain data so that it is tested without a server; the route handler only copies it
 * into a Response.
 */
import { EVENT_PARAMS, STORY_PARAM, eventsCollection } from "@/geo/api";
import { toCsv } from "@/geo/export";
import type { Dataset } from "@/geo/validate";
import { AnswerCache, type CachedAnswer } from "./answer-cache";
import { etagOf } from "./etag";

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

/** The parameters that change an answer; any other (a cache buster) is ignored, as the API ignores it. */
const ANSWER_PARAMS = ["format", STORY_PARAM, ...EVENT_PARAMS] as const;

/**
 * The query as the answer depends on it: the parameters the API reads, in one order, each with its
 * values as given. `?to=2020&actors=iran&utm=x` and `?actors=iran&to=2020` share one answer.
 */
export function answerKey(query: URLSearchParams): string {
  return JSON.stringify(ANSWER_PARAMS.map((name) => query.getAll(name)));
}

// 200 answers of a 10,000-event story are 10 MB unfiltered: 64 MB keeps the common ones.
const MAX_ANSWERS = 500;
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const caches = new WeakMap<Dataset, AnswerCache>();

/**
 * `eventsAnswer` built once per dataset and normalised query, then served as the same bytes with
 * the same ETag: the server's work per request is a lookup, not a join, a filter and a hash.
 */
export function cachedEventsAnswer(dataset: Dataset, query: URLSearchParams): CachedAnswer {
  let cache = caches.get(dataset);
  if (!cache) caches.set(dataset, (cache = new AnswerCache(MAX_ANSWERS, MAX_ANSWER_BYTES)));
  return cache.get(answerKey(query), () => {
    const answer = eventsAnswer(dataset, query);
    const body = new TextEncoder().encode(answer.body);
    return { status: answer.status, headers: answer.headers, body, etag: etagOf(body) };
  });
}
