// Medians, ratios to the baselines, the targets of issue 8, and the printed table.

/** The framework's own weight stated in issue 2: Next.js 16, React 19 and Leaflet, gzip. */
export const FRAMEWORK_KIB = 175;

/** Issue 8's targets. They are printed beside the figures; the bench never fails on them. */
export const TARGETS = {
  score: { min: 95, text: "≥ 95" },
  tbtVsBareNext: { max: 1.25, text: "≤ 1.25x" },
  firstMarkerVsBareLeaflet: { max: 2, text: "≤ 2x" },
  jsVsFloor: { max: 1.1, text: "≤ 1.1x, for /", pages: ["home"] },
};

export function median(values) {
  const sorted = values.filter((v) => typeof v === "number").sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median, min and max of one figure over the runs, or null when the page has no such figure. */
export function summarise(values) {
  const numbers = values.filter((v) => typeof v === "number");
  return numbers.length ? { median: median(numbers), min: Math.min(...numbers), max: Math.max(...numbers) } : null;
}

/** value / baseline; a zero baseline gives 1 for a zero value and null (no finite ratio) otherwise. */
function ratio(value, baseline) {
  if (value == null || baseline == null) return null;
  if (baseline === 0) return value === 0 ? 1 : null;
  return value / baseline;
}

/** The ratios of one app page's medians to the baselines' medians, and whether each target is met. */
export function compare(page, bareNext, bareLeaflet) {
  const m = (summary, key) => summary[key]?.median ?? null;
  const ratios = {
    // The app's JavaScript once it has started: `/` loads none of it until the reader reaches for
    // the page (components/startOnIntent.ts), which is not the same as not shipping it.
    jsVsBareNext: ratio(m(page, "jsAppKib"), m(bareNext, "jsAppKib")),
    jsVsFloor: ratio(m(page, "jsAppKib"), FRAMEWORK_KIB),
    firstMarkerVsBareLeaflet: ratio(m(page, "firstMarkerMs"), m(bareLeaflet, "firstMarkerMs")),
    tbtVsBareNext: ratio(m(page, "tbtMs"), m(bareNext, "tbtMs")),
    lcpVsBareNext: ratio(m(page, "lcpMs"), m(bareNext, "lcpMs")),
    scoreVsBareNext: ratio(m(page, "score"), m(bareNext, "score")),
  };
  const met = {
    score: m(page, "score") >= TARGETS.score.min,
    // Compared as value ≤ limit × baseline, so that a zero baseline has a meaning.
    tbtVsBareNext: m(page, "tbtMs") <= TARGETS.tbtVsBareNext.max * m(bareNext, "tbtMs"),
    firstMarkerVsBareLeaflet: m(page, "firstMarkerMs") <= TARGETS.firstMarkerVsBareLeaflet.max * m(bareLeaflet, "firstMarkerMs"),
    jsVsFloor: m(page, "jsAppKib") <= TARGETS.jsVsFloor.max * FRAMEWORK_KIB,
  };
  return { ratios, met };
}

const integer = (v) => Math.round(v).toLocaleString("en-US");
const FORMATS = {
  jsKib: (v) => v.toFixed(1),
  jsAppKib: (v) => v.toFixed(1),
  jsWithMapKib: (v) => v.toFixed(1),
  firstMarkerMs: integer,
  score: integer,
  tbtMs: integer,
  lcpMs: integer,
};

/** "median (min–max)", in the column's unit. */
function figure(summary, key) {
  if (!summary) return "–";
  const f = FORMATS[key];
  return summary.min === summary.max ? f(summary.median) : `${f(summary.median)} (${f(summary.min)}–${f(summary.max)})`;
}

function table(rows, { indent = "  " } = {}) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column])))
        .join("   ")
        .trimEnd(),
    )
    .map((line) => indent + line)
    .join("\n");
}

const times = (r) => (r == null ? "no ratio" : `${r.toFixed(2)}x`);
const verdict = (ok) => (ok ? "met" : "MISSED");

/** The whole printed report: header, figures per page, then ratios beside the targets. */
export function formatReport({ header, pages, comparisons, runs }) {
  const lines = [];
  lines.push(`Dateline bench, ${header.date}`);
  for (const [name, value] of header.lines) lines.push(`  ${name.padEnd(9)} ${value}`);
  lines.push("");
  lines.push(`Figures: median of ${runs} run${runs === 1 ? "" : "s"} (min–max)`);
  lines.push(
    table([
      [
        "page",
        "JS at load, KiB gzip",
        "JS, app started",
        "JS with the map in use",
        "first marker, ms",
        "LH mobile perf",
        "TBT, ms",
        "LCP, ms",
      ],
      ...pages.map((p) => [
        p.label,
        figure(p.summary.jsKib, "jsKib"),
        figure(p.summary.jsAppKib, "jsAppKib"),
        figure(p.summary.jsWithMapKib, "jsWithMapKib"),
        figure(p.summary.firstMarkerMs, "firstMarkerMs"),
        figure(p.summary.score, "score"),
        figure(p.summary.tbtMs, "tbtMs"),
        figure(p.summary.lcpMs, "lcpMs"),
      ]),
    ]),
  );
  lines.push("");
  const app = pages.filter((p) => comparisons[p.key]);
  const cell = (p, ratioKey, targetKey) => {
    const { ratios, met } = comparisons[p.key];
    const target = TARGETS[targetKey];
    const judged = target && (!target.pages || target.pages.includes(p.key));
    return `${times(ratios[ratioKey])}${judged ? ` ${verdict(met[targetKey])}` : ""}`;
  };
  lines.push("Against the baselines (ratio of medians) and issue 8's targets");
  lines.push(
    table([
      ["", ...app.map((p) => p.label), "target"],
      ["JS, app started, vs bare Next.js page", ...app.map((p) => cell(p, "jsVsBareNext")), "–"],
      [
        `JS, app started, vs framework floor (~${FRAMEWORK_KIB} KiB)`,
        ...app.map((p) => cell(p, "jsVsFloor", "jsVsFloor")),
        TARGETS.jsVsFloor.text,
      ],
      [
        "first marker vs bare Leaflet page",
        ...app.map((p) => cell(p, "firstMarkerVsBareLeaflet", "firstMarkerVsBareLeaflet")),
        TARGETS.firstMarkerVsBareLeaflet.text,
      ],
      ["TBT vs bare Next.js page", ...app.map((p) => cell(p, "tbtVsBareNext", "tbtVsBareNext")), TARGETS.tbtVsBareNext.text],
      ["LCP vs bare Next.js page", ...app.map((p) => cell(p, "lcpVsBareNext")), "–"],
      ["LH mobile perf vs bare Next.js page", ...app.map((p) => cell(p, "scoreVsBareNext")), "–"],
      [
        "LH mobile perf score",
        ...app.map((p) => `${figure(p.summary.score, "score").split(" ")[0]} ${verdict(comparisons[p.key].met.score)}`),
        TARGETS.score.text,
      ],
    ]),
  );
  return lines.join("\n");
}
