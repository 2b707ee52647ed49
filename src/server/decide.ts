import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CompiledDelay } from "../expression/api.js";
import { DEFAULT_RETRIES } from "../expression/check.js";
import { readRetryAfter } from "../retry-after/retry-after.js";
import { defaultBackoffDelay, normalizeDelay, type NormalizationPolicy } from "../schedule/policy.js";
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
  /** Response headers: anything with `get(name)`, such as `Headers`, or a plain record. */
  readonly headers?:
    | {
        /** As `Headers.get` reads a header: case-insensitively, null when absent. */
        get(name: string): string | null;
      }
    | Readonly<Record<string, string | undefined>>;
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
 * apply) and reported in the diagnostics. Never throws.
 *
 * @example
 * ```ts
 * const decision = decideRetry({ retried: 2, retries: 5, retryDelay: "pow(2, retried) * 1000", response: { status: 503, headers: res.headers } });
 * if (decision.action === "retry") setTimeout(redeliver, decision.delayMs);
 * ```
 */
export function decideRetry(input: RetryDecisionInput): RetryDecision {
  const diagnostics: Diagnostic[] = [];
  const headers = headerReader(input.response?.headers);
  if (input.response?.status === 489 && headers.get("Upstash-NonRetryable-Error")?.trim().toLowerCase() === "true") {
    return { action: "give-up", reason: "non-retryable", diagnostics };
  }
  const retries = input.retries ?? DEFAULT_RETRIES;
  const retried = input.retried;
  if (!(retried < retries)) return { action: "give-up", reason: "retries-exhausted", diagnostics };

  let delay: ((retried: number) => number) | undefined;
  if (typeof input.retryDelay === "function") delay = input.retryDelay;
  else if (input.retryDelay !== undefined) {
    sharedCache ??= createCompileCache();
    const compiled = (input.cache ?? sharedCache).get(input.retryDelay, { retries });
    diagnostics.push(...compiled.diagnostics);
    if (!compiled.ok) return { action: "give-up", reason: "invalid-expression", diagnostics };
    delay = compiled.value;
  }

  const retryAfter = readRetryAfter(headers, input.now === undefined ? {} : { now: input.now });
  if (retryAfter !== undefined) {
    diagnostics.push(...retryAfter.result.diagnostics);
    if (retryAfter.result.ok && retryAfter.result.value.kind === "delay") {
      return { action: "retry", delayMs: retryAfter.result.value.ms, source: "retry-after", header: retryAfter.header, diagnostics };
    }
  }

  if (delay === undefined) return { action: "retry", delayMs: defaultBackoffDelay(retried), source: "default-backoff", diagnostics };
  const normalized = normalizeDelay(delay(retried), retried, input.normalization);
  const usedFallback = normalized.reason === "non-finite" || (normalized.reason === "negative" && input.normalization?.negative === "fallback");
  return { action: "retry", delayMs: normalized.ms, source: usedFallback ? "fallback" : "expression", diagnostics };
}

function headerReader(headers: DestinationResponse["headers"]): { get(name: string): string | null } {
  if (headers === undefined || headers === null) return { get: () => null };
  if (typeof (headers as { get?: unknown }).get === "function") return headers as { get(name: string): string | null };
  // A plain record: names are case-insensitive, and looked up through a Map, never on the object.
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) if (typeof value === "string") byName.set(name.toLowerCase(), value);
  return { get: (name) => byName.get(name.toLowerCase()) ?? null };
}
