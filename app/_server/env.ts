/** Settings the server reads from the environment, read here and nowhere else in app/. */

/** The Next.js build folder: `DATELINE_DIST_DIR` (the tests build copies side by side), else `.next`. */
export function distDir(env: Record<string, string | undefined> = process.env): string {
  return env.DATELINE_DIST_DIR?.trim() || ".next";
}
