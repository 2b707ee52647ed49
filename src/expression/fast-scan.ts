import { isWhitespaceCode } from "./token-patterns.js";
import type { BinaryOperator, UnaryOperator } from "./ast.js";
import { planLevels } from "./operator-plan.js";
import { OPERATORS, PUNCTUATION, type LexicalToken, type TableRow, type TokenKind } from "./operators.js";

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

const NOT_AN_OPERATOR = {
  accepted: true,
  infixPrecedence: -1,
  infixOperator: undefined,
  rightAssociative: false,
  prefixPrecedence: -1,
  prefixOperator: undefined,
};

function fixedToken(row: TableRow): FixedToken {
  let token: FixedToken = { ...NOT_AN_OPERATOR, kind: row.token, text: row.text, accepted: false };
  for (const { level, accepted } of planLevels({ unsupported: "omit" })) {
    for (const { row: r, node } of accepted) {
      if (r !== row) continue;
      token =
        node.kind === "binary"
          ? {
              ...token,
              accepted: true,
              infixPrecedence: level.precedence,
              infixOperator: node.operator,
              rightAssociative: level.fixity === "right",
            }
          : { ...token, accepted: true, prefixPrecedence: level.precedence, prefixOperator: node.operator };
    }
  }
  return token;
}

/** The operators and punctuation by first character (ASCII only), longest text first. */
const FIXED_BY_CHAR: (readonly FixedToken[] | undefined)[] = new Array<readonly FixedToken[] | undefined>(128).fill(undefined);
const punctuation = (p: { readonly text: string; readonly token: TokenKind }): FixedToken => ({
  ...NOT_AN_OPERATOR,
  kind: p.token,
  text: p.text,
});
for (const fixed of [
  ...OPERATORS.map(fixedToken),
  punctuation(PUNCTUATION.open),
  punctuation(PUNCTUATION.close),
  punctuation(PUNCTUATION.comma),
]) {
  const c = fixed.text.charCodeAt(0);
  FIXED_BY_CHAR[c] = [...(FIXED_BY_CHAR[c] ?? []), fixed].sort((a, b) => b.text.length - a.text.length);
}

/**
 * The fixed token at `i`, as chevrotain's lexer would take it (the longest
 * text first), or undefined where none starts. A refused operator is
 * returned too: it binds as nothing, so neither the recognizer nor the
 * scanner accepts it.
 */
export function fixedAt(source: string, i: number): FixedToken | undefined {
  const c = source.charCodeAt(i);
  // Only ASCII indexes the table: a read past its end would take V8's slow path.
  const candidates = c < 128 ? FIXED_BY_CHAR[c] : undefined;
  if (candidates === undefined) return undefined;
  for (const fixed of candidates) if (fixed.text.length === 1 || source.startsWith(fixed.text, i)) return fixed;
  return undefined;
}

/** A token as the scanner makes it: one object shape for every token. */
export interface ScannedToken extends LexicalToken {
  readonly value: number | undefined;
  readonly fixed: FixedToken | undefined;
}

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isIdentifierStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentifierPart = (c: number): boolean => isIdentifierStart(c) || isDigit(c);

/** The end of the name that starts at `start` (IDENTIFIER_PATTERN, read by hand). */
export function identifierEnd(source: string, start: number): number {
  let end = start + 1;
  while (end < source.length && isIdentifierPart(source.charCodeAt(end))) end++;
  return end;
}

/**
 * Tokens exactly as the chevrotain lexer makes them, or undefined for
 * anything a valid expression cannot hold; `declined.at` (if given) is
 * where. The recognizer reads the source directly: this is for
 * retry-delay/runtime's short diagnostic on a source it declined.
 */
export function scan(source: string, declined?: { at: number }): ScannedToken[] | undefined {
  const tokens: ScannedToken[] = [];
  const number: NumberRead = { value: 0 };
  let i = skipWhitespace(source, 0);
  while (i < source.length) {
    const c = source.charCodeAt(i);
    const fixed = fixedAt(source, i);
    let end = -1;
    if (fixed !== undefined) {
      // A refused operator (`%`, `^`, `**`) stays -1: the full parser reports it.
      if (fixed.accepted) {
        tokens.push({ kind: fixed.kind, image: fixed.text, startOffset: i, value: undefined, fixed });
        end = i + fixed.text.length;
      }
    } else if (isDigit(c)) {
      end = readNumber(source, i, number);
      if (end >= 0) tokens.push({ kind: "Number", image: source.slice(i, end), startOffset: i, value: number.value, fixed: undefined });
    } else if (isIdentifierStart(c)) {
      end = identifierEnd(source, i);
      tokens.push({ kind: "Identifier", image: source.slice(i, end), startOffset: i, value: undefined, fixed: undefined });
    }
    if (end < 0) {
      if (declined !== undefined) declined.at = i;
      return undefined;
    }
    i = skipWhitespace(source, end);
  }
  return tokens;
}

/** The first offset from `i` that is not whitespace. */
export function skipWhitespace(source: string, i: number): number {
  while (i < source.length && isWhitespaceCode(source.charCodeAt(i))) i++;
  return i;
}

/** Where {@link readNumber} leaves the value it read. */
export interface NumberRead {
  value: number;
}

/**
 * The number starting at `start` (a digit), as NUMBER_PATTERN reads it, but
 * only in the strict form `digits [. digits] [e [sign] digits]`: its end,
 * with its value in `read.value`, or -1 wherever the lexer's lenient
 * pattern would read on (`_`, a trailing `.`) or the value is not finite.
 * The full parser reports those.
 */
export function readNumber(source: string, start: number, read: NumberRead): number {
  const length = source.length;
  // The integer part is summed as it is read: exact below 2^53, so for up to
  // 15 digits, and it spares most numbers a string-to-number conversion.
  let integer = 0;
  let end = start;
  for (let d = source.charCodeAt(end); end < length && isDigit(d); d = source.charCodeAt(++end)) integer = integer * 10 + (d - 48);
  const integerEnd = end;
  if (source.charCodeAt(end) === 46) {
    if (!isDigit(source.charCodeAt(end + 1))) return -1;
    end += 2;
    while (end < length && isDigit(source.charCodeAt(end))) end++;
  }
  const e = source.charCodeAt(end);
  if (e === 101 || e === 69) {
    const sign = source.charCodeAt(end + 1);
    const first = sign === 43 || sign === 45 ? end + 2 : end + 1;
    // `1e` with no digits is the number 1 then the name `e`, as the lexer reads it.
    if (isDigit(source.charCodeAt(first))) {
      end = first + 1;
      while (end < length && isDigit(source.charCodeAt(end))) end++;
    }
  }
  if (source.charCodeAt(end) === 95 || source.charCodeAt(end) === 46) return -1;
  const value = end === integerEnd && end - start <= 15 ? integer : Number(source.slice(start, end));
  if (!Number.isFinite(value)) return -1;
  read.value = value;
  return end;
}
