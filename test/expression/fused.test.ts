import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BinaryOperator, Expression } from "../../src/expression/ast.js";
import { compileExpression } from "../../src/expression/compile.js";
import { foldConstants } from "../../src/expression/fold.js";
import { chainBase } from "../../src/expression/fused.js";
import { interpret } from "../../src/expression/interpret.js";
import { parse, RetryDelayError } from "../../src/index.js";
import { arbitraryExpression, arbitraryRetried } from "../support/ast.js";

const span = { start: 0, end: 0 };
const num = (value: number): Expression => ({ kind: "number", value, span });
const retried: Expression = { kind: "retried", span };
const binary = (operator: BinaryOperator, left: Expression, right: Expression): Expression => ({
  kind: "binary",
  operator,
  left,
  right,
  span,
});
const call = (name: string, ...args: Expression[]): Expression => ({ kind: "call", name, nameSpan: span, args, span });

/** Constants a folded or hand-built tree may hold: the awkward doubles included. */
const constant = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 2, 0.5, 1000, 86_400_000, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.constantFrom(5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1, 1e21),
  fc.double(),
);

/** One operation with a constant operand, on either side: what a chain is made of. */
type Step = (operand: Expression) => Expression;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ operator: fc.constantFrom<BinaryOperator>("+", "-", "*", "/"), k: constant, left: fc.boolean() }).map(
    ({ operator, k, left }): Step =>
      (x) =>
        left ? binary(operator, num(k), x) : binary(operator, x, num(k)),
  ),
  fc.record({ name: fc.constantFrom("min", "max"), k: constant, left: fc.boolean() }).map(
    ({ name, k, left }): Step =>
      (x) =>
        left ? call(name, num(k), x) : call(name, x, num(k)),
  ),
  // pow with a constant base is a step; with a constant exponent it is none, and stays a node of its own.
  fc.record({ k: constant, base: fc.boolean() }).map(
    ({ k, base }): Step =>
      (x) =>
        base ? call("pow", num(k), x) : call("pow", x, num(k)),
  ),
  fc.constant<Step>((operand) => ({ kind: "unary", operator: "-", operand, span })),
  fc.constant<Step>((operand) => ({ kind: "unary", operator: "+", operand, span })),
);

/** Chains of steps over `retried` or over any tree, and chains nested in trees. */
const chain: fc.Arbitrary<Expression> = fc
  .record({ base: fc.oneof(fc.constant(retried), arbitraryExpression), steps: fc.array(step, { maxLength: 8 }) })
  .map(({ base, steps }) => steps.reduce((tree, apply) => apply(tree), base));
const chainInTree = fc
  .record({ left: chain, right: chain, operator: fc.constantFrom<BinaryOperator>("+", "-", "*", "/") })
  .map(({ left, right, operator }) => binary(operator, left, call("pow", num(2), right)));

const retriedValue = fc.oneof(arbitraryRetried, fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY));

