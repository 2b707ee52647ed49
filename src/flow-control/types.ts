import type { CountFieldName } from "./fields.js";

/**
 * The counting fields of a flow-control value, one optional number per count
 * row of `FLOW_CONTROL_FIELDS`: `parallelism` (the most calls in flight
 * at once) and `rate` (the most calls started within `period`).
 *
 * @example
 * ```ts
 * const counts: FlowControlCounts = { parallelism: 5, rate: 10 };
 * ```
 */
export type FlowControlCounts = { readonly [Name in CountFieldName]?: number };

/**
 * A parsed `Upstash-Flow-Control-Value`: the counts as given, and the window
 * of `rate` in milliseconds.
 *
 * @example
 * ```ts
 * const parsed = parseFlowControlValue("parallelism=5");
 * if (parsed.ok) parsed.value; // { parallelism: 5, periodMs: 1000, periodGiven: false }
 * ```
 */
export interface FlowControlValue extends FlowControlCounts {
  /** The window for `rate`, in milliseconds; 1000 (1s) when not given. */
  readonly periodMs: number;
  /** Whether `period` was written, or is the 1s default. */
  readonly periodGiven: boolean;
}

/**
 * The object form of flow control, as the SDK's `flowControl` option takes it.
 *
 * @example
 * ```ts
 * const options: FlowControlOptions = { key: "user-42", rate: 10, period: "1m" };
 * formatFlowControlValue(options); // "rate=10, period=1m"
 * ```
 */
export interface FlowControlOptions extends FlowControlCounts {
  /** Calls that share a key share the limits. */
  readonly key?: string;
  /** @deprecated The SDKs' old name for `rate`; they send `rate ?? ratePerSecond`. */
  readonly ratePerSecond?: number;
  /** A strict duration such as `1m`, or a number of seconds. Default `1s`. */
  readonly period?: string | number;
}
