/**
 * Security headers (issue 5): a Content-Security-Policy that allows only what the app needs, and
 * the static headers every response carries. Pure, so the policy is tested without a server.
 */
import type { TileSetting } from "./tiles";

export interface CspOptions {
  nonce: string;
  tiles: TileSetting;
  /** `next dev` needs eval for its fast refresh; a production build never does. */
  dev?: boolean;
  /** An embed page (`/embed/…`), which any site may frame; every other page only this one. */
  embed?: boolean;
}

/**
 * The page policy: scripts only with this request's nonce (and what they load, by
 * 'strict-dynamic'); images from the app, `data:`/`blob:` and the configured tile host; no
 * plugins; no other site may frame the page. Style attributes stay allowed: React and Leaflet
 * position elements with them, and they cannot run code.
 */
export function contentSecurityPolicy({ nonce, tiles, dev = false, embed = false }: CspOptions): string {
  const tileOrigin = tiles.kind === "tiles" ? ` ${tiles.origin}` : "";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // `next dev` injects its CSS as <style> tags without a nonce; a production build links files.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin}`,
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embed ? "*" : "'self'"}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  return directives.join("; ");
}

/** The policy for responses that are not pages (JSON, CSV, images): nothing may run or load. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Headers for every response. HSTS only matters over HTTPS, and browsers ignore it elsewhere. */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Frame-Options": "SAMEORIGIN",
  "Cross-Origin-Opener-Policy": "same-origin",
  // The app uses none of these; clipboard-write stays on for "Copy link". (web-share is left out:
  // Chromium does not know it as a policy feature and warns; the share sheet works without it.)
  "Permissions-Policy": [
    "accelerometer=()",
    "autoplay=()",
    "camera=()",
    "display-capture=()",
    "geolocation=()",
    "gyroscope=()",
    "magnetometer=()",
    "microphone=()",
    "midi=()",
    "payment=()",
    "usb=()",
    "interest-cohort=()",
    "browsing-topics=()",
    "clipboard-write=(self)",
  ].join(", "),
};

/** A fresh, unguessable nonce: 16 random bytes in base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
