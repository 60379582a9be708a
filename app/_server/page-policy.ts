/**
 * Which script policy a page is served with: the hashes the build recorded for a prerendered page,
 * or, for a page rendered on its first request (the share pages), the hashes of that page's HTML,
 * fetched once from this server and remembered. Both are the same bytes every later request gets:
 * Next.js keeps an on-demand page once rendered.
 */
import { inlineHashes, type PageHashes } from "./csp-hashes";
import { readManifest, type CspManifest } from "./csp-manifest";
import { distDir } from "./env";
import { EMBED_PATH, pagePolicy } from "./headers.cjs";

let manifest: CspManifest | undefined;
const onDemand = new Map<string, Promise<PageHashes>>();

/** The page Next.js answers with for an unknown address. */
export const NOT_FOUND_ROUTE = "/_not-found";

/**
 * A header that marks the server's own request for a page it is about to hash, so that proxy.ts
 * lets it through. Its value is a secret of this process: a reader cannot send it.
 */
export const PROBE_HEADER = "x-dateline-hash-probe";
export const PROBE_TOKEN = crypto.randomUUID();

function hashesOf(route: string): PageHashes | undefined {
  manifest ??= readManifest(distDir());
  return manifest[route];
}

/**
 * The hashes of a page rendered on demand: fetched from this server (the first fetch renders and
 * keeps it), hashed, remembered for the life of the process. `origin` is this server's own address.
 */
function onDemandHashes(route: string, origin: string): Promise<PageHashes> {
  let hashes = onDemand.get(route);
  if (!hashes) {
    hashes = fetch(new URL(route, origin), { headers: { [PROBE_HEADER]: PROBE_TOKEN } })
      .then(async (response) => {
        const html = await response.text();
        if (!response.ok) throw new Error(`${route}: ${response.status}`);
        return inlineHashes(html);
      })
      .catch((error: unknown) => {
        onDemand.delete(route); // try again on the next request
        console.error(`Dateline: could not hash ${route} for its CSP: ${String(error)}`);
        return { scripts: [], styles: [] };
      });
    onDemand.set(route, hashes);
  }
  return hashes;
}

export interface PolicyRequest {
  /** The route whose HTML answers: the request's path, or NOT_FOUND_ROUTE for an unknown id. */
  route: string;
  /** Whether the page is rendered on its first request rather than at build. */
  renderedOnDemand: boolean;
  origin: string;
  tileOrigin?: string;
  dev: boolean;
}

/** The Content-Security-Policy header for one page. Unknown routes are the 404 page. */
export async function policyFor({ route, renderedOnDemand, origin, tileOrigin, dev }: PolicyRequest): Promise<string> {
  const hashes = dev
    ? { scripts: [], styles: [] }
    : (hashesOf(route) ??
      (renderedOnDemand ? await onDemandHashes(route, origin) : undefined) ??
      hashesOf(NOT_FOUND_ROUTE) ?? { scripts: [], styles: [] });
  return pagePolicy({ scriptHashes: hashes.scripts, styleHashes: hashes.styles, tileOrigin, dev, embed: EMBED_PATH.test(route) });
}
