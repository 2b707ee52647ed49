import { describe, expect, it } from "vitest";
import { compile, parseExpression } from "../../src/index.js";

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

  it("stays an own enumerable property, in the order source, expression, diagnostics, range", () => {
    const delay = compile("pow(2, retried) * 1000");
    expect(Object.keys(delay)).toEqual(["source", "expression", "diagnostics", "range"]);
    expect({ ...delay }.expression).toEqual(delay.expression);
  });

  it("freezes a long flat chain without recursing", () => {
    const source = Array.from({ length: 1000 }, () => "retried").join("+");
    const tree = compile(source, { retries: 1 }).expression;
    expect(Object.isFrozen(tree)).toBe(true);
  });

  it("gives nothing to a receiver that is not a compiled delay", () => {
    const descriptor = Object.getOwnPropertyDescriptor(compile("1000"), "expression");
    // Called with another receiver on purpose: the getter must not trust `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const getter = descriptor?.get ?? (() => "no getter");
    const read = (receiver: unknown): unknown => Reflect.apply(getter, receiver, []);
    expect(read({ source: "1000" })).toBeUndefined();
    expect(read(Object.assign(() => 0, { source: "1 +" }))).toBeUndefined();
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
