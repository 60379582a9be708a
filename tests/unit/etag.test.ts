/** ETags for route handlers and generated images (app/_server/etag.ts). */
import { describe, expect, it } from "vitest";
import { etagOf, matchesEtag, withEtag } from "@/app/_server/etag";

describe("etagOf and matchesEtag", () => {
  it("tags the same bytes alike and different bytes differently, as a quoted strong validator", () => {
    expect(etagOf("abc")).toBe(etagOf(new TextEncoder().encode("abc")));
    expect(etagOf("abc")).not.toBe(etagOf("abd"));
    expect(etagOf("")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  it("matches an If-None-Match that lists the tag, weak or not, or *", () => {
    const tag = etagOf("body");
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesEtag("*", tag)).toBe(true);
    expect(matchesEtag(`"other"`, tag)).toBe(false);
    expect(matchesEtag(null, tag)).toBe(false);
    expect(matchesEtag("", tag)).toBe(false);
  });

  it("adds the tag to a response, keeping its status, headers and bytes", async () => {
    const tagged = await withEtag(new Response("png bytes", { status: 200, headers: { "Content-Type": "image/png" } }));
    expect(tagged.headers.get("ETag")).toBe(etagOf("png bytes"));
    expect(tagged.headers.get("Content-Type")).toBe("image/png");
    expect(await tagged.text()).toBe("png bytes");
  });
});
