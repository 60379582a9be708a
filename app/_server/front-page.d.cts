// Types for front-page.cjs (plain CommonJS so that next.config.js can require it).
export declare const PRERENDERED_FOLDER: string;
export declare function frontPageFile(distDir: string): string;
export declare function frontPageRewrites(options: {
  distDir: string;
  dev: boolean;
}): { source: string; destination: string; missing: { type: "header"; key: string }[] }[];
