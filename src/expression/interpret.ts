import type { BinaryOperator, Expression } from "./ast.js";
import { lookupDefinition } from "./builtins.js";
import { guardTreeWalk } from "./guard.js";
import { infixArithmetic } from "./operators.js";
import { readRetried } from "./retried.js";

/**
 * The reference interpreter: a plain tree walk, kept small and obviously
 * right. The compiler must agree with it on every tree and every `retried`
 * (the differential tests check this with `Object.is`, so NaN and -0 count).
 * A call of an unknown function evaluates to NaN rather than throwing.
 *
 * @example
 * ```ts
 * const parsed = parse("1000 * (1 + retried)");
 * if (parsed.ok) interpret(parsed.value, 2); // 3000
 * ```
 */
export function interpret(node: Expression, retried: number): number {
  const value = readRetried(retried);
  return guardTreeWalk(() => evaluateNode(node, value), node);
}

/** The interpreter itself, for callers inside the package that hold a checked tree. */
export function evaluateNode(node: Expression, retried: number): number {
  switch (node.kind) {
    case "number":
      return node.value;
    case "retried":
      return retried;
    case "unary": {
      const value = evaluateNode(node.operand, retried);
      return node.operator === "-" ? -value : value;
    }
    case "binary":
      return applyBinary(node.operator, evaluateNode(node.left, retried), evaluateNode(node.right, retried));
    case "call": {
      const builtin = lookupDefinition(node.name);
      if (builtin === undefined || builtin.arity !== node.args.length) return Number.NaN;
      const [first, second] = node.args;
      const x = first === undefined ? Number.NaN : evaluateNode(first, retried);
      if (builtin.arity === 1) return builtin.evaluate(x);
      return builtin.evaluate(x, second === undefined ? Number.NaN : evaluateNode(second, retried));
    }
  }
}

/** IEEE-754 double arithmetic, as the operator's row of the table computes it; NaN for an operator the table does not accept. */
export function applyBinary(operator: BinaryOperator, a: number, b: number): number {
  const arithmetic = infixArithmetic(operator);
  return arithmetic === undefined ? Number.NaN : arithmetic.evaluate(a, b);
}
