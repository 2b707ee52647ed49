import type { FlowControlOptions } from "../flow-control/types.js";
import type { DeliveryDiagnostic } from "./codes.js";

/**
 * A time span in a scenario: a duration such as `2s` or `250ms` (Go syntax),
 * or a number of milliseconds.
 *
 * @example
 * ```ts
 * const handler: TimeSpan = "2s"; // the same as 2000
 * ```
 */
export type TimeSpan = string | number;

/**
 * How long the endpoint takes to answer: fixed, or drawn per call from a
 * distribution (seeded, so the same seed gives the same draws).
 *
 * @example
 * ```ts
 * const fixed: HandlerDuration = "2s";
 * const spread: HandlerDuration = { distribution: "lognormal", median: "800ms", p95: "3s" };
 * ```
 */
export type HandlerDuration =
  | TimeSpan
  | { readonly distribution: "uniform"; readonly min: TimeSpan; readonly max: TimeSpan }
  | { readonly distribution: "exponential"; readonly mean: TimeSpan }
  | { readonly distribution: "lognormal"; readonly median: TimeSpan; readonly p95: TimeSpan };

/**
 * When the runs are triggered: `count` at once (at 0), `count` spread evenly
 * at `rate` per `period`, or one run at each of `times` (ms since the start).
 *
 * @example
 * ```ts
 * const burst: Arrivals = { count: 10_000 };
 * const steady: Arrivals = { count: 600, rate: 10, period: "1m" };
 * const explicit: Arrivals = { times: [0, 0, 500, 60_000] };
 * ```
 */
export type Arrivals =
  { readonly count: number; readonly rate?: number; readonly period?: TimeSpan } | { readonly times: readonly number[] };

/**
 * A response the endpoint gives: its HTTP status and, optionally, a
 * `Retry-After` value (header text such as `"30"`, or a number of seconds).
 *
 * @example
 * ```ts
 * const throttled: EndpointResponse = { status: 429, retryAfter: "30" };
 * ```
 */
export interface EndpointResponse {
  readonly status: number;
  readonly retryAfter?: string | number;
}

/**
 * One way the endpoint fails at random, with its probability per call.
 *
 * @example
 * ```ts
 * const failures: readonly EndpointFailure[] = [{ probability: 0.1, status: 500 }];
 * ```
 */
export interface EndpointFailure {
  /** Chance per call, 0 … 1. The failures' chances add up to at most 1; the rest succeed with 200. */
  readonly probability: number;
  /** Default 500. 489 is non-retryable (Upstash-NonRetryable-Error); any other non-2xx is retried. */
  readonly status?: number;
  readonly retryAfter?: string | number;
}

/**
 * The destination: how long a call takes, and what it answers.
 *
 * @example
 * ```ts
 * const endpoint: EndpointModel = { duration: "2s", failures: [{ probability: 0.1, status: 429, retryAfter: "30" }] };
 * const flaky: EndpointModel = { duration: "1s", script: [500, 500] }; // the first two attempts of every run fail
 * ```
 */
export interface EndpointModel {
  /** Default 1s. */
  readonly duration?: HandlerDuration;
  /** Random failures, drawn per call with the scenario's seed. */
  readonly failures?: readonly EndpointFailure[];
  /** What attempt 1, 2, … of every run answers (a status, or a response); later attempts follow `failures`. */
  readonly script?: readonly (number | EndpointResponse)[];
}

/**
 * The choices Upstash does not document, made explicit. Each has a default;
 * `docs/delivery.md` gives the reasons.
 *
 * @example
 * ```ts
 * const model: DeliveryModel = { window: "sliding", retryHoldsSlot: true };
 * ```
 */
export interface DeliveryModel {
  /** `fixed` (default): `rate` starts per window `[start, start + period)`. `sliding`: per any `period`-long span. */
  readonly window?: "fixed" | "sliding";
  /** Fixed windows only. `first-dispatch` (default): a new window starts at the first call after the old one ends. `back-to-back`: windows follow each other without gaps. */
  readonly anchor?: "first-dispatch" | "back-to-back";
  /** Whether a run waiting out its retry delay keeps its parallelism slot. Default false. */
  readonly retryHoldsSlot?: boolean;
  /** Whether retries count against `rate`. Default true. */
  readonly retriesUseRate?: boolean;
  /** Where a due retry joins the wait list: `back` (default, FIFO by due time) or `front`. */
  readonly retryPosition?: "back" | "front";
  /** The plan's account-wide parallelism (10 free, 100 pay-as-you-go, …); none by default. */
  readonly planParallelism?: number;
}

/**
 * What the result includes besides the summary and series.
 *
 * @example
 * ```ts
 * const output: DeliveryOutput = { runs: false, events: true, maxEvents: 1000, snapshots: ["3m"] };
 * ```
 */
