/**
 * A page Next.js renders on its first request (the share pages, /places/<id> and /events/<id>: an
 * empty generateStaticParams), as the reader gets it. Such a page is rendered after the build's
 * step that makes `/` start its app on the reader's first intent (cli/hash-pages.ts), so the
 * server takes the same step here: it fetches the page from itself (the first fetch renders it,
 * and Next.js keeps it), puts the loader in place of Next.js's script tags (loader-html.ts), and
 * hashes the result for the page's policy. proxy.ts answers a reader's request for the document
 * with it; a client-side navigation (React's payload, the `rsc` header) still goes to Next.js.
 *
 * Kept in memory up to a size (a few hundred pages): a page that falls out is fetched again from
 * Next.js's cache, and comes out the same bytes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { LRUCache } from "lru-cache";
import { inlineHashes, type PageHashes } from "./csp-hashes";
import { distDir } from "./env";
import { etagOf } from "./etag";
import { LOADER_FILE, startOnIntentIfItCanWait } from "./loader-html";

export interface OnDemandPage {
  html: string;
  hashes: PageHashes;
  etag: string;
}

/**
 * A header that marks the server's own request for a page it is about to take, so that proxy.ts
 * lets it through to Next.js. Its value is a secret of this process: a reader cannot send it.
 */
export const PROBE_HEADER = "x-dateline-hash-probe";
export const PROBE_TOKEN = crypto.randomUUID();

/** The loader's template from the build, or null where the build has none (a bare `next build`). */
let template: string | null | undefined;

function loaderTemplate(): string | null {
  if (template === undefined) {
    try {
      template = readFileSync(path.join(distDir(), LOADER_FILE), "utf8");
    } catch {
      template = null;
      console.error(
        `Dateline: ${LOADER_FILE} is not in the build: pages rendered on demand start their app as they load (run npm run build)`,
      );
    }
  }
  return template;
}

/** The page with the loader in where it can wait, or as it is if the loader cannot go in (said). */
function deferred(route: string, html: string): string {
  const loader = loaderTemplate();
  if (loader === null) return html;
  try {
    return startOnIntentIfItCanWait(html, loader);
  } catch (error) {
    console.error(`Dateline: ${route} starts its app as it loads: ${String(error)}`);
    return html;
  }
}

const pages = new LRUCache<string, OnDemandPage, { origin: string }>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (page) => page.html.length,
  // Asked for twice at once (the policy, then the page), fetched once.
  fetchMethod: async (route, _stale, { context }) => {
    const response = await fetch(new URL(route, context.origin), { headers: { [PROBE_HEADER]: PROBE_TOKEN } });
    const rendered = await response.text();
    if (!response.ok) throw new Error(`${route}: ${response.status}`);
    const html = deferred(route, rendered);
    return { html, hashes: inlineHashes(html), etag: etagOf(html) };
  },
});

/**
 * The page at `route` as the reader gets it, or undefined if it could not be fetched (said in the
 * log; tried again on the next request). `origin` is this server's own address.
 */
export async function onDemandPage(route: string, origin: string): Promise<OnDemandPage | undefined> {
  try {
    return await pages.fetch(route, { context: { origin } });
  } catch (error) {
    console.error(`Dateline: could not take ${route} to serve it: ${String(error)}`);
    return undefined;
  }
}
