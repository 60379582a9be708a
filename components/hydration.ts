/**
 * How the page says that React has hydrated all of it (HydratedSignal.tsx): the attribute stays on
 * `<html>` for anyone who looks later (the tests), the event wakes whoever waits for it now (the
 * loader that starts the app on the reader's first intent, startOnIntent.ts).
 */
export const HYDRATED_ATTRIBUTE = "data-hydrated";
export const HYDRATED_EVENT = "dateline:hydrated";
