import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkExpression, compile, parseExpression, printExpression, tryCompile, type Diagnostic } from "../../src/index.js";
import { compile as runtimeCompile, tryCompile as runtimeTryCompile } from "../../src/runtime.js";
import { arbitraryExpression } from "../support/ast.js";

/*
 * Compiling decides every error and stops there: the checks of a delay's
 * values (the domain and intent checks: warnings, infos and the range)
 * decide none, and run on the first read of `tryCompile`'s `diagnostics`,
 * or of the delay's `diagnostics` or `range`. These tests count the runs of
 * the domain check, which every value check starts with.
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

describe("compiling", () => {
  it("runs no check of the delay's values, for tryCompile and compile alike", () => {
    const result = tryCompile(FLAT);
    expect(result.ok).toBe(true);
    compile(FRACTIONAL, { retries: 10 });
    compile("1000 - 300 * retried", { retries: 5 });
    expect(domainChecks.count).toBe(0);
  });

  it("still decides every error at once, as data", () => {
    for (const source of ["1000 / 0", "pow(2, retries) * 1000", "1000 *", "max(1)"]) {
      const result = tryCompile(source);
      expect(result.ok, source).toBe(false);
      expect(Object.getOwnPropertyDescriptor(result, "diagnostics")?.value, source).toBe(result.diagnostics);
      expect(result.diagnostics[0]?.severity, source).toBe("error");
    }
    expect(() => tryCompile("1", { retries: -1 }).diagnostics).not.toThrow();
    expect(tryCompile("1", { retries: -1 }).diagnostics[0]?.code).toBe("invalid-option");
    expect(domainChecks.count).toBe(0);
  });
});

describe("tryCompile's diagnostics", () => {
  it("are found on the first read, once, and are the delay's own diagnostics and range", () => {
    const result = tryCompile(FLAT);
    if (!result.ok) throw new Error(FLAT);
    const first = result.diagnostics;
    expect(domainChecks.count).toBe(1);
    expect(first.map((d) => d.code)).toEqual(["flat-delay"]);
    expect(result.diagnostics).toBe(first);
    expect(result.value.diagnostics).toBe(first);
    expect(result.value.range).toEqual({ min: 1000, max: 1000, minAt: 0, maxAt: 0 });
    expect(domainChecks.count).toBe(1);
  });

  it("are the same list when the delay's are read first", () => {
    const result = tryCompile(FRACTIONAL);
    if (!result.ok) throw new Error(FRACTIONAL);
    const fromDelay = result.value.diagnostics;
    expect(result.diagnostics).toBe(fromDelay);
    expect(domainChecks.count).toBe(1);
  });

  it("are frozen, down to each span and suggestion", () => {
    const { diagnostics } = tryCompile(FRACTIONAL);
    expect(diagnostics.map((d) => d.code)).toEqual(["fractional-delay"]);
    expect(Object.isFrozen(diagnostics)).toBe(true);
    for (const d of diagnostics) {
      expect(Object.isFrozen(d) && Object.isFrozen(d.span)).toBe(true);
      for (const s of d.suggestions ?? []) expect(Object.isFrozen(s) && Object.isFrozen(s.span)).toBe(true);
    }
    expect(tryCompile("pow(2, retried) * 1000").diagnostics).toEqual([]);
  });

  it("are an own enumerable property, as data would be: keys, spread, JSON and deep equality see them", () => {
    const result = tryCompile(FLAT);
    const descriptor = Object.getOwnPropertyDescriptor(result, "diagnostics");
    expect(descriptor?.enumerable).toBe(true);
    expect(Object.keys(result)).toEqual(["ok", "value", "diagnostics"]);
    expect(Reflect.ownKeys(result)).toEqual(["ok", "value", "diagnostics"]);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect({ ...result }.diagnostics).toBe(result.diagnostics);
    const json = JSON.parse(JSON.stringify(result)) as { diagnostics: Diagnostic[] };
    expect(json.diagnostics.map((d) => d.code)).toEqual(["flat-delay"]);
    expect(result).toEqual({
      ok: true,
      value: result.ok ? result.value : undefined,
      diagnostics: [expect.objectContaining({ code: "flat-delay" })],
    });
  });

  it("can be read from a result a caller froze before reading them", () => {
    const result = Object.freeze(tryCompile(FLAT));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["flat-delay"]);
    expect(result.diagnostics).toBe(result.diagnostics);
  });

  it("give nothing to a receiver that is not such a result, reading nothing from it", () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the getter is called with other receivers on purpose.
    const getter = Object.getOwnPropertyDescriptor(tryCompile(FLAT), "diagnostics")?.get;
    if (getter === undefined) throw new Error("expected a getter");
    const traps = { count: 0 };
    const trap =
      <T>(answer: T) =>
      (): T => {
        traps.count++;
        return answer;
      };
    const spy = new Proxy({}, { get: trap(undefined), has: trap(true), getPrototypeOf: trap(null), ownKeys: trap([]) });
    for (const receiver of [undefined, null, 1, {}, { ok: true, value: compile(FLAT) }, spy, tryCompile("1000 *")])
      expect(Reflect.apply(getter, receiver, [])).toBeUndefined();
    expect(traps.count).toBe(0);
    expect(domainChecks.count).toBe(0);
  });

  it("equal the checks run at once (checkExpression) on random trees and retries", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.integer({ min: 0, max: 40 }), (tree, retries) => {
        const source = printExpression(tree);
        const result = tryCompile(source, { retries });
        const parsed = parseExpression(source);
        if (!parsed.ok) return;
        const reference = checkExpression(parsed.value, { retries });
        expect(result.ok).toBe(reference.ok);
        expect(result.diagnostics).toEqual(reference.diagnostics);
        if (result.ok && reference.ok) expect(result.value.range).toEqual(reference.value.range);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a delay from compile", () => {
  it("finds its diagnostics and range when they are first read, as tryCompile's result would", () => {
    const delay = compile(FRACTIONAL, { retries: 4 });
    expect(domainChecks.count).toBe(0);
    const reference = tryCompile(FRACTIONAL, { retries: 4 });
    expect(delay.diagnostics).toEqual(reference.diagnostics);
    expect(delay.range).toEqual(reference.ok ? reference.value.range : undefined);
  });
});

describe("retry-delay/runtime", () => {
  it("gives the frozen empty list, and the root's range on first read", () => {
    const result = runtimeTryCompile(FLAT);
    if (!result.ok) throw new Error(FLAT);
    expect(result.diagnostics).toEqual([]);
    expect(Object.isFrozen(result.diagnostics)).toBe(true);
    expect(runtimeTryCompile("1000").diagnostics).toBe(result.diagnostics);
    expect(runtimeCompile(FLAT).range).toEqual(compile(FLAT).range);
    expect(domainChecks.count).toBe(1);
  });
});
