"use client";

import { useEffect } from "react";
import type { StoryReview } from "@/geo/studio/review";

const CURRENT = "dateline-studio:current";
const keyOf = (draftId: string) => `dateline-studio:draft:${draftId}`;

/**
 * The draft last worked on in this browser, if any, so that a reload loses nothing. Undefined on
 * the server: the first render there and in the browser is the same "Loading" either way, since
 * the data folder arrives later.
 */
export function storedReview(): StoryReview | undefined {
  if (typeof window === "undefined") return undefined;
  try {
    const id = window.localStorage.getItem(CURRENT);
    const text = id && window.localStorage.getItem(keyOf(id));
    return text ? (JSON.parse(text) as StoryReview) : undefined;
  } catch {
    return undefined;
  }
}

/** Drops a saved or abandoned draft from this browser. */
export function forgetReview(draftId: string): void {
  window.localStorage.removeItem(keyOf(draftId));
  if (window.localStorage.getItem(CURRENT) === draftId) window.localStorage.removeItem(CURRENT);
}

/** Keeps the review in localStorage under its draft id on every change, until it is saved or discarded. */
export function useStoredReview(review: StoryReview | undefined): void {
  useEffect(
    function storeDraft() {
      if (!review) return;
      try {
        window.localStorage.setItem(keyOf(review.draftId), JSON.stringify(review));
        window.localStorage.setItem(CURRENT, review.draftId);
      } catch (error) {
        console.warn(`The draft could not be kept in this browser: ${String(error)}`);
      }
    },
    [review],
  );
}
