import { describe, expect, it } from "vitest";
import { AnswerCache, type CachedAnswer } from "@/app/_server/answer-cache";
import { answerKey, cachedEventsAnswer, eventsAnswer } from "@/app/_server/api";
import { etagOf } from "@/app/_server/etag";
import { eventsCollection } from "@/geo/api";
import { joinEvents } from "@/geo/join";
import { filterEvents } from "@/geo/filter";
import { readRawDataset } from "@/geo/load";
import { validateDataset } from "@/geo/validate";

const { dataset } = validateDataset(readRawDataset());

function answer(bytes: number): CachedAnswer {
  return { status: 200, headers: {}, body: new Uint8Array(bytes), etag: `"${bytes}"` };
}

describe("AnswerCache", () => {
  it("makes an answer once and serves the same one after", () => {
    const cache = new AnswerCache(10, 1000);
    let made = 0;
    const make = () => (made++, answer(5));
    const first = cache.get("a", make);
    expect(cache.get("a", make)).toBe(first);
    expect(made).toBe(1);
  });

  it("drops the least recently used answer past its count, and past its bytes", () => {
    const byCount = new AnswerCache(2, 1000);
    byCount.get("a", () => answer(1));
    byCount.get("b", () => answer(1));
    byCount.get("a", () => answer(99)); // a is now the most recently used
    byCount.get("c", () => answer(1));
    expect(byCount.size).toBe(2);
    expect(byCount.get("a", () => answer(99)).body.byteLength).toBe(1);
    expect(byCount.get("b", () => answer(42)).body.byteLength).toBe(42);

    const byBytes = new AnswerCache(100, 10);
    byBytes.get("a", () => answer(6));
    byBytes.get("b", () => answer(6));
    expect(byBytes.size).toBe(1);
    expect(byBytes.totalBytes).toBe(6);
  });

  it("does not keep an answer larger than its whole byte bound", () => {
    const cache = new AnswerCache(10, 10);
    cache.get("small", () => answer(4));
    cache.get("huge", () => answer(11));
    expect(cache.size).toBe(1);
    expect(cache.totalBytes).toBe(4);
  });
});

describe("answerKey", () => {
  it("is the same for the same parameters in another order or with parameters the API ignores", () => {
    expect(answerKey(new URLSearchParams("to=2020-01-08&actors=iran&utm_source=x"))).toBe(
      answerKey(new URLSearchParams("actors=iran&to=2020-01-08")),
    );
  });

  it("differs when a value, a repetition or the format differs", () => {
    const keys = [
      "actors=iran",
      "actors=usa",
      "actors=iran&actors=iran",
      "actors=iran&format=csv",
      "story=putin-visits-syria-2020&actors=iran",
    ];
    expect(new Set(keys.map((q) => answerKey(new URLSearchParams(q)))).size).toBe(keys.length);
  });
});

const QUERIES = [
  "",
  "actors=iran",
  "actors=usa,rebels",
  "from=2020-01-07&to=2020-01-08",
  "place=damascus",
  "place=erbil&actors=iran&from=2020-01-08&to=2020-01-08",
  "format=csv&actors=syria&to=2019-12-31",
  "actors=nobody",
  "from=2020-13-01",
  "format=xml",
  "story=putin-visits-syria-2020",
];

describe("cachedEventsAnswer", () => {
  it("answers every query with exactly the bytes, status and headers of a fresh answer, and their ETag", () => {
    for (const query of QUERIES) {
      const fresh = eventsAnswer(dataset, new URLSearchParams(query));
      const cached = cachedEventsAnswer(dataset, new URLSearchParams(query));
      expect(cached.status, query).toBe(fresh.status);
      expect(cached.headers, query).toEqual(fresh.headers);
      expect(new TextDecoder().decode(cached.body), query).toBe(fresh.body);
      expect(cached.etag, query).toBe(etagOf(fresh.body));
    }
  });

  it("builds each normalised query's answer once and serves the same bytes after", () => {
    const data = structuredClone(dataset);
    const first = cachedEventsAnswer(data, new URLSearchParams("actors=iran&to=2020-01-08"));
    expect(cachedEventsAnswer(data, new URLSearchParams("to=2020-01-08&actors=iran&_=123"))).toBe(first);
    expect(cachedEventsAnswer(data, new URLSearchParams("actors=usa"))).not.toBe(first);
  });
});

describe("eventsCollection with the join made once per dataset", () => {
  it("gives what a fresh join and filter give, for the unfiltered and filtered queries, in any order of asking", () => {
    const data = structuredClone(dataset);
    const all = joinEvents(data.events, data.places).features;
    for (const query of ["place=damascus", "", "actors=iran", "", "from=2020-01-08"]) {
      const result = eventsCollection(data, new URLSearchParams(query));
      if (result.status !== 200) throw new Error(`?${query} answered ${result.status}`);
      const params = new URLSearchParams(query);
      const expected = filterEvents(all, {
        actors: params.get("actors")?.split(","),
        from: params.get("from") ?? undefined,
        place: params.get("place") ?? undefined,
      });
      expect(result.body.features, query).toEqual(expected);
    }
  });
});
