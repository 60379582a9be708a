/**
 * The review as it arrives at the studio's API (from the browser, or a script): parsed once here,
 * so the checks and the save trust its types. The data rules themselves (slugs, dates, citations)
 * are geo/validate.ts's, run on the files the review becomes; this only fixes the shape.
 */
import { z } from "zod";
import { placeFeatureSchema, placeRoles } from "../schema";
import type { StoryReview } from "./review";

/** The longest article the studio takes (the draft endpoint's limit too). */
export const MAX_TEXT = 100_000;

/**
 * Provenance as the editor may leave it mid-way (a citation still being typed): the data's own
 * schema judges the citation when the review becomes files, with validate's messages.
 */
const provenanceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("article") }),
  z.object({ kind: z.literal("context"), citation: z.object({ title: z.string(), publisher: z.string(), url: z.string() }) }),
]);

/** Likewise an actor the editor is adding: actors.json's schema judges it. */
const actorSchema = z.object({ id: z.string(), name: z.string(), abbreviation: z.string(), color: z.string(), description: z.string() });

const status = z.enum(["proposed", "accepted", "rejected"]);
const offset = z.int().nonnegative();

const candidateSchema = z.object({
  placeId: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  country: z.string(),
  coordinates: z.tuple([z.number(), z.number()]),
});

export const reviewSchema = z.object({
  draftId: z.string().min(1).max(100),
  meta: z.object({
    id: z.string(),
    title: z.string(),
    dateline: z.string(),
    source: z.string(),
    sourceNote: z.string().optional(),
    text: z
      .string()
      .min(1, "the article's text is empty")
      .max(MAX_TEXT, `the article is over ${MAX_TEXT.toLocaleString("en")} characters`),
    frontPage: z.boolean(),
  }),
  mentions: z.array(
    z.object({
      key: z.string(),
      start: offset,
      end: offset,
      text: z.string(),
      candidates: z.array(candidateSchema),
      placeId: z.string().nullable(),
      status,
    }),
  ),
  events: z.array(
    z.object({
      key: z.string(),
      status,
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      quote: z.object({ start: offset, end: offset }),
      date: z.string(),
      dateProvenance: provenanceSchema.nullable(),
      actors: z.array(z.object({ actor: z.string().nullable(), name: z.string(), role: z.string() })),
      places: z.array(
        z.object({ mention: z.string().nullable(), place: z.string().nullable(), role: z.enum(placeRoles), provenance: provenanceSchema }),
      ),
      provenance: provenanceSchema,
    }),
  ),
  newPlaces: z.array(placeFeatureSchema),
  newActors: z.array(actorSchema),
  overwrite: z.boolean(),
}) satisfies z.ZodType<StoryReview>;

/** The review in a request body, or the first thing wrong with it (path and message). */
export function parseReview(body: unknown): { review: StoryReview } | { error: string } {
  const result = reviewSchema.safeParse(body);
  if (result.success) return { review: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `review.${issue.path.join(".")}` : "review";
  return { error: `${where}: ${issue?.message ?? "not a review"}` };
}