export interface DeliveryOutput {
  /** One record per run; default true. Turn off for the smallest memory. */
  readonly runs?: boolean;
  /** Every due, start and end, in time order; default false. */
  readonly events?: boolean;
  /** Most events kept (default 100,000, at most 1,000,000); a warning says when the list stops. */
  readonly maxEvents?: number;
  /** Times at which to capture the flow-control key as Upstash's API would show it, e.g. `"3m"`. */
  readonly snapshots?: readonly TimeSpan[];
  /** The series' step; default 1s (doubled as needed to stay under 2,048 points). */
  readonly sampleEvery?: TimeSpan;
}

/**
 * The input of {@link simulateDelivery}. Read as untrusted: own fields only,
 * every count bounded.
 *
 * @example
 * ```ts
 * const scenario: DeliveryScenario = {
 *   arrivals: { count: 10_000 },
 *   flowControl: "parallelism=5, rate=10, period=1m",
 *   retries: 3,
 *   retryDelay: "pow(2, retried) * 1000",
 *   endpoint: { duration: "2s", failures: [{ probability: 0.1, status: 500 }] },
 *   seed: 42,
 * };
 * ```
 */
export interface DeliveryScenario {
  readonly arrivals: Arrivals;
  /** An `Upstash-Flow-Control-Value` or the SDK's object form; none means no limits. */
  readonly flowControl?: string | FlowControlOptions;
  /** Retries after the first delivery; default 3. */
  readonly retries?: number;
  /** An `Upstash-Retry-Delay` expression; without it, Upstash's default backoff. */
  readonly retryDelay?: string;
  /** `Upstash-Delay` of every run: a strict duration (`10s`) or a number of seconds. */
  readonly delay?: string | number;
  /** `Upstash-Not-Before`, Unix seconds; takes precedence over `delay`. */
  readonly notBefore?: number;
  /** The Unix time (ms) of the simulation's 0; default 0. Matters for `notBefore`, dates in `Retry-After` and the snapshots' `ratePeriodStart`. */
  readonly start?: number;
  readonly endpoint?: EndpointModel;
  readonly model?: DeliveryModel;
  /** Seed of the random draws (durations, failures); default 1. */
  readonly seed?: number;
  readonly output?: DeliveryOutput;
}

/**
 * How one run ended.
 *
 * @example
 * ```ts
 * const outcome: RunOutcome = "completed";
 * ```
 */
export type RunOutcome = "completed" | "failed" | "non-retryable";

/**
 * One run's life, in ms since the start.
 *
 * @example
 * ```ts
 * const run: DeliveryRun = { run: 0, arrivalMs: 0, firstStartMs: 0, endMs: 3000, attempts: 2, outcome: "completed" };
 * ```
 */
export interface DeliveryRun {
  readonly run: number;
  readonly arrivalMs: number;
  readonly firstStartMs: number;
  readonly endMs: number;
  readonly attempts: number;
  readonly outcome: RunOutcome;
}

/**
 * One step of one run: `due` (it joins the wait list), `start` (a call
 * begins) or `end` (the response arrives, with its status and what follows).
 *
 * @example
 * ```ts
 * const event: DeliveryEvent = { t: 2000, run: 0, attempt: 1, kind: "end", status: 500, next: "retry", dueMs: 3000 };
 * ```
 */
export interface DeliveryEvent {
  readonly t: number;
  readonly run: number;
  readonly attempt: number;
  readonly kind: "due" | "start" | "end";
  readonly status?: number;
  readonly next?: "retry" | RunOutcome;
  /** For `next: "retry"`: when the retry is due. */
  readonly dueMs?: number;
}

/**
 * The flow-control key as Upstash's `GET /v2/flowControl/{key}` shows it, at one moment.
 *
 * @example
 * ```ts
 * const view: FlowControlSnapshot = { atMs: 180_000, waitListSize: 9_960, parallelismCount: 5, parallelismMax: 5, rateCount: 10, rateMax: 10, ratePeriod: 60, ratePeriodStart: 180, ratePeriodStartMs: 180_000 };
 * ```
 */
export interface FlowControlSnapshot {
  readonly atMs: number;
  readonly waitListSize: number;
  readonly parallelismCount: number;
  readonly parallelismMax?: number;
  readonly rateCount: number;
  readonly rateMax?: number;
  /** Seconds, as the API gives it. */
  readonly ratePeriod: number;
  /** Unix seconds, as the API gives it (with the scenario's `start`). */
  readonly ratePeriodStart: number;
  readonly ratePeriodStartMs: number;
}

