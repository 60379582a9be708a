/**
 * What the pages put in their `<head>` (Next.js Metadata): titles, descriptions, canonical URLs
 * and social cards. The text itself comes from geo/share.ts.
 */
import type { Metadata } from "next";
import type { Story } from "@/geo/schema";
import { storyPath } from "@/geo/story";
import { siteUrl } from "./env";

/**
 * The `<head>` of a story's map page: its title and a description of what the map shows. The
 * canonical URL is the story's own address, `/` for the front-page story, so that its two
 * addresses count as one page.
 */
export function storyMetadata(story: Story): Metadata {
  return {
    title: { absolute: `${story.title} · Dateline` },
    description: `The events of “${story.title}” (${story.dateline}) on a map: where and when each happened, who was involved, in the article's own words.`,
    alternates: {
      canonical: storyPath(story),
      // oEmbed discovery: a CMS given this page's address finds its embed code here.
      types: { "application/json+oembed": `/api/oembed?url=${encodeURIComponent(new URL(`/stories/${story.id}`, siteUrl()).href)}` },
    },
  };
}

/** The `<head>` of a share page: title, description, canonical URL, Open Graph and Twitter cards. */
export function shareMetadata(title: string, description: string, url: string): Metadata {
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { title, description, url, type: "article" as const, siteName: "Dateline" },
    twitter: { card: "summary_large_image" as const, title, description },
  };
}
