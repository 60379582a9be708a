/**
 * Which script policy a page is served with: the hashes the build recorded for a prerendered page,
 * or, for a page rendered on its first request (the share pages), the hashes of that page as the
 * reader gets it (on-demand-page.ts). Both are the same bytes every later request gets.
 */
import { readManifest, type CspManifest } from "./csp-manifest";
import type { PageHashes } from "./csp-hashes";
import { distDir } from "./env";
import { EMBED_PATH, pagePolicy } from "./headers.cjs";
import { onDemandPage } from "./on-demand-page";

let manifest: CspManifest | undefined;

/** The page Next.js answers with for an unknown address. */
export const NOT_FOUND_ROUTE = "/_not-found";

function hashesOf(route: string): PageHashes | undefined {
  manifest ??= readManifest(distDir());
  return manifest[route];
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
      (renderedOnDemand ? (await onDemandPage(route, origin))?.hashes : undefined) ??
      hashesOf(NOT_FOUND_ROUTE) ?? { scripts: [], styles: [] });
  return pagePolicy({ scriptHashes: hashes.scripts, styleHashes: hashes.styles, tileOrigin, dev, embed: EMBED_PATH.test(route) });
}
