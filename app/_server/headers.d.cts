// Types for headers.cjs (plain CommonJS so that next.config.js can require it).
export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
export declare const FRAME_HEADERS: Readonly<Record<string, string>>;
export declare const EMBED_PATH: RegExp;
export declare const NON_PAGE_CSP: string;
export declare const STUDIO_CACHE_CONTROL: string;
/** The request headers a page's answer depends on: the document and React's payload share an address. */
export declare const PAGE_VARY: string;
export declare const CACHE_CONTROL: Readonly<{ page: string; image: string; api: string }>;
/** Cross-Origin-Opener-Policy, sent on the studio's addresses only (why: headers.cjs). */
export declare const STUDIO_OPENER_POLICY: Readonly<Record<string, string>>;
export interface PagePolicyOptions {
  /** CSP sources such as `'sha256-…'`, for the page's inline scripts. */
  scriptHashes: readonly string[];
  styleHashes?: readonly string[];
  tileOrigin?: string;
  dev?: boolean;
  embed?: boolean;
}
export declare function pagePolicy(options: PagePolicyOptions): string;
export interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}
export declare function headerRules(options?: { dev?: boolean }): HeaderRule[];
export declare function frontPagePolicyRule(options: { dev: boolean }): HeaderRule;
