import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDay } from "@/geo/dates";
import { loadDataset } from "@/geo/load";
import {
  MAX_ZOOM,
  PARAMS,
  asksForView,
  parseViewState,
  serializeViewState,
  viewDecimals,
  type KnownIds,
  type ViewState,
} from "@/geo/url-state";

const dataset = loadDataset();
const known: KnownIds = {
  places: dataset.places.map((p) => p.id),
  events: dataset.events.map((e) => e.id),
  actors: dataset.actors.map((a) => a.id),
  placesOfEvent: (id) => dataset.events.find((e) => e.id === id)?.places.map((p) => p.place) ?? [],
};
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const parse = (query: string) => parseViewState(new URLSearchParams(query), known);

describe("parseViewState on the contract's example links", () => {
  it.each<[string, ViewState]>([
    ["place=khmeimim", { place: "khmeimim" }],
    ["event=putin-assad-talks-damascus", { event: "putin-assad-talks-damascus" }],
    ["actors=iran,usa", { actors: ["iran", "usa"] }],
    ["from=2020-01-07&to=2020-01-08", { from: "2020-01-07", to: "2020-01-08" }],
    ["view=7/35.41/35.95", { view: { zoom: 7, lat: 35.41, lng: 35.95 } }],
    ["actors=iran&from=2020-01-08&to=2020-01-08&place=erbil", { place: "erbil", actors: ["iran"], from: "2020-01-08", to: "2020-01-08" }],
  ])("?%s", (query, expected) => {
    expect(parse(query)).toStrictEqual({ state: expected, notices: [] });
  });

  it("reads Next's searchParams object as well as URLSearchParams", () => {
    expect(parseViewState({ actors: "iran,usa", from: "2020-01-07", view: undefined }, known).state).toStrictEqual({
      actors: ["iran", "usa"],
      from: "2020-01-07",
    });
  });

  it("keeps actors in registry order, once each, ignoring blanks", () => {
    expect(parse("actors=usa,iran,usa,,%20russia").state.actors).toEqual(["russia", "iran", "usa"]);
  });

  it("accepts from or to alone, and from equal to to", () => {
    expect(parse("from=2020-01-08").state).toStrictEqual({ from: "2020-01-08" });
    expect(parse("to=2017-12-31").state).toStrictEqual({ to: "2017-12-31" });
    expect(parse("from=2020-02-29&to=2020-02-29").notices).toEqual([]);
  });

  it("accepts a place that the event happened at", () => {
    expect(parse("event=iran-missiles-iraq-bases&place=erbil")).toStrictEqual({
      state: { place: "erbil", event: "iran-missiles-iraq-bases" },
      notices: [],
    });
  });
});