/**
 * One point of the series: the key's state at `t` (after everything that
 * happens at `t`), and what happened in `[t, t + step)`.
 *
 * @example
 * ```ts
 * const point: SeriesPoint = { t: 60_000, waitListSize: 9_980, parallelismCount: 5, rateCount: 5, ratePeriodStartMs: 60_000, calls: 10, peakInFlight: 5, peakWaitList: 9_980 };
 * ```
 */
export interface SeriesPoint {
  readonly t: number;
  readonly waitListSize: number;
  readonly parallelismCount: number;
  readonly rateCount: number;
  readonly ratePeriodStartMs: number;
  /** Calls started in `[t, t + step)`. */
  readonly calls: number;
  readonly peakInFlight: number;
  readonly peakWaitList: number;
}

/**
 * The time series of the key, at a fixed step.
 *
 * @example
 * ```ts
 * const result = simulateDelivery({ arrivals: { count: 100 }, flowControl: "rate=10, period=1m" });
 * if (result.ok) result.value.series.stepMs; // 1000
 * ```
 */
export interface DeliverySeries {
  readonly stepMs: number;
  readonly parallelismMax: number | null;
  readonly rateMax: number | null;
  readonly ratePeriodMs: number;
  readonly points: readonly SeriesPoint[];
}

/**
 * Nearest-rank percentiles, in ms.
 *
 * @example
 * ```ts
 * const p: Percentiles = { p50: 270_000, p90: 486_000, p99: 534_000, max: 541_000 };
 * ```
 */
export interface Percentiles {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * The answers: how many runs completed or failed, when the last one ended,
 * how long the wait list got, how many calls per period.
 *
 * @example
 * ```ts
 * const result = simulateDelivery({ arrivals: { count: 30 }, flowControl: "parallelism=3", endpoint: { duration: "10s" } });
 * if (result.ok) result.value.summary.makespanMs; // 100000
 * ```
 */
export interface DeliverySummary {
  readonly runs: number;
  readonly completed: number;
  /** Runs that ran out of retries or got a non-retryable answer. */
  readonly failed: number;
  readonly nonRetryable: number;
  /** Calls started, retries included. */
  readonly attempts: number;
  readonly retries: number;
  /** From 0 to the end of the last run, in ms. */
  readonly makespanMs: number;
  readonly lastStartMs: number;
  /** Time from arrival to the successful response, over completed runs; null when none completed. */
  readonly completionMs: Percentiles | null;
  /** Time from falling due to starting, over all calls, in ms; null when no call started. */
  readonly waitMs: { readonly mean: number; readonly max: number } | null;
  readonly maxWaitList: number;
  readonly maxWaitListAtMs: number;
  readonly maxInFlight: number;
  /** Calls started per period (`rate`'s period, else 1 minute), counted in windows `[k·period, (k+1)·period)`. */
  readonly callsPerPeriod: { readonly periodMs: number; readonly max: number; readonly mean: number; readonly maxAtMs: number };
}

/**
 * The model the simulation ran with, every default filled in.
 *
 * @example
 * ```ts
 * const result = simulateDelivery({ arrivals: { count: 1 } });
 * if (result.ok) result.value.model.window; // "fixed"
 * ```
 */
export interface ResolvedModel {
  readonly window: "fixed" | "sliding";
  readonly anchor: "first-dispatch" | "back-to-back";
  readonly retryHoldsSlot: boolean;
  readonly retriesUseRate: boolean;
  readonly retryPosition: "back" | "front";
  readonly planParallelism: number | null;
  readonly parallelism: number | null;
  readonly rate: number | null;
  readonly periodMs: number;
  readonly retries: number;
  readonly seed: number;
}

/**
 * A simulated delivery.
 *
 * @example
 * ```ts
 * const result = simulateDelivery({ arrivals: { count: 100 }, flowControl: "rate=10, period=1m", endpoint: { duration: "1s" } });
 * if (result.ok) result.value.summary.lastStartMs; // 540000: the last start is at 9 min
 * ```
 */
export interface Delivery {
  readonly runs: readonly DeliveryRun[];
  readonly events?: readonly DeliveryEvent[];
  readonly series: DeliverySeries;
  readonly snapshots: readonly FlowControlSnapshot[];
  readonly summary: DeliverySummary;
  readonly model: ResolvedModel;
}

/**
 * The delivery, or why there is none; either way every diagnostic found.
 *
 * @example
 * ```ts
 * const result: DeliveryResult = simulateDelivery({ arrivals: { count: -1 } });
 * if (!result.ok) result.diagnostics[0]?.path; // "arrivals.count"
 * ```
 */
export type DeliveryResult =
  | { readonly ok: true; readonly value: Delivery; readonly diagnostics: readonly DeliveryDiagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly DeliveryDiagnostic[] };
