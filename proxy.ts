import { NextResponse, type NextRequest } from "next/server";
import { NOT_FOUND_ROUTE, policyFor } from "./app/_server/page-policy";
import { PROBE_HEADER, PROBE_TOKEN, onDemandPage, type OnDemandPage } from "./app/_server/on-demand-page";
import { matchesEtag } from "./app/_server/etag";
import { PAGE_VARY } from "./app/_server/headers.cjs";
import { knownPathIds } from "./geo/load";
import { isDev, serverOrigin, studioServed, tileSettingFromEnv } from "./app/_server/env";
import { PRERENDERED_FOLDER } from "./app/_server/front-page.cjs";

/** Addresses whose second segment is an id from the data, and the static image or data file under some of them. */
const ID_PATH = /^\/(places|events|stories|embed)\/([^/]+)(\/opengraph-image|\/map\.svg|\/events\.json)?\/?$/;

/** Where the build keeps its static copy of `/` (front-page.cjs): served only as `/`. */
const PRERENDERED_PATH = new RegExp(`^/${PRERENDERED_FOLDER}(/|$)`);

/** The studio's page and API (contract: only where DATELINE_STUDIO=on). */
const STUDIO_PATH = /^\/(api\/)?studio(\/|$)/;

/**
 * Three jobs, before any page but `/` renders (`/` is a static file with its policy in a header
 * rule: app/_server/front-page.cjs):
 * - The studio is a 404 (the real 404 page, or the API's error shape) unless this build has it and
 *   the server was started with DATELINE_STUDIO=on.
 * - Unknown ids under /places/, /events/, /stories/ and /embed/ (and undecodable ones, which crash
 *   Next.js's image routes), and the static copy of `/` at an address of its own, get the 404 page,
 *   rendered as a page of its own so its text is in the HTML: Next.js 16 sends a `notFound()` from
 *   a dynamic page as an empty shell (vercel/next.js#62228).
 * - Every page gets its script policy: the hashes of its own inline scripts (app/_server/page-policy.ts),
 *   the same for every request, so the page stays the same bytes and any cache may keep it.
 *   Headers for every response, and the locked policy for non-pages, are in app/_server/headers.cjs.
 * - A share page, rendered on its first request, is served from here as the build would have made
 *   it, starting its app on the reader's first intent like `/` (app/_server/on-demand-page.ts).
 */
export async function proxy(request: NextRequest) {
  // This server fetching a share page to serve it (on-demand-page.ts): let it render untouched.
  if (request.headers.get(PROBE_HEADER) === PROBE_TOKEN) return NextResponse.next();
  const { pathname } = request.nextUrl;
  const studio = STUDIO_PATH.exec(pathname);
  if (studio?.[1] !== undefined) return studioServed() ? NextResponse.next() : studioApiOff();
  const studioOff = studio !== null && !studioServed();
  const idPath = ID_PATH.exec(pathname);
  const id = idPath ? decodedId(idPath[2] ?? "") : undefined;
  const unknown =
    studioOff ||
    PRERENDERED_PATH.test(pathname) ||
    (idPath !== null && (id === undefined || !knownPathIds()[idsOf(idPath[1] as PathKind)].has(id)));
  if (idPath?.[3] && !unknown) return NextResponse.next(); // a preview image, a story's map or data file: no page policy

  const tiles = tileSettingFromEnv();
  // An id's page by its decoded id: however its address is %-encoded, it is one page, hashed once.
  const route = unknown ? NOT_FOUND_ROUTE : idPath ? `/${idPath[1]}/${id}` : pathname.replace(/(.)\/$/, "$1");
  const renderedOnDemand = !unknown && idPath !== null && idPath[1] !== "stories" && idPath[1] !== "embed";
  const origin = serverOrigin(request.nextUrl.origin);
  const dev = isDev();
  const policy = await policyFor({ route, renderedOnDemand, origin, tileOrigin: tiles.kind === "tiles" ? tiles.origin : undefined, dev });
  if (renderedOnDemand && !dev && asksForDocument(request)) {
    const page = await onDemandPage(route, origin);
    if (page) return pageResponse(request, page, policy);
  }
  const response = unknown ? NextResponse.rewrite(new URL("/not-found-page", request.url), { status: 404 }) : NextResponse.next();
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** A request for a page's HTML, not for React's payload of it (a client-side navigation). */
function asksForDocument(request: NextRequest): boolean {
  return (request.method === "GET" || request.method === "HEAD") && !request.headers.has("rsc");
}

/** A page rendered on demand, as on-demand-page.ts has taken it: its body, or 304 if the cache has it. */
function pageResponse(request: NextRequest, page: OnDemandPage, policy: string): NextResponse {
  const headers = { "Content-Type": "text/html; charset=utf-8", ETag: page.etag, "Content-Security-Policy": policy, Vary: PAGE_VARY };
  if (matchesEtag(request.headers.get("if-none-match"), page.etag)) return new NextResponse(null, { status: 304, headers });
  return new NextResponse(request.method === "HEAD" ? null : page.html, { status: 200, headers });
}

/** An /api/studio/... request where the studio is off: the API's 404 error shape. */
function studioApiOff(): NextResponse {
  const message = "the studio is off: build and start with DATELINE_STUDIO=on (npm run studio)";
  return NextResponse.json({ error: { code: "not_found", message } }, { status: 404 });
}

type PathKind = "places" | "events" | "stories" | "embed";

/** Which ids a path's second segment names: an embed is a story's. */
function idsOf(kind: PathKind): "places" | "events" | "stories" {
  return kind === "embed" ? "stories" : kind;
}

/** A %-encoded path segment as text, or undefined for a broken %-encoding (which names no id). */
function decodedId(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export const config = {
  // Pages but `/` (`.+`), and the preview images; API answers, build assets and `/` get their
  // headers from next.config.js.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|basemap.json|basemap.svg|icon.svg|favicon.ico).+)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // The studio's API, so that it is a 404 where the studio is off (the rest of /api/ is not proxied).
    "/api/studio/:path*",
  ],
};
