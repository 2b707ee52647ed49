import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printExpression } from "../../src/index.js";
import { compileTree } from "../../src/expression/compile.js";
import { boundsOver } from "../../src/expression/domain-bounds.js";
import {
  absBounds,
  ANYTHING,
  constantBounds,
  divideBounds,
  isNanOnly,
  multiplyBounds,
  negateBounds,
  powBounds,
  retriedBounds,
  risingBounds,
  sqrtBounds,
} from "../../src/expression/interval.js";
import { arbitraryExpression } from "../support/ast.js";

/*
 * The interval analysis (interval.ts) over-approximates: what it rules out
 * cannot happen. The domain check trusts each of its answers to skip values
 * it never evaluates, and retry-delay/runtime's sampled range reports its
 * bounds as holding every delay, so every answer is checked here against
 * the values themselves.
 */

const NAN_ONLY = constantBounds(Number.NaN);

describe("interval analysis is sound", () => {
  it("holds every value of the delay over a run of `retried`: its bounds, NaN, whole numbers and trend", () => {
    const run = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(arbitraryExpression, run, (tree, [a, b]) => {
        const first = Math.min(a, b);
        const last = Math.max(a, b);
        const known = boundsOver(tree, first, last);
        const delay = compileTree(tree);
        const label = `${printExpression(tree)} over ${first} … ${last}: ${JSON.stringify(known)}`;
        let previous: number | undefined;
        for (let retried = first; retried <= last; retried++) {
          const value = delay(retried);
          if (Number.isNaN(value)) {
            expect(known.nan, `${label} at ${retried}`).toBe(true);
            previous = undefined;
            continue;
          }
          expect(value, `${label} at ${retried}`).toBeGreaterThanOrEqual(known.lo);
          expect(value, `${label} at ${retried}`).toBeLessThanOrEqual(known.hi);
          if (known.integral && Number.isFinite(value)) expect(Number.isInteger(value), `${label} at ${retried}`).toBe(true);
          if (previous !== undefined && known.trend !== undefined) {
            if (known.trend >= 0) expect(value, `${label} rises at ${retried}`).toBeGreaterThanOrEqual(previous);
            if (known.trend <= 0) expect(value, `${label} falls at ${retried}`).toBeLessThanOrEqual(previous);
          }
          previous = value;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("interval rules at their edges", () => {
  it("keeps an always-NaN operand always NaN through a sign, abs, sqrt and a rising function", () => {
    for (const result of [
      negateBounds(NAN_ONLY),
      absBounds(NAN_ONLY),
      sqrtBounds(NAN_ONLY),
      risingBounds(Math.exp, { keepsWhole: false }, NAN_ONLY),
    ])
      expect(result).toEqual(NAN_ONLY);
    expect(isNanOnly(NAN_ONLY)).toBe(true);
  });

  it("allows anything for a quotient with a NaN corner, and for a divisor that may be 0", () => {
    const infinite = constantBounds(Infinity);
    expect(divideBounds(infinite, infinite)).toEqual(ANYTHING);
    expect(divideBounds(constantBounds(1), retriedBounds(0, 3))).toEqual({ ...ANYTHING, nan: false });
  });

  it("counts a NaN corner of a product as 0, and says that the product may be NaN", () => {
    expect(multiplyBounds(retriedBounds(0, 2), constantBounds(Infinity))).toEqual({
      lo: 0,
      hi: Infinity,
      nan: true,
      integral: true,
      trend: undefined,
    });
  });

  it("takes an even power of a base that changes sign as that of its size, and an odd one as it is", () => {
    const across = negateBounds(retriedBounds(0, 3)); // -3 … -0, falling
    expect(powBounds(across, constantBounds(2))).toEqual({ lo: 0, hi: 9, nan: false, integral: true, trend: 1 });
    expect(powBounds(across, constantBounds(3))).toEqual({ lo: -27, hi: -0, nan: false, integral: true, trend: -1 });
    expect(absBounds(across)).toEqual({ lo: 0, hi: 3, nan: false, integral: true, trend: 1 });
  });
});
