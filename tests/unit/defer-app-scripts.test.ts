import { describe, expect, it } from "vitest";
import { loaderTemplate } from "@/app/_server/defer-app-scripts";
import { runInNewContext } from "node:vm";
import {
  LOADER_OPTIONS_PLACEHOLDER,
  PAYLOAD_FOLDER,
  startOnIntentIfItCanWait,
  startOnIntentWithPayloadApart,
  withLoader,
} from "@/app/_server/loader-html";

const deferAppScripts = (html: string) => startOnIntentIfItCanWait(html, loaderTemplate());
import { inlineHashes } from "@/app/_server/csp-hashes";

/** A page as Next.js 16 prerenders one: its script files async in the head, its payload inline. */
const PAGE = [
  "<!DOCTYPE html><html><head>",
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
  '<script src="/_next/static/chunks/a.js" async=""></script>',
  '<script src="/_next/static/chunks/b.js" async=""></script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"]});</script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '</head><body><main>Story</main><div class="first-view"><a href="/places/damascus">Damascus</a></div>',
  '<script src="/_next/static/chunks/c.js" async=""></script>',
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  "</body></html>",
].join("");

describe("startOnIntentIfItCanWait", () => {
  const page = deferAppScripts(PAGE);

  it("takes out every script file Next.js would start, and leaves one loader that names them all, in order", () => {
    expect(page).not.toMatch(/<script src="[^"]+" async="">/);
    const loaders = [...page.matchAll(/<script>([^<]*startOnIntent|[^<]*dateline:hydrated[^<]*)<\/script>/g)];
    expect(loaders).toHaveLength(1);
    const loader = loaders[0]![1]!;
    const named = ["a.js", "b.js", "c.js"].map((file) => loader.indexOf(`/_next/static/chunks/${file}`));
    expect(named.every((at) => at > 0)).toBe(true);
    expect(named).toStrictEqual([...named].sort((x, y) => x - y));
  });

  it("puts the loader where the first script was, in the head", () => {
    expect(page.indexOf("dateline:hydrated")).toBeLessThan(page.indexOf("</head>"));
    expect(page.indexOf("dateline:hydrated")).toBeGreaterThan(page.indexOf('rel="preload"'));
  });

  it("keeps the page's inline data, its preload hint and the old browsers' polyfill as they were", () => {
    for (const kept of ['<script id="_R_">', "self.__next_f", 'rel="preload"', "noModule", "<main>Story</main>"]) {
      expect(page).toContain(kept);
    }
  });

  it("adds exactly one inline script to hash", () => {
    expect(inlineHashes(page).scripts).toHaveLength(inlineHashes(PAGE).scripts.length + 1);
  });

  it("says so when a page has no script tags of the expected form", () => {
    expect(() => deferAppScripts('<html><head></head><body><div class="first-view"></div></body></html>')).toThrow(
      /no <script src="…" async=""><\/script> tags/,
    );
  });

  it("leaves a page with no first view as it is: its map needs the app to be drawn at all", () => {
    const clustered = PAGE.replace(/<div class="first-view">.*?<\/div>/, "");
    expect(clustered).not.toContain("first-view");
    expect(deferAppScripts(clustered)).toBe(clustered);
  });
});

describe("the loader's template and withLoader", () => {
  const template = loaderTemplate();
  const loaderOf = (src: string) => withLoader(`<head><script src="${src}" async=""></script></head>`, template);

  it("is a script that cannot close its own element, whatever the file names", () => {
    const page = loaderOf("/a</script><script>alert(1)//.js");
    expect(page.match(/<\/script/gi)).toHaveLength(1);
    expect(page.endsWith("</script></head>")).toBe(true);
  });

  it("is small: under 2 KB plus the file names", () => {
    expect(template.length).toBeLessThan(2000);
  });

  it("has one place for its options, and fills it", () => {
    expect(template.split(LOADER_OPTIONS_PLACEHOLDER)).toHaveLength(2);
    expect(loaderOf("/a.js")).not.toContain(LOADER_OPTIONS_PLACEHOLDER);
  });

  it("starts at once on the view's parameters only", () => {
    expect(loaderOf("/a.js")).toContain(JSON.stringify("[?&](place|event|actors|from|to|view)(=|&|$)").slice(1, -1));
  });

  it("refuses a template with no place for its options", () => {
    expect(() => withLoader(PAGE, "startOnIntent({})")).toThrow(/must name __DATELINE_LOADER_OPTIONS__ exactly once/);
  });
});

