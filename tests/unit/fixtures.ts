/**
 * Turf-style fixtures: `tests/fixtures/in/<name>.geojson` is a FeatureCollection of places with
 * two foreign members, `events` (as in an events file) and optionally `filters` (named
 * EventFilters); `tests/fixtures/out/<module>-<name>.geojson` is what a function returns for it.
 * Expected outputs are rewritten only when REGEN=1 is set: `REGEN=1 npx vitest run`, then review
 * the diff (or open the files on a map) before committing them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { z } from "zod";
import type { EventFilter } from "@/geo/filter";
import { joinEvents, type EventFeature, type JoinableEvent } from "@/geo/join";
import { eventSchema, placeFeatureSchema, type PlaceFeature } from "@/geo/schema";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const IN = path.join(FIXTURES, "in");
const OUT = path.join(FIXTURES, "out");
const REGEN = process.env.REGEN === "1";

const filterSchema = z.object({
  actors: z.array(z.string()).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  place: z.string().optional(),
});

const inputSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(placeFeatureSchema),
  events: z.array(eventSchema),
  filters: z.record(z.string(), filterSchema).default({}),
});

export interface FixtureInput {
  places: PlaceFeature[];
  events: JoinableEvent[];
  filters: Record<string, EventFilter>;
}

/** The names of every input fixture, without extension, sorted. */
export function inputNames(): string[] {
  return readdirSync(IN)
    .filter((file) => file.endsWith(".geojson"))
    .map((file) => path.basename(file, ".geojson"))
    .sort();
}

/** An input fixture, parsed through the same schemas as the real data (so it is valid data). */
export function readInput(name: string): FixtureInput {
  const json: unknown = JSON.parse(readFileSync(path.join(IN, `${name}.geojson`), "utf8"));
  const { features, events, filters } = inputSchema.parse(json);
  return { places: features, events, filters };
}

/** The fixture's events joined to its places, typed as the features group, filter and spatial take. */
export function joinedFeatures(input: FixtureInput): EventFeature[] {
  // joinEvents types its features as plain GeoJSON features; join.test.ts checks every id is a string.
  return joinEvents(input.events, input.places).features as EventFeature[];
}

/** Pretty JSON with short arrays of numbers or strings on one line, so coordinates read as pairs. */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  const shortArray = /\[\s*((?:-?[\d.eE+-]+|"[^"\n]*")(?:,\s*(?:-?[\d.eE+-]+|"[^"\n]*"))*)\s*\]/g;
  // Raw newlines never occur inside JSON strings, so joining on ",\n" only touches separators.
  return `${text.replace(shortArray, (_, inner: string) => `[${inner.replace(/,\n\s*/g, ", ")}]`)}\n`;
}

/**
 * Asserts that `actual` equals `out/<name>.geojson` (after a JSON round trip, which drops
 * undefined properties as a real response would); with REGEN=1, writes it first.
 */
export function expectFixture(name: string, actual: unknown): void {
  const file = path.join(OUT, `${name}.geojson`);
  const text = formatJson(actual);
  if (REGEN) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(file, text);
  }
  if (!existsSync(file)) throw new Error(`missing expected output ${path.relative(process.cwd(), file)}: run REGEN=1 npx vitest run`);
  expect(JSON.parse(text), name).toEqual(JSON.parse(readFileSync(file, "utf8")));
}
