import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExpression, compile, parseExpression, printExpression, tryCompile } from "../../src/index.js";
import { arbitraryExpression } from "../support/ast.js";

describe("a compiled delay's tree", () => {
  it("is the tree parseExpression gives, parsed again on first read", () => {
    for (const source of ["pow(2, retried) * 1000", " max(1000 , pow(2,retried)*100)", "-(retried) / 4 + 1e3"]) {
      const parsed = parseExpression(source);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(compile(source).expression).toEqual(parsed.value);
    }
  });

  it("is one tree, kept after the first read", () => {
    const delay = compile("1000 * (1 + retried)");
    expect(delay.expression).toBe(delay.expression);
  });

  it("is frozen, since every reader of the delay shares it", () => {
    const tree = compile("min(86400000, exp(2.5 * (retried + 1)) * 1000)").expression;
    expect(Object.isFrozen(tree)).toBe(true);
    expect(Object.isFrozen(tree.span)).toBe(true);
    if (tree.kind !== "call") throw new Error("expected a call");
    expect(Object.isFrozen(tree.args)).toBe(true);
    expect(Object.isFrozen(tree.args[1])).toBe(true);
  });

  it("is read, with the source, the diagnostics and the range, through getters every delay shares", () => {
    const delay = compile("pow(2, retried) * 1000");
    // The delay itself holds only what it was compiled with, under symbols.
    expect(Object.keys(delay)).toEqual([]);
    expect(Object.getOwnPropertySymbols(delay)).toHaveLength(2);
    const shared = Object.getPrototypeOf(delay) as object;
    expect(Object.getPrototypeOf(shared)).toBe(Function.prototype);
    expect(Object.keys(Object.getOwnPropertyDescriptors(shared))).toEqual(["source", "expression", "diagnostics", "range"]);
    expect(Object.getPrototypeOf(compile("retried"))).toBe(shared);
    expect(delay.call(undefined, 3)).toBe(8000);
  });

  it("keeps its source whatever a caller writes", () => {
    const delay = compile("1000 * (1 + retried)");
    expect(() => {
      (delay as { source: string }).source = "1 +";
    }).toThrow(TypeError);
    expect(delay.source).toBe("1000 * (1 + retried)");
  });

  it("freezes a long flat chain without recursing", () => {
    const source = Array.from({ length: 1000 }, () => "retried").join("+");
    const tree = compile(source, { retries: 1 }).expression;
    expect(Object.isFrozen(tree)).toBe(true);
  });

  it.each(["source", "expression", "diagnostics", "range"])("%s gives nothing to a receiver that is not a compiled delay", (name) => {
    const descriptor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(compile("1000")) as object, name);
    // Called with another receiver on purpose: the getter must not trust `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const getter = descriptor?.get ?? (() => "no getter");
    const read = (receiver: unknown): unknown => Reflect.apply(getter, receiver, []);
    expect(read({ source: "1000" })).toBeUndefined();
    expect(read(Object.assign(() => 0, { source: "1 +" }))).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
  });
});

describe("a compiled delay's diagnostics and range", () => {
  it("are the compile result's, found again on first read, kept, and frozen", () => {
    for (const [source, retries] of [
      ["1000 - 300 * retried", 5],
      ["min(86400000, exp(2.5 * (retried + 4)) * 1000)", 3],
      ["max(1000, pow(2, retried) * 100)", 3],
      ["pow(2, retried)", 4],
      ["1000 / (retried - 1)", 3],
      ["pow(2, retried) * 1000", 0],
      ["retried * 1000", 1_000_000],
    ] as const) {
      const result = tryCompile(source, { retries });
      if (!result.ok) throw new Error(source);
      const delay = result.value;
      expect(delay.diagnostics, source).toEqual(result.diagnostics);
      expect(delay.diagnostics).toBe(delay.diagnostics);
      expect(Object.isFrozen(delay.diagnostics)).toBe(true);
      for (const d of delay.diagnostics) expect(Object.isFrozen(d) && Object.isFrozen(d.span)).toBe(true);
      const checked = parseExpression(source);
      if (!checked.ok) throw new Error(source);
      const reference = checkExpression(checked.value, { retries });
      expect(delay.range, source).toEqual(reference.ok ? reference.value.range : "not checked");
      expect(delay.range).toBe(delay.range);
      if (delay.range !== undefined) expect(Object.isFrozen(delay.range)).toBe(true);
    }
  });

  it("are the result's on random trees and retries", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.integer({ min: 0, max: 40 }), (tree, retries) => {
        const source = printExpression(tree);
        const result = tryCompile(source, { retries });
        if (!result.ok) return;
        const reference = checkExpression(tree, { retries });
        expect(result.value.diagnostics).toEqual(result.diagnostics);
        expect(result.value.range).toEqual(reference.ok ? reference.value.range : undefined);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the error path", () => {
  it("leaves Error.stackTraceLimit as it found it", async () => {
    const { tryCompile } = await import("../../src/index.js");
    const before = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 7;
      for (const source of ["pow(2, retried * 1000", "1000 *", "2 ^ retried", "30s"]) expect(tryCompile(source).ok).toBe(false);
      expect(Error.stackTraceLimit).toBe(7);
    } finally {
      Error.stackTraceLimit = before;
    }
  });
});
