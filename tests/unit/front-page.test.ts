/**
 * `/` as a static file (app/_server/front-page.cjs): its address per build, the rewrite that serves
 * it, and the build step that writes its policy into the header rule (front-page-build.ts).
 */
import { describe, expect, it } from "vitest";
import { frontPageFile, frontPageRewrites } from "@/app/_server/front-page.cjs";
import { withFrontPagePolicy } from "@/app/_server/front-page-build";
import { frontPagePolicyRule, headerRules, NON_PAGE_CSP } from "@/app/_server/headers.cjs";

describe("frontPageFile", () => {
  it("gives each build folder its own address under public/, without the leading dot Next.js will not serve", () => {
    expect(frontPageFile(".next")).toBe("/_prerendered/next/index.html");
    expect(frontPageFile(".next-hostile")).toBe("/_prerendered/next-hostile/index.html");
    expect(frontPageFile("/srv/builds/site")).toBe("/_prerendered/site/index.html");
  });
});

describe("frontPageRewrites", () => {
  it("sends a document request for / to the build's copy, and leaves the page's React payload to the page", () => {
    expect(frontPageRewrites({ distDir: ".next", dev: false })).toEqual([
      { source: "/", destination: "/_prerendered/next/index.html", missing: [{ type: "header", key: "rsc" }] },
    ]);
  });

  it("rewrites nothing under next dev, which renders / itself", () => {
    expect(frontPageRewrites({ distDir: ".next", dev: true })).toEqual([]);
  });
});

describe("the policy rule for /", () => {
  const policyOf = (rule: ReturnType<typeof frontPagePolicyRule>) => rule.headers.find((h) => h.key === "Content-Security-Policy")?.value;

  it("allows no inline script until the build writes the page's hashes into it", () => {
    expect(policyOf(frontPagePolicyRule({ dev: false }))).toMatch(/script-src 'self';/);
  });

  it("is one of next.config.js's rules, and says what the answer for / varies by", () => {
    const rule = headerRules().find((r) => r.source === "/");
    expect(rule).toEqual(frontPagePolicyRule({ dev: false }));
    expect(rule?.headers.find((h) => h.key === "Vary")?.value).toMatch(/^rsc, next-router-state-tree/);
  });

  it("is the dev policy under next dev", () => {
    expect(policyOf(frontPagePolicyRule({ dev: true }))).toMatch(/'unsafe-eval'/);
  });
});

describe("withFrontPagePolicy", () => {
  const manifest = { headers: headerRules(), rewrites: { beforeFiles: [] } };

  it("writes the policy into /'s rule and changes no other rule", () => {
    const written = withFrontPagePolicy(manifest, "script-src 'self' 'sha256-AAAA'");
    const index = manifest.headers.findIndex((r) => r.source === "/");
    expect(written.headers[index]?.headers.find((h) => h.key === "Content-Security-Policy")?.value).toBe("script-src 'self' 'sha256-AAAA'");
    expect(written.headers[index]?.headers.find((h) => h.key === "Vary")).toEqual(
      manifest.headers[index]?.headers.find((h) => h.key === "Vary"),
    );
    expect(written.headers.filter((_, i) => i !== index)).toEqual(manifest.headers.filter((_, i) => i !== index));
    expect(written.headers.some((r) => r.headers.some((h) => h.value === NON_PAGE_CSP))).toBe(true);
    expect((written as typeof manifest).rewrites).toBe(manifest.rewrites);
  });

  it("refuses a build without the rule, naming what is missing", () => {
    expect(() => withFrontPagePolicy({ headers: [] }, "x")).toThrow(/no Content-Security-Policy rule for "\/"/);
  });
});
