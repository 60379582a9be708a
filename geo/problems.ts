import { closest as closestMatch, distance } from "fastest-levenshtein";

/** A reason a record was rejected, precise enough to find and fix it. */
export interface Problem {
  /** The data file, relative to the project root. */
  file: string;
  /** The record inside it: `place "khmeimim"`, `event #3`. */
  record: string;
  /** A dotted path inside the record: `properties.country`, `places.0.place`. */
  field: string;
  /** The offending value, as written (JSON), so it can be searched for in the file. */
  value: string;
  message: string;
}

/** One line per problem: `file: record, field = value: message`. */
export function formatProblem(problem: Problem): string {
  const where = problem.field ? `${problem.record}, field ${problem.field}` : problem.record;
  return `${problem.file}: ${where} = ${problem.value}: ${problem.message}`;
}

/** A JSON-ish rendering of a value for a message, cut short when long. */
export function showValue(value: unknown): string {
  const text = value === undefined ? "(missing)" : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The closest known id, if it is close enough to be a typo. */
export function closest(id: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const candidate = closestMatch(id, [...known]);
  return distance(id, candidate) <= Math.max(2, Math.floor(id.length / 3)) ? candidate : undefined;
}

/** ` (did you mean "x"?)` or nothing. */
export function didYouMean(id: string, known: readonly string[]): string {
  const suggestion = closest(id, known);
  return suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
}
