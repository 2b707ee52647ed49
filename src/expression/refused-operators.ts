import type { Span } from "../diagnostics/diagnostic.js";
import { binaryNode, type Expression } from "./ast.js";
import { lookupBuiltin } from "./builtins.js";
import type { ExpressionDiagnostic } from "./codes.js";
import type { TreeBuilder, Unsupported } from "./operators.js";
import { printExpression } from "./print.js";

/*
 * An operator the language refuses (`^`, `**`, `%`), placed in the tree so
 * that its diagnostic can write the fix with the actual operands. Both
 * parsers that read refused operators word it here: the chevrotain grammar
 * (grammar.ts) and the reporting parser (refused-parse.ts).
 */

/** The diagnostic for `left op right` with a refused operator, and what stands in for it while parsing goes on. */
export function refuseOperator(
  unsupported: Unsupported,
  operatorSpan: Span,
  left: Expression,
  right: Expression,
): { readonly problem: ExpressionDiagnostic; readonly standIn: Expression } {
  const build = treeBuilder(operatorSpan);
  return {
    problem: {
      code: "unsupported-operator",
      severity: "error",
      message: unsupported.message,
      span: unsupported.points === "operator" ? operatorSpan : spanOf(left, right),
      hint: `${unsupported.hint}\`${printExpression(unsupported.rewrite(left, right, build))}\``,
    },
    standIn: unsupported.standIn(left, right, build),
  };
}

function spanOf(first: Expression, last: Expression): Span {
  return { start: first.span.start, end: last.span.end };
}

/** Builds the trees a refused operator's row describes; calls are named at the operator. */
function treeBuilder(nameSpan: Span): TreeBuilder<Expression> {
  return {
    binary: binaryNode,
    call: (name, args) => {
      const first = args[0];
      const last = args[args.length - 1];
      const span = first === undefined || last === undefined ? nameSpan : spanOf(first, last);
      return { kind: "call", name, nameSpan, args, span, builtin: lookupBuiltin(name) };
    },
  };
}
