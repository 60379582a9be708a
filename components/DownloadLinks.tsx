import type { ViewState } from "@/geo/url-state";

/** The API query for what the filters show now: the same parameters the page's URL uses. */
function exportQuery(state: ViewState, format: "geojson" | "csv"): string {
  const query = new URLSearchParams();
  if (state.actors) query.set("actors", state.actors.join(","));
  if (state.from) query.set("from", state.from);
  if (state.to) query.set("to", state.to);
  query.set("format", format);
  return query.toString().replace(/%2C/g, ",");
}

/** "Download" for the events the filters currently show, as GeoJSON and as CSV. */
export function DownloadLinks({ state, count }: { state: ViewState; count: number }) {
  return (
    <p className="downloads">
      Download {count === 1 ? "this event" : `these ${count} events`}:{" "}
      <a href={`/api/events?${exportQuery(state, "geojson")}`} download="dateline-events.geojson">
        GeoJSON
      </a>{" "}
      ·{" "}
      <a href={`/api/events?${exportQuery(state, "csv")}`} download="dateline-events.csv">
        CSV
      </a>
    </p>
  );
}
