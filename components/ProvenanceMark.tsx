import type { Provenance } from "@/geo/schema";

/**
 * Marks a fact that does not come from the article: a visible "context" label with its
 * citation, so a reader can always tell what the article says from what Dateline added.
 */
export function ProvenanceMark({ provenance, what }: { provenance: Provenance; what: string }) {
  if (provenance.kind === "article") return null;
  const { citation } = provenance;
  return (
    <span className="context-mark" data-provenance="context">
      <abbr title={`${what} is not in the article: Dateline added it from ${citation.publisher}`}>context</abbr>{" "}
      <a href={citation.url} target="_blank" rel="noopener noreferrer">
        {citation.title} ({citation.publisher})
      </a>
    </span>
  );
}
