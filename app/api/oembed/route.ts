import type { NextRequest } from "next/server";
import { oembedResponse, oembedTarget, parseMaxDimension } from "@/geo/embed";
import { loadDataset } from "@/geo/load";
import { siteUrl } from "@/app/_server/env";

function error(status: number, code: string, message: string) {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * `GET /api/oembed?url=…` (oEmbed 1.0): for a story, embed, place or event page of this site, a
 * `rich` answer whose `html` is the story's embed with that view. This site is its public address
 * (DATELINE_SITE_URL) or the address the request came to.
 */
export function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const url = query.get("url");
  if (!url) return error(400, "missing_parameter", "url= is required: the address of a story, place or event page of this site");
  const format = query.get("format");
  // oEmbed asks for 501 here; the API's contract keeps every error a 4xx.
  if (format !== null && format !== "json")
    return error(400, "bad_parameter", `format=${JSON.stringify(format.slice(0, 40))}: only json is served`);
  let max: { width?: number; height?: number };
  try {
    max = { width: parseMaxDimension("maxwidth", query.get("maxwidth")), height: parseMaxDimension("maxheight", query.get("maxheight")) };
  } catch (problem) {
    return error(400, "bad_parameter", (problem as Error).message);
  }
  const origins = [siteUrl().origin, request.nextUrl.origin];
  const target = oembedTarget(loadDataset(), url, origins);
  if (!target) return error(404, "not_found", `${JSON.stringify(url.slice(0, 200))} is not a story, place or event page of this site`);
  return Response.json(oembedResponse(target, new URL(url).origin, max));
}