describe("startOnIntentWithPayloadApart", () => {
  const template = loaderTemplate();
  /** PAGE with React's payload as Next.js writes it: the queue, then rows, one with markup in a string. */
  const WITH_PAYLOAD = PAGE.replace(
    "</body>",
    [
      '<script>self.__next_f.push([1,"0:{\\"a\\":\\"\\u003c/script\\u003e (x)\\"}\\n"])</script>',
      '<script>self.__next_f.push([1,"1:[\\"$\\",\\"p\\",null,{}]\\n"])</script>',
      "</body>",
    ].join(""),
  );
  const { html, payload } = startOnIntentWithPayloadApart(WITH_PAYLOAD, template);

  /** What the page's inline scripts leave in the queue Next.js's runtime reads. */
  const queueAfter = (code: string) =>
    JSON.parse(runInNewContext(`var self = globalThis; ${code}; JSON.stringify(self.__next_f)`) as string) as unknown[];
  const inlineScripts = (page: string) => [...page.matchAll(/<script>(.*?)<\/script>/gs)].map(([, code]) => code).join(";");

  it("takes every payload script out of the page", () => {
    expect(html).not.toContain("__next_f");
    expect(payload).toBeDefined();
  });

  it("puts in the file what the inline scripts queued, in order", () => {
    const original = queueAfter(inlineScripts(WITH_PAYLOAD).replace(/.*?(?=\(self\.__next_f)/s, ""));
    expect(original).toHaveLength(3);
    expect(queueAfter(payload!.code)).toStrictEqual(original);
  });

  it("names the file by its content, and the loader adds it first", () => {
    expect(payload!.name).toMatch(/^payload-[\w-]{16}\.js$/);
    expect(startOnIntentWithPayloadApart(WITH_PAYLOAD, template).payload!.name).toBe(payload!.name);
    const other = startOnIntentWithPayloadApart(WITH_PAYLOAD.replace("(x)", "(y)"), template);
    expect(other.payload!.name).not.toBe(payload!.name);
    const loader = inlineScripts(html);
    const url = `/_next/${PAYLOAD_FOLDER}/${payload!.name}`;
    expect(loader).toContain(`"payload":"${url}"`);
  });

  it("leaves the rest of the page as startOnIntentIfItCanWait makes it", () => {
    const withoutPayload = WITH_PAYLOAD.replace(/<script>(\(self\.__next_f=[^<]*|self\.__next_f\.push[^<]*)<\/script>/g, "");
    const named = `"payload":"/_next/${PAYLOAD_FOLDER}/${payload!.name}",`;
    expect(html.replace(named, "")).toBe(startOnIntentIfItCanWait(withoutPayload, template));
  });

  it("says so when part of the payload is in a form it does not know, rather than split it", () => {
    const unknown = WITH_PAYLOAD.replace("</body>", '<script nonce="n">self.__next_f.push([1,"2:null\\n"])</script></body>');
    expect(() => startOnIntentWithPayloadApart(unknown, template)).toThrow(/part of React's payload is in a form this does not know/);
  });

  it("leaves a page that must start as it loads whole, payload and all", () => {
    const clustered = WITH_PAYLOAD.replace(/<div class="first-view">.*?<\/div>/, "");
    expect(startOnIntentWithPayloadApart(clustered, template)).toStrictEqual({ html: clustered });
  });
});
