import type { Span } from "../diagnostics/diagnostic.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { describeCharacters } from "./describe-characters.js";
import { PUNCTUATION, type LexicalToken, type TokenKind } from "./operators.js";

/*
 * The words of a syntax error, from the facts of where the parse stopped.
 * Two readers find those facts: chevrotain's exception (syntax-errors.ts)
 * and the fast syntax diagnosis (fast-syntax-error.ts), which reads them
 * from the tokens for the common mistakes without running chevrotain. Both
 * word them here, so the two cannot drift apart; this module imports
 * nothing from chevrotain.
 */

const OPEN: TokenKind = PUNCTUATION.open.token;
const CLOSE: TokenKind = PUNCTUATION.close.token;
const COMMA: TokenKind = PUNCTUATION.comma.token;

/** Where and why a parse stopped. */
export interface SyntaxFacts {
  /**
   * What the parser needed: a `)` (`close`, in the argument list of a call
   * when `inCall`), the end of the input after a complete expression
   * (`end`), or an operand.
   */
  readonly needed: "close" | "end" | "operand";
  readonly inCall: boolean;
  readonly source: string;
  /** The token found where the parse stopped; undefined at the end of the input. */
  readonly found: LexicalToken | undefined;
  /** The token before it, if any. */
  readonly previous: LexicalToken | undefined;
  /** The offset of the innermost `(` still open, if any. */
  readonly openParen: number | undefined;
}

/** Where a syntax error happened: the token found there (or the end), and the one before it. */
interface Place {
  readonly found: LexicalToken | undefined;
  readonly span: Span;
  readonly previous: LexicalToken | undefined;
  /** The found token as a message names it. */
  readonly foundText: string;
}

/** The diagnostic for a syntax error. */
export function syntaxDiagnostic(facts: SyntaxFacts): ExpressionDiagnostic {
  const { found, previous, source } = facts;
  const place: Place = {
    found,
    span: found === undefined ? { start: source.length, end: source.length } : lexicalSpan(found),
    previous,
    foundText: found === undefined ? "end of input" : describe(found),
  };
  if (found !== undefined && previous !== undefined && endsOperand(previous.kind) && startsOperand(found.kind))
    return missingOperator(place, found, previous);
  if (facts.needed === "end") return afterCompleteExpression(place);
  if (facts.needed === "close") return unclosed(place, facts);
  return operandNeeded(place);
}

function missingOperator({ span }: Place, found: LexicalToken, previous: LexicalToken): ExpressionDiagnostic {
  return {
    code: "missing-operator",
    severity: "error",
    message: `expected an operator between ${describe(previous)} and ${describe(found)}`,
    span,
    hint: `to multiply, write \`${operandText(previous)} * ${operandText(found)}\``,
  };
}

function afterCompleteExpression({ found, span, foundText }: Place): ExpressionDiagnostic {
  if (found?.kind === CLOSE) {
    return {
      code: "unmatched-paren",
      severity: "error",
      message: "unmatched `)`",
      span,
      hint: "remove it, or add the `(` it should close",
    };
  }
  if (found?.kind === COMMA) {
    return {
      code: "unexpected-token",
      severity: "error",
      message: "unexpected `,` outside a function call",
      span,
      hint: "commas separate the arguments of a call, as in `max(1000, retried)`",
    };
  }
  return { code: "unexpected-token", severity: "error", message: `unexpected ${foundText} after a complete expression`, span };
}

function unclosed({ found, span, foundText }: Place, { openParen, inCall }: SyntaxFacts): ExpressionDiagnostic {
  const related = openParen === undefined ? [] : [{ span: { start: openParen, end: openParen + 1 }, message: "this `(` is not closed" }];
  if (found === undefined) {
    return {
      code: "unclosed-paren",
      severity: "error",
      message: "expected `)`, found end of input",
      span,
      hint: "add `)` to close the `(`",
      related,
    };
  }
  return {
    code: "unexpected-token",
    severity: "error",
    message: inCall ? `expected \`,\` or \`)\` in the argument list, found ${foundText}` : `expected \`)\`, found ${foundText}`,
    span,
    related,
  };
}

function operandNeeded({ found, span, previous, foundText }: Place): ExpressionDiagnostic {
  if (found === undefined && previous === undefined) {
    return {
      code: "empty-expression",
      severity: "error",
      message: "the expression is empty",
      span,
      hint: "write a delay in milliseconds, e.g. `1000` or `pow(2, retried) * 1000`",
    };
  }
  if (found === undefined && previous !== undefined) {
    return {
      code: "unexpected-end",
      severity: "error",
      message: `expected an operand after ${describe(previous)}, found end of input`,
      span,
      hint: "the expression stops in the middle; complete it or remove the trailing operator",
    };
  }
  if (found?.kind === CLOSE && previous?.kind === OPEN) {
    return {
      code: "unexpected-token",
      severity: "error",
      message: "empty parentheses",
      span: { start: previous.startOffset, end: span.end },
      hint: "put an expression inside, or remove them",
    };
  }
  if (found?.kind === CLOSE && previous?.kind === COMMA) {
    return {
      code: "unexpected-token",
      severity: "error",
      message: "expected an argument after `,`, found `)`",
      span,
      hint: "remove the trailing comma",
    };
  }
  return {
    code: "unexpected-token",
    severity: "error",
    message: `expected an operand, found ${foundText}`,
    span,
    hint: "an operand is a number, `retried`, a function call or a parenthesized expression",
  };
}

function lexicalSpan(token: LexicalToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

function describe(token: LexicalToken): string {
  return describeCharacters(token.image);
}

/** How an operand token reads in a hint: a parenthesis stands for its whole group. */
function operandText(token: LexicalToken): string {
  return token.kind === OPEN || token.kind === CLOSE ? "(…)" : token.image;
}

/** Whether a token of this kind can end an operand: a number, a name or `)`. */
export function endsOperand(kind: TokenKind): boolean {
  return kind === "Number" || kind === "Identifier" || kind === CLOSE;
}

function startsOperand(kind: TokenKind): boolean {
  return kind === "Number" || kind === "Identifier" || kind === OPEN;
}
