// @ts-check
/**
 * Every HTTP header Dateline sets, defined once: next.config.js requires this file (it is plain
 * CommonJS so that it loads without a compiler) and proxy.ts imports it for the page policies.
 */

/** Headers for every response. HSTS only matters over HTTPS, and browsers ignore it elsewhere. */
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
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

/**
 * Cross-Origin-Opener-Policy, for the studio only. `same-origin` puts the page in a browsing context
 * group of its own, which a browser gives a renderer process of its own: the page then starts in a
 * cold process, whose start (the page's script context, first of all) lands in the page's first
 * tasks. Measured on `/` under Lighthouse's mobile profile, with and without the header, 10 runs
 * each: Total Blocking Time 247 ms against 62 ms (README, "Speed"). The reader's pages hold nothing
 * another window could take (no sign-in, no one's data), and every link they open in a new tab has
 * `rel="noopener"`; the studio shows a newsroom's unpublished drafts.
 */
const STUDIO_OPENER_POLICY = { "Cross-Origin-Opener-Policy": "same-origin" };

/**
 * For every path but the embeds: old browsers that ignore `frame-ancestors` still refuse to let
 * another site frame the page. Embeds are made to be framed, so they must not send it.
 */
const FRAME_HEADERS = { "X-Frame-Options": "SAMEORIGIN" };

/** Embed pages, the only ones other sites may frame (CONTRACT.md "Stories and embeds"). */
const EMBED_PATH = /^\/embed(\/|$)/;

/** The policy for responses that are not pages (JSON, CSV, images): nothing may run or load. */
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * How long shared caches keep what: a page or an image for 5 minutes, then served stale for up
 * to a day while one request revalidates it (ETag), so a purge or a new deploy shows within
 * minutes without a burst of traffic reaching the server. Browsers revalidate pages every time
 * (max-age=0), so a reader never sees a page older than the shared cache's copy.
 */
const CACHE_CONTROL = {
  page: "public, max-age=0, s-maxage=300, stale-while-revalidate=86400",
  image: "public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800",
  // Keyed by the whole URL, query included: each filter is its own cache entry.
  api: "public, max-age=60, s-maxage=300, stale-while-revalidate=86400",
};

/**
 * The studio (/studio and /api/studio/..., only where DATELINE_STUDIO=on) shows and writes the
 * newsroom's unpublished drafts: no cache, shared or private, may keep any of it.
 */
const STUDIO_CACHE_CONTROL = "no-store";

/** The studio's addresses, as a header rule's source. */
const STUDIO_SOURCES = ["/studio", "/studio/:path*", "/api/studio", "/api/studio/:path*"];

/**
 * A page's Content-Security-Policy: scripts only from the app's own files and the inline scripts
 * whose sha256 the build recorded for that page (no nonce, so the page is the same bytes for every
 * request and a shared cache may serve it); images from the app, `data:`/`blob:` and the tile
 * host; no plugins; framing by the site itself, or by anyone for an embed. Style attributes stay
 * allowed: React and Leaflet position elements with them, and they cannot run code.
 * @param {{ scriptHashes: readonly string[], styleHashes?: readonly string[], tileOrigin?: string, dev?: boolean, embed?: boolean }} options
 *   hashes as CSP sources (`'sha256-…'`); `dev` for `next dev`, which needs eval and inline styles
 * @returns {string}
 */
