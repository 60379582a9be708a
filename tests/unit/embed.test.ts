import path from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { embedPath, fullMapPath, heightMessages, iframeCode, oembedResponse, oembedTarget, parseMaxDimension } from "@/geo/embed";
import { readRawDataset } from "@/geo/load";
import { validateDataset } from "@/geo/validate";

const { dataset } = validateDataset(readRawDataset(path.join("tests", "fixtures", "stories-two")));
const FIRST = "putin-visits-syria-2020";
const SECOND = "rockets-hit-ain-al-asad-2021";
const SITE = "https://maps.example.org";

describe("embed addresses", () => {
  it("carries the view's query string to the embed and to the full map", () => {
    expect(embedPath(FIRST)).toBe(`/embed/${FIRST}`);
    expect(embedPath(FIRST, "?place=damascus&actors=iran")).toBe(`/embed/${FIRST}?place=damascus&actors=iran`);
    expect(fullMapPath(SECOND, "event=x")).toBe(`/stories/${SECOND}?event=x`);
  });
});

describe("iframeCode", () => {
  it("is one sandboxed iframe whose attributes hold hostile titles and addresses as text", () => {
    const html = iframeCode({ src: `${SITE}/embed/a?x="><script>alert(1)</script>`, title: `"><img src=x onerror=alert(1)>` });
    const root = parse(html);
    expect(root.querySelectorAll("*").map((e) => e.tagName)).toEqual(["IFRAME"]);
    const iframe = root.querySelector("iframe")!;
    expect(iframe.getAttribute("title")).toBe(`Map: "><img src=x onerror=alert(1)>`);
    expect(iframe.getAttribute("src")).toBe(`${SITE}/embed/a?x="><script>alert(1)</script>`);
    expect(iframe.getAttribute("sandbox")).toBe("allow-scripts allow-popups allow-popups-to-escape-sandbox");
    expect(iframe.getAttribute("width")).toBe("100%");
  });
});

describe("heightMessages", () => {
  it("speaks Pym.js (when Pym named the child) and AMP's embed-size, in whole pixels", () => {
    expect(heightMessages(612.2, "dateline-map")).toEqual([
      "pymxPYMxdateline-mapxPYMxheightxPYMx613",
      { sentinel: "amp", type: "embed-size", height: 613 },
    ]);
    expect(heightMessages(500, null)).toEqual([{ sentinel: "amp", type: "embed-size", height: 500 }]);
  });
});

describe("oembedTarget", () => {
  const target = (url: string) => {
    const found = oembedTarget(dataset, url, [SITE]);
    return found && { story: found.story.id, query: found.query };
  };

  it("knows the front page, story, embed, event and place pages of this site, with their view", () => {
    expect(target(`${SITE}/`)).toEqual({ story: FIRST, query: "" });
    expect(target(`${SITE}/?actors=iran&from=2020-01-01&utm_source=x`)).toEqual({ story: FIRST, query: "actors=iran&from=2020-01-01" });
    expect(target(`${SITE}/stories/${SECOND}?place=ain-al-asad`)).toEqual({ story: SECOND, query: "place=ain-al-asad" });
    expect(target(`${SITE}/embed/${SECOND}`)).toEqual({ story: SECOND, query: "" });
    expect(target(`${SITE}/events/iran-missiles-iraq-bases`)).toEqual({ story: FIRST, query: "event=iran-missiles-iraq-bases" });
  });

  it("opens a place shared by two stories in the newer one", () => {
    expect(target(`${SITE}/places/ain-al-asad`)).toEqual({ story: SECOND, query: "place=ain-al-asad" });
    expect(target(`${SITE}/places/khmeimim`)).toEqual({ story: FIRST, query: "place=khmeimim" });
  });

  it("refuses other sites, other pages, unknown ids and text that is not a URL", () => {
    for (const url of [
      "https://evil.example/stories/putin-visits-syria-2020",
      `http://maps.example.org/`,
      `${SITE}/stories/no-such-story`,
      `${SITE}/events/no-such-event`,
      `${SITE}/places/atlantis`,
      `${SITE}/api/places`,
      `${SITE}/stories/${FIRST}/extra`,
      `${SITE}/embed/${FIRST}%FF%FE`,
      "not a url",
      "",
    ]) {
      expect(target(url), url).toBeUndefined();
    }
  });
});

describe("oembedResponse", () => {
  const target = oembedTarget(dataset, `${SITE}/places/damascus`, [SITE])!;

  it("is an oEmbed 1.0 rich answer whose html is the embed's iframe", () => {
    const answer = oembedResponse(target, SITE, {});
    expect(answer).toMatchObject({
      version: "1.0",
      type: "rich",
      provider_name: "Dateline",
      provider_url: `${SITE}/`,
      width: 640,
      height: 600,
    });
    const iframe = parse(answer.html).querySelector("iframe")!;
    expect(iframe.getAttribute("src")).toBe(`${SITE}/embed/${target.story.id}?place=damascus`);
    expect(iframe.getAttribute("width")).toBe("640");
    expect(iframe.getAttribute("height")).toBe("600");
  });

  it("fits within maxwidth and maxheight, down to what the embed needs", () => {
    expect(oembedResponse(target, SITE, { width: 500, height: 400 })).toMatchObject({ width: 500, height: 400 });
    expect(oembedResponse(target, SITE, { width: 100, height: 100 })).toMatchObject({ width: 100, height: 100 });
    expect(oembedResponse(target, SITE, { width: 2000 })).toMatchObject({ width: 640, height: 600 });
  });
});

describe("parseMaxDimension", () => {
  it("takes whole pixels and names what it refuses", () => {
    expect(parseMaxDimension("maxwidth", null)).toBeUndefined();
    expect(parseMaxDimension("maxwidth", "480")).toBe(480);
    expect(() => parseMaxDimension("maxheight", "-3")).toThrow('maxheight must be a positive whole number of pixels, not "-3"');
    expect(() => parseMaxDimension("maxwidth", "0")).toThrow(/maxwidth/);
    expect(() => parseMaxDimension("maxwidth", "1e9")).toThrow(/maxwidth/);
  });
});
