import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCompileCache, decideRetry, printExpression, tryCompile, type Expression } from "../../src/index.js";
import { compileTree } from "../../src/expression/compile.js";
import { boundsOver } from "../../src/expression/domain-bounds.js";
import { classify, DOMAIN_CODES, type DomainFindings } from "../../src/expression/domain-findings.js";
import { scanDomain } from "../../src/expression/domain.js";
import { foldConstants } from "../../src/expression/fold.js";
import { isNanOnly } from "../../src/expression/interval.js";
import { arbitraryExpression } from "../support/ast.js";

/** The worst case of issue 11: 1,000 terms, 7,999 characters, a million retries. */
const chain = Array.from({ length: 1000 }, () => "retried").join("+");

function elapsed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("the domain check's work is bounded, whatever retries is", () => {
  it("answers the 1,000-term chain with retries 1,000,000 in well under a second, through every entry point", () => {
    // Generous on purpose: this catches the O(retries) check (seconds each), not a slow machine.
    const spent =
      elapsed(() => tryCompile(chain, { retries: 1_000_000 })) +
      elapsed(() => createCompileCache().get(chain, { retries: 1_000_000 })) +
      elapsed(() => decideRetry({ retried: 0, retries: 1_000_000, retryDelay: chain }));
    expect(spent).toBeLessThan(1000);
    const result = tryCompile(chain, { retries: 1_000_000 });
    expect(result.ok && result.value.range).toEqual({ min: 0, max: 999_999_000, minAt: 0, maxAt: 999_999 });
    expect(result.diagnostics).toEqual([]);
  });

  it("stays exact for a monotone delay over a huge domain: the first offenders and their count, computed by search", () => {
    const [warning, ...rest] = tryCompile("1000 - 600 * retried", { retries: 1_000_000 }).diagnostics;
    expect(rest).toEqual([]);
    expect(warning?.message).toBe("the delay is negative when `retried` is 2, 3, 4, 5, 6, … (999998 values) (-200 ms at 2)");
    const capped = tryCompile("min(86400000, pow(2, retried) * 1000)", { retries: 1_000_000 });
    expect(capped.ok && capped.value.range).toEqual({ min: 1000, max: 86_400_000, minAt: 0, maxAt: 17 });
  });

  it("says so, with an info, when it had to sample", () => {
    const result = tryCompile("retried - 2 * floor(retried / 2) - 0.5", { retries: 1_000_000 });
    const codes = result.diagnostics.map((d) => `${d.severity} ${d.code}`);
    expect(codes).toEqual(["warning negative-delay", "warning fractional-delay", "info domain-check-sampled"]);
    expect(result.diagnostics[0]?.message).toMatch(
      /^the delay is negative when `retried` is 0, 2, 4, 6, 8, … \(at least \d+ values; the check sampled\)/,
    );
    expect(result.diagnostics[2]?.message).toMatch(/negative, fractional delays are not ruled out/);
    expect(result.ok && result.value.range?.bounds).toEqual({ lowest: -999_998.5, highest: 999_998.5 });
  });
});

/** Every value the check visits one by one: the reference. */
function exhaustive(tree: Expression, retries: number): DomainFindings {
  return scanDomain(tree, compileTree(tree), retries, Number.POSITIVE_INFINITY);
}

describe("the bounded domain check agrees with the exhaustive one", () => {
  const cases = fc.tuple(arbitraryExpression, fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 2000, max: 200_000 }));

  it("is exact when it says so, and never reports what is not there", () => {
    fc.assert(
      fc.property(cases, ([tree, retries, budget]) => {
        const reference = exhaustive(tree, retries);
        const delay = compileTree(tree);
        const bounded = scanDomain(tree, delay, retries, budget);
        const label = `${printExpression(tree)} over ${retries} with budget ${budget}`;
        for (const code of DOMAIN_CODES) {
          const want = reference.offenders?.get(code);
          const got = bounded.offenders?.get(code);
          if (!bounded.unsettled.has(code)) expect(got, `${label}: ${code}`).toEqual(want);
          else {
            for (const retried of got?.first ?? []) expect(classify(delay(retried)), `${label} at ${retried}`).toBe(code);
            expect(got?.count ?? 0, label).toBeLessThanOrEqual(want?.count ?? 0);
          }
        }
        const range = (f: DomainFindings) => (f.found ? { min: f.min, max: f.max, minAt: f.minAt, maxAt: f.maxAt } : undefined);
        if (!bounded.rangeApproximate) expect(range(bounded), label).toEqual(range(reference));
        else if (reference.found) {
          expect(Math.min(bounded.min, bounded.lowest), label).toBeLessThanOrEqual(reference.min);
          expect(Math.max(bounded.max, bounded.highest), label).toBeGreaterThanOrEqual(reference.max);
        }
      }),
      { numRuns: Number(process.env.DOMAIN_RUNS ?? 300) },
    );
  });

  it("interval analysis contains every value of a run, and its trend and wholeness hold", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 40 }), (tree, first, length) => {
        const folded = foldConstants(tree);
        const delay = compileTree(folded);
        const known = boundsOver(folded, first, first + length);
        const label = `${printExpression(tree)} over ${first} … ${first + length}: ${JSON.stringify(known)}`;
        let previous: number | undefined;
        for (let retried = first; retried <= first + length; retried++) {
          const value = delay(retried);
          if (Number.isNaN(value)) expect(known.nan, label).toBe(true);
          else {
            expect(isNanOnly(known), label).toBe(false);
            expect(value >= known.lo && value <= known.hi, `${label} at ${retried}: ${value}`).toBe(true);
            if (known.integral && Number.isFinite(value)) expect(Number.isInteger(value), `${label} at ${retried}`).toBe(true);
          }
          if (previous !== undefined && known.trend === 1) expect(value >= previous, `${label} at ${retried}`).toBe(true);
          if (previous !== undefined && known.trend === -1) expect(value <= previous, `${label} at ${retried}`).toBe(true);
          if (previous !== undefined && known.trend === 0) expect(value === previous, `${label} at ${retried}`).toBe(true);
          previous = value;
        }
      }),
      { numRuns: Number(process.env.DOMAIN_RUNS ?? 1000) },
    );
  });
});
