import { codeAt, isDigit, readNumber, type NumberRead } from "./fast-number.js";
import { isWhitespaceCode } from "./token-patterns.js";
import type { BinaryOperator, UnaryOperator } from "./ast.js";
import {
  LEVELS,
  OPERATORS,
  PUNCTUATION,
  type LevelRule,
  type LexicalToken,
  type TableLevel,
  type TableRow,
  type TokenKind,
} from "./operators.js";

/*
 * The fast path's scanner: the tokens of a valid expression, exactly as the
 * chevrotain lexer makes them, built from the operator table. Anything a
 * valid expression cannot hold (a refused operator, a malformed number, a
 * character no token starts with) makes it decline, and the full parser
 * reports it.
 */

/** An operator or punctuation token, with how it binds, so that the recognizer climbs precedence without asking the table again. */
export interface FixedToken {
  readonly kind: TokenKind;
  readonly text: string;
  /** False for the operators only the full parser reports (`%`, `^`, `**`): the scanner declines them. */
  readonly accepted: boolean;
  /** Its precedence as an infix operator, or -1 where it is none. */
  readonly infixPrecedence: number;
  readonly infixOperator: BinaryOperator | undefined;
  readonly rightAssociative: boolean;
  /** Its precedence as a sign, or -1 where it is none. */
  readonly prefixPrecedence: number;
  readonly prefixOperator: UnaryOperator | undefined;
}

/**
 * Every fixed token is made by this one object literal, so that all share
 * one hidden class: made by spreading, each had its own, and the
 * recognizer's reads of a token's fields were megamorphic.
 */
const fixedToken = (
  kind: TokenKind,
  text: string,
  infix: { readonly operator: BinaryOperator; readonly level: TableLevel } | undefined,
  prefix: { readonly operator: UnaryOperator; readonly level: TableLevel } | undefined,
  accepted: boolean,
): FixedToken => ({
  kind,
  text,
  accepted,
  infixPrecedence: infix === undefined ? -1 : infix.level.precedence,
  infixOperator: infix?.operator,
  rightAssociative: infix?.level.fixity === "right",
  prefixPrecedence: prefix === undefined ? -1 : prefix.level.precedence,
  prefixOperator: prefix?.operator,
});

/** The level a table row's role binds at. */
const levelOf = (rule: LevelRule): TableLevel => LEVELS.find((level) => level.rule === rule) as TableLevel;

/** A table row as the scanner reads it; a refused operator (`%`, `^`, `**`) binds as nothing. */
function operatorToken(row: TableRow): FixedToken {
  const infix = "operator" in row.infix ? { operator: row.infix.operator, level: levelOf(row.infix.level) } : undefined;
  const prefix = "prefix" in row ? { operator: row.prefix.operator, level: levelOf(row.prefix.level) } : undefined;
  return fixedToken(row.token, row.text, infix, prefix, infix !== undefined || prefix !== undefined);
}

/**
 * The operators and punctuation by first character (ASCII only): the one
 * character long token, and the longer ones that start with it (`**` after
 * `*`), longest first. Two tables, so that the common one-character token is
 * one read, with no loop and no string comparison.
 */
const SINGLE_BY_CHAR: (FixedToken | undefined)[] = new Array<FixedToken | undefined>(128).fill(undefined);
const LONGER_BY_CHAR: (readonly FixedToken[] | undefined)[] = new Array<readonly FixedToken[] | undefined>(128).fill(undefined);
const punctuation = (p: { readonly text: string; readonly token: TokenKind }): FixedToken =>
  fixedToken(p.token, p.text, undefined, undefined, true);
for (const fixed of [
  ...OPERATORS.map(operatorToken),
  punctuation(PUNCTUATION.open),
  punctuation(PUNCTUATION.close),
  punctuation(PUNCTUATION.comma),
]) {
  const c = fixed.text.charCodeAt(0);
  if (fixed.text.length === 1) SINGLE_BY_CHAR[c] = fixed;
  else LONGER_BY_CHAR[c] = [...(LONGER_BY_CHAR[c] ?? []), fixed].sort((a, b) => b.text.length - a.text.length);
}

/**
 * The fixed token at `i`, whose first character is `c`, as chevrotain's
 * lexer would take it (the longest text first), or undefined where none
 * starts. A refused operator is returned too: it binds as nothing, so
 * neither the recognizer nor the scanner accepts it.
 */
export function fixedAt(source: string, i: number, c: number): FixedToken | undefined {
  // Only ASCII indexes the tables: a read past their end would take V8's slow path.
  if (c >= 128) return undefined;
  const longer = LONGER_BY_CHAR[c];
  if (longer !== undefined) for (const fixed of longer) if (source.startsWith(fixed.text, i)) return fixed;
  return SINGLE_BY_CHAR[c];
}

/** A token as the scanner makes it: one object shape for every token. */
export type ScannedToken = LexicalToken;

export const isIdentifierStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentifierPart = (c: number): boolean => isIdentifierStart(c) || isDigit(c);

/** The end of the name that starts at `start`. */
export function identifierEnd(source: string, start: number): number {
  let end = start + 1;
  while (isIdentifierPart(codeAt(source, end))) end++;
  return end;
}

/** One token as {@link readToken} reads it: a record the reader fills in place, so reading allocates nothing. */
export interface TokenRead extends NumberRead {
  kind: TokenKind;
}

/** A record for {@link readToken} to fill. */
export const tokenRecord = (): TokenRead => ({ kind: "Number", end: 0, value: 0 });

/**
 * The token at `start` (not whitespace), exactly as the chevrotain lexer
 * reads it (NUMBER_PATTERN and IDENTIFIER_PATTERN, by hand for speed), into
 * `token`; false for anything a valid expression cannot hold there: a
 * refused operator (`%`, `^`, `**`), a character no token starts with, or a
 * number not in the strict form `digits [. digits] [e [sign] digits]`
 * (wherever the lexer's lenient pattern would read on, `_`, a trailing `.`,
 * or to a value that is not finite). The full parser reports those.
 */
export function readToken(source: string, start: number, token: TokenRead): boolean {
  const c = source.charCodeAt(start);
  if (isIdentifierStart(c)) {
    token.kind = "Identifier";
    token.end = identifierEnd(source, start);
    return true;
  }
  if (isDigit(c)) {
    token.kind = "Number";
    return readNumber(source, start, token);
  }
  const fixed = fixedAt(source, start, c);
  if (fixed === undefined) return false;
  token.kind = fixed.kind;
  token.end = start + fixed.text.length;
  return fixed.accepted;
}

/**
 * Every token, as the chevrotain lexer makes them, or undefined for
 * anything a valid expression cannot hold; `declined.at` (if given) is
 * where. The recognizer reads tokens as it goes: this is for
 * retry-delay/runtime's short diagnostic on a source it declined.
 */
export function scan(source: string, declined?: { at: number }): ScannedToken[] | undefined {
  const tokens: ScannedToken[] = [];
  const token = tokenRecord();
  for (let i = skipWhitespace(source, 0); i < source.length; i = skipWhitespace(source, token.end)) {
    if (!readToken(source, i, token)) {
      if (declined !== undefined) declined.at = i;
      return undefined;
    }
    tokens.push({ kind: token.kind, image: source.slice(i, token.end), startOffset: i });
  }
  return tokens;
}

/** The first offset from `i` that is not whitespace. */
export function skipWhitespace(source: string, i: number): number {
  while (i < source.length && isWhitespaceCode(source.charCodeAt(i))) i++;
  return i;
}
