import {
  EOF,
  MismatchedTokenException,
  NotAllInputParsedException,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from "chevrotain";
import type { ExpressionDiagnostic } from "./codes.js";
import { lastTokenBefore } from "./lexical-diagnostics.js";
import type { LexicalToken } from "./operators.js";
import { syntaxDiagnostic, type SyntaxFacts } from "./syntax-wording.js";
import { RParen, tokenKind } from "./tokens.js";

/*
 * Chevrotain words its errors as lists of expected token sequences. Instead,
 * `toSyntaxDiagnostic` reads what kind of error happened from the exception
 * itself (its class, its token, its rule stack) and the tokens around it;
 * syntax-wording.ts turns those facts into a sentence a person needs, with a
 * code and a span.
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

/** What the parser needed where it stopped, from the exception's class, and the rule it stopped in. */
function readFacts(error: IRecognitionException, expected: TokenType | undefined): Pick<SyntaxFacts, "needed" | "inCall"> {
  const rule = error.context.ruleStack[error.context.ruleStack.length - 1];
  // The grammar's `nameOrCall` rule holds the argument list.
  const inCall = rule === "nameOrCall";
  if (error instanceof MismatchedTokenException && expected === RParen) return { needed: "close", inCall };
  if (error instanceof NotAllInputParsedException) return { needed: "end", inCall };
  // NoViableAltException and EarlyExitException (and a mismatch on any other token): an operand was needed here.
  return { needed: "operand", inCall };
}

export function toSyntaxDiagnostic(error: IRecognitionException, context: SyntaxContext): ExpressionDiagnostic {
  const found = error.token;
  const atEnd = found.tokenType === EOF;
  const previous = lastTokenBefore(context.tokens, atEnd ? context.source.length : found.startOffset);
  return syntaxDiagnostic({
    ...readFacts(error, context.expected),
    source: context.source,
    found: atEnd ? undefined : lexical(found),
    previous: previous === undefined ? undefined : lexical(previous),
    openParen: context.openParens[context.openParens.length - 1],
  });
}

function lexical(token: IToken): LexicalToken {
  return { kind: tokenKind(token.tokenType), image: token.image, startOffset: token.startOffset };
}
