"use client";

import type { StoryBundle } from "@/geo/story";
import type { ViewState } from "@/geo/url-state";
import type { StoryView } from "@/geo/view";
import { PartBoundary } from "../PartBoundary";
import { Timeline, type TimelineProps } from "./Timeline";

export interface StoryTimelineProps {
  bundle: StoryBundle;
  view: StoryView;
  state: ViewState;
  onChange: TimelineProps["onChange"];
}

/** A story's timeline as the story page and the embed show it: the actor filter applied, the dates from the URL. */
export function StoryTimeline({ bundle, view, state, onChange }: StoryTimelineProps) {
  return (
    <PartBoundary name="The timeline" instead="The other filters still work.">
      <Timeline
        index={view.index}
        actors={state.actors}
        dateline={bundle.story.dateline}
        range={{ from: state.from, to: state.to }}
        onChange={onChange}
      />
    </PartBoundary>
  );
}
