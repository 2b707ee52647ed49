import type { Fix, Span } from "../diagnostics/diagnostic.js";
import { cleanDurationMs } from "../duration/clean.js";
import { lookupUnit, NANOSECONDS_PER_MILLISECOND, unitForWord } from "../duration/units.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { strategyInContext } from "./strategy-context.js";

/*
 * The mistakes a grammar cannot name, recognized in the whole source after a
 * parse fails. The parser sees `30s` as two operands in a row and would
 * suggest `30 * s`; what the writer needs is "expressions are in
 * milliseconds: write `30000`". Each recognizer here replaces the parser's
 * diagnostics at the place it explains and leaves the others. Valid input
 * never gets here, so none of this can raise a false alarm on it.
 */

/** Quote characters people wrap a header value in, opening and closing. */
const QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["'", "'"],
  ["`", "`"],
  ["\u201c", "\u201d"],
  ["\u2018", "\u2019"],
]);

/** Parses and explains a text: the source with a repair applied, or the text inside quotes. */
type Reparse = (text: string) => { readonly ok: boolean; readonly diagnostics: readonly ExpressionDiagnostic[] };

/** A number and a unit word, repeated: `30s`, `1m30s`, `1h 30m`, `5 seconds`. Units are checked by the table, not here. */
export const DURATION =
  /(?<![A-Za-z0-9_.])(?:\d+(?:\.\d+)?[ \t]*[A-Za-z\u00b5\u03bc]+)(?:[ \t]*\d+(?:\.\d+)?[ \t]*[A-Za-z\u00b5\u03bc]+)*(?![A-Za-z0-9_.]|[ \t]*\()/g;
const PART = /(\d+(?:\.\d+)?)[ \t]*([A-Za-z\u00b5\u03bc]+)/g;

/**
 * The parser's diagnostics for a source that failed to parse, with the ones
 * a known mistake explains replaced by that mistake's diagnostic. `reparse`
 * parses and explains a part of the source (the text inside quotes).
 */
export function explainParseFailure(
  source: string,
  diagnostics: readonly ExpressionDiagnostic[],
  reparse: Reparse,
): readonly ExpressionDiagnostic[] {
  const quoted = quotedWhole(source);
  if (quoted !== undefined) return explainQuoted(source, quoted, diagnostics, reparse);
  const units = durationLiterals(source);
  const explained =
    units.length === 0
      ? diagnostics
      : [...units, ...diagnostics.filter((d) => !units.some((u) => overlaps(d.span, u.span)))].sort((a, b) => a.span.start - b.span.start);
  const fixed = withMathFixes(source, explained, reparse);
  return fixed.some((d) => d.code === "strategy-name")
    ? fixed.map((d) => (d.code === "strategy-name" ? strategyInContext(source, d) : d))
    : fixed;
}

/** `Math.pow(…)`: a JavaScript habit. The name alone is the builtin. */
const MATH = "Math.";

/** One `Math.name` in the source: where it starts, and the name after the point. */
interface MathMember {
  readonly index: number;
  readonly text: string;
  readonly name: string;
}

/**
 * The lexer refuses the `.` of `Math.pow`, and its hint says to drop
 * `Math.`; when the source without every `Math.` is valid, each such error
 * gets that edit as its fix.
 */
function withMathFixes(source: string, diagnostics: readonly ExpressionDiagnostic[], reparse: Reparse): readonly ExpressionDiagnostic[] {
  const members = mathMembers(source);
  if (members.length === 0) return diagnostics;
  let stripped = "";
  let from = 0;
  for (const member of members) {
    stripped += source.slice(from, member.index) + member.name;
    from = member.index + member.text.length;
  }
  if (!reparse(stripped + source.slice(from)).ok) return diagnostics;
  return diagnostics.map((d) => {
    const member = members.find((m) => d.code === "unexpected-character" && d.span.start === m.index + MATH.length - 1);
    if (member === undefined) return d;
    const { index, text, name } = member;
    return withFix(d, { span: { start: index, end: index + text.length }, text: name, message: `replace \`${text}\` with \`${name}\`` });
  });
}

/** The diagnostic with `fix` added last; the lexer's shape is written out, since an object spread costs V8 several times more. */
function withFix(d: ExpressionDiagnostic, fix: Fix): ExpressionDiagnostic {
  if (d.related !== undefined || d.fix !== undefined || d.suggestions !== undefined) return { ...d, fix };
  const { code, severity, message, span, hint } = d;
  return hint === undefined ? { code, severity, message, span, fix } : { code, severity, message, span, hint, fix };
}

const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Every `Math.name` that starts a word, left to right (what
 * `/\bMath\.([A-Za-z_][A-Za-z0-9_]*)/g` finds), read by hand: most
 * failures hold none, and are spared a regular expression and its match arrays.
 */
export function mathMembers(source: string): MathMember[] {
  const members: MathMember[] = [];
  for (let at = source.indexOf(MATH); at !== -1; at = source.indexOf(MATH, at + 1)) {
    const nameStart = at + MATH.length;
    const first = source.charCodeAt(nameStart);
    if ((at > 0 && isWordCode(source.charCodeAt(at - 1))) || !isWordCode(first) || (first >= 48 && first <= 57)) continue;
    let end = nameStart + 1;
    while (isWordCode(source.charCodeAt(end))) end++;
    members.push({ index: at, text: source.slice(at, end), name: source.slice(nameStart, end) });
    at = end - 1;
  }
  return members;
}

/** Every duration literal in the source, as a `unit-in-expression` diagnostic with its value in milliseconds as the fix. */
function durationLiterals(source: string): ExpressionDiagnostic[] {
  const found: ExpressionDiagnostic[] = [];
  if (!mayHoldDuration(source)) return found;
  for (const match of source.matchAll(DURATION)) {
    const text = match[0];
    const ms = durationMilliseconds(text);
    if (ms !== undefined) found.push(unitDiagnostic(text, { start: match.index, end: match.index + text.length }, ms));
  }
  return found;
}

/**
 * Whether some letter follows a digit, with only spaces, tabs, digits and
 * points between: where every {@link DURATION} match starts. Most failures
 * have none, and this look is cheaper than the expression's.
 */
export function mayHoldDuration(source: string): boolean {
  let afterDigit = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 48 && c <= 57) afterDigit = true;
    else if (isUnitLetter(c)) {
      if (afterDigit) return true;
    } else if (c !== 32 && c !== 9 && c !== 46) afterDigit = false;
  }
  return false;
}

