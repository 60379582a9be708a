// The two pages the bench compares Dateline with, generated under test-results/ (gitignored):
// - a bare Next.js app of the project's Next.js version, one page with a heading and nothing else,
//   using the project's node_modules through a symlink; built once and kept until Next.js or the
//   generated files change (or --build);
// - a bare static Leaflet page drawing the project's places as markers with data-place, the least
//   any page can do to show them: leaflet.js, leaflet.css and the places inline in the HTML.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { nextBuild } from "./servers.mjs";

/** The bare Next.js app's files, by path in its folder. */
function bareNextFiles(root) {
  return {
    "package.json": JSON.stringify({ name: "dateline-bench-bare-next", private: true }, null, 2) + "\n",
    // The project is the workspace root, where the symlinked node_modules really are. Turbopack
    // then also finds the project's proxy.ts and compiles it into this app (Next.js 16.4.6): page
    // files ending in .jsx only, which nothing of the project's is, keep this app bare.
    "next.config.mjs": `export default ${JSON.stringify({ turbopack: { root }, outputFileTracingRoot: root, pageExtensions: ["jsx"] }, null, 2)};\n`,
    "app/layout.jsx": [
      'export const metadata = { title: "Bare Next.js page" };',
      "",
      "export default function RootLayout({ children }) {",
      "  return (",
      '    <html lang="en">',
      "      <body>{children}</body>",
      "    </html>",
      "  );",
      "}",
      "",
    ].join("\n"),
    // Some text, so that there is a Largest Contentful Paint to measure.
    "app/page.jsx": [
      "export default function Page() {",
      "  return (",
      "    <main>",
      "      <h1>Bare Next.js page</h1>",
      "      <p>Nothing on it: the baseline that Dateline's bench compares with.</p>",
      "    </main>",
      "  );",
      "}",
      "",
    ].join("\n"),
  };
}

/**
 * Writes the bare Next.js app into `dir` and builds it when it has no build, when its files or
 * Next.js's version differ from the last build's, or when `rebuild` is set. Returns whether it built.
 */
export async function prepareBareNext({ root, dir, rebuild, logFile }) {
  const files = bareNextFiles(root);
  const stamp = JSON.stringify({ next: readNextVersion(root), files });
  const stampFile = join(dir, "bench-stamp.json");
  const current = existsSync(join(dir, ".next/BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (current && !rebuild) return false;
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  await nextBuild({ cwd: dir, env: { NEXT_TELEMETRY_DISABLED: "1" }, logFile });
  if (existsSync(join(dir, ".next/server/middleware.js")))
    throw new Error(`the bare Next.js app in ${dir} was built with a proxy (middleware): it is not bare`);
  writeFileSync(stampFile, stamp);
  return true;
}

export function readNextVersion(root) {
  return JSON.parse(readFileSync(join(root, "node_modules/next/package.json"), "utf8")).version;
}

/** Writes the bare Leaflet page and Leaflet's files into `dir`, drawing `places` (GeoJSON). */
export function writeBareLeaflet({ root, dir, places }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ["leaflet.js", "leaflet.css"]) copyFileSync(resolve(root, "node_modules/leaflet/dist", file), join(dir, file));
  // GeoJSON is [lng, lat]; Leaflet wants [lat, lng].
  const markers = places.features.map((feature) => ({
    id: feature.id,
    name: feature.properties.name,
    lat: feature.geometry.coordinates[1],
    lng: feature.geometry.coordinates[0],
  }));
  if (markers.length === 0) throw new Error("/api/places has no places: the bare Leaflet page would draw no marker");
  // In a <script>, "</script>" in the data would end it: escape every "<".
  const data = JSON.stringify(markers).replace(/</g, "\\u003c");
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bare Leaflet page</title>
    <link rel="stylesheet" href="/leaflet.css" />
    <style>
      html, body, #map { height: 100%; margin: 0; }
      .place { border-radius: 50%; background: #b03a2e; border: 2px solid #fff; box-sizing: border-box; }
    </style>
  </head>
  <body>
    <div id="map"></div>
    <script src="/leaflet.js"></script>
    <script>
      const markers = ${data};
      // Like Dateline's marker: a DivIcon whose element carries data-place when it is created.
      const PlaceIcon = L.DivIcon.extend({
        createIcon(old) {
          const element = L.DivIcon.prototype.createIcon.call(this, old);
          element.dataset.place = this.options.place;
          return element;
        },
      });
      const map = L.map("map");
      const layer = L.featureGroup(
        markers.map((m) => L.marker([m.lat, m.lng], { title: m.name, icon: new PlaceIcon({ className: "place", iconSize: [24, 24], place: m.id }) })),
      );
      map.fitBounds(layer.getBounds(), { padding: [32, 32], maxZoom: 8 });
      layer.addTo(map);
    </script>
  </body>
</html>
`,
  );
}
