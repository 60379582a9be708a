import type { ViewState } from "@/geo/url-state";

/** The API query for what the filters show now: the page's story, and the same parameters its URL uses. */
function exportQuery(story: string, state: ViewState, format: "geojson" | "csv"): string {
  const query = new URLSearchParams({ story });
  if (state.actors) query.set("actors", state.actors.join(","));
  if (state.from) query.set("from", state.from);
  if (state.to) query.set("to", state.to);
  query.set("format", format);
  return query.toString().replace(/%2C/g, ",");
}

/** "Download" for the events the filters currently show, as GeoJSON and as CSV. */
export function DownloadLinks({ story, state, count }: { story: string; state: ViewState; count: number }) {
  return (
    <p className="downloads">
      Download {count === 1 ? "this event" : `these ${count} events`}:{" "}
      <a href={`/api/events?${exportQuery(story, state, "geojson")}`} download="dateline-events.geojson">
        GeoJSON
      </a>{" "}
      ·{" "}
      <a href={`/api/events?${exportQuery(story, state, "csv")}`} download="dateline-events.csv">
        CSV
      </a>
    </p>
  );
}
