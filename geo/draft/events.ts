/**
 * Proposed events: one per sentence that reports something happening (it has a date, a place or
 * an actor), and one more for a clause that adds its own place ("..., as armed rebels reached the
 * capital, Damascus"). Headings (a line without a full stop) are not events.
 *
 * An event's date is its own date expression, else the nearest earlier one in its paragraph, else
 * the article's latest news date before it (a day, or a span up to the dateline): a background
 * year ("his last visit ... in 2017") does not carry over into the next paragraph's news.
 */
import { datePrecision } from "../dates";
import type { ActorMention } from "./actors";
import type { DateMention } from "./dates";
import type { FoundMention } from "./mentions";
import type { Span } from "./text";
import type { ProposedActor, ProposedEvent } from "./types";

interface Trigger {
  kind: "attack" | "visit" | "meet" | "speak" | "ally";
  pattern: RegExp;
}

/**
 * Words that tell who did what to whom, tried in this order on each clause; lower case only, so a
 * name ("Rapid Support Forces") is no verb.
 */
const TRIGGERS: readonly Trigger[] = [
  {
    kind: "speak",
    pattern: /\b(?:said|says|told|announced|commented|revealed|noted|stated|claimed|denied|warned|vowed|reported|accused)\b/,
  },
  {
    kind: "attack",
    pattern:
      /(?<![\w-])(?:launch(?:ed|es)?|fired|fires|struck|strikes?|attack(?:ed|s)?|shell(?:ed|ing|s)?|bomb(?:ed|ing|s)?|kill(?:ed|ing|s)?|hit|target(?:ed|ing|s)?|invad(?:ed|es|ing)|raid(?:ed|s)?|seized|captured|ambush(?:ed)?|airstrikes?|reached|assault(?:ed)?|besieged)\b/,
  },
  { kind: "visit", pattern: /\b(?:visit(?:ed|s|ing)?|trip|travel(?:l)?ed|arrived|toured)\b/ },
  { kind: "meet", pattern: /\b(?:met|meets|meeting with|talks with|conversation with|counterpart)\b/ },
  { kind: "ally", pattern: /\b(?:help(?:ed|s)?|back(?:ed|s)?|support(?:ed|s)?|aid(?:ed|s)?|to save|defend(?:ed|s)?)\b/ },
];

const ROLE_BEFORE: Readonly<Record<Trigger["kind"], string>> = {
  attack: "attacker",
  visit: "visitor",
  meet: "visitor",
  speak: "speaker",
  ally: "ally",
};
const ROLE_AFTER: Readonly<Record<Trigger["kind"], string>> = {
  attack: "target",
  visit: "host",
  meet: "host",
  speak: "speaker",
  ally: "supported",
};
/** After these, an actor in a clause of support is the side fought ("lost to the rebel forces"). */
const OPPOSED = /\b(?:against|lost to|fight(?:ing)?|from)\s+(?:the\s+)?[\w\s-]{0,20}$/i;
const PRONOUN = /\b(?:he|his|she|her|they|their|him)\b/i;
/** A place right after these in an attack is where it happened, not what was hit. */
const WHERE = /\b(?:in|near|inside|outside|across|throughout|of)\s+(?:the\s+)?$/i;
const FROM = /\bfrom\s+(?:the\s+)?$/i;
const SUBORDINATE = /(?:,\s+|\s)(?:as|while|when|after|before|whereas)\s+(?!(?:a|an|well|part|of|if|such|the result|far|long|much)\b)/g;

function firstTrigger(
  text: string,
  span: Span,
  kinds: readonly Trigger[] = TRIGGERS,
): { kind: Trigger["kind"]; at: number; end: number } | undefined {
  const clause = text.slice(span.start, span.end);
  let best: { kind: Trigger["kind"]; at: number; end: number } | undefined;
  for (const trigger of kinds) {
    const match = trigger.pattern.exec(clause);
    if (match && (!best || match.index < best.at - span.start))
      best = { kind: trigger.kind, at: span.start + match.index, end: span.start + match.index + match[0].length };
  }
  return best;
}

/** The actors of a clause with the roles its verbs suggest; "belligerent" where no rule tells. */
export function actorRoles(
  text: string,
  span: Span,
  actors: readonly ActorMention[],
  inherited: ActorMention | undefined,
): ProposedActor[] {
  const inside = actors.filter((a) => a.start >= span.start && a.end <= span.end);
  const trigger = firstTrigger(text, span);
  const roles = new Map<string, ProposedActor>();
  const put = (actor: ActorMention, role: string) => {
    const key = actor.actor ?? `?${actor.name}`;
    if (!roles.has(key)) roles.set(key, { actor: actor.actor, name: actor.name, role });
  };
  if (!trigger) {
    for (const actor of inside) put(actor, "belligerent");
    return [...roles.values()];
  }
  const before = inside.filter((a) => a.end <= trigger.at);
  const after = inside.filter((a) => a.start >= trigger.end);
  // What follows a verb of saying is what was said: its own verbs tell the roles there, and who
  // does something there ("Peskov revealed that Putin visited") is that, more than a speaker.
  const next = trigger.kind === "speak" ? firstTrigger(text, { start: trigger.end, end: span.end }, TRIGGERS.slice(1)) : undefined;
  if (next?.kind === "visit") for (const actor of after.filter((a) => a.end <= next.at)) put(actor, ROLE_BEFORE[next.kind]);
  // "his last visit": the actor of the sentence before does it.
  if (before.length === 0 && inherited && PRONOUN.test(text.slice(span.start, trigger.at))) put(inherited, ROLE_BEFORE[trigger.kind]);
  for (const actor of before) put(actor, ROLE_BEFORE[trigger.kind]);
  // "the killing of X in an airstrike by the US": the US struck X.
  const by = /\bby\s+(?:the\s+)?$/i;
  const agents = trigger.kind === "attack" ? after.filter((a) => by.test(text.slice(Math.max(span.start, a.start - 12), a.start))) : [];
  for (const actor of agents) put(actor, "attacker");
  const rest = after.filter((a) => !agents.includes(a));
  let supported = false;
  for (const actor of rest) {
    const lead = text.slice(Math.max(span.start, actor.start - 30), actor.start);
    if (trigger.kind === "ally" && (supported || OPPOSED.test(lead))) put(actor, "opponent");
    else if (next && actor.start >= next.end) put(actor, ROLE_AFTER[next.kind]);
    else if (next) put(actor, "host");
    else {
      put(actor, ROLE_AFTER[trigger.kind]);
      supported ||= trigger.kind === "ally";
    }
  }
  return [...roles.values()];
}

