import type { BinaryOperator, Expression } from "./ast.js";
import { lookupDefinition } from "./builtins.js";
import {
  absBounds,
  addBounds,
  ANYTHING,
  constantBounds,
  divideBounds,
  multiplyBounds,
  negateBounds,
  powBounds,
  retriedBounds,
  risingBounds,
  risingPairBounds,
  sqrtBounds,
  subtractBounds,
  type Bounds,
  type PairRule,
  type SingleRule,
} from "./interval.js";
import { infixArithmetic } from "./operators.js";

/**
 * The rules of interval.ts that the tables' rows name, by name. TypeScript
 * holds this to every rule the module has, so a row can name any of them.
 */
const RULES: { readonly [Name in SingleRule | PairRule]: (typeof import("./interval.js"))[Name] } = {
  absBounds,
  addBounds,
  divideBounds,
  multiplyBounds,
  negateBounds,
  powBounds,
  sqrtBounds,
  subtractBounds,
};

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
      if (builtin.arity === 1) {
        const rule = builtin.bounds;
        const bounds = boundsOver(x, first, last);
        // A rising function is bounded by its own values at the ends.
        return typeof rule === "string" ? RULES[rule](bounds) : risingBounds(builtin.evaluate, rule.rising, bounds);
      }
      if (y === undefined) return ANYTHING;
      const xBounds = boundsOver(x, first, last);
      const yBounds = boundsOver(y, first, last);
      return builtin.bounds === "rising" ? risingPairBounds(builtin.evaluate, xBounds, yBounds) : RULES[builtin.bounds](xBounds, yBounds);
    }
  }
}

function operatorBounds(operator: BinaryOperator, left: Bounds, right: Bounds): Bounds {
  const rule = infixArithmetic(operator)?.bounds;
  return rule === undefined ? ANYTHING : RULES[rule](left, right);
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
