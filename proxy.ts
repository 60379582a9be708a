import { NextResponse, type NextRequest } from "next/server";
import { knownShareIds } from "./geo/load";
import { contentSecurityPolicy, newNonce } from "./geo/security";
import { tileSettingFromEnv } from "./geo/tiles";

/**
 * Gives every page a fresh nonce and the CSP that allows only scripts carrying it. Next.js reads
 * the nonce from the request's CSP header and puts it on its own scripts; pages read it from
 * `x-nonce`. Static headers for every response are in next.config.js.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const unknown = unknownSharePage(request.nextUrl.pathname);
  const policy = contentSecurityPolicy({ nonce, tiles: tileSettingFromEnv(), dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // An unknown place or event: render the 404 page as a page of its own, so its text is in the HTML.
  const response = unknown
    ? NextResponse.rewrite(new URL("/not-found-page", request.url), { status: 404, request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

const SHARE_PAGE = /^\/(places|events)\/([^/]+)\/?$/;

/** True for `/places/<id>` or `/events/<id>` whose id is not in the data. */
function unknownSharePage(pathname: string): boolean {
  const match = SHARE_PAGE.exec(pathname);
  if (!match) return false;
  const known = knownShareIds()[match[1] === "places" ? "places" : "events"];
  let id: string;
  try {
    id = decodeURIComponent(match[2] ?? "");
  } catch {
    return true; // a broken %-encoding names no id
  }
  return !known.has(id);
}

export const config = {
  // Pages only: API answers, images and build assets get the static policy from next.config.js.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|basemap.json|icon.svg|favicon.ico|.*opengraph-image).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
