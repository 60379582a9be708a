import { NextResponse, type NextRequest } from "next/server";
import { knownPathIds } from "./geo/load";
import { contentSecurityPolicy, newNonce } from "./geo/security";
import { tileSettingFromEnv } from "./geo/tiles";

/** Addresses whose second segment is an id from the data, and the static image under some of them. */
const ID_PATH = /^\/(places|events|stories)\/([^/]+)(\/opengraph-image|\/map\.svg)?\/?$/;

/**
 * Two jobs, before any page renders:
 * - Unknown ids under /places/, /events/ and /stories/ (and undecodable ones, which crash Next.js's
 *   image routes) get the 404 page, rendered as a page of its own so its text is in the HTML:
 *   Next.js 16 sends a `notFound()` from a dynamic page as an empty shell (vercel/next.js#62228).
 * - Every page gets a fresh nonce and the CSP that allows only scripts carrying it. Next.js reads
 *   the nonce from the request's CSP header and puts it on its own scripts; pages read it from
 *   `x-nonce`. Headers for every response, and the locked policy for non-pages, are in next.config.js.
 */
export function proxy(request: NextRequest) {
  const idPath = ID_PATH.exec(request.nextUrl.pathname);
  const unknown = idPath !== null && !isKnownId(idPath[1] as IdKind, idPath[2] ?? "");
  if (idPath?.[3] && !unknown) return NextResponse.next(); // a preview image or a story's map: no page policy

  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    tiles: tileSettingFromEnv(),
    dev: process.env.NODE_ENV === "development",
    embed: request.nextUrl.pathname.startsWith("/embed/"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = unknown
    ? NextResponse.rewrite(new URL("/not-found-page", request.url), { status: 404, request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

type IdKind = "places" | "events" | "stories";

/** Whether a %-encoded path segment names a place, event or story in the data. */
function isKnownId(kind: IdKind, segment: string): boolean {
  try {
    return knownPathIds()[kind].has(decodeURIComponent(segment));
  } catch {
    return false; // a broken %-encoding names no id
  }
}

export const config = {
  // Pages and the preview images; API answers and build assets get their headers from next.config.js.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|basemap.json|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
