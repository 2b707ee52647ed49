// The data shapes of a schedule simulation, in a module of their own so that the simulator
// and its explainer both depend on them rather than on each other.
import type { ScheduleDiagnostic } from "./codes.js";
import type { CompiledDelay } from "../expression/api.js";
import type { NormalizationPolicy } from "./policy.js";

/**
 * What the destination answered to one attempt, for simulating its effect.
 *
 * @example
 * ```ts
 * simulateSchedule({ retries: 3, responses: [{ attempt: 2, retryAfter: "30" }, { attempt: 3, outcome: "success" }] });
 * ```
 */
export interface AttemptResponse {
  /** The attempt it answers: 1 is the first delivery. */
  readonly attempt: number;
  /** `fail` (default): retried as usual. `success` ends the run. `non-retryable` (489 with `Upstash-NonRetryable-Error: true`) stops retries. */
  readonly outcome?: "fail" | "success" | "non-retryable";
  /** A `Retry-After` / `X-RateLimit-Reset*` value sent with the failure. */
  readonly retryAfter?: string;
}

/**
 * The inputs of {@link simulateSchedule}.
 *
 * @example
 * ```ts
 * const options: ScheduleOptions = { retryDelay: "1000 * (1 + retried)", retries: 5, delay: "10s", start: Date.parse("2026-11-23T08:00:00Z") };
 * simulateSchedule(options);
 * ```
 */
export interface ScheduleOptions {
  /** Retries after the first delivery; default 3. At most 1,000. */
  readonly retries?: number;
  /** An `Upstash-Retry-Delay` expression (or a compiled one); without it, Upstash's default backoff. */
  readonly retryDelay?: string | CompiledDelay;
  /** Delay before the first delivery: a strict duration or a number of seconds. */
  readonly delay?: string | number;
  /** Unix seconds of the first delivery; takes precedence over `delay`. */
  readonly notBefore?: number;
  /** When the trigger is sent: Unix ms or a Date. Default now. */
  readonly start?: number | Date;
  readonly normalization?: NormalizationPolicy;
  readonly responses?: readonly AttemptResponse[];
}

/**
 * Where an entry's delay came from.
 *
 * @example
 * ```ts
 * const result = simulateSchedule({ retryDelay: "1000", retries: 1, start: 0 });
 * if (result.ok) result.value.entries.map((e) => e.source); // ["trigger", "expression"]
 * ```
 */
export type DelaySource = "trigger" | "expression" | "default-backoff" | "retry-after" | "fallback";

/**
 * One delivery attempt in the timeline.
 *
 * @example
 * ```ts
 * const result = simulateSchedule({ retryDelay: "1000 - 600 * retried", retries: 3, start: 0 });
 * if (result.ok) result.value.entries[3]; // { attempt: 4, retried: 2, delayMs: 0, rawDelayMs: -200, normalized: true, normalizedBecause: "negative", … }
 * ```
 */
export interface ScheduleEntry {
  /** 1 is the first delivery, then retry 1 … N is attempt 2 … N + 1. */
  readonly attempt: number;
  /** The `retried` value the delay was computed with; undefined for the first delivery. */
  readonly retried: number | undefined;
  /** The delay before this attempt, in ms. */
  readonly delayMs: number;
  /** The expression's raw value, when normalization changed it. */
  readonly rawDelayMs?: number;
  /** Whether the normalization policy changed the value. */
  readonly normalized: boolean;
  /** Why it changed, when it did. */
  readonly normalizedBecause?: "negative" | "fraction" | "non-finite";
  readonly source: DelaySource;
  /** Time since the trigger, in ms. */
  readonly cumulativeMs: number;
  /** Absolute time of the attempt, Unix ms. */
  readonly at: number;
  /** What the destination answered, if a response was given for this attempt. */
  readonly outcome?: AttemptResponse["outcome"];
}

/**
 * The totals of a schedule.
 *
 * @example
 * ```ts
 * const result = simulateSchedule({ retryDelay: "pow(2, retried) * 1000", retries: 5, start: 0 });
 * if (result.ok) result.value.summary; // { attempts: 6, totalSpanMs: 31000, longestGapMs: 16000, longestGapBefore: 6, lastAttemptAt: 31000, endedBy: "retries-exhausted" }
 * ```
 */
export interface ScheduleSummary {
  readonly attempts: number;
  /** From the trigger to the last attempt, in ms. */
  readonly totalSpanMs: number;
  /** The longest delay between two attempts (or before the first), in ms, and the attempt it precedes. */
  readonly longestGapMs: number;
  readonly longestGapBefore: number;
  /** Unix ms of the last attempt. */
  readonly lastAttemptAt: number;
  /** Why the timeline ends: retries exhausted, success, or a non-retryable error. */
  readonly endedBy: "retries-exhausted" | "success" | "non-retryable";
}

/**
 * A simulated delivery timeline.
 *
 * @example
 * ```ts
 * const result = simulateSchedule({ retryDelay: "pow(2, retried) * 1000", retries: 3, start: 0 });
 * if (result.ok) console.log(result.value.explanation, result.value.summary.totalSpanMs); // …, 7000
 * ```
 */
export interface Schedule {
  readonly entries: readonly ScheduleEntry[];
  readonly summary: ScheduleSummary;
  /** A plain-English description of what was computed. */
  readonly explanation: string;
  /** The expression's source, or undefined for the default backoff. */
  readonly expression: string | undefined;
}

/**
 * The timeline, or why there is none; either way, every diagnostic found.
 *
 * @example
 * ```ts
 * const result: ScheduleResult = simulateSchedule({ retryDelay: "Pow(2, retried)" });
 * if (!result.ok) result.diagnostics[0]?.path; // "retryDelay"
 * ```
 */
export type ScheduleResult =
  | { readonly ok: true; readonly value: Schedule; readonly diagnostics: readonly ScheduleDiagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly ScheduleDiagnostic[] };
