import type { OptionCode, OptionDiagnostic } from "../trigger/codes.js";
import { groupDigits } from "../diagnostics/show.js";

/**
 * The simulator's bounds: a scenario is untrusted input, so every count it
 * controls has a ceiling, and the work it can cause is bounded.
 *
 * @example
 * ```ts
 * simulateDelivery({ arrivals: { count: DELIVERY_LIMITS.maxRuns + 1 } }).ok; // false
 * ```
 */
export const DELIVERY_LIMITS = Object.freeze({
  /** Most runs in one scenario. */
  maxRuns: 1_000_000,
  /** Most calls (attempts) the simulation starts before it gives up. */
  maxAttempts: 10_000_000,
  /** Most retries per run, as for the schedule simulator. */
  maxRetries: 1000,
  /** Most entries in `endpoint.failures` and `endpoint.script`. */
  maxScript: 1000,
  /** Most events returned, and the default cap when events are requested. */
  maxEvents: 1_000_000,
  defaultMaxEvents: 100_000,
  /** Most flow-control snapshots. */
  maxSnapshots: 100,
  /** Most points in the series; past it, neighbours merge and the step doubles. */
  maxSamples: 2048,
  /** The largest time (ms since the start) the simulation keeps exact. */
  maxTimeMs: Number.MAX_SAFE_INTEGER,
});

/**
 * Every diagnostic code of `simulateDelivery` itself, with its severity
 * and a summary. Problems inside a value keep the code of the language that
 * found them (`unknown-variable` in `retryDelay`, `invalid-period` in
 * `flowControl`, `missing-unit` in `endpoint.duration`, …). `docs/delivery.md`
 * documents each code here; a test keeps them in step.
 *
 * @example
 * ```ts
 * DELIVERY_CODES["too-many-runs"].severity; // "error"
 * ```
 */
export const DELIVERY_CODES = {
  "invalid-scenario": { severity: "error", summary: "The scenario (or one of its objects) is not an object, or could not be read." },
  "unknown-field": { severity: "warning", summary: "A field the scenario does not know, e.g. `retry`; it is ignored." },
  "missing-arrivals": { severity: "error", summary: "No `arrivals`: say how many runs are triggered, and when." },
  "invalid-arrivals": {
    severity: "error",
    summary: "`arrivals` that is not `{ count }`, `{ count, rate, period? }` or `{ times }`, or holds a negative or non-finite time.",
  },
  "too-many-runs": { severity: "error", summary: `More runs than the simulator's limit (${groupDigits(DELIVERY_LIMITS.maxRuns)}).` },
  "invalid-retries": {
    severity: "error",
    summary: `\`retries\` that is not a whole number from 0 to ${groupDigits(DELIVERY_LIMITS.maxRetries)}.`,
  },
  "invalid-delay": { severity: "error", summary: "A `delay`, `notBefore`, `start` or `sampleEvery` that is not a valid time." },
  "invalid-duration": { severity: "error", summary: "A handler duration or distribution that is negative, not finite, or malformed." },
  "invalid-probability": {
    severity: "error",
    summary: "A failure `probability` outside 0 … 1, or failures whose probabilities add up to more than 1.",
  },
  "invalid-status": { severity: "error", summary: "An HTTP status that is not a whole number from 100 to 599." },
  "invalid-model": { severity: "error", summary: 'A `model` option with a value it does not take, e.g. `window: "rolling"`.' },
  "invalid-seed": { severity: "error", summary: "A `seed` that is not a whole number from 0 to 4294967295." },
  "invalid-output": {
    severity: "error",
    summary: `An \`output\` option of the wrong type, or more \`snapshots\` than the limit (${groupDigits(DELIVERY_LIMITS.maxSnapshots)}).`,
  },
  "events-truncated": {
    severity: "warning",
    summary: "More events than `output.maxEvents`: the list stops there (the summary and series still cover everything).",
  },
  "too-much-work": {
    severity: "error",
    summary: `The simulation would start more than ${groupDigits(DELIVERY_LIMITS.maxAttempts)} calls; fewer runs or retries are needed.`,
  },
  "time-out-of-range": {
    severity: "error",
    summary: "A time past the largest the simulator keeps exact (2^53 ms), e.g. a retry delay of `1e300`.",
  },
} as const;

/**
 * A stable identifier for one kind of delivery-scenario problem.
 *
 * @example
 * ```ts
 * const code: DeliveryCode = "invalid-arrivals";
 * ```
 */
export type DeliveryCode = keyof typeof DELIVERY_CODES;

/**
 * A diagnostic about a delivery scenario: where it points (`path`, such as
 * `endpoint.failures[0].probability`) and the text its span points into.
 *
 * @example
 * ```ts
 * const result = simulateDelivery({ arrivals: { count: 10 }, retryDelay: "Pow(2, retried)" });
 * if (!result.ok) result.diagnostics[0]?.path; // "retryDelay"
 * ```
 */
export type DeliveryDiagnostic = OptionDiagnostic<DeliveryCode | OptionCode>;
