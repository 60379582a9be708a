"use client";

import { useEffect, useState } from "react";
import type { StoryReview } from "@/geo/studio/review";

export interface Validation {
  /** The review these problems are for: the panel says "checking…" until they match the latest. */
  checked?: StoryReview;
  problems: string[];
  error?: string;
}

/**
 * `npm run validate`'s problems for the story as it would be saved, from the server (where the
 * Natural Earth shapes are), after every change; a newer change cancels the request of the last.
 */
export function useValidation(review: StoryReview | undefined): Validation {
  const [validation, setValidation] = useState<Validation>({ problems: [] });
  useEffect(
    function validateOnServer() {
      if (!review) return;
      const controller = new AbortController();
      fetch("/api/studio/validate", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ review }),
        signal: controller.signal,
      })
        .then(async (response) => {
          const body = (await response.json()) as { problems?: string[]; error?: { message: string } };
          setValidation(
            body.problems ? { checked: review, problems: body.problems } : { checked: review, problems: [], error: body.error?.message },
          );
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setValidation({ checked: review, problems: [], error: String(error) });
        });
      return () => controller.abort();
    },
    [review],
  );
  return validation;
}
