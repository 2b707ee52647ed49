import { expectDiagnostic, expectDiagnostics, expectNumber, expectOptionalBoolean, expectOptionalString, expectOptions, expectString } from "./arguments.js";
import type { Diagnostic, Severity, Span } from "./diagnostic.js";

/**
 * How {@link renderDiagnostic} draws its output.
 *
 * @example
 * ```ts
 * const options: RenderOptions = { color: process.stdout.isTTY, label: "Upstash-Retry-Delay" };
 * renderDiagnostics(source, diagnostics, options);
 * ```
 */
export interface RenderOptions {
  /** Wrap parts in ANSI colours. Off by default; the CLI turns it on for terminals. */
  readonly color?: boolean;
  /** A label for the input, such as `Upstash-Retry-Delay` or `flowControl.period`, printed above the source. */
  readonly label?: string;
  /** Longest source excerpt shown per line before it is cut around the span. Default 100. */
  readonly maxLineWidth?: number;
}

const TAB_WIDTH = 4;
const REPLACEMENT = "\uFFFD";

const ANSI = {
  reset: "\u001b[0m",
  bold: "\u001b[1m",
  red: "\u001b[31m",
  yellow: "\u001b[33m",
  cyan: "\u001b[36m",
  blue: "\u001b[34m",
  green: "\u001b[32m",
} as const;

const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  error: ANSI.red,
  warning: ANSI.yellow,
  info: ANSI.cyan,
};

/**
 * Draws several diagnostics, separated by blank lines, in the style of rustc:
 *
 * ```text
 * error[unknown-function]: unknown function `Pow`
 *  1 | Pow(2, retried) * 1000
 *    | ^^^ did you mean `pow`?
 * ```
 *
 * @example
 * ```ts
 * const result = tryCompile("Pow(2, retried)");
 * if (!result.ok) console.error(renderDiagnostics("Pow(2, retried)", result.diagnostics));
 * ```
 */
export function renderDiagnostics(source: string, diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const text = expectString(source, "the source");
  const checked = expectDiagnostics(diagnostics, "diagnostics");
  const render = expectRenderOptions(options);
  return checked.map((d) => draw(text, d, render)).join("\n\n");
}

/**
 * Draws one diagnostic with its source line and a caret underline under its
 * span, its hint beside the carets, and `-` underlines for related spans.
 * Control characters in the source are shown as U+FFFD so that hostile input
 * cannot send escape sequences to a terminal.
 *
 * @example
 * ```ts
 * renderDiagnostic("1000 / 0", {
 *   code: "division-by-zero", severity: "error",
 *   message: "division by zero", span: { start: 7, end: 8 },
 * });
 * ```
 */
export function renderDiagnostic(source: string, diagnostic: Diagnostic, options: RenderOptions = {}): string {
  return draw(expectString(source, "the source"), expectDiagnostic(diagnostic, "the diagnostic"), expectRenderOptions(options));
}

function expectRenderOptions(value: unknown): RenderOptions {
  const options = expectOptions(value, "the render options");
  const color = expectOptionalBoolean(options.color, "options.color");
  const label = expectOptionalString(options.label, "options.label");
  const maxLineWidth = options.maxLineWidth === undefined ? undefined : expectNumber(options.maxLineWidth, "options.maxLineWidth");
  // No prototype: an option left out must read as undefined, not as a field planted on Object.prototype.
  return Object.assign(Object.create(null) as RenderOptions, { ...(color === undefined ? {} : { color }), ...(label === undefined ? {} : { label }), ...(maxLineWidth === undefined ? {} : { maxLineWidth }) });
}

