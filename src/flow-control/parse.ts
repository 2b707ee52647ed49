import type { Result } from "../diagnostics/diagnostic.js";
import { invalidInput } from "../diagnostics/arguments.js";
import { flowDiagnostic, type FlowControlCode, type FlowControlDiagnostic } from "./codes.js";
import { readCount, readPeriod } from "./field-values.js";
import { COUNT_FIELDS, EXAMPLE_VALUE, fieldNamed, FLOW_CONTROL_LIMITS, PERIOD_FIELD } from "./fields.js";
import { emptyItem, missingEquals, repeatedKey, spacedEquals, unknownKey } from "./item-problems.js";
import { splitItems, type Item } from "./items.js";
import { combinationProblems, type GivenField } from "./rules.js";
import type { FlowControlValue } from "./types.js";

/** A parse, and the text each field's value was written as (`period` → `"90s"`), for callers that keep the user's spelling. */
export interface ReadValue {
  readonly result: Result<FlowControlValue, FlowControlCode>;
  readonly written: ReadonlyMap<string, { readonly text: string }>;
}

/**
 * Parses an `Upstash-Flow-Control-Value` such as `parallelism=5, rate=10, period=1m`.
 * Keys may come in any order, with or without spaces after the commas. Never throws.
 *
 * @example
 * ```ts
 * const parsed = parseFlowControlValue("rate=10,parallelism=20,period=1m");
 * if (parsed.ok) parsed.value; // { parallelism: 20, rate: 10, periodMs: 60000, periodGiven: true }
 * parseFlowControlValue("parallelism=2,period=60").diagnostics[0]?.code; // "period-without-rate" (a warning)
 * ```
 */
export function parseFlowControlValue(text: string): Result<FlowControlValue, FlowControlCode> {
  return readFlowControlValue(text).result;
}

/** {@link parseFlowControlValue}, with each field's value text as written. */
export function readFlowControlValue(text: string): ReadValue {
  const refused = refuseWhole(text);
  if (refused !== undefined) return { result: { ok: false, diagnostics: [refused] }, written: new Map() };
  const items = splitItems(text);
  const problems: FlowControlDiagnostic[] = [];
  const given = new Map<string, GivenField>();
  for (let index = 0; index < items.length; index++) readItem(text, items, index, given, problems);
  problems.push(...combinationProblems({ text, items, given, problems }));
  if (problems.some((p) => p.severity === "error")) return { result: { ok: false, diagnostics: problems }, written: given };
  return { result: { ok: true, value: valueOf(given), diagnostics: problems }, written: given };
}

/** A value that cannot be split into items at all: no string, too long, a control character, or blank. */
function refuseWhole(text: unknown): FlowControlDiagnostic | undefined {
  if (typeof text !== "string") return invalidInput(text, "the flow-control value");
  const max = FLOW_CONTROL_LIMITS.maxValueLength;
  if (text.length > max)
    return flowDiagnostic("value-too-long", `the value is ${text.length} characters long; the limit is ${max}`, {
      start: max,
      end: text.length,
    });

  const control = /[\x00-\x08\x0a-\x1f\x7f\u2028\u2029]/.exec(text);
  if (control !== null) {
    const at = control.index;
    const codePoint = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0");
    return flowDiagnostic(
      "invalid-character",
      `the value holds U+${codePoint}, a control character`,
      { start: at, end: at + 1 },
      { hint: "header values cannot carry line breaks or control characters; remove it" },
    );
  }
  if (text.trim() === "")
    return flowDiagnostic(
      "empty-value",
      "the flow-control value is empty",
      { start: 0, end: text.length },
      { hint: `write e.g. \`${EXAMPLE_VALUE}\`` },
    );
  return undefined;
}

/** One item: its shape, its key, and its value by the key's row. Records the field in `given` when the key is known and new. */
function readItem(
  text: string,
  items: readonly Item[],
  index: number,
  given: Map<string, GivenField>,
  problems: FlowControlDiagnostic[],
): void {
  const item = items[index];
  if (item === undefined) return;
  const { span, pair } = item;
  if (span.start === span.end) {
    problems.push(emptyItem(item, index));
    return;
  }
  if (pair === undefined) {
    problems.push(missingEquals(text.slice(span.start, span.end), span));
    return;
  }
  if (pair.spacedEquals) problems.push(spacedEquals(item, pair));
  const field = fieldNamed(pair.key);
  if (field === undefined) {
    problems.push(unknownKey(pair));
    return;
  }
  const earlier = given.get(field.name);
  if (earlier !== undefined) {
    problems.push(repeatedKey(text, items, { index, first: earlier.index }, field.name));
    return;
  }
  const read = field.kind === "count" ? readCount(field, pair.value, pair.valueSpan) : readPeriod(field, pair.value, pair.valueSpan);
  if (!read.ok) problems.push(read.problem);
  given.set(field.name, { field, index, keySpan: pair.keySpan, text: pair.value, ...(read.ok ? { value: read.value } : {}) });
}

/** The parsed value: each count that was written, and the period or its default. */
function valueOf(given: ReadonlyMap<string, GivenField>): FlowControlValue {
  // One object filled in place: spreading a dynamically keyed object into another cost ~5 µs a parse.
  const value: Record<string, number | boolean> = {};
  for (const field of COUNT_FIELDS) {
    const n = given.get(field.name)?.value;
    if (n !== undefined) value[field.name] = n;
  }
  const period = given.get(PERIOD_FIELD.name)?.value;
  value.periodMs = period ?? PERIOD_FIELD.defaultMs;
  value.periodGiven = period !== undefined;
  return value as unknown as FlowControlValue;
}
