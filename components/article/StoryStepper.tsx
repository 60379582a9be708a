"use client";

export interface StoryStepperProps {
  /** Event ids in the order the article tells them. */
  steps: readonly string[];
  current?: string;
  onGo: (eventId: string) => void;
}

/**
 * Story mode: step through the events in the article's order. The URL carries the current event,
 * so a link opens the story at that step. Arrow keys step when focus is in the reading panel.
 */
export function StoryStepper({ steps, current, onGo }: StoryStepperProps) {
  const index = current === undefined ? -1 : steps.indexOf(current);
  // At either end the button stays focusable (aria-disabled, not disabled), so the keyboard keeps
  // its place; a press there does nothing.
  const go = (i: number) => {
    const id = steps[i];
    if (id && i >= 0) onGo(id);
  };
  return (
    <div className="story-stepper" role="group" aria-label="Story mode">
      <button
        type="button"
        className="chip"
        onClick={() => go(index - 1)}
        aria-disabled={index <= 0}
        aria-label="Previous event in the story"
      >
        ◀ Previous
      </button>
      <span className="story-counter" aria-live="polite">
        {index >= 0 ? `Event ${index + 1} of ${steps.length}` : `${steps.length} events`}
      </span>
      <button
        type="button"
        className="chip"
        onClick={() => go(index + 1)}
        aria-disabled={index >= steps.length - 1}
        aria-label={index < 0 ? "Start the story" : "Next event in the story"}
      >
        {index < 0 ? "Start ▶" : "Next ▶"}
      </button>
    </div>
  );
}

/** Arrow keys step the story unless the key belongs to a control that uses it. */
export function storyKey(event: React.KeyboardEvent, steps: readonly string[], current: string | undefined, onGo: (id: string) => void) {
  const target = event.target as HTMLElement;
  if (target.closest("input, textarea, select, .leaflet-container")) return;
  const index = current === undefined ? -1 : steps.indexOf(current);
  const next = event.key === "ArrowRight" ? index + 1 : event.key === "ArrowLeft" ? index - 1 : undefined;
  const id = next === undefined ? undefined : steps[Math.max(0, next)];
  if (id === undefined || id === current) return;
  event.preventDefault();
  onGo(id);
}
