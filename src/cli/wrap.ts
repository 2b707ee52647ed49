/*
 * Prose fitted to the terminal. Only prose is wrapped: help, usage errors,
 * explanations and notes. Tables, charts, diagnostics drawn under their
 * source, requests and JSON keep their lines, since a broken line there
 * changes what they mean.
 */

/** Wraps without limit: what `--width 0` asks for. */
export const NO_WRAP = 0;

/** The width of `text` in terminal cells, without ANSI colour codes. */
export function visibleLength(text: string): number {
  return Array.from(text.replace(/\u001b\[[0-9;]*m/g, "")).length;
}

/**
 * Wraps each line of `text` to `width` cells at spaces. A wrapped line keeps
 * the first line's leading spaces plus `hanging` more, so lists and flag
 * tables stay aligned. A word longer than the width stays whole (a URL or an
 * expression cut in two can no longer be copied).
 *
 * @example
 * ```ts
 * wrap("one two three", 7); // "one two\nthree"
 * ```
 */
export function wrap(text: string, width: number, hanging = 0): string {
  if (width <= NO_WRAP) return text;
  return text
    .split("\n")
    .map((line) => wrapLine(line, width, hanging))
    .join("\n");
}

function wrapLine(line: string, width: number, hanging: number): string {
  if (visibleLength(line) <= width) return line;
  const indent = /^ */.exec(line)?.[0] ?? "";
  const continuation = " ".repeat(Math.min(indent.length + hanging, Math.floor(width / 2)));
  const words = line.slice(indent.length).split(/( +)/);
  const lines: string[] = [];
  let current = indent;
  let currentLength = visibleLength(indent);
  let fresh = true;
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i] ?? "";
    const gap = words[i - 1] ?? "";
    const wordLength = visibleLength(word);
    const gapLength = fresh ? 0 : gap.length;
    if (!fresh && currentLength + gapLength + wordLength > width) {
      lines.push(current);
      current = continuation + word;
      currentLength = continuation.length + wordLength;
    } else {
      current += (fresh ? "" : gap) + word;
      currentLength += gapLength + wordLength;
    }
    fresh = false;
  }
  lines.push(current);
  return lines.join("\n");
}

const NARROW_INDENT = "      ";

/**
 * A shell command line that fits `width`: broken between words with ` \`
 * continuations, so that it still runs when copied; a flag stays on the line
 * of its value. `words` are already quoted.
 *
 * @example
 * ```ts
 * commandLines(["retry-delay", "check", "'1 + 2'"], 20, "  "); // "  retry-delay check \\\n      '1 + 2'"
 * ```
 */
export function commandLines(words: readonly string[], width: number, indent: string): string {
  const lines: string[] = [];
  let current = indent;
  const units: string[] = [];
  for (const word of words) {
    const last = units.at(-1);
    if (last !== undefined && /^--?[a-z]/.test(last) && !last.includes(" ") && !/^-/.test(word))
      units[units.length - 1] = `${last} ${word}`;
    else units.push(word);
  }
  for (const word of units) {
    const first = current.trim() === "";
    if (!first && width > NO_WRAP && visibleLength(current) + 1 + visibleLength(word) + 2 > width) {
      lines.push(`${current} \\`);
      current = `${indent}    ${word}`;
    } else current += (first ? "" : " ") + word;
  }
  lines.push(current);
  return lines.join("\n");
}

/**
 * Two columns, `left` then `right`, with `right` wrapped under itself; when
 * the terminal is too narrow for both, `right` goes on its own lines under `left`.
 */
export function columns(left: string, right: string, leftWidth: number, width: number): string {
  const gutter = 2;
  const rightStart = leftWidth + gutter;
  if (width > NO_WRAP && width - rightStart < 24) {
    return `${left}\n${wrap(NARROW_INDENT + right, width)}`;
  }
  const pad = " ".repeat(Math.max(gutter, rightStart - visibleLength(left)));
  const first = left + pad;
  if (visibleLength(left) > leftWidth) {
    // A flag wider than the column: its help starts on the next line, aligned with the others.
    return `${left}\n${wrap(" ".repeat(rightStart) + right, width)}`;
  }
  return wrap(first + right, width, rightStart - (/^ */.exec(first)?.[0].length ?? 0));
}
