/** Command-line flags for the import scripts, with messages that name the flag and the value. */
import { parseArgs } from "node:util";

/** A whole number from a flag's value, or an error naming the flag. */
export function integerFlag(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} ${JSON.stringify(value)}: must be a whole number >= 0`);
  return n;
}

/** A flag's value, or an error saying it is required. */
export function requiredFlag(name: string, value: string | undefined): string {
  if (value === undefined || value === "") throw new Error(`--${name} is required`);
  return value;
}

/** Runs a script's main function, printing a failure as one line and exiting 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

export { parseArgs };
