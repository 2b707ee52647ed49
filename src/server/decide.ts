import { expectNumber, expectObject, invalidArgument } from "../diagnostics/arguments.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CompiledDelay } from "../expression/api.js";
import { DEFAULT_RETRIES } from "../expression/check.js";
import { headerLookup, readRetryAfter, type HeaderSource } from "../retry-after/retry-after.js";
import { defaultBackoffDelay, expectPolicy, normalizeDelay, type NormalizationPolicy } from "../schedule/policy.js";
import type { CompileCache } from "./cache.js";
import { createCompileCache } from "./cache.js";

/**
 * The destination's answer to the failed attempt.
 *
 * @example
 * ```ts
 * const response: DestinationResponse = { status: 429, headers: { "retry-after": "30" } };
 * decideRetry({ retried: 0, response }); // retry after 30000 ms
 * ```
 */
export interface DestinationResponse {
  readonly status?: number;
  /** Response headers: anything with `get(name)`, such as `Headers`, or a plain record such as Node's `IncomingHttpHeaders`. */
  readonly headers?: HeaderSource;
}

/**
 * The inputs of {@link decideRetry}.
 *
 * @example
 * ```ts
 * const input: RetryDecisionInput = { retried: 1, retries: 5, retryDelay: "1000 * (1 + retried)" };
 * decideRetry(input); // { action: "retry", delayMs: 2000, source: "expression", diagnostics: [] }
 * ```
 */
export interface RetryDecisionInput {
  /** Retries already made: 0 after the first delivery failed. */
  readonly retried: number;
  /** Retries allowed; default 3. */
  readonly retries?: number;
  /** The `Upstash-Retry-Delay` expression, a compiled one, or nothing for the default backoff. */
  readonly retryDelay?: string | CompiledDelay;
  readonly response?: DestinationResponse;
  /** Unix ms, for `Retry-After` dates. Default now. */
  readonly now?: number;
  readonly normalization?: NormalizationPolicy;
  /** Where string expressions are compiled; default a shared cache of 1000 entries. */
  readonly cache?: CompileCache;
}

/**
 * Retry after `delayMs`, or give up; and why.
 *
 * @example
 * ```ts
 * const decision: RetryDecision = decideRetry({ retried: 3, retries: 3 });
 * decision.action; // "give-up"
 * ```
 */
export type RetryDecision =
  | {
      readonly action: "retry";
      readonly delayMs: number;
      readonly source: "retry-after" | "expression" | "default-backoff" | "fallback";
      /** The header that set the delay, for `retry-after`. */
      readonly header?: string;
      readonly diagnostics: readonly Diagnostic[];
    }
  | {
      readonly action: "give-up";
      readonly reason: "non-retryable" | "retries-exhausted" | "invalid-expression";
      readonly diagnostics: readonly Diagnostic[];
    };

let sharedCache: CompileCache | undefined;

/**
 * The full decision for one failed attempt, in Upstash's order:
 *
 * | # | when | decision |
 * | --- | --- | --- |
 * | 1 | status 489 and `Upstash-NonRetryable-Error: true` | give up (`non-retryable`) |
 * | 2 | `retried >= retries` | give up (`retries-exhausted`) |
 * | 3 | an invalid expression | give up (`invalid-expression`), with its diagnostics |
 * | 4 | a valid `Retry-After` / `X-RateLimit-Reset*` of at most 1 day | retry after it (`retry-after`) |
 * | 5 | an expression | retry after its value, normalized (`expression`, or `fallback` for NaN/Infinity) |
 * | 6 | no expression | retry after Upstash's default backoff (`default-backoff`) |
 *
 * A `Retry-After` over 1 day, or one that does not parse, is ignored (rows 5–6
 * apply) and reported in the diagnostics. Nothing the message or the
 * destination sends makes it throw; only a malformed `input` (not an object,
 * `retried` not a number, …) throws {@link RetryDelayError} with an
 * `invalid-argument` diagnostic.
 *
 * @example
 * ```ts
 * const decision = decideRetry({ retried: 2, retries: 5, retryDelay: "pow(2, retried) * 1000", response: { status: 503, headers: res.headers } });
 * if (decision.action === "retry") setTimeout(redeliver, decision.delayMs);
 * ```
 */
export function decideRetry(input: RetryDecisionInput): RetryDecision {
  const checked = checkInput(input);
  const diagnostics: Diagnostic[] = [];
  const lookup = checked.response?.headers === undefined || checked.response.headers === null ? () => undefined : headerLookup(checked.response.headers);
  const headers = { get: (name: string): string | null => lookup(name) ?? null };
  if (checked.response?.status === 489 && headers.get("Upstash-NonRetryable-Error")?.trim().toLowerCase() === "true") {
    return { action: "give-up", reason: "non-retryable", diagnostics };
  }
  const retries = checked.retries ?? DEFAULT_RETRIES;
  const retried = checked.retried;
  if (!(retried < retries)) return { action: "give-up", reason: "retries-exhausted", diagnostics };

  let delay: ((retried: number) => number) | undefined;
  if (typeof checked.retryDelay === "function") delay = checked.retryDelay;
  else if (checked.retryDelay !== undefined) {
    sharedCache ??= createCompileCache();
    const compiled = (checked.cache ?? sharedCache).get(checked.retryDelay, { retries });
    diagnostics.push(...compiled.diagnostics);
    if (!compiled.ok) return { action: "give-up", reason: "invalid-expression", diagnostics };
    delay = compiled.value;
  }

  const retryAfter = readRetryAfter(headers, checked.now === undefined ? {} : { now: checked.now });
  if (retryAfter !== undefined) {
    diagnostics.push(...retryAfter.result.diagnostics);
    if (retryAfter.result.ok && retryAfter.result.value.kind === "delay") {
      return { action: "retry", delayMs: retryAfter.result.value.ms, source: "retry-after", header: retryAfter.header, diagnostics };
    }
  }

  if (delay === undefined) return { action: "retry", delayMs: defaultBackoffDelay(retried), source: "default-backoff", diagnostics };
  const normalized = normalizeDelay(delay(retried), retried, checked.normalization);
  const usedFallback = normalized.reason === "non-finite" || (normalized.reason === "negative" && checked.normalization?.negative === "fallback");
  return { action: "retry", delayMs: normalized.ms, source: usedFallback ? "fallback" : "expression", diagnostics };
}

/**
 * The input comes from the server's own bookkeeping, not from the message, so
 * a wrong type is a programming error: `invalid-argument`, thrown.
 */
function checkInput(value: unknown): RetryDecisionInput {
  const input = expectObject(value, "the decision input");
  expectNumber(input.retried, "input.retried");
  if (input.retries !== undefined) expectNumber(input.retries, "input.retries");
  // `retryDelay` usually comes from the message: anything that is not a
  // compiled delay is compiled, and a bad one gives up with its diagnostics.
  if (input.response !== undefined) {
    const response = expectObject(input.response, "input.response");
    if (response.status !== undefined) expectNumber(response.status, "input.response.status");
  }
  if (input.now !== undefined) expectNumber(input.now, "input.now");
  expectPolicy(input.normalization, "input.");
  if (input.cache !== undefined && typeof expectObject(input.cache, "input.cache").get !== "function") invalidArgument("input.cache must be a cache from createCompileCache");
  return input as unknown as RetryDecisionInput;
}
