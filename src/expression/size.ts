import type { ExpressionDiagnostic } from "./codes.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import type { LexicalToken } from "./operators.js";

/**
 * Bounds the parse's recursion before it starts: the parser (and every tree
 * walk after it) recurses once per level of parentheses, call and prefix
 * sign, so a deep input must be refused here rather than by a `RangeError`.
 * Also bounds the number of operands and operators, which bounds the tree.
 */
export function checkSize(tokens: readonly LexicalToken[], sourceLength: number): ExpressionDiagnostic | undefined {
  let terms = 0;
  let depth = 0;
  let pendingSigns = 0;
  const outerSigns: number[] = [];
  let afterOperand = false;
  for (const token of tokens) {
    const kind = token.kind;
    if (kind === "LParen") {
      outerSigns.push(pendingSigns);
      pendingSigns = 0;
      depth += 1;
      afterOperand = false;
    } else if (kind === "RParen") {
      depth -= pendingSigns;
      if (outerSigns.length > 0) depth -= 1;
      pendingSigns = outerSigns.pop() ?? 0;
      afterOperand = true;
    } else if (kind !== "Number" && kind !== "Identifier") {
      const prefix = !afterOperand && (kind === "Plus" || kind === "Minus");
      if (prefix || kind === "Caret" || kind === "StarStar") {
        // A prefix sign (or `^`, right-recursive) nests its operand one level deeper until the operand ends.
        pendingSigns += 1;
        depth += 1;
      } else {
        depth -= pendingSigns;
        pendingSigns = 0;
      }
      terms += 1;
      afterOperand = false;
    } else {
      terms += 1;
      afterOperand = true;
    }
    if (depth > EXPRESSION_LIMITS.maxNestingDepth) {
      return {
        code: "too-deeply-nested",
        severity: "error",
        message: `the expression nests deeper than ${EXPRESSION_LIMITS.maxNestingDepth} levels of parentheses, calls and signs`,
        span: { start: token.startOffset, end: token.startOffset + token.image.length },
        hint: "a retry delay rarely needs more than a few levels; simplify the expression",
      };
    }
    if (terms > EXPRESSION_LIMITS.maxTerms) {
      return {
        code: "expression-too-large",
        severity: "error",
        message: `the expression has more than ${EXPRESSION_LIMITS.maxTerms} operands and operators`,
        span: { start: token.startOffset, end: sourceLength },
        hint: "a retry delay rarely needs more than a few dozen terms; simplify the expression",
      };
    }
  }
  return undefined;
}
