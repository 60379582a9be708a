"use client";

import type { Provenance } from "@/geo/schema";

const EMPTY_CITATION = { title: "", publisher: "", url: "" };

export interface ProvenanceFieldsProps {
  /** What the provenance is of: "the date", "this place". */
  label: string;
  value: Provenance | null;
  onChange: (value: Provenance) => void;
}

/**
 * Where a fact comes from: the article, or context, which needs a citation (title, publisher,
 * https URL) before the story can be saved; validation says what is missing.
 */
export function ProvenanceFields({ label, value, onChange }: ProvenanceFieldsProps) {
  const kind = value?.kind ?? "article";
  const citation = value?.kind === "context" ? value.citation : EMPTY_CITATION;
  const cite = (change: Partial<typeof citation>) => onChange({ kind: "context", citation: { ...citation, ...change } });
  return (
    <fieldset className="studio-provenance">
      <legend>Where {label} comes from</legend>
      <label>
        <input type="radio" checked={kind === "article"} onChange={() => onChange({ kind: "article" })} /> the article
      </label>
      <label>
        <input type="radio" checked={kind === "context"} onChange={() => cite({})} /> context (not in the article)
      </label>
      {kind === "context" && (
        <div className="studio-citation">
          <label>
            Citation title
            <input value={citation.title} onChange={(e) => cite({ title: e.target.value })} />
          </label>
          <label>
            Publisher
            <input value={citation.publisher} onChange={(e) => cite({ publisher: e.target.value })} />
          </label>
          <label>
            URL (https)
            <input type="url" value={citation.url} onChange={(e) => cite({ url: e.target.value })} />
          </label>
        </div>
      )}
    </fieldset>
  );
}
