// Trimming as `Headers` trims, in a module of its own: the text and number values both need it.
import type { Report } from "../report.js";

/**
 * The value without HTTP's optional whitespace (space, tab) at its ends, as
 * `Headers` strips it. An index scan, not `/^[\t ]+|[\t ]+$/g`: that regex
 * retries the `$` branch at every space of an interior run, quadratic on a
 * long one (test/fuzz/corpus/options-105524fd1c79.json).
 */
export function trimEdges(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isEdgeSpace(value.charCodeAt(start))) start++;
  while (end > start && isEdgeSpace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isEdgeSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** A string option as it will arrive: trimmed the way `Headers` trims, with a warning when that changes it. */
export function trimmed(value: string, path: string, report: Report): string {
  const text = trimEdges(value);
  if (text !== value)
    report.add("header-value-trimmed", "warning", `\`${path}\` has leading or trailing whitespace, which HTTP strips`, path, value, {
      hint: `it is sent as \`${text}\``,
    });
  return text;
}
