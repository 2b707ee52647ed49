import {
  EOF,
  MismatchedTokenException,
  NotAllInputParsedException,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from "chevrotain";
import type { Span } from "../diagnostics/diagnostic.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { describeCharacters, lastTokenBefore, tokenSpan } from "./chevrotain-lex.js";
import { Comma, Identifier, LParen, NumberToken, RParen } from "./tokens.js";

/*
 * Chevrotain words its errors as lists of expected token sequences. Instead,
 * `toSyntaxDiagnostic` reads what kind of error happened from the exception
 * itself (its class, its token, its rule stack) and turns that plus the
 * tokens around it into a sentence a person needs, with a code and a span.
 */

/**
 * Chevrotain's error-message hooks. The one fact an exception does not carry
 * is which token a mismatch expected; the hook is told, so it keeps it. The
 * messages it returns are plain sentences, never read back.
 */
export class SyntaxErrorRecorder implements IParserErrorMessageProvider {
  /** The token type the last mismatch expected. */
  expected: TokenType | undefined;

  reset(): void {
    this.expected = undefined;
  }

  buildMismatchTokenMessage({ expected }: { expected: TokenType }): string {
    this.expected = expected;
    return `expected ${expected.LABEL ?? expected.name}`;
  }

  buildNotAllInputParsedMessage(): string {
    return "unexpected input after a complete expression";
  }

  buildNoViableAltMessage(): string {
    return "expected an operand";
  }

  buildEarlyExitMessage(): string {
    return "expected an operand";
  }
}

export interface SyntaxContext {
  readonly source: string;
  /** Offsets of the `(` still open when the parse stopped, innermost last. */
  readonly openParens: readonly number[];
  /** All tokens of the input, to find the one before the error. */
  readonly tokens: readonly IToken[];
  /** The token the error's mismatch expected, as the parser's hook recorded it. */
  readonly expected: TokenType | undefined;
}

/** The kind of error, from the exception's class, and the rule it happened in. */
function readFacts(error: IRecognitionException): {
  readonly kind: "mismatch" | "not-all-input" | "operand";
  readonly rule: string | undefined;
} {
  const rule = error.context.ruleStack[error.context.ruleStack.length - 1];
  if (error instanceof MismatchedTokenException) return { kind: "mismatch", rule };
  if (error instanceof NotAllInputParsedException) return { kind: "not-all-input", rule };
  // NoViableAltException and EarlyExitException: an operand was needed here.
  return { kind: "operand", rule };
}

/** Where a syntax error happened: the token found there (or the end), and the one before it. */
interface Place {
  readonly found: IToken;
  readonly atEnd: boolean;
  readonly span: Span;
  readonly previous: IToken | undefined;
  /** The found token as a message names it. */
  readonly foundText: string;
}

export function toSyntaxDiagnostic(error: IRecognitionException, context: SyntaxContext): ExpressionDiagnostic {
  const facts = readFacts(error);
  const found = error.token;
  const atEnd = found.tokenType === EOF;
  const place: Place = {
    found,
    atEnd,
    span: atEnd ? { start: context.source.length, end: context.source.length } : tokenSpan(found),
    previous: lastTokenBefore(context.tokens, atEnd ? context.source.length : found.startOffset),
    foundText: atEnd ? "end of input" : describe(found),
  };
  const { previous } = place;
  if (!atEnd && previous !== undefined && endsOperand(previous.tokenType) && startsOperand(found.tokenType))
    return missingOperator(place, previous);
  if (facts.kind === "not-all-input") return afterCompleteExpression(place);
  // The grammar's `nameOrCall` rule holds the argument list.
  if (facts.kind === "mismatch" && context.expected === RParen) return unclosed(place, context, { inCall: facts.rule === "nameOrCall" });
  // Everything else means an operand was needed here.
  return operandNeeded(place);
}

function missingOperator({ found, span }: Place, previous: IToken): ExpressionDiagnostic {
  return {
    code: "missing-operator",
    severity: "error",
    message: `expected an operator between ${describe(previous)} and ${describe(found)}`,
    span,
    hint: `to multiply, write \`${operandText(previous)} * ${operandText(found)}\``,
  };
}

function afterCompleteExpression({ found, span, foundText }: Place): ExpressionDiagnostic {
  if (found.tokenType === RParen) {
    return {
      code: "unmatched-paren",
      severity: "error",
      message: "unmatched `)`",
      span,
      hint: "remove it, or add the `(` it should close",
    };
  }
  if (found.tokenType === Comma) {
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

function unclosed({ atEnd, span, foundText }: Place, context: SyntaxContext, options: { readonly inCall: boolean }): ExpressionDiagnostic {
  const opened = context.openParens[context.openParens.length - 1];
  const related = opened === undefined ? [] : [{ span: { start: opened, end: opened + 1 }, message: "this `(` is not closed" }];
  if (atEnd) {
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
    message: options.inCall ? `expected \`,\` or \`)\` in the argument list, found ${foundText}` : `expected \`)\`, found ${foundText}`,
    span,
    related,
  };
}

function operandNeeded({ found, atEnd, span, previous, foundText }: Place): ExpressionDiagnostic {
  if (atEnd && previous === undefined) {
    return {
      code: "empty-expression",
      severity: "error",
      message: "the expression is empty",
      span,
      hint: "write a delay in milliseconds, e.g. `1000` or `pow(2, retried) * 1000`",
    };
  }
  if (atEnd && previous !== undefined) {
    return {
      code: "unexpected-end",
      severity: "error",
      message: `expected an operand after ${describe(previous)}, found end of input`,
      span,
      hint: "the expression stops in the middle; complete it or remove the trailing operator",
    };
  }
  if (found.tokenType === RParen && previous?.tokenType === LParen) {
    return {
      code: "unexpected-token",
      severity: "error",
      message: "empty parentheses",
      span: { start: previous.startOffset, end: span.end },
      hint: "put an expression inside, or remove them",
    };
  }
  if (found.tokenType === RParen && previous?.tokenType === Comma) {
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

function describe(token: IToken): string {
  return describeCharacters(token.image);
}

/** How an operand token reads in a hint: a parenthesis stands for its whole group. */
function operandText(token: IToken): string {
  return token.tokenType === LParen || token.tokenType === RParen ? "(…)" : token.image;
}

function endsOperand(type: TokenType): boolean {
  return type === NumberToken || type === Identifier || type === RParen;
}

function startsOperand(type: TokenType): boolean {
  return type === NumberToken || type === Identifier || type === LParen;
}
