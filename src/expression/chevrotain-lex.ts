import { Lexer, type ILexingError, type IToken } from "chevrotain";
import type { Span } from "../diagnostics/diagnostic.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { numberValue, VALID_NUMBER } from "./token-patterns.js";
import type { LexicalToken } from "./operators.js";
import { NumberToken, tokenKind, vocabulary } from "./tokens.js";

/** The tokens of one source, and the problems found in them before any parsing. */
export interface LexResult {
  readonly tokens: IToken[];
  /** Malformed or out-of-range numbers; they do not stop parsing. */
  readonly numberDiagnostics: ExpressionDiagnostic[];
  /** Characters no token starts with; parsing after these would only add noise. */
  readonly characterDiagnostics: ExpressionDiagnostic[];
}

let lexer: Lexer | undefined;

/** Built on first use, once per process, so that importing the library stays cheap. */
function sharedLexer(): Lexer {
  lexer ??= new Lexer(vocabulary({ unsupported: "report" }), {
    positionTracking: "onlyOffset",
    ensureOptimizations: true,
    skipValidations: true,
  });
  return lexer;
}

export function lex(source: string): LexResult {
  const result = sharedLexer().tokenize(source);
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

function unexpectedCharacter(source: string, error: ILexingError, tokens: readonly IToken[]): ExpressionDiagnostic {
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

/** Shows printable text in backticks and anything invisible as U+XXXX, so a message never carries a control character. */
export function describeCharacters(text: string): string {
  const shown = text.length > 16 ? `${text.slice(0, 16)}…` : text;
  const printable = /^[^\p{C}\p{Z}]*$/u.test(shown.replace(/ /g, "x"));
  if (printable) return `\`${shown}\``;
  return Array.from(shown)
    .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`)
    .join(" ");
}

/** Chevrotain tokens in the shape the size pre-scan reads. */
export function lexicalTokens(tokens: readonly IToken[]): LexicalToken[] {
  return tokens.map((t) => ({ kind: tokenKind(t.tokenType), image: t.image, startOffset: t.startOffset }));
}
