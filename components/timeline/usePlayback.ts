"use client";

import { useEffect, useState } from "react";

const STEP_MS = 1600;

/**
 * Steps through `steps` on a timer while playing. The caller shows the step; reaching the last
 * step stops. Nothing starts by itself: playing is always the user's choice.
 */
export function usePlayback(steps: readonly unknown[], current: number, onStep: (index: number) => void) {
  const [playing, setPlaying] = useState(false);
  useEffect(
    function advanceWhilePlaying() {
      if (!playing || current >= steps.length - 1) return;
      const timer = setTimeout(() => {
        onStep(current + 1);
        if (current + 1 >= steps.length - 1) setPlaying(false);
      }, STEP_MS);
      return () => clearTimeout(timer);
    },
    [playing, current, steps.length, onStep],
  );
  return { playing, setPlaying };
}
