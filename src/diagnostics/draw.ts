import { isControl, REPLACEMENT, sanitize } from "./text.js";
import type { Diagnostic, Fix, RenderOptions, Severity, Span } from "./types.js";

/*
 * Drawing diagnostics as text, on values already checked (render.ts checks a
 * caller's; the error class draws its own). It imports no module that
 * throws, so both can use it without an import cycle.
 */

const TAB_WIDTH = 4;

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

/** Several checked diagnostics, separated by blank lines. */
export function drawAll(source: string, diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  return diagnostics.map((d) => draw(source, d, options)).join("\n\n");
}

type Paint = (code: string, text: string) => string;

/** One checked diagnostic: its header, its source lines with carets, then its notes and help lines. */
export function draw(source: string, diagnostic: Diagnostic, options: RenderOptions): string {
  const paint: Paint = options.color === true ? (code, text) => `${code}${text}${ANSI.reset}` : (_, text) => text;
  const severityColor = SEVERITY_COLOR[diagnostic.severity];
  const header =
    paint(ANSI.bold + severityColor, `${diagnostic.severity}[${diagnostic.code}]`) + paint(ANSI.bold, `: ${sanitize(diagnostic.message)}`);

  const inlineHint = diagnostic.hint !== undefined && !diagnostic.hint.includes("\n") ? diagnostic.hint : "";
  const marks: Mark[] = [{ span: diagnostic.span, char: "^", text: inlineHint, color: severityColor }];
  for (const related of diagnostic.related ?? []) marks.push({ span: related.span, char: "-", text: related.message, color: ANSI.blue });
  const lineNumbers = [...new Set(marks.map((m) => locate(source, m.span).line))].sort((a, b) => a - b);
  const gutterWidth = String((lineNumbers[lineNumbers.length - 1] ?? 0) + 1).length;

  const out = [header];
  if (options.label !== undefined) out.push(paint(ANSI.blue, `${" ".repeat(gutterWidth)}--> `) + sanitize(options.label));
  for (const lineIndex of lineNumbers) out.push(...drawLine(source, lineIndex, marks, gutterWidth, paint, options.maxLineWidth ?? 100));
  out.push(...notes(diagnostic, gutterWidth, paint));
  return out.join("\n");
}

/** One source line and the underlines of the marks on it. */
function drawLine(
  source: string,
  lineIndex: number,
  marks: readonly Mark[],
  gutterWidth: number,
  paint: Paint,
  maxWidth: number,
): string[] {
  const emptyGutter = paint(ANSI.blue, `${" ".repeat(gutterWidth + 2)}| `);
  const line = lineAt(source, lineIndex);
  const lineMarks = marks.filter((m) => locate(source, m.span).line === lineIndex);
  const view = excerpt(source, line, lineMarks, maxWidth);
  const out = [paint(ANSI.blue, ` ${String(lineIndex + 1).padStart(gutterWidth)} | `) + view.text];
  for (const mark of lineMarks) {
    const from = view.column(mark.span.start);
    const to = Math.max(from + 1, view.column(Math.min(mark.span.end, line.end)));
    const text = mark.text === "" ? "" : ` ${sanitize(mark.text)}`;
    out.push(emptyGutter + " ".repeat(from) + paint(ANSI.bold + mark.color, mark.char.repeat(to - from) + text));
  }
  return out;
}

/**
 * The lines under the source, rustc's `= note` style: a multi-line hint
 * (which would break the caret line), then one `= help:` line for the fix and
 * for each suggestion, saying what applying it does.
 */
function notes(diagnostic: Diagnostic, gutterWidth: number, paint: Paint): string[] {
  const indent = " ".repeat(gutterWidth + 2);
  const out: string[] = [];
  if (diagnostic.hint !== undefined && diagnostic.hint.includes("\n")) {
    out.push(paint(ANSI.blue, `${indent}| `));
    for (const hintLine of diagnostic.hint.split("\n")) out.push(`${indent}= ${sanitize(hintLine)}`);
  }
  const fixes: readonly Fix[] = [...(diagnostic.fix === undefined ? [] : [diagnostic.fix]), ...(diagnostic.suggestions ?? [])];
  for (const fix of fixes) out.push(`${indent}= ${paint(ANSI.bold + ANSI.green, "help")}: ${sanitize(fix.message)}`);
  return out;
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
function excerpt(
  source: string,
  line: Line,
  marks: readonly Mark[],
  maxWidth: number,
): { text: string; column: (offset: number) => number } {
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
      text += source.charAt(i);
      // The pair shows as one character, so the low half adds no column.
    } else if (
      isControl(code) ||
      (isHighSurrogate(code) && !isLowSurrogate(source.charCodeAt(i + 1))) ||
      (code >= 0xdc00 && code <= 0xdfff)
    ) {
      text += REPLACEMENT;
      width += 1;
    } else {
      text += source.charAt(i);
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

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
