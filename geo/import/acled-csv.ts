/**
 * Writes generated ACLED-style rows (generate.ts) as a CSV file, a thousand rows at a time, so
 * that a file of any size is written without holding it in memory.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import Papa from "papaparse";
import { ACLED_COLUMNS } from "./acled";
import { generateAcledRows } from "./generate";

const BATCH = 1000;

/** Writes `events` generated rows to `out` (its folder made if need be); resolves once it is closed. */
export async function writeAcledCsv(out: string, events: number, seed: number): Promise<void> {
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const file = createWriteStream(out);
  const write = async (text: string) => {
    if (!file.write(text)) await once(file, "drain");
  };
  await write(`${ACLED_COLUMNS.join(",")}\n`);
  let batch: string[][] = [];
  const flush = async () => {
    if (batch.length > 0) await write(`${Papa.unparse(batch, { newline: "\n" })}\n`);
    batch = [];
  };
  for (const row of generateAcledRows({ events, seed })) {
    batch.push(ACLED_COLUMNS.map((column) => row[column]));
    if (batch.length === BATCH) await flush();
  }
  await flush();
  file.end();
  await once(file, "close");
}