function draw(source: string, diagnostic: Diagnostic, options: RenderOptions): string {
  const paint = options.color === true ? (code: string, text: string) => `${code}${text}${ANSI.reset}` : (_: string, text: string) => text;
  const severityColor = SEVERITY_COLOR[diagnostic.severity];
  const header =
    paint(ANSI.bold + severityColor, `${diagnostic.severity}[${diagnostic.code}]`) +
    paint(ANSI.bold, `: ${sanitize(diagnostic.message)}`);

  const primary = locate(source, diagnostic.span);
  const inlineHint = diagnostic.hint !== undefined && !diagnostic.hint.includes("\n") ? diagnostic.hint : "";
  const marks: Mark[] = [{ span: diagnostic.span, char: "^", text: inlineHint, color: severityColor }];
  for (const related of diagnostic.related ?? []) {
    marks.push({ span: related.span, char: "-", text: related.message, color: ANSI.blue });
  }
  const lineNumbers = [...new Set(marks.map((m) => locate(source, m.span).line))].sort((a, b) => a - b);
  const gutterWidth = String((lineNumbers[lineNumbers.length - 1] ?? primary.line) + 1).length;
  const emptyGutter = paint(ANSI.blue, `${" ".repeat(gutterWidth + 2)}| `);

  const out = [header];
  if (options.label !== undefined) out.push(paint(ANSI.blue, `${" ".repeat(gutterWidth)}--> `) + sanitize(options.label));
  for (const lineIndex of lineNumbers) {
    const line = lineAt(source, lineIndex);
    const lineMarks = marks.filter((m) => locate(source, m.span).line === lineIndex);
    const view = excerpt(source, line, lineMarks, options.maxLineWidth ?? 100);
    out.push(paint(ANSI.blue, ` ${String(lineIndex + 1).padStart(gutterWidth)} | `) + view.text);
    for (const mark of lineMarks) {
      const from = view.column(mark.span.start);
      const to = Math.max(from + 1, view.column(Math.min(mark.span.end, line.end)));
      const underline = mark.char.repeat(to - from);
      const text = mark.text === "" ? "" : ` ${sanitize(mark.text)}`;
      out.push(emptyGutter + " ".repeat(from) + paint(ANSI.bold + mark.color, underline + text));
    }
  }
  if (diagnostic.hint !== undefined && diagnostic.hint.includes("\n")) {
    // A multi-line hint would break the caret line, so it goes below as a note.
    out.push(emptyGutter);
    for (const hintLine of diagnostic.hint.split("\n")) out.push(`${" ".repeat(gutterWidth + 2)}= ${sanitize(hintLine)}`);
  }
  return out.join("\n");
}

interface Mark {
  readonly span: Span;
  readonly char: string;
  readonly text: string;
  readonly color: string;
}

interface Line {
  readonly start: number;
  readonly end: number;
}

/** The 0-based line of a span's start, counting `\n`, `\r\n` and lone `\r` as breaks. */
function locate(source: string, span: Span): { line: number } {
  const offset = clamp(span.start, 0, source.length);
  let line = 0;
  for (let i = 0; i < offset; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) line++;
  }
  return { line };
}

function lineAt(source: string, lineIndex: number): Line {
  let start = 0;
  for (let line = 0; line < lineIndex; line++) {
    const next = nextBreak(source, start);
    start = next.after;
  }
  return { start, end: nextBreak(source, start).at };
}

function nextBreak(source: string, from: number): { at: number; after: number } {
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) return { at: i, after: i + 1 };
    if (c === 13) return { at: i, after: source.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { at: source.length, after: source.length };
}

/**
 * The visible text of one line, cut to a window around the marks when it is
 * long, with a map from source offsets to display columns.
 */
function excerpt(source: string, line: Line, marks: readonly Mark[], maxWidth: number): { text: string; column: (offset: number) => number } {
  let from = line.start;
  let to = line.end;
  if (to - from > maxWidth) {
    const focus = clamp(Math.min(...marks.map((m) => m.span.start)), line.start, line.end);
    from = Math.max(line.start, focus - Math.floor(maxWidth / 3));
    to = Math.min(line.end, from + maxWidth);
  }
  const prefix = from > line.start ? "…" : "";
  const suffix = to < line.end ? "…" : "";
  const columns: number[] = [];
  let text = prefix;
  let width = prefix.length;
  for (let i = from; i < to; i++) {
    columns.push(width);
    const code = source.charCodeAt(i);
    if (code === 9) {
      text += " ".repeat(TAB_WIDTH);
      width += TAB_WIDTH;
    } else if (code >= 0xdc00 && code <= 0xdfff && i > from && isHighSurrogate(source.charCodeAt(i - 1))) {
      text += source[i];
      // The pair shows as one character, so the low half adds no column.
    } else if (isControl(code) || (isHighSurrogate(code) && !isLowSurrogate(source.charCodeAt(i + 1))) || (code >= 0xdc00 && code <= 0xdfff)) {
      text += REPLACEMENT;
      width += 1;
    } else {
      text += source[i];
      width += 1;
    }
  }
  columns.push(width);
  const end = width;
  const column = (offset: number): number => {
    if (offset <= from) return prefix.length;
    if (offset >= to) return offset > to ? end + suffix.length : end;
    return columns[offset - from] ?? end;
  };
  return { text: text + suffix, column };
}

/** Replaces control characters so that messages cannot carry terminal escapes. */
function sanitize(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isControl(code) ? REPLACEMENT : text[i];
  }
  return out;
}

function isControl(code: number): boolean {
  return code < 32 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