/** A place's role: a country or a province is the region, a site the venue; the attack's object its target. */
function placeRole(text: string, span: Span, mention: FoundMention): string {
  const lead = text.slice(Math.max(span.start, mention.start - 20), mention.start);
  if (FROM.test(lead)) return "origin";
  const trigger = firstTrigger(
    text,
    span,
    TRIGGERS.filter((t) => t.kind === "attack"),
  );
  if (trigger && mention.start >= trigger.end && !WHERE.test(lead)) return "target";
  const kind = mention.candidates[0]?.kind;
  return kind === "country" || kind === "province" ? "region" : "venue";
}

/** Where each paragraph after the first starts (a blank line before it), for the date's context. */
function paragraphStarts(text: string): number[] {
  return [...text.matchAll(/\n\s*\n/g)].map((m) => m.index + m[0].length);
}

/** Whether a date is news (a day, or a span up to the dateline) rather than background (a past year). */
function isNewsDate(date: string, dateline: string): boolean {
  return datePrecision(date) === "day" || (date.includes("/") && date.endsWith(dateline)) || date.split("/")[0]!.length === 10;
}

interface Inputs {
  text: string;
  dateline: string;
  sentences: readonly Span[];
  mentions: readonly FoundMention[];
  dates: readonly DateMention[];
  actors: readonly ActorMention[];
}

/**
 * A country named as the one acting ("Iran launched") is an actor there, not a place; a city
 * ("Washington said") stays the place too, as the data records it.
 */
function actsThere(mention: FoundMention, actors: readonly ActorMention[]): boolean {
  return mention.candidates[0]?.kind === "country" && actors.some((a) => a.start === mention.start && a.end === mention.end);
}

/** A clause of a sentence that adds a place of its own, after "as", "while" and the like. */
function clausesOf(text: string, sentence: Span, mentions: readonly FoundMention[], actors: readonly ActorMention[]): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const clauses: Span[] = [];
  for (const match of body.matchAll(SUBORDINATE)) {
    const start = sentence.start + match.index + match[0].length;
    const clause = { start, end: sentence.end };
    const hasPlace = mentions.some((m) => m.start >= clause.start && m.end <= clause.end && !actsThere(m, actors));
    if (
      hasPlace &&
      firstTrigger(
        text,
        clause,
        TRIGGERS.filter((t) => t.kind === "attack" || t.kind === "visit"),
      )
    )
      clauses.push(clause);
  }
  return clauses;
}

export function proposeEvents({ text, dateline, sentences, mentions, dates, actors }: Inputs): ProposedEvent[] {
  const events: ProposedEvent[] = [];
  let paragraph = -1;
  let paragraphDate: string | null = null;
  let newsDate: string | null = null;
  let lastActor: ActorMention | undefined;
  const starts = paragraphStarts(text);
  let here = 0;
  for (const sentence of sentences) {
    while (here < starts.length && starts[here]! <= sentence.start) here++;
    if (here !== paragraph) {
      paragraph = here;
      paragraphDate = null;
    }
    const heading = !/[.!?]["”’)]*$/.test(text.slice(sentence.start, sentence.end));
    const within = <T extends Span>(list: readonly T[], span: Span) =>
      list.filter((item) => item.start >= span.start && item.end <= span.end);
    const ownDate = within(dates, sentence)[0]?.date ?? null;
    const date = ownDate ?? paragraphDate ?? newsDate;
    const sentenceActors = within(actors, sentence);
    const spans = [sentence, ...clausesOf(text, sentence, mentions, actors)];
    if (!heading) {
      for (const span of spans) {
        const places = within(mentions, span).filter((m) => !actsThere(m, actors));
        const clauseActors = within(actors, span);
        const clauseDate = span === sentence ? date : (within(dates, span)[0]?.date ?? date);
        if (span === sentence && places.length === 0 && clauseActors.length === 0 && ownDate === null) continue;
        events.push({
          quote: { start: span.start, end: span.end },
          date: clauseDate,
          actors: actorRoles(text, span, actors, lastActor),
          places: places.map((mention) => ({ mention: mentions.indexOf(mention), role: placeRole(text, span, mention) })),
        });
      }
    }
    if (ownDate) {
      paragraphDate = ownDate;
      if (isNewsDate(ownDate, dateline)) newsDate = ownDate;
    }
    lastActor = sentenceActors.find((a) => a.actor !== null) ?? lastActor;
  }
  return events;
}
