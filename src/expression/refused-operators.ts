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
  const refused = refuseOperatorUnworded(unsupported, operatorSpan, left, right);
  refused.word();
  return refused;
}

/**
 * {@link refuseOperator}, with the hint left empty until `word()` writes it.
 * The hint prints the operands, so on a chain of refused operators
 * (`1 % 2 % 3 …`) wording every one is quadratic in the source; a reader
 * that keeps only the report limit's number of errors words only those.
 */
export function refuseOperatorUnworded(
  unsupported: Unsupported,
  operatorSpan: Span,
  left: Expression,
  right: Expression,
): { readonly problem: ExpressionDiagnostic; readonly standIn: Expression; readonly word: () => void } {
  const build = treeBuilder(operatorSpan);
  const problem = {
    code: "unsupported-operator" as const,
    severity: "error" as const,
    message: unsupported.message,
    span: unsupported.points === "operator" ? operatorSpan : spanOf(left, right),
    // Written by `word()`; the key is made here, so that the diagnostic's keys keep their order.
    hint: "",
  };
  return {
    problem,
    standIn: unsupported.standIn(left, right, build),
    word: () => {
      problem.hint = `${unsupported.hint}\`${printExpression(unsupported.rewrite(left, right, build))}\``;
    },
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
