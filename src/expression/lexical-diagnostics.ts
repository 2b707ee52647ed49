import type { Span } from "../diagnostics/diagnostic.js";
import { isControl } from "../diagnostics/text.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { describeCharacters } from "./describe-characters.js";
import { numberValue, VALID_NUMBER } from "./token-patterns.js";

/*
 * The lexical diagnostics of the full parser: a run of characters no token
 * starts with, and a number the language does not accept as written. Free
 * of chevrotain: the scanner that finds them (lex-scan.ts) serves both the
 * chevrotain parser and parse.ts's answer without it.
 */

/** What a diagnostic reads of a token: its text and where it starts. */
export interface TokenText {
  readonly image: string;
  readonly startOffset: number;
}

/** A run of characters no token starts with: where it starts, and how many UTF-16 code units it covers. */
export interface LexError {
  readonly offset: number;
  readonly length: number;
}

/** The diagnostics of a source's unexpected characters, in order; `tokens` are its tokens, for the hints that read the one before. */
export function unexpectedCharacters(source: string, errors: readonly LexError[], tokens: readonly TokenText[]): ExpressionDiagnostic[] {
  return errors.map((error) => unexpectedCharacter(source, error, tokens));
}

/** The diagnostic for a number token the language does not accept as written, if any. */
export function numberProblem(image: string, span: Span): ExpressionDiagnostic | undefined {
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

/**
 * Whether `text` holds a control character (CR, LF and NUL among them) or a Unicode line or
 * paragraph separator. A loop, not `/[\p{Cc}\u2028\u2029]/u`: V8 checks a literal's pattern as it
 * parses the file, and the property escape made that build ICU's sets at every start.
 */
function breaksHeader(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/** Characters people paste from prose or other languages, and what to write instead. */
function characterHint(text: string, previous: TokenText | undefined): string | undefined {
  // Checked before the first character: a run such as `$\n` is still a header-splitting risk.
  if (breaksHeader(text))
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

function unexpectedCharacter(source: string, error: LexError, tokens: readonly TokenText[]): ExpressionDiagnostic {
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
export function lastTokenBefore<T extends TokenText>(tokens: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((tokens[mid]?.startOffset ?? Infinity) < offset) low = mid + 1;
    else high = mid;
  }
  return tokens[low - 1];
}
