import { describe, expect, it } from "vitest";
import { popupEventCount, POPUP_EVENTS_STEP } from "@/components/PlacePopup";

describe("popupEventCount: how many of a place's events its popup draws", () => {
  it("draws every event of a place with fewer than a step's worth", () => {
    expect(popupEventCount(5, -1, POPUP_EVENTS_STEP)).toBe(5);
    expect(popupEventCount(0, -1, POPUP_EVENTS_STEP)).toBe(0);
  });

  it("draws the first step of a place with a hundred, then as many as the reader asked for", () => {
    expect(popupEventCount(118, -1, POPUP_EVENTS_STEP)).toBe(20);
    expect(popupEventCount(118, -1, 40)).toBe(40);
    expect(popupEventCount(118, -1, 140)).toBe(118);
  });

  it("always reaches the chosen event, even far down the list", () => {
    expect(popupEventCount(118, 3, POPUP_EVENTS_STEP)).toBe(20);
    expect(popupEventCount(118, 19, POPUP_EVENTS_STEP)).toBe(20);
    expect(popupEventCount(118, 20, POPUP_EVENTS_STEP)).toBe(21);
    expect(popupEventCount(118, 117, POPUP_EVENTS_STEP)).toBe(118);
  });
});
