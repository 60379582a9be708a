/**
 * The studio, end to end in Chromium: paste the first story's article with its dateline, make its
 * events from selections of the text, choose their places, dates and actors, fix what validation
 * names, save into the data folder, then build the public site from that folder and see the story
 * at /stories/<id> with its markers.
 * Runs as the Playwright project "studio" against the .next-studio build (DATELINE_STUDIO=on),
 * whose server writes a fresh copy of tests/fixtures/stories-two without its first story
 * (tests/studio/serve.mjs).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expectNoBlockingViolations } from "./axe";
import { expect, test, waitForMap } from "./fixtures";
import { expectMarkers, tabTo } from "./helpers";

const STORY = JSON.parse(readFileSync("geo/data/stories/2020-01-08-putin-visits-syria/story.json", "utf8")) as {
  id: string;
  title: string;
  dateline: string;
  source: string;
  text: string;
};
const DATA_DIR = "test-results/studio-data";
const PUBLIC_PORT = Number(process.env.DATELINE_TEST_PORT ?? 3210) + 5;
const PUBLIC_DIST_DIR = ".next-studio-public";

// Every step waits at most this long for its element: a missing one fails the step, not the whole 10 minutes.
test.use({ actionTimeout: 20_000 });

test.beforeAll(async ({ request }) => {
  const answer = await request.get("/api/studio/dataset").catch((error: Error) => {
    throw new Error(
      `no studio server (${error.message}): build it first with DATELINE_STUDIO=on DATELINE_DIST_DIR=.next-studio npx next build ` +
        "&& DATELINE_DIST_DIR=.next-studio npx tsx app/_server/cli/hash-pages.ts",
    );
  });
  expect(answer.status(), "the studio is on").toBe(200);
  expect(((await answer.json()) as { storyIds: string[] }).storyIds, "the first story is not in the data folder yet").not.toContain(
    STORY.id,
  );
});

/**
 * Selects `phrase` in the article as a reader's drag would, across the highlighted pieces, and
 * releases the mouse; with `release: false`, as a phone's long-press and handles do, with no
 * mouse or key event at all.
 */
async function selectInArticle(page: Page, phrase: string, { release = true } = {}) {
  const article = page.locator(".studio-text");
  await article.evaluate((root, wanted) => {
    const start = (root.textContent ?? "").indexOf(wanted);
    if (start < 0) throw new Error(`"${wanted}" is not in the article`);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (start >= seen && start <= seen + length) range.setStart(node, start - seen);
      if (start + wanted.length >= seen && start + wanted.length <= seen + length) {
        range.setEnd(node, start + wanted.length - seen);
        break;
      }
      seen += length;
    }
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, phrase);
  if (release) await article.dispatchEvent("mouseup");
  await expect(page.locator(".studio-selected-text")).toHaveText(`“${phrase}”`);
}

/** Makes `phrase` a place mention and resolves it through the gazetteer search to `place`. */
async function mentionPlace(page: Page, phrase: string, search: string, place: string) {
  await selectInArticle(page, phrase);
  await page.getByRole("button", { name: "Make a place mention" }).click();
  await page.getByRole("option", { name: new RegExp(`Place ${phrase}`) }).click();
  const editor = page.locator(".studio-editor");
  await editor.getByLabel("Search the gazetteer").fill(search);
  await editor.getByRole("button", { name: "Search", exact: true }).click();
  await editor.getByRole("listitem").filter({ hasText: "in the data" }).getByRole("button", { name: place, exact: true }).click();
  await expect(editor).toContainText(`Chosen: ${place}`);
}

