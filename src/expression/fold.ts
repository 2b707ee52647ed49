import type { Expression } from "./ast.js";
import { lookupBuiltin } from "./builtins.js";
import { applyBinary } from "./interpret.js";

/**
 * Constant folding: every subtree that does not read `retried` becomes one
 * number literal, so `60 * 60 * 1000` costs nothing per call. It folds with
 * the same arithmetic and the same builtin implementations as the
 * interpreter, so folding never changes a result. It does not reassociate
 * (`retried + 1 + 2` stays as written: floating-point addition is not
 * associative). One bottom-up pass reaches the fixed point.
 *
 * Folded literals may be negative, NaN or infinite; they keep the span of the
 * subtree they replace.
 */
export function foldConstants(node: Expression): Expression {
  switch (node.kind) {
    case "number":
    case "retried":
      return node;
    case "unary": {
      const operand = foldConstants(node.operand);
      // Every value is already a number, so a prefix `+` changes nothing.
      if (node.operator === "+") return operand.kind === "number" ? { ...operand, span: node.span } : operand;
      if (operand.kind === "number") return { kind: "number", value: -operand.value, span: node.span };
      return operand === node.operand ? node : { ...node, operand };
    }
    case "binary": {
      const left = foldConstants(node.left);
      const right = foldConstants(node.right);
      if (left.kind === "number" && right.kind === "number") {
        return { kind: "number", value: applyBinary(node.operator, left.value, right.value), span: node.span };
      }
      return left === node.left && right === node.right ? node : { ...node, left, right };
    }
    case "call": {
      const args = node.args.map(foldConstants);
      const builtin = lookupBuiltin(node.name);
      if (builtin !== undefined && builtin.arity === args.length && args.every((a) => a.kind === "number")) {
        const [x, y] = args.map((a) => (a.kind === "number" ? a.value : Number.NaN));
        const value = builtin.arity === 1 ? builtin.evaluate(x ?? Number.NaN) : builtin.evaluate(x ?? Number.NaN, y ?? Number.NaN);
        return { kind: "number", value, span: node.span };
      }
      return args.every((a, i) => a === node.args[i]) ? node : { ...node, args };
    }
  }
}
