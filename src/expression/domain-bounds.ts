import type { BinaryOperator, Expression } from "./ast.js";
import { lookupDefinition } from "./builtins.js";
import { ANYTHING, constantBounds, negateBounds, retriedBounds, type Bounds } from "./interval.js";
import { infixArithmetic } from "./operators.js";

/**
 * What a (folded, checked) tree can evaluate to for `retried` in
 * `first … last`: one walk, each node once, with each operator's rule from
 * its row of the operator table and each builtin's from the builtin table.
 */
export function boundsOver(node: Expression, first: number, last: number): Bounds {
  switch (node.kind) {
    case "number":
      return constantBounds(node.value);
    case "retried":
      return retriedBounds(first, last);
    case "unary": {
      const operand = boundsOver(node.operand, first, last);
      return node.operator === "-" ? negateBounds(operand) : operand;
    }
    case "binary":
      return operatorBounds(node.operator, boundsOver(node.left, first, last), boundsOver(node.right, first, last));
    case "call": {
      const builtin = lookupDefinition(node.name);
      const [x, y] = node.args;
      if (builtin === undefined || x === undefined || builtin.arity !== node.args.length) return ANYTHING;
      if (builtin.arity === 1) return builtin.bounds(boundsOver(x, first, last));
      return y === undefined ? ANYTHING : builtin.bounds(boundsOver(x, first, last), boundsOver(y, first, last));
    }
  }
}

function operatorBounds(operator: BinaryOperator, left: Bounds, right: Bounds): Bounds {
  return infixArithmetic(operator)?.bounds(left, right) ?? ANYTHING;
}

/** How many nodes a tree has: the cost of one evaluation, in the units of the domain check's budget. */
export function countNodes(node: Expression): number {
  switch (node.kind) {
    case "number":
    case "retried":
      return 1;
    case "unary":
      return 1 + countNodes(node.operand);
    case "binary":
      return 1 + countNodes(node.left) + countNodes(node.right);
    case "call":
      return node.args.reduce((sum, arg) => sum + countNodes(arg), 1);
  }
}
