import fc from "fast-check";
import { BUILTINS, type Expression } from "../../src/index.js";

const span = { start: 0, end: 0 };

/** A tree with its spans removed, for comparing trees modulo spans. */
export function withoutSpans(node: Expression): unknown {
  switch (node.kind) {
    case "number":
      return { kind: node.kind, value: node.value };
    case "retried":
      return { kind: node.kind };
    case "unary":
      return { kind: node.kind, operator: node.operator, operand: withoutSpans(node.operand) };
    case "binary":
      return { kind: node.kind, operator: node.operator, left: withoutSpans(node.left), right: withoutSpans(node.right) };
    case "call":
      return { kind: node.kind, name: node.name, args: node.args.map(withoutSpans) };
  }
}

/** Literals as the parser makes them: finite and non-negative, from small integers to extremes. */
const literal = fc
  .oneof(
    fc.integer({ min: 0, max: 100_000 }),
    fc.constantFrom(0, 0.5, 1.5, 2.5, 1000, 86_400_000, 1e21, 5e-324, Number.MAX_VALUE),
    fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }),
  )
  .map((value): Expression => ({ kind: "number", value: value === 0 ? 0 : value, span }));

/** Random well-formed trees: only built-in calls, with their right arity. */
export const arbitraryExpression: fc.Arbitrary<Expression> = fc.letrec<{ expression: Expression }>((tie) => ({
  expression: fc.oneof(
    { maxDepth: 7, depthIdentifier: "expression" },
    literal,
    fc.constant<Expression>({ kind: "retried", span }),
    fc
      .record({ operator: fc.constantFrom("-" as const, "+" as const), operand: tie("expression") })
      .map(({ operator, operand }): Expression => ({ kind: "unary", operator, operand, span })),
    fc
      .record({
        operator: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const),
        left: tie("expression"),
        right: tie("expression"),
      })
      .map(({ operator, left, right }): Expression => ({ kind: "binary", operator, left, right, span })),
    fc
      .constantFrom(...BUILTINS)
      .chain((builtin) =>
        fc
          .array(tie("expression"), { minLength: builtin.arity, maxLength: builtin.arity })
          .map((args): Expression => ({ kind: "call", name: builtin.name, nameSpan: span, args, span })),
      ),
  ),
})).expression;

/** Values of `retried` worth trying: counts, and any double at all. */
export const arbitraryRetried = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double(), fc.constantFrom(-0, 0.5, -1, 1e6));
