import type { Expression } from "./ast.js";
import { lookupDefinition } from "./builtins.js";
import { applyBinary } from "./interpret.js";

/** The deepest node whose own value is non-finite while its operands' values are all finite. */
export function nonFiniteOrigin(tree: Expression, retried: number): Expression | undefined {
  return valueAndOrigin(tree, retried).origin;
}

/** Evaluates each node once, bottom up (evaluating each subtree anew would be quadratic on a long chain). */
function valueAndOrigin(node: Expression, retried: number): { value: number; origin: Expression | undefined } {
  const children =
    node.kind === "unary" ? [node.operand] : node.kind === "binary" ? [node.left, node.right] : node.kind === "call" ? node.args : [];
  const results = children.map((child) => valueAndOrigin(child, retried));
  const value = applyNode(
    node,
    retried,
    results.map((r) => r.value),
  );
  const inner = results.find((r) => r.origin !== undefined)?.origin;
  return { value, origin: inner ?? (Number.isFinite(value) ? undefined : node) };
}

/** One node's value from its operands' values, as the interpreter computes it. */
function applyNode(node: Expression, retried: number, operands: readonly number[]): number {
  const [x = Number.NaN, y = Number.NaN] = operands;
  switch (node.kind) {
    case "number":
      return node.value;
    case "retried":
      return retried;
    case "unary":
      return node.operator === "-" ? -x : x;
    case "binary":
      return applyBinary(node.operator, x, y);
    case "call": {
      const builtin = lookupDefinition(node.name);
      if (builtin === undefined || builtin.arity !== operands.length) return Number.NaN;
      return builtin.arity === 1 ? builtin.evaluate(x) : builtin.evaluate(x, y);
    }
  }
}
