import { RetryDelayError, type Result } from "../diagnostics/diagnostic.js";
import { checkOptions } from "./check.js";
import type { FlowControlCode, FlowControlDiagnostic } from "./codes.js";
import type { FlowControlOptions } from "./types.js";

/**
 * Checks the SDK's `flowControl` option object and writes the
 * `Upstash-Flow-Control-Value` it serializes to, exactly as the official SDK
 * does. Spans point into that text. Warns when `key` is missing (the SDK then
 * sends nothing), when `period` has no `rate` to shape, and when the
 * deprecated `ratePerSecond` meets a `period`. Never throws.
 *
 * @example
 * ```ts
 * const result = tryFormatFlowControlValue({ key: "user-42", parallelism: 2, period: "1m" });
 * result.ok && result.value;   // "parallelism=2, period=1m"
 * result.diagnostics[0]?.code; // "period-without-rate"
 * ```
 */
export function tryFormatFlowControlValue(options: FlowControlOptions): Result<string, FlowControlCode> {
  const { text, diagnostics } = checkOptions(options);
  if (text === undefined || diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics };
  return { ok: true, value: text, diagnostics };
}

/**
 * Writes the object form as the header value, exactly as the official SDK
 * does: `parallelism`, `rate`, `period` in that order, joined by `", "`, with a
 * numeric period `n` written `ns`. Throws {@link RetryDelayError} when the
 * options are invalid; {@link tryFormatFlowControlValue} returns the same
 * problems as data instead.
 *
 * @example
 * ```ts
 * formatFlowControlValue({ rate: 10, parallelism: 5, period: "1m" }); // "parallelism=5, rate=10, period=1m"
 * formatFlowControlValue({ rate: 2, period: 30 });                  // "rate=2, period=30s"
 * ```
 */
export function formatFlowControlValue(options: FlowControlOptions): string {
  const { text, diagnostics } = checkOptions(options);
  const errors = diagnostics.filter((d): d is FlowControlDiagnostic => d.severity === "error");
  // Not an object: there is no text to show the problems in.
  if (text === undefined) throw new RetryDelayError("", errors);
  if (errors.length > 0) throw new RetryDelayError(text, errors);
  return text;
}

/**
 * The diagnostics of {@link tryFormatFlowControlValue}, as a bare list.
 *
 * @deprecated Use {@link tryFormatFlowControlValue}: the same diagnostics, in the one result shape, with the value.
 * @example
 * ```ts
 * checkFlowControl({ key: "user-42", period: "1m" })[0]?.code; // "missing-limit"
 * ```
 */
export function checkFlowControl(given: FlowControlOptions): FlowControlDiagnostic[] {
  return [...checkOptions(given).diagnostics];
}
