/**
 * `npm run eval:draft`: scores the proposals on the annotated set (tests/fixtures/draft-eval/) and
 * prints the figures. It never fails on them: the figures are for reading, not a gate.
 */
import { isArticleEvent } from "@/geo/schema";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadDataset } from "../../load";
import { findDates } from "../dates";
import { NEAR_KM, median, scoreDates, scorePlaces, type DateScore, type GoldDate, type GoldPlace, type PlaceScore } from "../eval";
import { loadGazetteer } from "../gazetteer";
import { draftStory } from "../index";

const SET = path.join(process.cwd(), "tests", "fixtures", "draft-eval");
const read = <T>(file: string) => JSON.parse(readFileSync(path.join(SET, file), "utf8")) as T;

const dataset = loadDataset();
const placeScores: { name: string; score: PlaceScore }[] = [];
const dateScores: { name: string; score: DateScore }[] = [];

// The first story: its mentions as annotated, its dates as its events.json records them.
const storyGold = read<{ story: string; places: GoldPlace[] }>("story.json");
const story = dataset.stories.find((s) => s.id === storyGold.story);
if (!story) throw new Error(`tests/fixtures/draft-eval/story.json: no story ${storyGold.story} in the data`);
let started = performance.now();
loadGazetteer();
const loadMs = performance.now() - started;
started = performance.now();
const storyDraft = draftStory(story.text, story.dateline, dataset);
const storyMs = performance.now() - started;
placeScores.push({ name: `story ${story.id}`, score: scorePlaces(story.text, storyDraft, storyGold.places, dataset.places) });
const stated = dataset.events.filter(isArticleEvent).filter((e) => e.story === story.id && e.dateProvenance?.kind !== "context");
const eventDates: DateScore = { total: stated.length, right: 0, wrong: [] };
for (const event of stated) {
  const proposed =
    storyDraft.events.find((p) => p.quote.start === event.quote.start) ??
    storyDraft.events.find((p) => p.quote.start <= event.quote.start && event.quote.end <= p.quote.end);
  if (proposed?.date === event.date) eventDates.right++;
  else eventDates.wrong.push(`${event.id}: ${proposed ? (proposed.date ?? "null") : "no event"}, not ${event.date}`);
}
dateScores.push({ name: `story ${story.id} (event dates the article states)`, score: eventDates });

type NewsItem = { name: string; dateline: string; text: string; places: GoldPlace[]; dates: GoldDate[] };
// news.json was written alongside the engine; unseen.json afterwards, and never tuned on.
const news = read<NewsItem[]>("news.json");
const unseen = read<NewsItem[]>("unseen.json");
for (const item of [...news, ...unseen]) {
  const draft = draftStory(item.text, item.dateline, dataset);
  placeScores.push({ name: item.name, score: scorePlaces(item.text, draft, item.places, dataset.places) });
  dateScores.push({ name: item.name, score: scoreDates(item.text, findDates(item.text, item.dateline), item.dates) });
}

const percent = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
function placeLine(label: string, scores: readonly PlaceScore[]): string {
  const sum = (f: (s: PlaceScore) => number) => scores.reduce((total, s) => total + f(s), 0);
  const errors = scores.flatMap((s) => s.errors);
  const found = sum((s) => s.found);
  return (
    `${label}: precision ${(
      found /
      Math.max(
        1,
        sum((s) => s.proposed),
      )
    ).toFixed(3)}, recall ${(
      found /
      Math.max(
        1,
        sum((s) => s.gold),
      )
    ).toFixed(3)} ` +
    `(${found} of ${sum((s) => s.gold)} annotated, ${sum((s) => s.proposed)} proposed); within ${NEAR_KM} km ${percent(errors.filter((e) => e <= NEAR_KM).length, errors.length)}, ` +
    `median error ${median(errors).toFixed(1)} km; registry places first ${sum((s) => s.rightKnown)}/${sum((s) => s.knownGold)}`
  );
}

console.log("Place mentions");
for (const { name, score } of placeScores) {
  console.log(`  ${placeLine(name, [score])}`);
  for (const miss of score.misses) console.log(`      missed: ${miss}`);
  for (const extra of score.extras) console.log(`      extra: ${extra}`);
  for (const far of score.far) console.log(`      far: ${far}`);
}
const groups: [string, PlaceScore[]][] = [
  ["ALL", placeScores.map((p) => p.score)],
  ["NEWS TEXTS (both sets)", placeScores.slice(1).map((p) => p.score)],
  ["UNSEEN TEXTS ONLY", placeScores.slice(1 + news.length).map((p) => p.score)],
];
for (const [label, scores] of groups) console.log(`  ${placeLine(label, scores)}`);
console.log("Dates");
for (const { name, score } of dateScores) {
  console.log(`  ${name}: ${score.right}/${score.total}`);
  for (const wrong of score.wrong) console.log(`      wrong: ${wrong}`);
}
const right = dateScores.reduce((t, d) => t + d.score.right, 0);
const total = dateScores.reduce((t, d) => t + d.score.total, 0);
console.log(`  ALL: date accuracy ${percent(right, total)} (${right}/${total})`);
// A 5,000-character article: the story followed by the first news texts.
const longText = [story.text, ...news.map((n) => n.text)].join("\n\n").slice(0, 5000);
started = performance.now();
draftStory(longText, story.dateline, dataset);
const longMs = performance.now() - started;
console.log(
  `Time: gazetteer load ${loadMs.toFixed(0)} ms (once per process); draftStory on the first story (${story.text.length} characters) ` +
    `${storyMs.toFixed(0)} ms the first time, on ${longText.length} characters ${longMs.toFixed(0)} ms`,
);
