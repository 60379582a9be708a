import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "./geo/security";
import { tileSettingFromEnv } from "./geo/tiles";

/**
 * Gives every page a fresh nonce and the CSP that allows only scripts carrying it. Next.js reads
 * the nonce from the request's CSP header and puts it on its own scripts; pages read it from
 * `x-nonce`. Static headers for every response are in next.config.js.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, tiles: tileSettingFromEnv(), dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
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
