/**
 * The hashes a strict script policy needs for a page without a nonce: the sha256 of the exact
 * bytes between each inline `<script>`'s tags (CSP hashes them untrimmed), and of each `<style>`.
 * Scripts with a `src` are covered by `'self'`; JSON data blocks never run, but hashing them is
 * harmless and keeps the rule simple.
 */
import { createHash } from "node:crypto";

export interface PageHashes {
  scripts: string[];
  styles: string[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;

/** A CSP source for some text: `'sha256-<base64>'` of its UTF-8 bytes. */
export function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

const unique = (values: string[]) => [...new Set(values)].sort();

/**
 * The hash of every inline script and style in an HTML document, each once.
 * @example inlineHashes("<script>a()</script>").scripts // ["'sha256-…'"]
 */
export function inlineHashes(html: string): PageHashes {
  const scripts: string[] = [];
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (!/\bsrc\s*=/i.test(attributes) && body.length > 0) scripts.push(cspHash(body));
  }
  const styles = [...html.matchAll(STYLE)].map(([, body = ""]) => cspHash(body));
  return { scripts: unique(scripts), styles: unique(styles) };
}
