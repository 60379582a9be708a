"use client";

import type { Validation } from "./useValidation";

/** The validation beside the editor, in `npm run validate`'s words. */
export function ProblemsPanel({ validation, current }: { validation: Validation; current: boolean }) {
  const { problems, error } = validation;
  return (
    <section className="studio-problems" aria-labelledby="studio-problems-heading">
      <h2 id="studio-problems-heading">Validation</h2>
      <p
        role="status"
        className="studio-problems-summary"
        data-state={!current ? "checking" : problems.length > 0 || error ? "problems" : "ok"}
      >
        {!current
          ? "Checking…"
          : error
            ? `Could not check: ${error}`
            : problems.length === 0
              ? "No problems: ready to save."
              : `${problems.length === 1 ? "1 problem" : `${problems.length} problems`} to fix before saving:`}
      </p>
      {problems.length > 0 && (
        <ul className="studio-problem-list">
          {problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
