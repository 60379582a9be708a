/** The public address of the site, for canonical URLs and social cards: `DATELINE_SITE_URL`. */
export function siteUrl(env: Record<string, string | undefined> = process.env): URL {
  const value = env.DATELINE_SITE_URL?.trim();
  try {
    if (value) return new URL(value);
  } catch {
    console.error(`DATELINE_SITE_URL=${JSON.stringify(value)} is not a URL; using http://localhost:3000`);
  }
  return new URL("http://localhost:3000");
}
