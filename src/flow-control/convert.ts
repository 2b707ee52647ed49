import { expectObject } from "../diagnostics/arguments.js";
import { formatDuration } from "../duration/format.js";
import { COUNT_FIELDS, PERIOD_FIELD } from "./fields.js";
import type { FlowControlOptions, FlowControlValue } from "./types.js";

/**
 * The SDK option object that writes a parsed value back: each count as
 * given, and the period, when it was written, as a canonical duration. With a
 * `key` added it is the `flowControl` option of a trigger or publish.
 *
 * @example
 * ```ts
 * const parsed = parseFlowControlValue("rate=10,parallelism=20,period=60");
 * if (parsed.ok) toFlowControlOptions(parsed.value); // { parallelism: 20, rate: 10, period: "1m" }
 * ```
 */
export function toFlowControlOptions(value: FlowControlValue): FlowControlOptions {
  const checked = expectObject(value, "the flow-control value");
  return optionsOf(
    checked,
    checked.periodGiven === true && typeof checked.periodMs === "number" ? formatDuration(checked.periodMs) : undefined,
  );
}

/** The counts of `value` as options, and `period` as the given text (the user's spelling, or a canonical one). */
export function optionsOf(value: FlowControlValue | { readonly [field: string]: unknown }, period: string | undefined): FlowControlOptions {
  // Read by the table's names only; a parsed value has no other fields.
  const fields = value as { readonly [field: string]: unknown };
  const options: Record<string, unknown> = {};
  for (const field of COUNT_FIELDS) {
    const n = fields[field.name];
    if (typeof n === "number") options[field.name] = n;
  }
  if (period !== undefined) options[PERIOD_FIELD.name] = period;
  return options;
}