/** Makes `quote` an event and fills in its title, date and actors; its mentions are its places already. */
async function makeEvent(page: Page, quote: string, event: { title: string; date: string; actors: [string, string][] }): Promise<Locator> {
  await selectInArticle(page, quote);
  await page.getByRole("button", { name: "Make a quote (new event)" }).click();
  const row = page.locator(".studio-proposal", { hasText: "Event" }).filter({ hasText: quote.slice(0, 40) });
  await row.click();
  const editor = page.locator(".studio-editor");
  await editor.getByLabel("Title", { exact: true }).fill(event.title);
  await editor.getByLabel("Id", { exact: true }).fill(event.title.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
  await editor.getByLabel("Date", { exact: true }).fill(event.date);
  for (const [i, [actor, role]] of event.actors.entries()) {
    await editor.getByRole("button", { name: "Add an actor" }).click();
    await editor.getByLabel(`Actor ${i + 1}`).selectOption(actor);
    await editor
      .locator(".studio-row", { has: page.getByLabel(`Actor ${i + 1}`) })
      .getByLabel("Role")
      .selectOption(role);
  }
  return editor;
}

/** Starts `next start` of a build and resolves once it answers. */
async function startServer(distDir: string, port: number): Promise<ChildProcess> {
  const server = spawn("npx", ["next", "start", "-p", String(port)], {
    env: { ...process.env, DATELINE_DIST_DIR: distDir, DATELINE_DATA_DIR: DATA_DIR, DATELINE_TILES: "off", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    // Its own process group, so that stopping it stops next-server under npx too.
    detached: true,
  });
  await expect
    .poll(
      () =>
        fetch(`http://localhost:${port}/api/places`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000 },
    )
    .toBe(200);
  return server;
}

/** Pastes the first story's article with its meta into the paste form, and asks for proposals or none. */
async function paste(page: Page, { propose }: { propose: boolean }) {
  await page.goto("/studio");
  await page.getByLabel("Title").fill(STORY.title);
  await page.getByLabel("Dateline").fill(STORY.dateline);
  await page.getByLabel(/^Source/).fill(STORY.source);
  await page.getByLabel("The article, verbatim").fill(STORY.text);
  await page.getByRole("button", { name: propose ? "Propose places, events and dates" : "Start without proposals" }).press("Enter");
}

/** The article's selection as offsets into its text (the text before each end, counted). */
function articleSelection(page: Page): Promise<{ start: number; end: number; focus: number }> {
  return page.locator(".studio-text").evaluate((root) => {
    const selection = window.getSelection();
    if (!selection?.rangeCount || !selection.focusNode) throw new Error("no selection in the page");
    const offset = (node: Node, at: number) => {
      const before = document.createRange();
      before.setStart(root, 0);
      before.setEnd(node, at);
      return before.toString().length;
    };
    const range = selection.getRangeAt(0);
    return {
      start: offset(range.startContainer, range.startOffset),
      end: offset(range.endContainer, range.endOffset),
      focus: offset(selection.focusNode, selection.focusOffset),
    };
  });
}

/**
 * Selects `phrase` in the focused article with the keyboard alone, as an editor would: the arrow
 * keys take the caret to its first letter (a line, then a word, then a letter at a time), then
 * Shift with the arrows selects to its end (Ctrl+Shift a word at a time, Shift a letter).
 */
async function selectWithKeys(page: Page, phrase: string) {
  const start = STORY.text.indexOf(phrase);
  const end = start + phrase.length;
  expect(start, `"${phrase}" is in the article`).toBeGreaterThanOrEqual(0);
  const press = async (key: string) => {
    await page.keyboard.press(key);
    return articleSelection(page);
  };
  let at = await press("ArrowLeft");
  for (let n = 0; at.focus !== start; n += 1) {
    expect(n, `the caret reaches offset ${start}`).toBeLessThan(400);
    const ahead = start - at.focus;
    const [line, word, letter] =
      ahead > 0 ? ["ArrowDown", "Control+ArrowRight", "ArrowRight"] : ["ArrowUp", "Control+ArrowLeft", "ArrowLeft"];
    at = await press(Math.abs(ahead) > 150 ? line : Math.abs(ahead) > 15 ? word : letter);
  }
  for (let n = 0; at.focus !== end; n += 1) {
    expect(n, `the selection reaches offset ${end}`).toBeLessThan(400);
    const ahead = end - at.focus;
    at = await press(ahead > 15 ? "Control+Shift+ArrowRight" : ahead > 0 ? "Shift+ArrowRight" : "Shift+ArrowLeft");
  }
  expect(at).toEqual({ start, end, focus: end });
  await expect(page.locator(".studio-selected-text")).toHaveText(`“${phrase}”`);
}

test("with the keyboard only: select words in the article with Shift and the arrows, make a place mention and a quote, open them", async ({
  page,
}) => {
  // Each key press is followed by a look at the selection: a few hundred of them on a busy machine.
  test.setTimeout(120_000);
  await paste(page, { propose: false });
  const article = page.getByRole("textbox", { name: "The article" });
  await expect(article).toHaveAttribute("aria-readonly", "true");
  await tabTo(page, ".studio-text");
  await expect(article).toBeFocused();

  // The text is read-only: typing, deleting, a new line and pasting change nothing.
  for (const key of ["x", "Backspace", "Delete", "Shift+Enter", "Control+v", "Control+x"]) await page.keyboard.press(key);
  await page.keyboard.insertText("typed");
  await expect(article).toHaveText(STORY.text, { useInnerText: false });

  // A place mention: Shift and the arrows, then M. The caret stays in the text, after the words.
  await selectWithKeys(page, "Khmeimim airbase");
  await page.keyboard.press("m");
  const proposals = page.getByRole("listbox", { name: "Proposals" });
  await expect(proposals.getByRole("option", { name: /^Place Khmeimim airbase/ })).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Made “Khmeimim airbase” a place mention" })).toBeVisible();
  await expect(article).toBeFocused();
  const caret = STORY.text.indexOf("Khmeimim airbase") + "Khmeimim airbase".length;
  expect(await articleSelection(page)).toEqual({ start: caret, end: caret, focus: caret });

  // A quote, down to its last full stop; Escape first drops a selection that was not wanted.
  await selectWithKeys(page, "Russian President Vladimir Putin");
  await page.keyboard.press("Escape");
  await expect(page.locator(".studio-selected-text")).toHaveCount(0);
  const quote =
    "This also marks his first trip in the war-hit country since his last visit to the Khmeimim airbase in Latakia province in 2017.";
  await selectWithKeys(page, quote);
  await page.keyboard.press("q");
  const eventRow = proposals.getByRole("option", { name: /^Event/ });
  await expect(eventRow).toHaveCount(1);
  await expect(page.locator(".studio-text .is-quote").first()).toBeVisible();

  // Enter on a highlight opens its proposal in the editor: the mention inside the quote first.
  await page.keyboard.press("ArrowLeft");
  await selectWithKeys(page, "Khme");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect(page.locator(".studio-editor h2")).toHaveText("Place: “Khmeimim airbase”");
  await expect(article).toBeFocused();
  await selectWithKeys(page, "in 2017");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(page.locator(".studio-editor .studio-quote")).toHaveText(quote);

  // The offsets came from the selections: the kept draft holds them.
  const draft = JSON.parse(
    (await page.evaluate(() => localStorage.getItem(`dateline-studio:draft:${localStorage.getItem("dateline-studio:current")}`))) ?? "{}",
  ) as { mentions: { start: number; end: number }[]; events: { quote: { start: number; end: number } }[] };
  expect(draft.mentions.map((m) => STORY.text.slice(m.start, m.end))).toEqual(["Khmeimim airbase"]);
  expect(draft.events.map((e) => STORY.text.slice(e.quote.start, e.quote.end))).toEqual([quote]);
  await expect(article).toHaveText(STORY.text, { useInnerText: false });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

  test("words selected by a long-press (no mouse, no key) become a place mention with a tap", async ({ page }) => {
    await paste(page, { propose: false });
    await selectInArticle(page, "Khmeimim airbase", { release: false });
    await page.getByRole("button", { name: "Make a place mention" }).tap();
    const proposals = page.getByRole("listbox", { name: "Proposals" });
    await expect(proposals.getByRole("option", { name: /^Place Khmeimim airbase/ })).toHaveCount(1);
    await expect(page.getByRole("status").filter({ hasText: "Made “Khmeimim airbase” a place mention" })).toBeVisible();
  });
});

test("the studio passes every axe rule: the paste form, and a draft with its proposals, a candidate map, an event and the preview", async ({
  page,
}) => {
  // Accepting thirty proposals redraws the preview thirty times: a minute or more on a busy machine.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/studio");
  await expect(page.getByLabel("The article, verbatim")).toBeVisible();
  await expectNoBlockingViolations(page, "/studio's paste form");

  await paste(page, { propose: true });
  const rows = page.getByRole("listbox", { name: "Proposals" }).getByRole("option");
  await expect(rows.first()).toBeVisible();
  // Accept every proposal, so that the preview draws the events that have a date, an actor and a place.
  await rows.first().focus();
  for (let i = 0, count = await rows.count(); i < count; i += 1) {
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowDown");
  }
  await expect(page.locator(".studio-preview [data-place]").first()).toBeVisible();
  // A selection in the article, with its buttons.
  await selectInArticle(page, "Russian Command post");
  // A place's candidates on their map.
  await proposal(page, "Place", "Khmeimim airbase").click();
  await expect(page.locator(".studio-candidate-map.leaflet-container")).toBeVisible();
  await expect(page.locator(".studio-candidate-map .leaflet-tooltip").first()).toBeVisible();
  await expectNoBlockingViolations(page, "/studio with a draft: the article, the proposals, a place's candidate map, the preview");

  await openEvent(page, "Iranian and Russian forces helped Assad");
  await expectNoBlockingViolations(page, "/studio with a draft: an event in the editor");
});

/** The story made by hand: the first story's article under another id, its events made from selections. */
const BY_HAND = `${STORY.id}-by-hand`;

test("by hand: make events and place mentions from selections, fix what validation names, save", async ({ page }) => {
  await paste(page, { propose: false });

  await page.getByLabel("Story id").fill(BY_HAND);
  await mentionPlace(page, "Damascus and met President Assad", "Damascus", "Damascus");
  // The mention's span was too long: reject it, make the right one.
  await page.getByRole("option", { name: /Place Damascus and met President Assad/ }).focus();
  await page.keyboard.press("Delete");
  await expect(page.getByRole("option", { name: /Place Damascus and met President Assad/ })).toHaveAttribute("data-status", "rejected");
  await mentionPlace(page, "Russian Command post in Damascus", "Damascus", "Damascus");
  await makeEvent(page, "Putin visited the Russian Command post in Damascus and met President Assad there", {
    title: "Putin meets Assad at the Russian command post in Damascus",
    date: "2020-01-07",
    actors: [
      ["russia", "visitor"],
      ["syria", "host"],
    ],
  });
  // Accept with the keyboard: move to the event's row with the arrow keys, Enter accepts.
  const proposals = page.getByRole("listbox", { name: "Proposals" });
  await proposals.getByRole("option").first().focus();
  const eventRow = proposals.getByRole("option", { name: /Event Putin meets Assad/ });
  while ((await eventRow.getAttribute("aria-selected")) !== "true") await page.keyboard.press("ArrowDown");
  await expect(eventRow).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(eventRow).toHaveAttribute("data-status", "accepted");

  await mentionPlace(page, "Khmeimim airbase", "Hmeimim", "Khmeimim Air Base");
  await makeEvent(page, "his last visit to the Khmeimim airbase in Latakia province in 2017", {
    title: "Putin's earlier visit to Khmeimim",
    date: "2017",
    actors: [["russia", "visitor"]],
  });
  await page.locator(".studio-editor").getByRole("button", { name: "Accept", exact: true }).click();

  // An event whose places the article does not name: Erbil is context, and needs a citation.
  const missiles = await makeEvent(
    page,
    "Iran launched at least ten ballistic missiles against two military bases which stationed US forces in Iraq",
    {
      title: "Iran fires missiles at bases hosting US forces",
      date: "2020-01-08",
      actors: [
        ["iran", "attacker"],
        ["usa", "target"],
      ],
    },
  );
  await missiles.getByRole("button", { name: "Add a place" }).click();
  await missiles.getByLabel("Place 1").selectOption("place:erbil");
  await missiles
    .locator(".studio-row", { has: page.getByLabel("Place 1") })
    .getByLabel("Role")
    .selectOption("target");
  await missiles.locator(".studio-place-link").getByLabel("context (not in the article)").check();
  await missiles.getByRole("button", { name: "Accept", exact: true }).click();

  // Validation names what is wrong, in npm run validate's words: the citation.
  const problems = page.locator(".studio-problem-list");
  await expect(problems).toContainText(`event "iran-fires-missiles-at-bases-hosting-us-forces", field places.0.provenance.citation.url`);
  await expect(page.getByRole("button", { name: "Save the story" })).toBeDisabled();
  // The server refuses it too, naming the problem (the browser offers no save until validation passes).
  const draft =
    (await page.evaluate(() => localStorage.getItem(`dateline-studio:draft:${localStorage.getItem("dateline-studio:current")}`))) ?? "";
  const refused = await page.request.post("/api/studio/save", { data: { review: JSON.parse(draft) as unknown } });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^not saved: .*citation/);

  const citation = missiles.locator(".studio-place-link .studio-citation");
  await citation.getByLabel("Citation title").fill("Operation Martyr Soleimani");
  await citation.getByLabel("Publisher").fill("Wikipedia");
  await citation.getByLabel("URL (https)").fill("https://en.wikipedia.org/wiki/Operation_Martyr_Soleimani");
  await expect(page.locator(".studio-problems-summary")).toHaveText("No problems: ready to save.");

  // The preview is Dateline's own map and list.
  await expect(page.locator(".studio-preview li[data-event]")).toHaveCount(3);
  // Its "Read in the article" opens that event in the editor, beside its quote; the studio stays.
  await page.locator(".studio-preview li[data-event]").first().getByRole("button", { name: "Read in the article" }).click();
  await expect(page.locator(".studio-editor .studio-quote")).toHaveText(
    "his last visit to the Khmeimim airbase in Latakia province in 2017",
  );
  expect(new URL(page.url()).pathname).toBe("/studio");
  await expectMarkers(page, { shown: ["damascus", "khmeimim", "erbil"] });

  // A reload loses nothing.
  await page.reload();
  await expect(page.getByLabel("Story id")).toHaveValue(BY_HAND);
  await expect(page.locator(".studio-problems-summary")).toHaveText("No problems: ready to save.");

  await page.getByRole("button", { name: "Save the story" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText(`stories/${BY_HAND}/events.json`);

  const events = JSON.parse(readFileSync(`${DATA_DIR}/stories/${BY_HAND}/events.json`, "utf8")) as {
    events: { id: string; quote: { start: number; end: number; text: string } }[];
  };
  expect(events.events.map((e) => e.id)).toEqual([
    "putin-s-earlier-visit-to-khmeimim",
    "putin-meets-assad-at-the-russian-command-post-in-damascus",
    "iran-fires-missiles-at-bases-hosting-us-forces",
  ]);
  for (const e of events.events) expect(STORY.text.slice(e.quote.start, e.quote.end)).toBe(e.quote.text);
});

/** The row of a proposal in the list, by its kind and its text's start. */
function proposal(page: Page, kind: "Place" | "Event", text: string): Locator {
  return page
    .getByRole("listbox", { name: "Proposals" })
    .getByRole("option")
    .filter({ hasText: new RegExp(`^${kind}`) })
    .filter({ hasText: text });
}

/** Opens an event's proposal in the editor. */
async function openEvent(page: Page, quoteStart: string): Promise<Locator> {
  await proposal(page, "Event", quoteStart).click();
  const editor = page.locator(".studio-editor");
  await expect(editor.locator(".studio-quote")).toContainText(quoteStart);
  return editor;
}

/** Adds an actor with a role to the open event. */
async function addActor(page: Page, editor: Locator, actor: string, role: string) {
  const n = (await editor.getByLabel(/^Actor \d+/).count()) + 1;
  await editor.getByRole("button", { name: "Add an actor" }).click();
  await editor.getByLabel(`Actor ${n}`).selectOption(actor);
  await editor
    .locator(".studio-row", { has: page.getByLabel(`Actor ${n}`) })
    .getByLabel("Role")
    .selectOption(role);
}

const WIKIPEDIA = (title: string) => ({ title, publisher: "Wikipedia", url: `https://en.wikipedia.org/wiki/${title.replace(/ /g, "_")}` });

/** Fills a context citation in a provenance fieldset. */
async function cite(fieldset: Locator, citation: { title: string; publisher: string; url: string }) {
  await fieldset.getByLabel("context (not in the article)").check();
  await fieldset.getByLabel("Citation title").fill(citation.title);
  await fieldset.getByLabel("Publisher").fill(citation.publisher);
  await fieldset.getByLabel("URL (https)").fill(citation.url);
}

/** Adds a place to the open event: a mention's option label or a place's (context, with a citation). */
async function addPlace(
  page: Page,
  editor: Locator,
  option: { label: string } | { value: string },
  role: string,
  citation?: ReturnType<typeof WIKIPEDIA>,
) {
  const n = (await editor.getByLabel(/^Place \d+/).count()) + 1;
  await editor.getByRole("button", { name: "Add a place" }).click();
  await editor.getByLabel(`Place ${n}`).selectOption(option);
  const link = editor.locator(".studio-place-link").nth(n - 1);
  await link.getByLabel("Role").selectOption(role);
  if (citation) await cite(link.locator(".studio-provenance"), citation);
}

test("with proposals: paste the first story, accept the proposals with the keyboard, fix what is wrong, save, build, and see it at /stories/<id>", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await paste(page, { propose: true });
  await page.getByLabel("Story id").fill(STORY.id);

  // The proposals name the story's places with the right place first.
  await expect(proposal(page, "Place", "Khmeimim airbase")).toContainText("Khmeimim Air Base");
  await expect(proposal(page, "Place", "Latakia province")).toContainText("Latakia Governorate");
  await expect(proposal(page, "Place", "Tehran")).toContainText("Tehran");

  // Accept every proposal from the keyboard: Enter accepts, the down arrow moves on.
  const rows = page.getByRole("listbox", { name: "Proposals" }).getByRole("option");
  const count = await rows.count();
  await rows.first().focus();
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowDown");
  }
  await expect(page.locator('.studio-proposal[data-status="proposed"]')).toHaveCount(0);

  // "US" is an actor here, not a place: reject those mentions with Delete.
  const usMentions = rows.filter({ has: page.locator(".studio-proposal-label", { hasText: /^US$/ }) });
  expect(await usMentions.count()).toBeGreaterThan(0);
  for (const row of await usMentions.all()) {
    await row.focus();
    await page.keyboard.press("Delete");
    await expect(row).toHaveAttribute("data-status", "rejected");
  }

  // Validation names what the proposals left out: events without a place or an actor.
  await expect(page.locator(".studio-problem-list")).toContainText("field places");

  let editor = await openEvent(page, "Dmitry Peskov, the Kremlin press secretary");
  await addPlace(page, editor, { label: "“Damascus” → Damascus" }, "venue");
  editor = await openEvent(page, "The two leaders then were presented");
  await addActor(page, editor, "russia", "host");
  await addActor(page, editor, "syria", "visitor");
  editor = await openEvent(page, "Iranian and Russian forces helped Assad");
  await addPlace(page, editor, { label: "“Syria” → Syria" }, "region");
  // The killing of Soleimani: the article gives neither its date nor its place.
  editor = await openEvent(page, "The attack came as a vengeance");
  await editor.getByLabel("Date", { exact: true }).fill("2020-01-03");
  await cite(editor.locator(".studio-provenance").first(), WIKIPEDIA("Assassination of Qasem Soleimani"));
  await addPlace(page, editor, { value: "place:baghdad-airport" }, "target", WIKIPEDIA("Assassination of Qasem Soleimani"));
  editor = await openEvent(page, "Earlier on Wednesday, Iran launched");
  await addPlace(page, editor, { value: "place:erbil" }, "target", WIKIPEDIA("Operation Martyr Soleimani"));
  editor = await openEvent(page, "He welded together Shiite militias");
  await addPlace(page, editor, { label: "“Syria” → Syria" }, "region");
  // The war's toll names no actor: leave it out.
  await proposal(page, "Event", "More than 400,000 people").focus();
  await page.keyboard.press("Delete");

  await expect(page.locator(".studio-problems-summary")).not.toHaveText("Checking…");
  expect(await page.locator(".studio-problem-list li").allTextContents(), "validation problems").toEqual([]);
  await expect(page.locator(".studio-problems-summary")).toHaveText("No problems: ready to save.");
  await expect(page.locator(".studio-preview li[data-event]")).toHaveCount(12);
  await page.getByRole("button", { name: "Save the story" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText(`stories/${STORY.id}/events.json`);

  const saved = JSON.parse(readFileSync(`${DATA_DIR}/stories/${STORY.id}/events.json`, "utf8")) as {
    events: { date: string; quote: { start: number; end: number; text: string }; places: { place: string }[] }[];
  };
  expect(saved.events).toHaveLength(12);
  for (const e of saved.events) expect(STORY.text.slice(e.quote.start, e.quote.end)).toBe(e.quote.text);
  expect(saved.events.map((e) => e.date)).toContain("2020-01-03");

  // Publish: build the public site from the saved folder and look at the story.
  const build = spawnSync("npx", ["next", "build"], {
    env: {
      ...process.env,
      DATELINE_DATA_DIR: DATA_DIR,
      DATELINE_DIST_DIR: PUBLIC_DIST_DIR,
      DATELINE_TILES: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      DATELINE_STUDIO: "",
    },
    encoding: "utf8",
  });
  expect(build.status, build.stderr.slice(-2000)).toBe(0);
  const hash = spawnSync("npx", ["tsx", "app/_server/cli/hash-pages.ts"], {
    env: { ...process.env, DATELINE_DIST_DIR: PUBLIC_DIST_DIR },
    encoding: "utf8",
  });
  expect(hash.status, hash.stderr).toBe(0);
  const server = await startServer(PUBLIC_DIST_DIR, PUBLIC_PORT);
  try {
    await page.goto(`http://localhost:${PUBLIC_PORT}/stories/${STORY.id}`);
    await waitForMap(page);
    await expectMarkers(page, { shown: ["damascus", "khmeimim", "latakia", "erbil", "baghdad-airport", "washington", "tehran"] });
    await expect(page.locator("li[data-event]")).toHaveCount(12);
    await page.goto(`http://localhost:${PUBLIC_PORT}/stories/${BY_HAND}`);
    await waitForMap(page);
    await expectMarkers(page, { shown: ["damascus", "khmeimim", "erbil"] });
    expect((await page.request.get(`http://localhost:${PUBLIC_PORT}/studio`)).status(), "the public build has no studio").toBe(404);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
});
