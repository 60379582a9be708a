/**
 * Embeds: a story's map inside another site's article, as an `<iframe>`. What the iframe's
 * address is for a view, the code an editor pastes, the messages that tell the host page the
 * embed's height, and which embed an oEmbed request for one of this site's pages stands for.
 * Pure: no DOM, no request; the route and the components do the I/O.
 */
import { findStory, frontPageStory } from "./story";
import type { Story } from "./schema";
import type { Dataset } from "./validate";
import { PARAMS } from "./url-state";

/** The height an embed asks for before it has measured itself, and the oEmbed answer's default. */
export const EMBED_HEIGHT = 600;
export const EMBED_WIDTH = 640;
/** Narrower than this the map and its timeline no longer fit side by side with any use. */
export const EMBED_MIN_WIDTH = 280;
export const EMBED_MIN_HEIGHT = 360;

/** `/embed/<story id>` with the view's query string (`place=…&actors=…`), if any. */
export function embedPath(storyId: string, query = ""): string {
  const search = query.replace(/^\?/, "");
  return `/embed/${encodeURIComponent(storyId)}${search ? `?${search}` : ""}`;
}

/** The full story page for the same view, where the embed's "Open the full map" link goes. */
export function fullMapPath(storyId: string, query = ""): string {
  const search = query.replace(/^\?/, "");
  return `/stories/${encodeURIComponent(storyId)}${search ? `?${search}` : ""}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export interface IframeOptions {
  /** The absolute address of the embed page. */
  src: string;
  /** The story's title: the iframe's accessible name. */
  title: string;
  width?: number;
  height?: number;
}

/**
 * The `<iframe>` an editor pastes into an article. Sandboxed as a CMS would frame it (scripts and
 * the link out only), lazy, and as wide as the column unless a width is asked for. Text goes into
 * attributes escaped, so a story title cannot break out of them.
 */
export function iframeCode({ src, title, width, height = EMBED_HEIGHT }: IframeOptions): string {
  const widthAttribute = width ? `width="${width}"` : `width="100%"`;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(`Map: ${title}`)}" ${widthAttribute} height="${height}"` +
    ` style="border:0;max-width:100%" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"` +
    ` referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}

/**
 * The messages an embed posts to its parent with its height, in the formats newsroom embed code
 * already listens for: Pym.js's (also spoken by NPR's @nprapps/sidechain), which names the child
 * by the `childId` Pym puts in the iframe's address, and AMP's `embed-size` for `amp-iframe resizable`.
 */
export function heightMessages(height: number, pymChildId: string | null): unknown[] {
  const px = Math.ceil(height);
  const messages: unknown[] = [{ sentinel: "amp", type: "embed-size", height: px }];
  if (pymChildId) messages.unshift(`pymxPYMx${pymChildId}xPYMxheightxPYMx${px}`);
  return messages;
}

export interface OembedTarget {
  story: Story;
  /** The view's query string for the embed: `place=…` for a place page, `event=…` for an event's. */
  query: string;
}

/**
 * Which embed an oEmbed request stands for: a URL of this site's story, embed, place or event
 * pages, with its view. Anything else (another site, another page, an unknown id) is undefined.
 */
export function oembedTarget(dataset: Dataset, url: string, siteOrigins: readonly string[]): OembedTarget | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!siteOrigins.includes(parsed.origin)) return undefined;
  const view = new URLSearchParams();
  for (const name of PARAMS) {
    const value = parsed.searchParams.get(name);
    if (value !== null) view.set(name, value);
  }
  let segments: string[];
  try {
    segments = parsed.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined; // a broken %-encoding names no page
  }
  if (segments.length === 0) return { story: frontPageStory(dataset), query: view.toString() };
  const [kind, id, ...rest] = segments;
  if (!id || rest.length > 0) return undefined;
  if (kind === "stories" || kind === "embed") {
    const story = findStory(dataset, id);
    return story && { story, query: view.toString() };
  }
  if (kind === "events") {
    const event = dataset.events.find((e) => e.id === id);
    const story = event && findStory(dataset, event.story);
    return story && { story, query: new URLSearchParams({ event: id }).toString() };
  }
  if (kind === "places") {
    if (!dataset.places.some((p) => p.id === id)) return undefined;
    // The newest story with an event there; a place no event names opens on the front page.
    const stories = dataset.stories.filter((s) => dataset.events.some((e) => e.story === s.id && e.places.some((p) => p.place === id)));
    const story = stories.sort((a, b) => b.dateline.localeCompare(a.dateline))[0] ?? frontPageStory(dataset);
    return { story, query: new URLSearchParams({ place: id }).toString() };
  }
  return undefined;
}

/** A dimension from `maxwidth`/`maxheight`: a positive whole number, or undefined when absent. Throws on nonsense. */
export function parseMaxDimension(name: string, value: string | null): number | undefined {
  if (value === null || value === "") return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) === 0) throw new Error(`${name} must be a positive whole number of pixels, not "${value}"`);
  return Number(value);
}

export interface OembedResponse {
  version: "1.0";
  type: "rich";
  provider_name: "Dateline";
  provider_url: string;
  title: string;
  html: string;
  width: number;
  height: number;
}

/** The oEmbed 1.0 `rich` answer for a target, within the consumer's `maxwidth` and `maxheight`. */
export function oembedResponse(target: OembedTarget, origin: string, max: { width?: number; height?: number }): OembedResponse {
  const width = Math.max(Math.min(EMBED_WIDTH, max.width ?? EMBED_WIDTH), Math.min(EMBED_MIN_WIDTH, max.width ?? EMBED_MIN_WIDTH));
  const height = Math.max(Math.min(EMBED_HEIGHT, max.height ?? EMBED_HEIGHT), Math.min(EMBED_MIN_HEIGHT, max.height ?? EMBED_MIN_HEIGHT));
  const src = new URL(embedPath(target.story.id, target.query), origin).toString();
  return {
    version: "1.0",
    type: "rich",
    provider_name: "Dateline",
    provider_url: new URL("/", origin).toString(),
    title: target.story.title,
    html: iframeCode({ src, title: target.story.title, width, height }),
    width,
    height,
  };
}
