// Fuzzes a running production server with random and adversarial query strings and paths:
// long values (up to 10 kB), unicode and emoji, %00, broken and nested percent-encodings,
// repeated parameters, `__proto__`, array-style names. Checks: no 5xx and no connection error
// anywhere; every 400 from /api/events is JSON {error:{code,message}} naming a parameter that was
// sent, and a surely-bad API value is a 400; `/` always answers 200 with the bytes of plain `/`
// (it is prerendered; the browser reads the query and shows notices); a real id under /places/,
// /events/, /stories/ or /embed/ is a 200; /api/oembed answers 200 only for a page of this site,
// and otherwise a JSON 400 or 404.
//
//   DATELINE_FUZZ_URL=http://localhost:3250 node tests/fuzz/fuzz.mjs
// Settings: DATELINE_FUZZ_COUNT (2500 requests), DATELINE_FUZZ_SECONDS (stops sending after 50 s),
// DATELINE_FUZZ_SEED (random; printed, to replay a run), DATELINE_FUZZ_REPORT (a JSON file that
// tests/count-results.mjs reads). Prints counts per route and status; exits 1 on any failure.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import http from "node:http";

// Redirects echo the URL in their Location header: accept answers whose headers are as long as
// the requests may be (Node's client stops at 16 kB otherwise).
if (http.maxHeaderSize < 65_536) {
  const { status } = spawnSync(process.execPath, ["--max-http-header-size=65536", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(status ?? 1);
}

const BASE = (process.env.DATELINE_FUZZ_URL ?? "http://localhost:3250").replace(/\/$/, "");
const TOTAL = Number(process.env.DATELINE_FUZZ_COUNT ?? 2500);
const SEED = Number(process.env.DATELINE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = 8;
/** Stops sending after this many seconds even if TOTAL is not reached, so a slow machine stays bounded. */
const SECONDS = Number(process.env.DATELINE_FUZZ_SECONDS ?? 50);
const MAX_QUERY = 14_000; // Node refuses request lines over 16 kB with a 431, which is not what this tests.

// A small seeded PRNG (mulberry32), so that a failing run can be replayed with its seed.
let state = SEED;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;

const get = async (path) => (await fetch(`${BASE}${path}`)).json();
const places = (await get("/api/places")).features.map((f) => f.id);
const events = [...new Set((await get("/api/events")).features.map((f) => f.properties.eventId))];
const actors = [...new Set((await get("/api/events")).features.flatMap((f) => f.properties.actors))];
// The story ids, from the index's links (no API lists them).
const stories = [
  ...new Set([...(await (await fetch(`${BASE}/stories`)).text()).matchAll(/href="\/stories\/([a-z0-9-]+)"/g)].map((m) => m[1])),
];
if (stories.length === 0) throw new Error(`${BASE}/stories links to no story`);

/** Raw fragments put into the URL as they are: broken, nested and dangerous encodings. */
const RAW = ["%00", "%E0%A4%A", "%", "%%", "%zz", "%C0%AF", "%ED%A0%80", "%FF%FE", "%2525", "%252F", "%25%32%35", "%u0041"];
RAW.push("%0D%0ASet-Cookie:%20x=1", "%2e%2e%2f", "%26place%3Ddamascus", "+", "%20", "%2C", ",,", "%EF%BB%BF", "%F0%9F%98%80", "%C3");
/** Values as text (encoded before sending): prototype keys, types, scripts, unicode, near-misses. */
const TEXT = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "[object Object]", "NaN", "Infinity", "-0"];
TEXT.push("1e309", "null", "undefined", "true", "[]", "{}", '{"a":1}', "<script>alert(1)</script>", "' OR 1=1--", "../../etc/passwd");
TEXT.push("😀", "👨‍👩‍👧‍👦", "🇸🇾", "مرحبا", "דמשק", "\u202Eevil", "\u200B", "e\u0301", "\uFEFF", "\u0000", "DAMASCUS", "damascus ");
TEXT.push(" iran", "iran,,usa", ",", "iran,iran", "2020-02-30", "2020-13-01", "0000-00-00", "9999-12-31", "2020-1-7", "+2020-01-07");
TEXT.push("2020-01-07T00:00", "20200107", "7/35.41/35.95", "20/0/0", "7/91/0", "7/0/181", "-1/0/0", "7/35.41", "7/1/2/3", "7/0x10/0");
const NAMES = ["place", "event", "actors", "from", "to", "view"];
const JUNK_NAMES = ["format", "__proto__", "constructor", "actors[]", "actors[0]", "place[]", "PLACE", "pl%61ce", "", "%00", "x", "😀"];

function randomText(length) {
  const pools = [
    [0x20, 0x7e],
    [0xa0, 0x24f],
    [0x600, 0x6ff],
    [0x4e00, 0x9fff],
    [0x1f300, 0x1faff],
    [0x200b, 0x202e],
  ];
  let text = "";
  while (text.length < length) {
    const [lo, hi] = pick(pools);
    text += String.fromCodePoint(lo + int(hi - lo + 1));
  }
  return text;
}

const day = () => `${2000 + int(26)}-${String(1 + int(12)).padStart(2, "0")}-${String(1 + int(28)).padStart(2, "0")}`;
const good = {
  place: () => pick(places),
  event: () => pick(events),
  actors: () => Array.from({ length: 1 + int(3) }, () => pick(actors)).join(","),
  from: day,
  to: day,
  view: () => `${int(20)}/${(random() * 170 - 85).toFixed(int(5))}/${(random() * 340 - 170).toFixed(int(5))}`,
  format: () => pick(["geojson", "csv"]),
  story: () => pick(stories),
};

/** A value for a parameter, already in URL form: usually hostile, sometimes real. */
function rawValue(name) {
  const real = (Object.hasOwn(good, name) ? good[name] : good.place)();
  switch (int(9)) {
    case 0:
      return encodeURIComponent(real);
    case 1:
      return encodeURIComponent(real) + pick(RAW);
    case 2:
      return encodeURIComponent(pick(TEXT));
    case 3:
      return encodeURIComponent(randomText(1 + int(chance(0.15) ? 3000 : 40)));
    case 4:
      return chance(0.5)
        ? "a".repeat(10_000)
        : encodeURIComponent(randomText(3300))
            .slice(0, 10_000)
            .replace(/%[0-9A-F]?$/, "");
    case 5:
      return encodeURIComponent(encodeURIComponent(chance(0.5) ? real : pick(TEXT)));
    case 6:
      return Array.from({ length: 1 + int(4) }, () => (chance(0.5) ? pick(RAW) : encodeURIComponent(pick(TEXT)))).join("");
    case 7:
      return "";
    default:
      return pick(RAW);
  }
}

function randomQuery(names) {
  const parts = [];
  for (let i = int(6); i >= 0; i--) {
    const name = chance(0.85) ? pick(names) : pick(JUNK_NAMES);
    const value = rawValue(name);
    parts.push(chance(0.05) ? name : `${name}=${value}`);
    if (chance(0.15)) parts.push(`${name}=${rawValue(name)}`); // repeated
  }
  let query = parts.join("&");
  while (query.length > MAX_QUERY) query = query.slice(0, query.lastIndexOf("&") > 0 ? query.lastIndexOf("&") : MAX_QUERY);
  return query;
}

const VIEW = /^(\d{1,2})\/(-?\d{1,3}(?:\.\d{1,8})?)\/(-?\d{1,3}(?:\.\d{1,8})?)$/;
/** The parameters whose value is surely bad, as the server decodes them (WHATWG URLSearchParams). */
function surelyBad(query, checked) {
  const params = new URLSearchParams(query);
  const bad = [];
  for (const name of checked) {
    const values = params.getAll(name).filter((v) => v !== "");
    const [v] = values;
    if (name === "format" && params.has("format")) {
      if (params.getAll("format").length > 1 || !["geojson", "csv"].includes(params.get("format"))) bad.push(name);
      continue;
    }
    if (v === undefined) continue;
    const wrong =
      values.length > 1 ||
      (name === "place" && !places.includes(v)) ||
      (name === "event" && !events.includes(v)) ||
      (name === "story" && !stories.includes(v)) ||
      (name === "actors" && v.split(",").some((a) => a.trim() !== "" && !actors.includes(a.trim()))) ||
      ((name === "from" || name === "to") && !/^\d{4}-\d{2}-\d{2}$/.test(v)) ||
      (name === "view" && !VIEW.test(v));
    if (wrong) bad.push(name);
  }
  return bad;
}

const sentNames = (query) => [...new URLSearchParams(query).keys()];

/** The HTML of `/` without a query, fetched once. */
let plainHome;

/** One request of a route; returns problems found (empty when all is well). */
const ROUTES = {
  // `/` is prerendered: whatever the query, the same bytes as plain `/`. The query, bad values
  // included, is read in the browser (its notices: tests/browser/static-page.spec.ts, filters.spec.ts
  // and the property tests of geo/url-state.ts), so no query may change what the server sends.
  "/": async () => {
    const query = randomQuery(NAMES);
    const { res, body } = await request(`/?${query}`);
    const problems = res.status === 200 ? [] : [`status ${res.status}, not 200`];
    plainHome ??= (await request("/")).body;
    if (res.status === 200 && body !== plainHome) problems.push("not the same bytes as plain /");
    const bad = surelyBad(query, NAMES);
    return { path: `/?${query}`, status: bad.length > 0 ? `${res.status} (bad value)` : res.status, problems };
  },
  "/api/events": async () => {
    const query = randomQuery([...NAMES, "format", "format", "story"]);
    const { res, body } = await request(`/api/events?${query}`);
    const problems = [];
    const bad = surelyBad(query, ["place", "actors", "from", "to", "format", "story"]);
    if (res.status === 400) {
      let error;
      try {
        error = JSON.parse(body).error;
      } catch {
        problems.push("400 whose body is not JSON");
      }
      if (error && (typeof error.code !== "string" || typeof error.message !== "string"))
        problems.push("400 without {error:{code,message}}");
      else if (error && !sentNames(query).some((name) => name !== "" && error.message.startsWith(`${name}=`))) {
        problems.push(`400 message names no parameter sent: ${error.message.slice(0, 100)}`);
      }
      if (!/^application\/json/.test(res.headers.get("content-type") ?? "")) problems.push("400 that is not application/json");
    } else if (res.status === 200) {
      if (bad.length > 0) problems.push(`200 although ${bad.join(", ")} is bad`);
    } else problems.push(`status ${res.status}, not 200 or 400`);
    return { path: `/api/events?${query}`, status: res.status, problems };
  },
  "/places/…": () => sharePage("places", places),
  "/events/…": () => sharePage("events", events),
  "/stories/…": () => sharePage("stories", stories),
  "/embed/…": () => sharePage("embed", stories),
  // oEmbed: a 200 only for a page of this site that exists; every other answer a JSON 400 or 404.
  "/api/oembed": async () => {
    const real = pick([`/stories/${pick(stories)}`, `/embed/${pick(stories)}`, `/places/${pick(places)}`, `/events/${pick(events)}`, "/"]);
    const url = pick([
      `${BASE}${real}`,
      `${BASE}${real}?${randomQuery(NAMES)}`,
      `${BASE}${real}${pick(RAW)}`,
      `https://example.com${real}`,
      pick(TEXT),
      randomText(1 + int(80)),
      "",
    ]);
    const parts = [`url=${encodeURIComponent(url)}`];
    if (chance(0.3)) parts.push(`maxwidth=${pick(["", "0", "-5", "480", "1e9", "99999", pick(RAW)])}`);
    if (chance(0.3)) parts.push(`maxheight=${pick(["", "360", "abc", "10000000"])}`);
    if (chance(0.1)) parts.push(`format=${pick(["json", "xml", pick(RAW)])}`);
    const path = `/api/oembed?${parts.join("&")}`;
    const { res, body } = await request(path);
    const problems = [];
    if (res.status === 200) {
      if (!url.startsWith(BASE)) problems.push("200 for a URL that is not this site's");
      try {
        const answer = JSON.parse(body);
        if (answer.version !== "1.0" || answer.type !== "rich" || !/^<iframe /.test(answer.html))
          problems.push("200 that is not an oEmbed rich answer");
      } catch {
        problems.push("200 whose body is not JSON");
      }
    } else if (res.status === 400 || res.status === 404) {
      try {
        const { error } = JSON.parse(body);
        if (typeof error?.code !== "string" || typeof error?.message !== "string")
          problems.push(`${res.status} without {error:{code,message}}`);
      } catch {
        problems.push(`${res.status} whose body is not JSON`);
      }
    } else if (res.status !== 414 && res.status !== 431) problems.push(`status ${res.status}, not 200, 400 or 404`); // 414/431: Node refuses an address that long
    return { path, status: res.status, problems };
  },
};

async function sharePage(kind, ids) {
  const real = pick(ids);
  const suffix = [
    "",
    pick(RAW),
    encodeURIComponent(pick(TEXT)),
    "/",
    "%2F..%2F..%2Fetc%2Fpasswd",
    ".json",
    "/opengraph-image",
    `${pick(RAW)}/opengraph-image`,
    encodeURIComponent(randomText(1 + int(60))),
  ];
  const id = chance(0.3)
    ? encodeURIComponent(randomText(1 + int(chance(0.1) ? 3000 : 30)))
        .slice(0, 10_000)
        .replace(/%[0-9A-F]?$/, "")
    : real + pick(suffix);
  const query = chance(0.3) ? `?${randomQuery(NAMES)}` : "";
  const path = `/${kind}/${id}${query}`;
  const { res } = await request(path);
  const problems = res.status >= 500 ? [`status ${res.status}`] : [];
  if (id === real && res.status !== 200) problems.push(`status ${res.status} for a real id`);
  return { path, status: res.status, problems };
}

async function request(path) {
  try {
    const res = await fetch(`${BASE}${path}`, { redirect: "manual", signal: AbortSignal.timeout(20_000) });
    return { res, body: await res.text() };
  } catch (error) {
    throw Object.assign(new Error(`no answer: ${error.cause?.code ?? error.name}: ${error.cause?.message ?? error.message}`), { path });
  }
}

const counts = new Map();
const failures = [];
let sent = 0;
const started = Date.now();
async function worker() {
  while (sent < TOTAL && Date.now() - started < SECONDS * 1000) {
    sent++;
    const route = pick(Object.keys(ROUTES));
    let status = "no answer";
    try {
      const result = await ROUTES[route]();
      status = result.status;
      if (result.problems.length > 0) failures.push(`${route}: ${result.problems.join("; ")}\n    ${result.path.slice(0, 300)}`);
    } catch (error) {
      failures.push(`${route}: ${error.message}${error.path ? `\n    ${error.path.slice(0, 300)}` : ""}`);
    }
    const key = `${route} ${status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const seconds = ((Date.now() - started) / 1000).toFixed(1);

const budget = sent < TOTAL ? ` (stopped at the ${SECONDS} s budget)` : "";
console.log(`Fuzzed ${BASE} with ${sent} requests in ${seconds} s${budget} (seed ${SEED}, concurrency ${CONCURRENCY}):`);
for (const [key, n] of [...counts].sort()) console.log(`  ${key.padEnd(20)} ${n}`);
if (failures.length > 0) {
  // One line per kind of failure (the problem without its URL), with a count and the first example.
  const kinds = new Map();
  for (const failure of failures) {
    const [kind, example] = failure.split("\n");
    const seen = kinds.get(kind) ?? { n: 0, example };
    kinds.set(kind, { ...seen, n: seen.n + 1 });
  }
  console.log(`${failures.length} failure(s) of ${kinds.size} kind(s):`);
  for (const [kind, { n, example }] of [...kinds].slice(0, 30)) console.log(`  - ${n} × ${kind}${example ? `\n  ${example}` : ""}`);
}
if (process.env.DATELINE_FUZZ_REPORT) {
  const report = { requests: sent, seed: SEED, seconds: Number(seconds), failures: failures.length, counts: Object.fromEntries(counts) };
  writeFileSync(process.env.DATELINE_FUZZ_REPORT, `${JSON.stringify(report, null, 2)}\n`);
}
process.exit(failures.length > 0 ? 1 : 0);
