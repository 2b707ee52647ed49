import type { IToken, TokenType } from "chevrotain";
import type { Span } from "../diagnostics/diagnostic.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { describeCharacters } from "./describe-characters.js";
import { isWhitespaceCode, numberValue, VALID_NUMBER } from "./token-patterns.js";
import { PUNCTUATION, type LexicalToken } from "./operators.js";
import { Comma, Identifier, LEXICAL_OPERATORS, LParen, NumberToken, RParen, tokenKind, type LexicalOperator } from "./tokens.js";

/** The tokens of one source, and the problems found in them before any parsing. */
export interface LexResult {
  readonly tokens: IToken[];
  /** Malformed or out-of-range numbers; they do not stop parsing. */
  readonly numberDiagnostics: ExpressionDiagnostic[];
  /** Characters no token starts with; parsing after these would only add noise. */
  readonly characterDiagnostics: ExpressionDiagnostic[];
}

/** A run of characters no token starts with: where it starts, and how many UTF-16 code units it covers. */
export interface LexError {
  readonly offset: number;
  readonly length: number;
}

/** The chevrotain tokens of a source (whitespace skipped), and the runs of characters that start none. */
export interface Scanned {
  readonly tokens: IToken[];
  readonly errors: LexError[];
}

/** Punctuation by character code. */
const PUNCTUATION_TYPES = new Map<number, TokenType>([
  [PUNCTUATION.open.text.charCodeAt(0), LParen],
  [PUNCTUATION.close.text.charCodeAt(0), RParen],
  [PUNCTUATION.comma.text.charCodeAt(0), Comma],
]);

