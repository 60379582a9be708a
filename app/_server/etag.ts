/**
 * ETags for answers Next.js does not tag itself (route handlers, generated images), so that a
 * shared cache can revalidate them cheaply.
 */
import { createHash } from "node:crypto";

/** A strong validator for a body: the same bytes always give the same tag. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Whether an `If-None-Match` header already names this tag (or `*`). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === etag;
  });
}

/** The same response with an ETag of its body (read whole: preview images and JSON are small). */
export async function withEtag(response: Response): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.set("ETag", etagOf(body));
  return new Response(body, { status: response.status, headers });
}