function pagePolicy({ scriptHashes, styleHashes = [], tileOrigin, dev = false, embed = false }) {
  const list = (/** @type {readonly string[]} */ sources) => sources.map((s) => ` ${s}`).join("");
  const directives = [
    "default-src 'self'",
    `script-src 'self'${list(scriptHashes)}${dev ? " 'unsafe-eval' 'unsafe-inline'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self'${list(styleHashes)}`,
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob:${tileOrigin ? ` ${tileOrigin}` : ""}`,
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

/**
 * @param {Record<string, string>} headers
 * @returns {{ key: string, value: string }[]}
 */
const pairs = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/**
 * What a page's response varies by, as Next.js says for its pages: the same address answers the
 * document and, to a request with these headers, the page's React payload. `/`'s document is a
 * static file (front-page.cjs) and a share page's is answered by proxy.ts (on-demand-page.ts):
 * neither would say so itself, and a shared cache must not mix them.
 */
const PAGE_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";

/**
 * The header rule for `/`'s policy, which proxy.ts does not serve (front-page.cjs). As written here
 * it allows no inline script; the build's last step (cli/hash-pages.ts) writes the page's hashes
 * into the built copy of this rule, so a build that skipped that step shows at once, unhydrated,
 * instead of running with a looser policy. Under `next dev` it is the dev policy; tiles may then
 * come from any https host, since the tile setting is parsed in TypeScript (geo/tiles.ts).
 * @param {{ dev: boolean }} options
 */
function frontPagePolicyRule({ dev }) {
  const policy = pagePolicy({ scriptHashes: [], dev, tileOrigin: dev ? "https:" : undefined });
  return { source: "/", headers: pairs({ "Content-Security-Policy": policy, Vary: PAGE_VARY }) };
}

/**
 * next.config.js's `headers()`: the security headers everywhere, the frame header everywhere but
 * the embeds, the locked policy on everything that is not a page, and the caching rules. (Pages get
 * their script policy from proxy.ts, which knows each page's hashes, but for `/`, whose policy is
 * written into its rule here at build; `_next/static` is immutable by Next.js itself.) A
 * Cache-Control set here wins over Next.js's own for pages.
 * @param {{ dev?: boolean }} [options] `dev` for `next dev`
 * @returns {{ source: string, headers: { key: string, value: string }[] }[]}
 */
function headerRules({ dev = false } = {}) {
  const locked = pairs({ "Content-Security-Policy": NON_PAGE_CSP });
  const notStatic = "(?!_next/static/|_next/image)";
  return [
    { source: "/:path*", headers: pairs(SECURITY_HEADERS) },
    { source: "/:path((?!embed(?:/|$)).*)", headers: pairs(FRAME_HEADERS) },
    { source: `/:path(${notStatic}.*)`, headers: pairs({ "Cache-Control": CACHE_CONTROL.page }) },
    frontPagePolicyRule({ dev }),
    { source: "/api/:path*", headers: [...locked, ...pairs({ "Cache-Control": CACHE_CONTROL.api })] },
    // An embed framed with sandbox="allow-scripts" has an opaque origin: its fetch of the basemap is
    // cross-origin and needs CORS. The file is public and the same for everyone.
    {
      source: "/basemap.json",
      headers: [...locked, ...pairs({ "Cache-Control": CACHE_CONTROL.image, "Access-Control-Allow-Origin": "*" })],
    },
    // The land under the first view and the starting map (geo/land-svg.ts), loaded by both: kept by
    // the browser, so that the map does not fetch it again.
    { source: "/basemap.svg", headers: [...locked, ...pairs({ "Cache-Control": CACHE_CONTROL.image })] },
    { source: "/:kind(places|events)/:id/opengraph-image", headers: [...locked, ...pairs({ "Cache-Control": CACHE_CONTROL.image })] },
    { source: "/stories/:id/map.svg", headers: [...locked, ...pairs({ "Cache-Control": CACHE_CONTROL.image })] },
    // A large story's events (geo/events-file.ts): cached and revalidated as its page is, so the two
    // never disagree for long; an embed in a sandboxed frame fetches it cross-origin, as the basemap.
    {
      source: "/stories/:id/events.json",
      headers: [...locked, ...pairs({ "Cache-Control": CACHE_CONTROL.page, "Access-Control-Allow-Origin": "*" })],
    },
    // Last, so that it wins over the page and API rules above.
    ...STUDIO_SOURCES.map((source) => ({ source, headers: pairs({ "Cache-Control": STUDIO_CACHE_CONTROL, ...STUDIO_OPENER_POLICY }) })),
  ];
}

module.exports = {
  SECURITY_HEADERS,
  FRAME_HEADERS,
  EMBED_PATH,
  NON_PAGE_CSP,
  CACHE_CONTROL,
  STUDIO_CACHE_CONTROL,
  STUDIO_OPENER_POLICY,
  PAGE_VARY,
  pagePolicy,
  headerRules,
  frontPagePolicyRule,
};
