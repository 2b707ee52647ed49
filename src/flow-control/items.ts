import type { Span } from "../diagnostics/diagnostic.js";

/*
 * The lexical layer of a flow-control value: where each comma-separated item
 * is, and where its key and value lie. No field is known here.
 */

/** One comma-separated item, trimmed. */
export interface Item {
  /** The item without the spaces around it; empty (`start === end`) for an empty item. */
  readonly span: Span;
  /** Everything between its commas, spaces included. */
  readonly raw: Span;
  /** The `=` split, when there is one. */
  readonly pair?: Pair;
}

/** The two sides of an item's first `=`, each trimmed. */
export interface Pair {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: string;
  readonly valueSpan: Span;
  /** Whether spaces stand between the key, the `=` and the value. */
  readonly spacedEquals: boolean;
}

/** The items of `text`, split at every comma. Linear in the length of `text`. */
export function splitItems(text: string): Item[] {
  const items: Item[] = [];
  let start = 0;
  for (const raw of text.split(",")) {
    items.push(readItem(text, start, start + raw.length));
    start += raw.length + 1;
  }
  return items;
}

function readItem(text: string, rawStart: number, rawEnd: number): Item {
  const span = trimmedSpan(text, rawStart, rawEnd);
  const raw = { start: rawStart, end: rawEnd };
  const equals = text.slice(span.start, span.end).indexOf("=");
  if (span.start === span.end || equals < 0) return { span, raw };
  const at = span.start + equals;
  const keySpan = trimmedSpan(text, span.start, at);
  const valueSpan = trimmedSpan(text, at + 1, span.end);
  const pair: Pair = {
    key: text.slice(keySpan.start, keySpan.end),
    keySpan,
    value: text.slice(valueSpan.start, valueSpan.end),
    valueSpan,
    spacedEquals: keySpan.end !== at || valueSpan.start !== at + 1,
  };
  return { span, raw, pair };
}

/** `start..end` without the whitespace at either edge. */
function trimmedSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return { start, end };
}

/**
 * The span that removes item `index` together with one comma beside it, so
 * that what is left is still a well-formed list: the comma after it (up to
 * the next item), or for the last item the comma before it.
 */
export function removalSpan(items: readonly { readonly span: Span }[], index: number): Span {
  const item = items[index];
  if (item === undefined) return { start: 0, end: 0 };
  const next = items[index + 1];
  if (next !== undefined) return { start: item.span.start, end: next.span.start };
  const previous = items[index - 1];
  return { start: previous === undefined ? item.span.start : previous.span.end, end: item.span.end };
}

/** The span that removes an empty item with the comma that made it: the one before it, or for the first item the one after. */
export function emptyItemRemoval(item: Item, index: number): Span {
  return index > 0 ? { start: item.raw.start - 1, end: item.raw.end } : { start: item.raw.start, end: item.raw.end + 1 };
}