describe("parseViewState on bad values", () => {
  it.each<[string, string, string, RegExp, ViewState]>([
    ["place=damascos&from=2020-01-07", "place", "damascos", /did you mean "damascus"/, { from: "2020-01-07" }],
    [
      "event=putin-asad-talks-damascus&actors=iran",
      "event",
      "putin-asad-talks-damascus",
      /did you mean "putin-assad-talks-damascus"/,
      { actors: ["iran"] },
    ],
    ["actors=iran,rusia", "actors", "rusia", /did you mean "russia"/, { actors: ["iran"] }],
    ["from=2020-02-30&to=2020-03-01", "from", "2020-02-30", /calendar day/, { to: "2020-03-01" }],
    ["to=12abc&place=erbil", "to", "12abc", /calendar day/, { place: "erbil" }],
    ["from=2020-01&place=erbil", "from", "2020-01", /YYYY-MM-DD/, { place: "erbil" }],
    ["from=2020-01-09&to=2020-01-07&place=erbil", "to", "2020-01-07", /before "from"/, { place: "erbil" }],
    ["view=7/35.41&place=khmeimim", "view", "7/35.41", /zoom\/lat\/lng/, { place: "khmeimim" }],
    ["view=99/0/0&place=khmeimim", "view", "99/0/0", /zoom 0-19/, { place: "khmeimim" }],
    ["view=7/91/0&actors=usa", "view", "7/91/0", /latitude -90 to 90/, { actors: ["usa"] }],
    ["view=7/0/181", "view", "7/0/181", /longitude/, {}],
    ["view=-1/0/0", "view", "-1/0/0", /zoom/, {}],
    ["view=7/35.41/35.95/2", "view", "7/35.41/35.95/2", /zoom\/lat\/lng/, {}],
    ["event=putin-assad-talks-damascus&place=erbil", "place", "erbil", /did not happen there/, { event: "putin-assad-talks-damascus" }],
  ])("?%s ignores %s=%s and applies the rest", (query, param, value, reason, rest) => {
    const { state, notices } = parse(query);
    expect(notices).toEqual([{ param, value, reason: expect.stringMatching(reason) }]);
    expect(state).toStrictEqual(rest);
  });

  it("uses the first of a repeated parameter and reports the others, from either source", () => {
    const expected = {
      state: { place: "damascus" },
      notices: [expect.objectContaining({ param: "place", value: "erbil" }), expect.objectContaining({ param: "place", value: "latakia" })],
    };
    expect(parse("place=damascus&place=erbil&place=latakia")).toEqual(expected);
    expect(parseViewState({ place: ["damascus", "erbil", "latakia"] }, known)).toEqual(expected);
    expect(parse("actors=iran&actors=usa").state.actors).toEqual(["iran"]);
  });

  it("ignores parameters it does not know", () => {
    expect(parse("utm_source=x&place=erbil")).toStrictEqual({ state: { place: "erbil" }, notices: [] });
  });

  it("cuts a very long value short in its notice", () => {
    const { notices } = parse(`place=${"x".repeat(5000)}`);
    expect(notices[0]?.value.length).toBe(60);
    expect(notices[0]?.value.endsWith("…")).toBe(true);
  });

  it("never cuts a character in half when it shortens a value", () => {
    const { notices } = parse(`place=${"😀".repeat(40)}`);
    expect(notices[0]?.value).toMatch(/^(😀)+…$/);
  });
});

describe("serializeViewState", () => {
  it("writes parameters in a fixed order, with commas and slashes readable", () => {
    const state: ViewState = {
      view: { zoom: 7, lat: 35.41, lng: 35.95 },
      to: "2020-01-08",
      from: "2020-01-08",
      actors: ["iran", "usa"],
      place: "erbil",
    };
    expect(serializeViewState(state)).toBe("place=erbil&actors=iran,usa&from=2020-01-08&to=2020-01-08&view=7/35.41/35.95");
    expect(serializeViewState({})).toBe("");
  });

  it("rounds the view to the zoom's precision and never writes -0", () => {
    expect(serializeViewState({ view: { zoom: 7, lat: 35.40111, lng: 35.94862 } })).toBe("view=7/35.40/35.95");
    expect(serializeViewState({ view: { zoom: 3, lat: -0.2, lng: 0 } })).toBe("view=3/0/0");
  });

  it("percent-encodes characters that would break the query", () => {
    const query = serializeViewState({ place: "a&b=c d#é" });
    expect(new URLSearchParams(query).get("place")).toBe("a&b=c d#é");
  });
});

const isoDay = fc
  .date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const coordinate = (limit: number, decimals: number) =>
  fc.integer({ min: -limit * 10 ** decimals, max: limit * 10 ** decimals }).map((n) => n / 10 ** decimals);
const view = fc
  .integer({ min: 0, max: MAX_ZOOM })
  .chain((zoom) =>
    fc.tuple(coordinate(90, viewDecimals(zoom)), coordinate(180, viewDecimals(zoom))).map(([lat, lng]) => ({ zoom, lat, lng })),
  );
