import type { IToken } from "chevrotain";
import type { Span } from "../diagnostics/diagnostic.js";
import { lexWith, scanWith, type Lexed, type Scan } from "./lex-scan.js";
import type { TokenKind, LexicalToken } from "./operators.js";
import { tokenKind, tokenTypeOf } from "./tokens.js";

/*
 * The chevrotain parser's tokens: lex-scan.ts's scanner (the one parse.ts
 * also reads the lexical diagnostics with, without chevrotain), making
 * chevrotain tokens of the token types of tokens.ts.
 */

/** The tokens of one source, and the problems found in them before any parsing. */
export type LexResult = Lexed<IToken>;

/** The chevrotain tokens of a source (whitespace skipped), and the runs of characters that start none. */
export type Scanned = Scan<IToken>;

function token(source: string, kind: TokenKind, start: number, end: number): IToken {
  const type = tokenTypeOf(kind);
  // The shape chevrotain's own lexer gives with `positionTracking: "onlyOffset"`, which is all the parser reads.
  return { image: source.slice(start, end), startOffset: start, tokenTypeIdx: type.tokenTypeIdx as number, tokenType: type };
}

/** The chevrotain tokens of a source, as chevrotain's `Lexer` made them with the vocabulary of tokens.ts. */
export function scan(source: string): Scanned {
  return scanWith(source, token);
}

/** The chevrotain tokens of a source and its lexical diagnostics. */
export function lex(source: string): LexResult {
  return lexWith(source, token);
}

export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/** Chevrotain tokens in the shape the size pre-scan reads. */
export function lexicalTokens(tokens: readonly IToken[]): LexicalToken[] {
  return tokens.map((t) => ({ kind: tokenKind(t.tokenType), image: t.image, startOffset: t.startOffset }));
}
