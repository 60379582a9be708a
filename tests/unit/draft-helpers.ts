/**
 * The studio's tests share the real gazetteer: `npm run gazetteer` writes it at build; a fresh
 * clone's unit tests run before the build, so it is made here when it is missing.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { GAZETTEER_FILE, loadGazetteer, type Gazetteer } from "@/geo/draft/gazetteer";
import { readRawDataset } from "@/geo/load";
import { validateDataset, type Dataset } from "@/geo/validate";

export function testGazetteer(): Gazetteer {
  if (!existsSync(GAZETTEER_FILE)) execFileSync("npx", ["tsx", "geo/draft/cli/build-gazetteer.ts"], { stdio: "inherit" });
  return loadGazetteer();
}

let dataset: Dataset | undefined;

/** The shipped data folder (geo/data), validated. */
export function shippedData(): Dataset {
  dataset ??= validateDataset(readRawDataset()).dataset;
  return dataset;
}
