import { expectNumber, expectObject, expectOptions, invalidArgument } from "../diagnostics/arguments.js";
import { showValue } from "../diagnostics/show.js";
import { RetryDelayError } from "../diagnostics/diagnostic.js";
import { tryCompile, type CompiledDelay } from "../expression/api.js";
import { DEFAULT_RETRIES } from "../expression/check.js";
import { defaultBackoffDelay, expectPolicy, normalizeDelay, type NormalizationPolicy } from "../schedule/policy.js";

/**
 * Options of {@link retryDelayHook}.
 *
 * @example
 * ```ts
 * const options: RetryHookOptions = { retries: 10, normalization: { fraction: "round" } };
 * const delay = retryDelayHook("1000 / 3 * retried", options);
 * ```
 */
export interface RetryHookOptions {
  /** The domain the expression is checked over when it is compiled; default 3. */
  readonly retries?: number;
  readonly normalization?: NormalizationPolicy;
}

/**
 * A generic `(attempt) => ms` hook for retry libraries. `attempt` is the
 * 1-based number of the retry about to happen, as ky and got count it, so
 * the expression sees `retried = attempt - 1`: 0 for the first retry, as
 * Upstash defines it. Values are normalized (negative → 0, fractions
 * truncated, NaN/Infinity → the default backoff). Without an expression, the
 * hook gives Upstash's default backoff. An invalid expression throws
 * {@link RetryDelayError} here, when the hook is made, not on the first retry.
 *
 * @example
 * ```ts
 * import ky from "ky";
 * const delay = retryDelayHook("pow(2, retried) * 1000");
 * await ky("https://example.com", { retry: { limit: 5, delay } }); // ky: attemptCount starts at 1
 * ```
 */
export function retryDelayHook(retryDelay?: string | CompiledDelay, options: RetryHookOptions = {}): (attempt: number) => number {
  const checked = expectOptions(options, "the hook options");
  expectPolicy(checked.normalization);
  let delay: (retried: number) => number = defaultBackoffDelay;
  if (typeof retryDelay === "function") delay = retryDelay;
  else if (retryDelay !== undefined) {
    const compiled = tryCompile(retryDelay, { retries: options.retries ?? DEFAULT_RETRIES });
    if (!compiled.ok) throw new RetryDelayError(typeof retryDelay === "string" ? retryDelay : "", compiled.diagnostics);
    delay = compiled.value;
  }
  const policy = options.normalization;
  return (attempt: number): number => {
    if (typeof attempt !== "number" || !Number.isFinite(attempt))
      invalidArgument(`the attempt must be a finite number, not ${showValue(attempt)}`);
    const retried = Math.max(0, Math.trunc(attempt) - 1);
    return normalizeDelay(delay(retried), retried, policy).ms;
  };
}

/**
 * got's `retry.calculateDelay`: the expression's delay for `attemptCount`
 * (1-based), but only when got itself would retry (`computedValue` is not 0:
 * the limit, method, status and error rules still apply). got reads a 0 as
 * "do not retry", so a 0 ms delay is returned as 1 ms.
 *
 * @example
 * ```ts
 * import got from "got";
 * await got("https://example.com", { retry: { limit: 5, calculateDelay: gotCalculateDelay("1000 * (1 + retried)") } });
 * ```
 */
export function gotCalculateDelay(
  retryDelay?: string | CompiledDelay,
  options: RetryHookOptions = {},
): (retry: { readonly attemptCount: number; readonly computedValue: number }) => number {
  const hook = retryDelayHook(retryDelay, options);
  return (retry) => {
    const { attemptCount, computedValue } = expectObject(retry, "got's retry object");
    return expectNumber(computedValue, "retry.computedValue") === 0
      ? 0
      : Math.max(1, hook(expectNumber(attemptCount, "retry.attemptCount")));
  };
}
