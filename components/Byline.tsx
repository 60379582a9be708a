import { formatContractDate } from "@/geo/dates";
import type { Story } from "@/geo/schema";

export interface BylineProps {
  story: Pick<Story, "source" | "dateline">;
  className?: string;
  /** A `<span>` where a paragraph may not go (inside a link); a `<p>` otherwise. */
  as?: "p" | "span";
}

/**
 * The article's byline as a newspaper prints it: the source, then the day it ran ("Wire report ·
 * 8 January 2020"). How the copy reached Dateline is the story's `sourceNote`, shown with the article.
 */
export function Byline({ story, className, as: Element = "p" }: BylineProps) {
  return (
    <Element className={className}>
      {story.source} · <time dateTime={story.dateline}>{formatContractDate(story.dateline)}</time>
    </Element>
  );
}