describe("fused closures", () => {
  it("give what the interpreter gives, bit for bit, on chains of constant steps", () => {
    fc.assert(
      fc.property(fc.oneof(chain, chainInTree), fc.array(retriedValue, { minLength: 1, maxLength: 6 }), (tree, values) => {
        const delay = compileExpression(tree);
        for (const r of values) expect(Object.is(delay(r), interpret(tree, r)), `${JSON.stringify(tree)} at ${r}`).toBe(true);
      }),
    );
  });

  it("give what the interpreter gives in each chain that has a literal of its own, for any constants", () => {
    // fused.ts writes these chains out; the random chains above reach them only now and then.
    const shapes: ((k1: Expression, k2: Expression, k3: Expression, x: Expression) => Expression)[] = [
      (a, t) => binary("*", binary("+", retried, a), t),
      (w, t) => binary("*", call("pow", w, retried), t),
      (w, t, l) => call("max", l, binary("*", call("pow", w, retried), t)),
      (t, h, _, x) => call("min", h, binary("*", x, t)),
      (t, l, _, x) => call("max", binary("*", x, t), l),
      (l, h, _, x) => call("min", call("max", l, x), h),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.tuple(constant, constant, constant),
        arbitraryExpression,
        fc.array(retriedValue, { minLength: 1, maxLength: 4 }),
        (shape, [k1, k2, k3], x, values) => {
          const tree = shape(num(k1), num(k2), num(k3), x);
          const delay = compileExpression(tree);
          for (const r of values) expect(Object.is(delay(r), interpret(tree, r)), `${JSON.stringify(tree)} at ${r}`).toBe(true);
        },
      ),
    );
  });

  it("give what the interpreter gives on any tree", () => {
    fc.assert(
      fc.property(arbitraryExpression, retriedValue, (tree, r) => {
        expect(Object.is(compileExpression(tree)(r), interpret(tree, r))).toBe(true);
      }),
    );
  });

  it.each([
    "(retried + 3) * 100 / 7 + 5",
    "1000 * (1 + retried)",
    "pow(2, retried) * 1000",
    "max(1000, pow(2, retried) * 100)",
    "min(5000, floor(retried) * 100 + 50)",
  ])("%s reads retried as unary + does: a numeric string gives arithmetic, a symbol an invalid-argument error", (source) => {
    // Each literal over retried tests `typeof r === "number"` inline and leaves everything else to readRetried.
    const parsed = parse(source);
    if (!parsed.ok) throw new Error(source);
    const delay = compileExpression(parsed.value);
    for (const r of ["2", " 7 ", "", "0x10", "-0"]) {
      const numeric = r as unknown as number;
      expect(Object.is(delay(numeric), interpret(parsed.value, numeric)), `${source} at ${JSON.stringify(r)}`).toBe(true);
    }
    expect(() => delay(Symbol("r") as unknown as number)).toThrow(RetryDelayError);
  });

  it.each([
    // Signed zeros: k - x is (x * -1) + k, and -x is x * -1, exactly.
    ["0 - retried * 2", -0],
    ["0 - retried * 2", 0],
    ["-(retried * 1) + 0", -0],
    ["-(retried + 0) * 3", 0],
    ["min(0, retried * 1)", -0],
    ["max(0, retried * 1)", -0],
    ["(retried - 0) * -1", 0],
    ["min(86400000, exp(2.5 * (retried + 1)) * 1000)", Number.NaN],
    ["max(1000, pow(2, retried) * 100)", Number.POSITIVE_INFINITY],
    ["1000 * (1 + retried)", Number.NEGATIVE_INFINITY],
  ])("%s at %s", (source, r) => {
    const parsed = parse(source);
    if (!parsed.ok) throw new Error(source);
    expect(Object.is(compileExpression(parsed.value)(r), interpret(parsed.value, r))).toBe(true);
  });
});

describe("peeling a chain", () => {
  const baseOf = (source: string): Expression | undefined => {
    const parsed = parse(source);
    if (!parsed.ok) throw new Error(source);
    return chainBase(foldConstants(parsed.value));
  };

  it.each([
    ["1000 * (1 + retried)", "retried"],
    ["min(86400000, exp(2.5 * (retried + 1)) * 1000)", "call"],
    ["max(1000, pow(2, retried) * 100)", "retried"],
    ["min(3600000, max(1000, retried * 250))", "retried"],
    ["1 + abs(retried - 3) / 4", "call"],
    ["10 - (retried + 3)", "retried"],
    ["pow(2, retried) * 1000", "retried"],
    ["min(3600000, max(1000, round(pow(2, retried) * 100)))", "call"],
    ["max(1000, pow(2, retried + 1) * 100)", "binary"],
  ])("fuses %s over its %s", (source, base) => {
    expect(baseOf(source)?.kind).toBe(base);
  });

  it.each([
    // One step is already one closure with no inner call, or one.
    "retried * 1000",
    "pow(2, retried)",
    "pow(retried, 2) * 1000",
    // min under max cannot become max under min: a chain never reorders.
    "max(1000, min(5000, retried))",
    // Two multiplications do not merge: (x * a) * b is not x * (a * b) in doubles.
    "retried * 2 * 3",
    // Division by the operand is no step.
    "1000 / (retried + 1)",
  ])("leaves %s alone", (source) => {
    expect(baseOf(source)).toBeUndefined();
  });

  it("stops where the order of steps would change, and fuses the rest below", () => {
    // (r + 1) * 2 + 3, then * 4: the top multiplication comes after the addition, so it sits over a chain of its own.
    const base = baseOf("((retried + 1) * 2 + 3) * 4 + 5");
    expect(base?.kind === "binary" && base.operator).toBe("*");
  });
});
