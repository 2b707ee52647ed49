import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExpression, interpret, parseExpression, tryCompile, type Expression } from "../../src/index.js";
import { countNodes } from "../../src/expression/domain-bounds.js";
import { arbitraryExpression } from "../support/ast.js";

/*
 * `flat-delay` says how far past the checked range the delay stays the same.
 * Where interval analysis proves it constant, the check skips evaluating
 * each value; its hint must be the one evaluating every value gives.
 */

const span = { start: 0, end: 0 };
const number = (value: number): Expression => ({ kind: "number", value, span });

/** The hint `flat-delay` must give, found by evaluating every value past the checked range, as the check once did. */
function evaluatedHint(tree: Expression, retries: number, value: number): string {
  const last = retries - 1 + Math.max(1, Math.floor(10_000 / (countNodes(tree) + 10)));
  for (let retried = retries; retried <= last; retried++) {
    const got = interpret(tree, retried);
    if (!Object.is(got, value))
      return `it first changes at \`retried\` = ${retried} (${got} ms), so more retries would see it ${got > value ? "grow" : "change"}`;
  }
  return `it stays ${value} ms at least up to \`retried\` = ${last}`;
}

/** Delays that are often flat: a random tree under a cap or a floor, which analysis may or may not prove constant. */
const capped = fc
  .tuple(fc.constantFrom("min", "max"), fc.constantFrom(0, 1, 1000, 86_400_000, 1e21), arbitraryExpression, fc.boolean())
  .map(([name, cap, tree, capFirst]): Expression => ({
    kind: "call",
    name,
    nameSpan: span,
    args: capFirst ? [number(cap), tree] : [tree, number(cap)],
    span,
  }));

describe("flat-delay's hint", () => {
  it("is the one evaluating every value gives, where analysis proves the delay constant and where it does not", () => {
    let flat = 0;
    fc.assert(
      fc.property(capped, fc.integer({ min: 2, max: 40 }), (tree, retries) => {
        const checked = checkExpression(tree, { retries });
        const found = checked.diagnostics.find((d) => d.code === "flat-delay");
        if (found === undefined || !checked.ok || checked.value.range === undefined) return;
        flat++;
        expect(found.hint).toBe(evaluatedHint(tree, retries, checked.value.range.min));
      }),
      { numRuns: 500 },
    );
    expect(flat, "too few flat delays to mean something").toBeGreaterThan(50);
  });

  it.each([
    "min(86400000, exp(2.5 * (retried + 7)) * 1000)",
    "max(1000, 1 / (retried + 1))",
    "min(500, retried + 1000)",
    "max(1000, pow(2, retried) * 10)",
  ])("on %s", (source) => {
    const parsed = parseExpression(source);
    if (!parsed.ok) throw new Error(source);
    const result = tryCompile(source);
    const found = result.diagnostics.find((d) => d.code === "flat-delay");
    expect(found?.hint).toBe(evaluatedHint(parsed.value, 3, result.ok ? (result.value.range?.min ?? Number.NaN) : Number.NaN));
  });
});
