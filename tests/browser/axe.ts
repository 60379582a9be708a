/**
 * The accessibility check of the browser tests (a11y.spec.ts, studio.spec.ts): axe-core with every
 * rule it has, on the page as it is now.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import axe from "axe-core";
import { expect, test } from "./fixtures";

/**
 * Every rule of the project's axe-core (node_modules/axe-core, 4.14): WCAG A to AAA, best
 * practices, and the rules axe leaves off by default (experimental, deprecated, target-size,
 * duplicate-id). @axe-core/playwright bundles an older axe-core, so the project's is injected.
 */
const ALL_RULES = axe.getRules().map((rule) => rule.ruleId);
// Known app bug, for the map's owner: every test here fails on label-content-name-mismatch
// (serious) until each marker's visible text ("Damascus", "RB SY RU", "5", read together as
// "DamascusRBSYRU5") is part of its aria-label ("Damascus, RB SY RU, 5 events (...)").
/**
 * What fails a test: serious and critical findings, and moderate ones (landmarks, heading order),
 * which are all fixed and must stay so. Minor findings are listed in the test's annotations
 * without failing (now: focus-order-semantics on the Leaflet container, focusable with no role).
 */
const BLOCKING = new Set(["critical", "serious", "moderate"]);
/**
 * Dateline meets WCAG 2.2 AA (app/globals.css); AAA rules (7:1 contrast, which the Okabe–Ito
 * actor colours and the link blue do not reach) are listed in the report without failing.
 */
const REPORTED_ONLY_TAG = "wcag2aaa";

/**
 * Runs every axe rule on the page as it is now and fails on any blocking violation (BLOCKING),
 * saying for each what the rule is, where (the first few elements' selectors) and what axe says
 * would fix it; the other findings go into the test's annotations.
 */
export async function expectNoBlockingViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page, axeSource: axe.source }).withRules(ALL_RULES).analyze();
  expect(results.testEngine.version, "the axe-core that ran is the project's").toBe(axe.version);
  const isBlocking = (v: (typeof results.violations)[number]) => BLOCKING.has(v.impact ?? "") && !v.tags.includes(REPORTED_ONLY_TAG);
  const blocking = results.violations.filter(isBlocking);
  const report = blocking
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 3)
        .map((n) => `    - ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`)
        .join("\n");
      const more = v.nodes.length > 3 ? `\n    (and ${v.nodes.length - 3} more)` : "";
      return `  ${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n${nodes}${more}`;
    })
    .join("\n");
  const minor = results.violations.filter((v) => !isBlocking(v)).map((v) => `${v.id} (${v.impact}, ${v.nodes.length} elements)`);
  if (minor.length > 0) test.info().annotations.push({ type: "axe findings that do not fail", description: minor.join(", ") });
  expect(
    blocking.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} elements)`),
    `serious, critical or moderate axe violations on ${what}:\n${report}`,
  ).toEqual([]);
}
