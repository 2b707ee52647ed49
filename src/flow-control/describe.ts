import { expectNumber, expectObject, expectOptionalBoolean } from "../diagnostics/arguments.js";
import { formatDuration } from "../duration/format.js";
import { COUNT_FIELDS, fieldNamed, PERIOD_FIELD } from "./fields.js";
import type { FlowControlValue } from "./types.js";

/**
 * A plain-English reading of a flow-control value, one clause per field of
 * `FLOW_CONTROL_FIELDS`.
 *
 * @example
 * ```ts
 * describeFlowControl({ parallelism: 5, rate: 10, periodMs: 60_000, periodGiven: true });
 * // "at most 5 calls in flight at once; at most 10 calls started per 1m"
 * ```
 */
export function describeFlowControl(value: FlowControlValue): string {
  const checked = expectObject(value, "the flow-control value");
  for (const field of COUNT_FIELDS) {
    if (checked[field.name] !== undefined) expectNumber(checked[field.name], `value.${field.name}`);
  }
  const periodMs = expectNumber(checked.periodMs, "value.periodMs");
  const periodGiven = expectOptionalBoolean(checked.periodGiven, "value.periodGiven") === true;
  const window = `${formatDuration(periodMs)}${periodGiven ? "" : " (the default period)"}`;
  const parts: string[] = [];
  for (const field of COUNT_FIELDS) {
    const n = checked[field.name];
    if (typeof n === "number") parts.push(`at most ${n} ${n === 1 ? "call" : "calls"} ${field.reading.replace("{period}", window)}`);
  }
  const shaped = fieldNamed(PERIOD_FIELD.shapes);
  if (periodGiven && shaped !== undefined && checked[shaped.name] === undefined)
    parts.push(`the ${PERIOD_FIELD.name} (${formatDuration(periodMs)}) has no effect without \`${shaped.name}\``);
  return parts.join("; ");
}
