import type { Expression, NumberLiteral } from "./ast.js";
import { lookupDefinition } from "./builtins.js";
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
      // Loops, not map/every: this runs for every call node of every compile.
      const count = node.args.length;
      const args: Expression[] = new Array<Expression>(count);
      let changed = false;
      let constant = true;
      for (let i = 0; i < count; i++) {
        const arg = node.args[i] as Expression;
        const folded = foldConstants(arg);
        args[i] = folded;
        if (folded !== arg) changed = true;
        if (folded.kind !== "number") constant = false;
      }
      // Looked up only for a constant call: a lookup by name costs more than the rest of a visit.
      const builtin = constant ? lookupDefinition(node.name) : undefined;
      if (builtin !== undefined && builtin.arity === count) {
        const x = (args[0] as NumberLiteral).value;
        const value = builtin.arity === 1 ? builtin.evaluate(x) : builtin.evaluate(x, (args[1] as NumberLiteral).value);
        return { kind: "number", value, span: node.span };
      }
      return changed ? { ...node, args } : node;
    }
  }
}
