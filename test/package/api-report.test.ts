import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without types; generateReport returns the report's text.
import { generateReport, REPORT_FILE } from "../../scripts/api-report.mjs";

// The public API is reviewed as a file: api/retry-delay.api.md lists every export of every entry with
// its signature. A change to the surface fails here until the report is regenerated
// (`npm run build && node scripts/api-report.mjs`) and the diff reviewed in the commit.
describe("the public API report", () => {
  it("matches the built .d.ts files", { timeout: 120_000 }, () => {
    const committed = readFileSync(REPORT_FILE as string, "utf8");
    expect((generateReport as () => string)()).toBe(committed);
  });

  it("keeps the root entry to the names a user can hold in mind (issue 13)", () => {
    const committed = readFileSync(REPORT_FILE as string, "utf8");
    const counts = /## retry-delay\n\n(\d+) runtime names/.exec(committed);
    expect(Number(counts?.[1])).toBeLessThanOrEqual(37);
  });
});