/** The characters of a unit word in {@link DURATION}: ASCII letters, `µ` and `μ`. */
function isUnitLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xb5 || c === 0x3bc;
}

/** The value of `1m30s` or `5 seconds` in milliseconds, when every word is a unit of at least a millisecond. */
function durationMilliseconds(text: string): number | undefined {
  let normalized = "";
  for (const [, number = "", word = ""] of text.matchAll(PART)) {
    const unit = unitOf(word);
    if (unit === undefined) return undefined;
    normalized += number + unit;
  }
  return cleanDurationMs(normalized);
}

/** A unit of the duration table (`ms` and up), or a word for one (`seconds`). */
function unitOf(word: string): string | undefined {
  const unit = lookupUnit(word);
  if (unit !== undefined) return unit.nanoseconds >= NANOSECONDS_PER_MILLISECOND ? unit.name : undefined;
  return unitForWord(word);
}

function unitDiagnostic(
  text: string,
  span: Span,
  ms: number,
  { quoted }: { readonly quoted: boolean } = { quoted: false },
): ExpressionDiagnostic {
  const fix: Fix = { span, text: String(ms), message: `replace \`${text}\` with \`${ms}\`` };
  return {
    code: "unit-in-expression",
    severity: "error",
    message: `\`${text}\` is a duration${quoted ? " in quotes" : ""}, but the expression is a number of milliseconds`,
    span,
    hint: `expressions are in milliseconds and have no units: write \`${ms}\``,
    fix,
  };
}

/** The span of the text inside quotes that wrap the whole source (spaces around allowed), or undefined. */
function quotedWhole(source: string): Span | undefined {
  const start = source.length - source.trimStart().length;
  const end = source.trimEnd().length;
  const close = QUOTES.get(source[start] ?? "");
  if (end - start < 2 || close === undefined || source[end - 1] !== close) return undefined;
  return { start: start + 1, end: end - 1 };
}

/**
 * A source wrapped in quotes. When the text inside is a valid expression,
 * the quote errors get the fix that removes the quotes. When it is one
 * known mistake (`"5s"`, `'exponential'`), that mistake's diagnostic stands
 * for the whole quoted text. Anything else keeps the quote errors: those
 * come first.
 */
function explainQuoted(
  source: string,
  inner: Span,
  diagnostics: readonly ExpressionDiagnostic[],
  reparse: Reparse,
): readonly ExpressionDiagnostic[] {
  const text = source.slice(inner.start, inner.end);
  const whole: Span = { start: inner.start - 1, end: inner.end + 1 };
  const result = reparse(text);
  if (result.ok) {
    const fix: Fix = { span: whole, text, message: `remove the quotes: \`${text}\`` };
    return diagnostics.map((d) =>
      d.code === "unexpected-character" && (d.span.start === whole.start || d.span.end === whole.end) ? { ...d, fix } : d,
    );
  }
  const [only] = result.diagnostics;
  const trimmed = { start: text.length - text.trimStart().length, end: text.trimEnd().length };
  if (result.diagnostics.length !== 1 || only === undefined || only.span.start !== trimmed.start || only.span.end !== trimmed.end)
    return diagnostics;
  if (only.code !== "unit-in-expression" && only.code !== "strategy-name") return diagnostics;
  const widen = (fix: Fix): Fix => ({ ...fix, span: whole });
  const quotedText = source.slice(whole.start, whole.end);
  if (only.code === "unit-in-expression" && only.fix !== undefined)
    return [unitDiagnostic(quotedText, whole, Number(only.fix.text), { quoted: true })];
  return [{ ...only, span: whole, ...(only.suggestions === undefined ? {} : { suggestions: only.suggestions.map(widen) }) }];
}

function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end) return a.start > b.start && a.start <= b.end;
  return a.start < b.end && a.end > b.start;
}
