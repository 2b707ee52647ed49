/*
 * Pure helpers for diagnostics in the page: applying a fix to the source,
 * and splitting a message or hint into text and `code` parts so that the
 * page renders code as code instead of showing raw backticks. No DOM here:
 * test/browser/fixes.test.ts runs these in Node.
 */
import type { Fix } from "../src/index.js";

/**
 * The source with the fix applied: `source.slice(span.start, span.end)`
 * replaced by `text`. A span outside the source (a stale fix) changes
 * nothing and returns undefined.
 */
export function applyFix(source: string, fix: Fix): string | undefined {
  const { start, end } = fix.span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > source.length) return undefined;
  return source.slice(0, start) + fix.text + source.slice(end);
}

/** One piece of a message: plain text, or code that was between backticks. */
export interface TextPart {
  readonly code: boolean;
  readonly text: string;
}

/**
 * Splits "did you mean `pow`?" into text and code parts. A lone backtick
 * with no closing partner stays text.
 */
export function codeParts(message: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (;;) {
    const open = message.indexOf("`", at);
    const close = open < 0 ? -1 : message.indexOf("`", open + 1);
    if (open < 0 || close < 0) break;
    if (open > at) parts.push({ code: false, text: message.slice(at, open) });
    parts.push({ code: true, text: message.slice(open + 1, close) });
    at = close + 1;
  }
  if (at < message.length) parts.push({ code: false, text: message.slice(at) });
  return parts;
}
