import { describeKind, expectNumber, invalidArgument } from "../diagnostics/arguments.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { describeThrow, isPlainObjectLike, snapshotOwn, type OwnSnapshot } from "../diagnostics/own.js";
import { formatDuration } from "../duration/format.js";
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
 * The longest delay `setTimeout` holds: 2^31−1 ms, about 24.8 days. Node
 * fires a longer timer after 1 ms (with a TimeoutOverflowWarning), browsers
 * at once, so a longer `delayMs` passed to `setTimeout` would retry at once.
 */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

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
 * `retried` not a number, a getter or Proxy that throws, …) throws
 * {@link RetryDelayError} with an `invalid-argument` diagnostic. The input,
 * its `response` and its `normalization` are read once each, own properties
 * only: nothing inherited from `Object.prototype` counts.
 *
 * `delayMs` is what Upstash would wait, and is never clamped: a queue or
 * database can hold any delay. A `delayMs` over 2^31−1 ms (about 24.8 days),
 * which `setTimeout` cannot hold (it would fire at once), comes with a
 * `delay-exceeds-timer` warning.
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
  const lookup = checked.headers === undefined || checked.headers === null ? () => undefined : headerLookup(checked.headers);
  const headers = { get: (name: string): string | null => lookup(name) ?? null };
  if (checked.status === 489 && headers.get("Upstash-NonRetryable-Error")?.trim().toLowerCase() === "true") {
    return { action: "give-up", reason: "non-retryable", diagnostics };
  }
  const retries = checked.retries ?? DEFAULT_RETRIES;
  const retried = checked.retried;
  if (!(retried < retries)) return { action: "give-up", reason: "retries-exhausted", diagnostics };

  const delay = delayFunction(checked, retries, diagnostics);
  if (delay === "invalid") return { action: "give-up", reason: "invalid-expression", diagnostics };

  const retryAfter = readRetryAfter(headers, checked.now === undefined ? {} : { now: checked.now });
  if (retryAfter !== undefined) {
    diagnostics.push(...retryAfter.result.diagnostics);
    if (retryAfter.result.ok && retryAfter.result.value.kind === "delay") {
      return { action: "retry", delayMs: retryAfter.result.value.ms, source: "retry-after", header: retryAfter.header, diagnostics };
    }
  }

  if (delay === undefined) return retryAfterMs(defaultBackoffDelay(retried), "default-backoff", checked, diagnostics);
  const normalized = normalizeDelay(delay(retried), retried, checked.normalization);
  const usedFallback =
    normalized.reason === "non-finite" || (normalized.reason === "negative" && checked.normalization?.negative === "fallback");
  return retryAfterMs(normalized.ms, usedFallback ? "fallback" : "expression", checked, diagnostics);
}

/** The expression's delay function: compiled (through the cache), the caller's own, none, or "invalid" with its diagnostics pushed. */
function delayFunction(
  checked: CheckedInput,
  retries: number,
  diagnostics: Diagnostic[],
): ((retried: number) => number) | "invalid" | undefined {
  if (typeof checked.retryDelay === "function") return checked.retryDelay;
  if (checked.retryDelay === undefined) return undefined;
  sharedCache ??= createCompileCache();
  const compiled = (checked.cache ?? sharedCache).get(checked.retryDelay, { retries });
  diagnostics.push(...compiled.diagnostics);
  return compiled.ok ? compiled.value : "invalid";
}

/** A retry decision; a delay `setTimeout` cannot hold is kept, with a warning (see {@link MAX_TIMER_DELAY_MS}). */
function retryAfterMs(
  delayMs: number,
  source: "expression" | "default-backoff" | "fallback",
  checked: CheckedInput,
  diagnostics: Diagnostic[],
): RetryDecision {
  if (delayMs > MAX_TIMER_DELAY_MS) {
    // The expression is the only source that can ask for this; point at it when it is text.
    const end = source === "expression" && typeof checked.retryDelay === "string" ? checked.retryDelay.length : 0;
    diagnostics.push({
      code: "delay-exceeds-timer",
      severity: "warning",
      message: `the delay, ${formatDuration(delayMs)} (${delayMs} ms), is longer than setTimeout can wait, 2^31-1 ms (about 24.8 days); a longer timer fires at once`,
      span: { start: 0, end },
      hint: "schedule the retry in a queue or database that holds long delays, or chain timers of at most 2^31-1 ms",
    });
  }
  return { action: "retry", delayMs, source, diagnostics };
}

/** The input, read once: own properties only, so a Proxy or getter runs at most once and `Object.prototype` adds nothing. */
interface CheckedInput {
  readonly retried: number;
  readonly retries: number | undefined;
  /** As given: anything that is not a function is compiled, and a non-string fails to compile with a diagnostic. */
  readonly retryDelay: string | CompiledDelay | undefined;
  readonly status: number | undefined;
  readonly headers: unknown;
  readonly now: number | undefined;
  readonly normalization: NormalizationPolicy | undefined;
  readonly cache: Pick<CompileCache, "get"> | undefined;
}

/**
 * The input comes from the server's own bookkeeping, not from the message, so
 * a wrong type is a programming error: `invalid-argument`, thrown. So is an
 * object that throws when read (a revoked Proxy, a throwing getter).
 */
function checkInput(value: unknown): CheckedInput {
  const input = readOwn(value, "the decision input");
  const retried = expectNumber(input.retried, "input.retried");
  const retries = input.retries === undefined ? undefined : expectNumber(input.retries, "input.retries");
  const response = input.response === undefined ? undefined : readOwn(input.response, "input.response");
  const status = response?.status === undefined ? undefined : expectNumber(response.status, "input.response.status");
  const now = input.now === undefined ? undefined : expectNumber(input.now, "input.now");
  const normalization = input.normalization === undefined ? undefined : readOwn(input.normalization, "input.normalization");
  expectPolicy(normalization, "input.");
  // `retryDelay` usually comes from the message: anything that is not a
  // compiled delay is compiled, and a bad one gives up with its diagnostics.
  const retryDelay = input.retryDelay as string | CompiledDelay | undefined;
  return {
    retried,
    retries,
    retryDelay,
    status,
    headers: response?.headers,
    now,
    normalization: normalization,
    cache: checkCache(input.cache),
  };
}

/** A cache is a capability, not options: its `get` may live on a prototype, so it is read (once, guarded) rather than snapshotted. */
function checkCache(value: unknown): Pick<CompileCache, "get"> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObjectLike(value)) invalidArgument(`input.cache must be a cache from createCompileCache, not ${describeKind(value)}`);
  let get: unknown;
  let failure: string | undefined;
  try {
    get = (value as { readonly get?: unknown }).get;
  } catch (error) {
    failure = describeThrow(error);
  }
  if (failure !== undefined) invalidArgument(`input.cache could not be read: ${failure}`);
  if (typeof get !== "function") invalidArgument("input.cache must be a cache from createCompileCache");
  const cacheGet = get as CompileCache["get"];
  return { get: (source, options) => cacheGet.call(value, source, options) };
}

/** An option object's own enumerable properties, each read once; a throwing read becomes `invalid-argument`. */
function readOwn(value: unknown, what: string): OwnSnapshot {
  if (!isPlainObjectLike(value)) invalidArgument(`${what} must be an object, not ${describeKind(value)}`);
  const read = snapshotOwn(value);
  if (!read.ok) invalidArgument(`${what} could not be read: ${read.reason}`);
  return read.value;
}
