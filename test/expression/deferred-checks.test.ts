import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkExpression, compile, createCompileCache, parseExpression, printExpression, tryCompile } from "../../src/index.js";
import { compile as runtimeCompile, tryCompile as runtimeTryCompile } from "../../src/runtime.js";
import { arbitraryExpression } from "../support/ast.js";

/*
 * `compile` decides every error and stops there: the checks of a delay's
 * values (the domain and intent checks: warnings, infos and the range)
 * decide none, and it has no result to carry them, so they run on the first
 * read of the delay's `diagnostics` or `range`. `tryCompile` runs them at
 * once, and its result carries the warnings as plain data. These tests
 * count the runs of the domain check, which every value check starts with.
 */

const domainChecks = vi.hoisted(() => ({ count: 0 }));

vi.mock("../../src/expression/domain-report.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/expression/domain-report.js")>();
  return {
    ...original,
    checkDomain: (...args: Parameters<typeof original.checkDomain>) => {
      domainChecks.count++;
      return original.checkDomain(...args);
    },
  };
});

beforeEach(() => {
  domainChecks.count = 0;
});

/** Flat over 3 retries: an info with a hint and a suggestion. */
const FLAT = "max(1000, pow(2, retried) * 100)";
/** Fractional: a warning with three suggestions. */
const FRACTIONAL = "min(86400000, exp(2.5 * (retried + 1)) * 1000)";

describe("compile", () => {
  it("runs no check of the delay's values, and still decides every error", () => {
    compile(FLAT);
    compile(FRACTIONAL, { retries: 10 });
    compile("1000 - 300 * retried", { retries: 5 });
    for (const source of ["1000 / 0", "pow(2, retries) * 1000", "1000 *", "max(1)"]) expect(() => compile(source), source).toThrow();
    expect(() => compile("1", { retries: -1 })).toThrow();
    expect(domainChecks.count).toBe(0);
  });

  it("gives a delay that finds its warnings and range on first read, once, equal to tryCompile's", () => {
    const delay = compile(FRACTIONAL, { retries: 4 });
    expect(domainChecks.count).toBe(0);
    const { diagnostics, range } = delay;
    expect(domainChecks.count).toBe(1);
    expect(delay.diagnostics).toBe(diagnostics);
    expect(delay.range).toBe(range);
    expect(domainChecks.count).toBe(1);
    const reference = tryCompile(FRACTIONAL, { retries: 4 });
    expect(diagnostics).toEqual(reference.diagnostics);
    expect(range).toEqual(reference.ok ? reference.value.range : "refused");
  });

  it("equals checkExpression on random trees and retries, warnings and range alike", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.integer({ min: 0, max: 40 }), (tree, retries) => {
        const source = printExpression(tree);
        const parsed = parseExpression(source);
        if (!parsed.ok) return;
        const reference = checkExpression(parsed.value, { retries });
        let delay: ReturnType<typeof compile> | undefined;
        try {
          delay = compile(source, { retries });
        } catch {
          delay = undefined;
        }
        expect(delay !== undefined).toBe(reference.ok);
        if (delay === undefined || !reference.ok) return;
        expect(delay.diagnostics).toEqual(reference.diagnostics);
        expect(delay.range).toEqual(reference.value.range);
      }),
      { numRuns: 300 },
    );
  });
});

describe("tryCompile", () => {
  it("runs the value checks once, at once, and carries their warnings as a plain data property", () => {
    const result = tryCompile(FLAT);
    expect(domainChecks.count).toBe(1);
    const descriptor = Object.getOwnPropertyDescriptor(result, "diagnostics");
    expect(descriptor?.value).toBe(result.diagnostics);
    expect(descriptor?.writable).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["flat-delay"]);
    expect(Object.isFrozen(result.diagnostics)).toBe(false);
    expect(domainChecks.count).toBe(1);
  });
});

describe("the compile cache", () => {
  it("runs the value checks once per miss, for its result's warnings, and not again for the delay's range", () => {
    const cache = createCompileCache();
    const result = cache.get(FLAT);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["flat-delay"]);
    expect(domainChecks.count).toBe(1);
    expect(cache.get(FLAT)).toBe(result);
    expect(domainChecks.count).toBe(1);
  });
});

describe("retry-delay/runtime", () => {
  it("runs no value check for tryCompile: a fresh empty list, and the root's range on first read", () => {
    const result = runtimeTryCompile(FLAT);
    if (!result.ok) throw new Error(FLAT);
    expect(domainChecks.count).toBe(0);
    expect(result.diagnostics).toEqual([]);
    expect(runtimeTryCompile("1000").diagnostics).not.toBe(result.diagnostics);
    expect(Object.isFrozen(result.diagnostics)).toBe(false);
    expect(runtimeCompile(FLAT).range).toEqual(compile(FLAT).range);
    expect(domainChecks.count).toBe(1);
  });
});
