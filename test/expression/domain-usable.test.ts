import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileTree } from "../../src/expression/compile.js";
import { countNodes } from "../../src/expression/domain-bounds.js";
import { usableRange } from "../../src/expression/domain-report.js";
import { scanDomain } from "../../src/expression/domain.js";
import { tryCompile } from "../../src/index.js";
import { arbitraryExpression } from "../support/ast.js";

/*
 * usableRange is the domain check's fast path for the common case: every
 * value usable and within the budget. It must answer exactly as the scan
 * does (domain.ts), or decline.
 */

/** Trees whose delays are often all usable: a few shapes that real delays have, besides any tree at all. */
const usableOften = fc.oneof(
  arbitraryExpression,
  fc
    .constantFrom(
      "pow(2, retried) * 1000",
      "1000 * (1 + retried)",
      "max(1000, 5000 - 1000 * retried)",
      "round(sqrt(retried) * 100)",
      "0 * retried",
      "-0 * retried",
    )
    .map((source) => {
      const parsed = tryCompile(source, { retries: 1 });
      if (!parsed.ok) throw new Error(source);
      return parsed.value.expression;
    }),
);

describe("the domain check's fast path for usable delays", () => {
  it("gives the scan's range when every value is usable, and declines otherwise", () => {
    fc.assert(
      fc.property(usableOften, fc.integer({ min: 0, max: 60 }), (tree, retries) => {
        const delay = compileTree(tree);
        const nodes = countNodes(tree);
        const scanned = scanDomain(tree, delay, retries);
        const usable = usableRange(delay, retries, nodes);
        const allUsable = retries > 0 && scanned.offenders === undefined && !scanned.approximate;
        expect(usable).toEqual(allUsable ? scanned.range() : undefined);
      }),
    );
  });

  it("keeps the first `retried` that gives each extreme, as the scan does", () => {
    const delay = compileTree(treeOf("max(1000, 3000 - 1000 * retried)"));
    expect(usableRange(delay, 5, 7)).toEqual({ min: 1000, max: 3000, minAt: 2, maxAt: 0 });
    const flat = compileTree(treeOf("0 * retried"));
    expect(usableRange(flat, 3, 3)).toEqual({ min: 0, max: 0, minAt: 0, maxAt: 0 });
  });

  it("declines an unusable value, no values, and a domain past its budget", () => {
    expect(usableRange(compileTree(treeOf("1000 - 600 * retried")), 3, 5)).toBeUndefined();
    expect(usableRange(compileTree(treeOf("retried / 2")), 3, 3)).toBeUndefined();
    expect(usableRange(compileTree(treeOf("retried")), 0, 1)).toBeUndefined();
    expect(usableRange(compileTree(treeOf("retried")), 1_000_000, 1)).toBeUndefined();
  });
});

function treeOf(source: string) {
  const compiled = tryCompile(source, { retries: 1 });
  if (!compiled.ok) throw new Error(source);
  return compiled.value.expression;
}