const focus = fc.option(fc.constantFrom(...known.events), { nil: undefined }).chain((event) =>
  fc.record({
    event: fc.constant(event),
    place: fc.option(fc.constantFrom(...(event ? (known.placesOfEvent?.(event) ?? []) : known.places)), { nil: undefined }),
  }),
);
const validState: fc.Arbitrary<ViewState> = fc
  .record({
    focus,
    actors: fc.option(fc.subarray([...known.actors], { minLength: 1 }), { nil: undefined }),
    days: fc.tuple(fc.option(isoDay, { nil: undefined }), fc.option(isoDay, { nil: undefined })),
    view: fc.option(view, { nil: undefined }),
  })
  .map(({ focus: { place, event }, actors, days: [a, b], view }) => {
    const [from, to] = a && b && a > b ? [b, a] : [a, b];
    const state: ViewState = { place, event, actors, from, to, view };
    return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as ViewState;
  });

describe("parseViewState and serializeViewState together", () => {
  it("round-trip every valid state exactly", () => {
    fc.assert(
      fc.property(validState, (state) => {
        expect(parse(serializeViewState(state))).toStrictEqual({ state, notices: [] });
      }),
      { numRuns: 2000 },
    );
  });

  const value = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", minLength: 100, maxLength: 3000 }),
    fc
      .array(
        fc.constantFrom(
          "%",
          "%2",
          "%25",
          "%C3%A9",
          "%E0%A4%A",
          "%FF",
          "%00",
          "%D8%00",
          ",",
          "/",
          "+",
          "=",
          "&",
          "-",
          "1",
          "2020",
          "9",
          ".",
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join("")),
    fc.constantFrom(...known.places, ...known.actors, "2020-01-08", "2020-02-30", "7/35.41/35.95", "19/-90/-180", "0/0/0"),
  );
  const name = fc.oneof(fc.constantFrom(...PARAMS), fc.string({ maxLength: 8 }));
  const query = fc.oneof(
    fc.array(fc.tuple(name, value), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&")),
    fc.string({ unit: "binary", maxLength: 200 }),
  );

  it("never throw on hostile query strings, keep notices short, and keep only valid values", () => {
    fc.assert(
      fc.property(query, (text) => {
        const params = new URLSearchParams(text);
        const record: Record<string, string[]> = Object.create(null) as Record<string, string[]>; // "toString=" is a key too
        for (const [key, v] of params) (record[key] ??= []).push(v);
        expect(parseViewState(record, known)).toEqual(parseViewState(params, known));
        const { state, notices } = parseViewState(params, known);
        for (const notice of notices) {
          expect(notice.value.length).toBeLessThanOrEqual(60);
          expect(notice.value).not.toMatch(LONE_SURROGATE);
          expect(PARAMS).toContain(notice.param);
        }
        if (state.place) expect(known.places).toContain(state.place);
        if (state.from) expect(isIsoDay(state.from)).toBe(true);
        if (state.from && state.to) expect(state.from <= state.to).toBe(true);
        if (state.view) expect(Math.abs(state.view.lat)).toBeLessThanOrEqual(90);
        expect(parse(serializeViewState(state)).notices).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("asksForView", () => {
  it.each(["?place=damascus", "?actors=iran&from=2020-01-08", "?childId=map&event=x", "?place", "?view=", "?utm_source=x&to=2020-01-08"])(
    "%s asks for a view",
    (search) => expect(asksForView(search)).toBe(true),
  );

  it.each(["", "?", "?childId=dateline-map", "?utm_source=x", "?replace=1", "?actorsx=iran", "?q=place=1"])("%s does not", (search) =>
    expect(asksForView(search)).toBe(false),
  );

  it("agrees with URLSearchParams on every parameter", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARAMS, "childId", "utm_source", "x"), fc.constantFrom(...PARAMS, "childId", "y"), (a, b) => {
        const search = `?${a}=1&${b}=2`;
        const query = new URLSearchParams(search);
        expect(asksForView(search)).toBe(PARAMS.some((name) => query.has(name)));
      }),
    );
  });
});
