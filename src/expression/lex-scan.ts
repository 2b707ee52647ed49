import type { ExpressionDiagnostic } from "./codes.js";
import { numberProblem, unexpectedCharacters, type LexError, type TokenText } from "./lexical-diagnostics.js";
import { OPERATORS, PUNCTUATION, type TokenKind } from "./operators.js";
import { isWhitespaceCode } from "./token-patterns.js";

/*
 * The full parser's lexing, free of chevrotain: the tokens of a source as
 * chevrotain's `Lexer` read them with the vocabulary of tokens.ts, and the
 * lexical diagnostics (characters no token starts with, malformed and
 * out-of-range numbers). chevrotain-lex.ts makes chevrotain tokens with it;
 * parse.ts answers a source with such characters with it alone, so that a
 * pasted `Math.pow(…)` or `"1000"` never loads chevrotain.
 */

/** How a caller makes its token from a scanned one (chevrotain's `IToken`, or a plain record). */
export type MakeToken<T> = (source: string, kind: TokenKind, start: number, end: number) => T;

/** The tokens of one source, and the problems found in them before any parsing. */
export interface Lexed<T> {
  readonly tokens: T[];
  /** Malformed or out-of-range numbers, in source order; they do not stop parsing. */
  readonly numberDiagnostics: ExpressionDiagnostic[];
  /** Characters no token starts with, in source order; parsing after these would only add noise. */
  readonly characterDiagnostics: ExpressionDiagnostic[];
}

/** The tokens of a source (whitespace skipped) and the runs of characters that start none. */
export interface Scan<T> {
  readonly tokens: T[];
  readonly errors: LexError[];
}

/** Operators and punctuation by the code of their first character, longest text first. */
const SYMBOLS_BY_FIRST = new Map<number, { readonly text: string; readonly kind: TokenKind }[]>();
for (const symbol of [
  ...OPERATORS.map((row) => ({ text: row.text, kind: row.token })),
  ...Object.values(PUNCTUATION).map((p) => ({ text: p.text, kind: p.token })),
].sort((a, b) => b.text.length - a.text.length)) {
  const first = symbol.text.charCodeAt(0);
  const list = SYMBOLS_BY_FIRST.get(first) ?? [];
  list.push(symbol);
  SYMBOLS_BY_FIRST.set(first, list);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c);
const isDigitOrSeparator = (c: number): boolean => isDigit(c) || c === 95;

/** The end of the digits and `_` from `i` on. */
function skipDigits(source: string, i: number): number {
  while (isDigitOrSeparator(source.charCodeAt(i))) i++;
  return i;
}

/**
 * The end of the number token at `start` (`NUMBER_PATTERN` of token-patterns.ts: digits with
 * `_`, an optional point and fraction, or a point and digits; then an
 * optional exponent), or `start` when none starts there.
 */
function numberEnd(source: string, start: number): number {
  const c = source.charCodeAt(start);
  let i: number;
  if (isDigit(c)) {
    i = skipDigits(source, start + 1);
    if (source.charCodeAt(i) === 46) i = skipDigits(source, i + 1);
  } else if (c === 46 && isDigit(source.charCodeAt(start + 1))) {
    i = skipDigits(source, start + 2);
  } else {
    return start;
  }
  const e = source.charCodeAt(i);
  if (e !== 69 && e !== 101) return i;
  let j = i + 1;
  const sign = source.charCodeAt(j);
  if (sign === 43 || sign === 45) j++;
  return isDigit(source.charCodeAt(j)) ? skipDigits(source, j + 1) : i;
}

/** The end of the name at `start`, or `start`. */
function nameEnd(source: string, start: number): number {
  if (!isNameStart(source.charCodeAt(start))) return start;
  let i = start + 1;
  while (isNamePart(source.charCodeAt(i))) i++;
  return i;
}

/** The operator or punctuation at `start`, if one starts there. */
function symbolAt(source: string, start: number): { readonly text: string; readonly kind: TokenKind } | undefined {
  for (const symbol of SYMBOLS_BY_FIRST.get(source.charCodeAt(start)) ?? []) {
    if (source.startsWith(symbol.text, start)) return symbol;
  }
  return undefined;
}

/** Whether some token (or whitespace) starts at `offset`: where the scanner resumes after unexpected characters. */
function startsToken(source: string, offset: number): boolean {
  const c = source.charCodeAt(offset);
  return isWhitespaceCode(c) || numberEnd(source, offset) > offset || isNameStart(c) || symbolAt(source, offset) !== undefined;
}

/**
 * Splits a source into tokens as chevrotain's `Lexer` did with the
 * vocabulary of tokens.ts, without building one: at each offset the first
 * of whitespace, number, name, operator (longest first) and punctuation that
 * matches. A run of characters that starts nothing is one error, up to the
 * next offset where something does start.
 */
export function scanWith<T>(source: string, make: MakeToken<T>): Scan<T> {
  const tokens: T[] = [];
  const errors: LexError[] = [];
  let offset = 0;
  while (offset < source.length) {
    if (isWhitespaceCode(source.charCodeAt(offset))) {
      offset++;
      continue;
    }
    let end = numberEnd(source, offset);
    if (end > offset) {
      tokens.push(make(source, "Number", offset, end));
    } else if ((end = nameEnd(source, offset)) > offset) {
      tokens.push(make(source, "Identifier", offset, end));
    } else {
      const symbol = symbolAt(source, offset);
      if (symbol !== undefined) {
        end = offset + symbol.text.length;
        tokens.push(make(source, symbol.kind, offset, end));
      } else {
        end = offset + 1;
        while (end < source.length && !startsToken(source, end)) end++;
        errors.push({ offset, length: end - offset });
      }
    }
    offset = end;
  }
  return { tokens, errors };
}

/** The tokens of a source made with `make`, and its lexical diagnostics: what the full parser reports before it parses. */
export function lexWith<T extends TokenText>(source: string, make: MakeToken<T>): Lexed<T> {
  const numberDiagnostics: ExpressionDiagnostic[] = [];
  const { tokens, errors } = scanWith(source, (text, kind, start, end) => {
    const token = make(text, kind, start, end);
    if (kind === "Number") {
      const problem = numberProblem(token.image, { start, end });
      if (problem !== undefined) numberDiagnostics.push(problem);
    }
    return token;
  });
  return { tokens, numberDiagnostics, characterDiagnostics: unexpectedCharacters(source, errors, tokens) };
}
