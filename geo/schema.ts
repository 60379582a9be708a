/**
 * The shapes of Dateline's data, as zod schemas. Everything read from a data file, a URL or an
 * import passes through one of these once, at the boundary; code past that point trusts the types.
 */
import { z } from "zod";
import { isContractDate } from "./dates";

/** Ids are lowercase slugs, stable forever once published (CONTRACT.md). */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "ain-al-asad"');

const longitude = z.number().min(-180, "longitude must be >= -180").max(180, "longitude must be <= 180");
const latitude = z.number().min(-90, "latitude must be >= -90").max(90, "latitude must be <= 90");
/** RFC 7946 position: [longitude, latitude]. */
export const positionSchema = z.tuple([longitude, latitude]);

export const contractDateSchema = z
  .string()
  .refine(isContractDate, "must be YYYY, YYYY-MM, YYYY-MM-DD or an interval A/B of those, and a real calendar date");

export const citationSchema = z.object({
  /** What the reader would look up: an article, a report, a reference entry. */
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url({ protocol: /^https$/ }),
});

/** Where a fact comes from: the article itself, or outside knowledge with a citation. */
export const provenanceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("article") }),
  z.object({ kind: z.literal("context"), citation: citationSchema }),
]);

export const placeKinds = ["city", "air-base", "airport", "province", "country"] as const;

/**
 * The Natural Earth outline an area-sized place is drawn as: a country's (admin-0, by ISO 3166-1
 * alpha-2 code) or a province's (admin-1, by ISO 3166-2 code as in Natural Earth's `iso_3166_2`).
 * Exactly one of the two; the other key is typed `undefined`, so `outline?.naturalEarthCountry`
 * reads either kind.
 * @example { "naturalEarthCountry": "SY" } or { "naturalEarthAdmin1": "SY-LA" }
 */
export const outlineSchema = z.union(
  [
    z.strictObject({
      naturalEarthCountry: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "SY"'),
      naturalEarthAdmin1: z.never().optional(),
    }),
    z.strictObject({
      naturalEarthAdmin1: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code like "SY-LA"'),
      naturalEarthCountry: z.never().optional(),
    }),
  ],
  { error: 'must be either { "naturalEarthCountry": "SY" } or { "naturalEarthAdmin1": "SY-LA" } (an ISO 3166-2 code)' },
);

export const placePropertiesSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(placeKinds),
  /** ISO 3166-1 alpha-2 code of the country the point lies in. */
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "SY"'),
  aliases: z.array(z.string().min(1)),
  /** `exact`: the point is the site itself (an airfield). `approximate`: it stands for a city or an area. */
  precision: z.enum(["exact", "approximate"]),
  /** Where the coordinates come from. */
  coordinatesSource: z.string().min(1),
  /** For an area-sized place: the Natural Earth outline the map draws (`outlineSchema`). */
  outline: outlineSchema.optional(),
});

export const placeFeatureSchema = z.object({
  type: z.literal("Feature"),
  id: idSchema,
  geometry: z.object({ type: z.literal("Point"), coordinates: positionSchema }),
  properties: placePropertiesSchema,
});

export const placesFileSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.unknown()),
});

export const actorSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  /** Other names the actor goes by in imported data ("Military Forces of Russia (2000-)"): an import matches them. */
  aliases: z.array(z.string().min(1)).optional(),
  /** Two letters drawn on markers and chips, so colour is never the only cue. */
  abbreviation: z.string().regex(/^[A-Z]{2}$/),
  color: z.string().regex(/^#[0-9a-f]{6}$/, "must be a #rrggbb colour"),
  description: z.string().min(1),
});

export const actorsFileSchema = z.object({ actors: z.array(z.unknown()) });

/** A byline is a name, not a sentence. */
const BYLINE_MAX = 80;
/** A document's file name ("copy.txt", "wire-2020-01-08.docx"): provenance, not a byline. */
const FILE_NAME = /\S\.(txt|md|html?|json|xml|csv|rtf|docx?|odt|pdf)\b/i;

export const storySchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  /** Publication date: the dateline that relative dates ("on Tuesday") resolve against. */
  dateline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine(isContractDate, "must be a real calendar date"),
  /**
   * The byline's source, as a newspaper prints it above the date: an agency or a publication
   * ("Reuters", "Wire report"). Never how the copy reached Dateline: that is `sourceNote`.
   */
  source: z
    .string()
    .min(1)
    .max(BYLINE_MAX, `must be at most ${BYLINE_MAX} characters: a byline names the source; put the rest in sourceNote`)
    .refine(
      (source) => !FILE_NAME.test(source),
      'must name the source as a byline does ("Reuters", "Wire report"), not a file: put how the copy reached Dateline in sourceNote',
    ),
  /**
   * How the copy reached Dateline and what it does not say (its publisher, say): shown with the
   * article's credits, not in the byline.
   * @example "Supplied to Dateline as the file 2020-01-08-putin-visits-syria.txt; the copy does not name its publisher."
   */
  sourceNote: z.string().min(1).optional(),
  /** The one story that `/` shows. */
  frontPage: z.boolean().default(false),
  /** The article's text, verbatim. Quotes are character offsets into it. */
  text: z.string().min(1),
});

export const actorRoles = ["visitor", "host", "attacker", "target", "ally", "supported", "opponent", "speaker", "belligerent"] as const;
export const placeRoles = ["venue", "origin", "target", "region"] as const;

export const eventSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  summary: z.string().min(1),
  date: contractDateSchema,
  /** Where the date comes from, when it differs from where the event itself comes from. */
  dateProvenance: provenanceSchema.optional(),
  actors: z.array(z.object({ actor: idSchema, role: z.enum(actorRoles) })).min(1),
  places: z
    .array(z.object({ place: idSchema, role: z.enum(placeRoles), provenance: provenanceSchema.default({ kind: "article" }) }))
    .min(1),
  /** The supporting words: `text.slice(start, end)` of the story, which must equal `text`. */
  quote: z.object({ start: z.int().nonnegative(), end: z.int().positive(), text: z.string().min(1) }),
  provenance: provenanceSchema,
});

/**
 * An event of a story's context layer: the wider record behind the article (an ACLED export, say,
 * brought in by `npm run import`). It has no words in the article, so no quote; it always says
 * where it comes from, its citation naming the source row.
 */
export const contextEventSchema = eventSchema.omit({ quote: true, provenance: true }).extend({
  provenance: z.object({
    kind: z.literal("context", 'must be "context": an event of the context layer comes from outside the article'),
    citation: citationSchema,
  }),
});

/**
 * A story's events file: the article's events, and optionally its context layer, kept apart so
 * that an import rewrites the layer and never touches what an editor wrote.
 */
export const eventsFileSchema = z.object({ story: idSchema, events: z.array(z.unknown()), context: z.array(z.unknown()).optional() });

export type Citation = z.infer<typeof citationSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type PlaceFeature = z.infer<typeof placeFeatureSchema>;
export type PlaceKind = (typeof placeKinds)[number];
export type PlaceOutline = z.infer<typeof outlineSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Story = z.infer<typeof storySchema>;
export type StoryEvent = z.infer<typeof eventSchema>;
/** `quote?: undefined` lets code read `event.quote` of either layer and find none here. */
export type ContextEvent = z.infer<typeof contextEventSchema> & { quote?: undefined };
/** An event of either layer: the article's (with a quote) or the context's (without). */
export type AnyEvent = StoryEvent | ContextEvent;
export type ActorRole = (typeof actorRoles)[number];
export type PlaceRole = (typeof placeRoles)[number];