/** The operators by the code of their first character, longest text first. */
const OPERATORS_BY_FIRST = new Map<number, LexicalOperator[]>();
for (const operator of LEXICAL_OPERATORS) {
  const first = operator.text.charCodeAt(0);
  const list = OPERATORS_BY_FIRST.get(first) ?? [];
  list.push(operator);
  OPERATORS_BY_FIRST.set(first, list);
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

/** The token type and end of the operator or punctuation at `start`, if one starts there. */
function symbolAt(source: string, start: number): { readonly type: TokenType; readonly end: number } | undefined {
  const c = source.charCodeAt(start);
  for (const operator of OPERATORS_BY_FIRST.get(c) ?? []) {
    if (source.startsWith(operator.text, start)) return { type: operator.type, end: start + operator.text.length };
  }
  const punctuation = PUNCTUATION_TYPES.get(c);
  return punctuation === undefined ? undefined : { type: punctuation, end: start + 1 };
}

/** Whether some token (or whitespace) starts at `offset`: where the scanner resumes after unexpected characters. */
function startsToken(source: string, offset: number): boolean {
  const c = source.charCodeAt(offset);
  return isWhitespaceCode(c) || numberEnd(source, offset) > offset || isNameStart(c) || symbolAt(source, offset) !== undefined;
}

function token(source: string, type: TokenType, start: number, end: number): IToken {
  // The shape chevrotain's own lexer gives with `positionTracking: "onlyOffset"`, which is all the parser reads.
  return { image: source.slice(start, end), startOffset: start, tokenTypeIdx: type.tokenTypeIdx as number, tokenType: type };
}

/**
 * Splits a source into chevrotain tokens as chevrotain's `Lexer` did with
 * the vocabulary of tokens.ts, without building one: at each offset the
 * first of whitespace, number, name, operator (longest first) and
 * punctuation that matches. A run of characters that starts nothing is one
 * error, up to the next offset where something does start.
 */
export function scan(source: string): Scanned {
  const tokens: IToken[] = [];
  const errors: LexError[] = [];
  let offset = 0;
  while (offset < source.length) {
    const c = source.charCodeAt(offset);
    if (isWhitespaceCode(c)) {
      offset++;
      continue;
    }
    let end = numberEnd(source, offset);
    if (end > offset) {
      tokens.push(token(source, NumberToken, offset, end));
    } else if ((end = nameEnd(source, offset)) > offset) {
      tokens.push(token(source, Identifier, offset, end));
    } else {
      const symbol = symbolAt(source, offset);
      if (symbol !== undefined) {
        end = symbol.end;
        tokens.push(token(source, symbol.type, offset, end));
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

export function lex(source: string): LexResult {
  const result = scan(source);
  const numberDiagnostics: ExpressionDiagnostic[] = [];
  for (const token of result.tokens) {
    if (token.tokenType === NumberToken) {
      const problem = checkNumber(token.image, tokenSpan(token));
      if (problem !== undefined) numberDiagnostics.push(problem);
    }
  }
  const characterDiagnostics = result.errors.map((error) => unexpectedCharacter(source, error, result.tokens));
  return { tokens: result.tokens, numberDiagnostics, characterDiagnostics };
}

export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

function checkNumber(image: string, span: Span): ExpressionDiagnostic | undefined {
  if (VALID_NUMBER.test(image)) {
    const value = Number(image);
    if (!Number.isFinite(value)) {
      return {
        code: "number-out-of-range",
        severity: "error",
        message: `the number \`${image}\` is too large to be a finite double`,
        span,
        hint: "the largest double is about 1.8e308; a delay is rarely over 3.2e10 ms (one year)",
      };
    }
    return undefined;
  }
  const fixed = numberValue(image);
  const malformed = (message: string, hint: string): ExpressionDiagnostic => ({
    code: "malformed-number",
    severity: "error",
    message,
    span,
    hint,
  });
  if (image.includes("_")) return malformed(`digit separators are not allowed in \`${image}\``, `write \`${String(fixed)}\``);
  if (image.startsWith(".")) return malformed(`a number cannot start with \`.\`: \`${image}\``, `write \`0${image}\``);
  return malformed(
    `a number cannot end its digits with \`.\`: \`${image}\``,
    `write \`${image.replace(/\.(?=[eE]|$)/, "")}\` or \`${image.replace(/\.(?=[eE]|$)/, ".0")}\``,
  );
}

/** Control characters (CR, LF and NUL among them) and the Unicode line and paragraph separators. */
const HEADER_BREAKING = /[\p{Cc}\u2028\u2029]/u;

/** Characters people paste from prose or other languages, and what to write instead. */
function characterHint(text: string, previous: IToken | undefined): string | undefined {
  // Checked before the first character: a run such as `$\n` is still a header-splitting risk.
  if (HEADER_BREAKING.test(text))
    return "the expression travels in an HTTP header, which cannot carry line breaks or control characters; write it on one line";
  const first = text[0] ?? "";
  switch (first) {
    case '"':
    case "'":
    case "`":
    case "\u201c":
    case "\u201d":
    case "\u2018":
    case "\u2019":
      return "the header value is the expression itself; remove the quotes";
    case "\u00d7":
    case "\u22c5":
    case "\u00b7":
      return "write `*` to multiply";
    case "\u2212":
    case "\u2013":
    case "\u2014":
      return "write `-` (ASCII hyphen-minus) to subtract";
    case "\u00f7":
      return "write `/` to divide";
    case ".":
      return previous?.image === "Math"
        ? "write the function name alone, e.g. `pow(2, retried)`"
        : "the language has no member access; numbers need a digit before the point, e.g. `0.5`";
    case "<":
    case ">":
    case "=":
    case "!":
    case "?":
    case ":":
    case "&":
    case "|":
      return "the language has no comparisons or conditionals; bound a value with `min(x, y)` and `max(x, y)`";
    case ";":
      return "the expression is a single formula; remove the `;`";
    case "[":
    case "]":
    case "{":
    case "}":
      return "group with parentheses `(` and `)`";
    default:
      return undefined;
  }
}

function unexpectedCharacter(source: string, error: LexError, tokens: readonly IToken[]): ExpressionDiagnostic {
  const start = error.offset;
  const end = Math.min(source.length, start + Math.max(1, error.length));
  const text = source.slice(start, end);
  const previous = lastTokenBefore(tokens, start);
  const described = describeCharacters(text);
  const hint = characterHint(text, previous);
  return {
    code: "unexpected-character",
    severity: "error",
    message: `unexpected ${Array.from(text).length === 1 ? "character" : "characters"} ${described}`,
    span: { start, end },
    ...(hint === undefined ? {} : { hint }),
  };
}

/** The last token that starts before `offset`. */
export function lastTokenBefore(tokens: readonly IToken[], offset: number): IToken | undefined {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((tokens[mid]?.startOffset ?? Infinity) < offset) low = mid + 1;
    else high = mid;
  }
  return tokens[low - 1];
}

/** Chevrotain tokens in the shape the size pre-scan reads. */
export function lexicalTokens(tokens: readonly IToken[]): LexicalToken[] {
  return tokens.map((t) => ({ kind: tokenKind(t.tokenType), image: t.image, startOffset: t.startOffset }));
}
