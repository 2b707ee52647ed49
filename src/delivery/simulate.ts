import { groupDigits, showValue } from "../diagnostics/show.js";
import { DELIVERY_CODES, DELIVERY_LIMITS, type DeliveryDiagnostic } from "./codes.js";
import { OUTCOME, runEngine, type EngineHooks, type EngineResult } from "./engine.js";
import { readScenario, type Plan } from "./scenario.js";
import type { Delivery, DeliveryResult, DeliveryRun, DeliveryScenario, DeliverySummary, Percentiles, RunOutcome } from "./types.js";

/**
 * Simulates delivering many runs under one flow-control key: arrivals, the
 * wait list, `parallelism` and `rate` per `period`, delays, retries with
 * their delay (the expression, the default backoff or the endpoint's
 * `Retry-After`), and non-retryable 489 answers. Returns the runs, the key's
 * state over time as Upstash's flow-control API reports it, and a summary.
 * The same seed gives the same result. Never throws; an invalid scenario
 * gets diagnostics with the path of the bad field.
 *
 * @example
 * ```ts
 * const result = simulateDelivery({
 *   arrivals: { count: 100 },
 *   flowControl: "rate=10, period=1m",
 *   endpoint: { duration: "1s" },
 * });
 * if (result.ok) {
 *   result.value.summary.lastStartMs; // 540000: ten calls a minute, so the last starts at 9 min
 *   result.value.summary.maxWaitList; // 90
 * }
 * ```
 */
export function simulateDelivery(scenario: DeliveryScenario): DeliveryResult {
  return simulateWith(scenario, {});
}

/** {@link simulateDelivery} with the engine's test hooks. */
export function simulateWith(scenario: unknown, hooks: EngineHooks): DeliveryResult {
  const { plan, diagnostics } = readScenario(scenario);
  if (plan === undefined) return { ok: false, diagnostics };
  const found: DeliveryDiagnostic[] = [...diagnostics];
  const engine = runEngine(plan, hooks);
  if (engine.stopped !== undefined) {
    found.push(stopDiagnostic(engine.stopped));
    return { ok: false, diagnostics: found };
  }
  if (engine.eventsTruncated) {
    found.push({
      code: "events-truncated",
      severity: DELIVERY_CODES["events-truncated"].severity,
      message: `the events stop after ${groupDigits(plan.output.maxEvents)}; the summary and the series cover the whole simulation`,
      span: { start: 0, end: 0 },
      path: "output.maxEvents",
      input: "",
      hint: `raise \`output.maxEvents\` (at most ${groupDigits(DELIVERY_LIMITS.maxEvents)}) or simulate fewer runs`,
    });
  }
  const value: Delivery = {
    runs: plan.output.runs ? runRecords(plan, engine) : [],
    ...(engine.events === undefined ? {} : { events: engine.events }),
    series: {
      stepMs: engine.stepMs,
      parallelismMax: plan.model.parallelism,
      rateMax: plan.model.rate,
      ratePeriodMs: plan.model.periodMs,
      points: engine.points,
    },
    snapshots: engine.snapshots,
    summary: summarize(plan, engine),
    model: plan.model,
  };
  return { ok: true, value, diagnostics: found };
}

function stopDiagnostic(stopped: NonNullable<EngineResult["stopped"]>): DeliveryDiagnostic {
  if (stopped.code === "too-much-work") {
    return {
      code: "too-much-work",
      severity: "error",
      message: `the simulation would start more than ${groupDigits(DELIVERY_LIMITS.maxAttempts)} calls`,
      span: { start: 0, end: 0 },
      path: "arrivals",
      input: "",
      hint: "simulate fewer runs or fewer retries",
    };
  }
  const path = stopped.cause === "retry" ? "retryDelay" : stopped.cause === "arrival" ? "delay" : "endpoint.duration";
  return {
    code: "time-out-of-range",
    severity: "error",
    message: `run ${stopped.run} would reach ${showValue(stopped.at)} ms, past the largest time the simulator keeps exact (2^53 ms)`,
    span: { start: 0, end: 0 },
    path,
    input: "",
    hint:
      stopped.cause === "retry"
        ? "cap the delay, e.g. `min(…, 86400000)` for one day (Upstash caps its own backoff there)"
        : "use a shorter time",
  };
}

const OUTCOME_NAMES: readonly RunOutcome[] = ["completed", "completed", "failed", "non-retryable"];

function runRecords(plan: Plan, engine: EngineResult): DeliveryRun[] {
  const runs: DeliveryRun[] = new Array<DeliveryRun>(plan.arrivals.length);
  for (let i = 0; i < runs.length; i++) {
    runs[i] = {
      run: i,
      arrivalMs: plan.arrivals[i] as number,
      firstStartMs: engine.firstStart[i] as number,
      endMs: engine.end[i] as number,
      attempts: engine.attempts[i] as number,
      outcome: OUTCOME_NAMES[engine.outcome[i] as number] as RunOutcome,
    };
  }
  return runs;
}

function summarize(plan: Plan, engine: EngineResult): DeliverySummary {
  const { outcome, end, attempts, tally } = engine;
  const runs = plan.arrivals.length;
  let completed = 0;
  let failed = 0;
  let nonRetryable = 0;
  let makespan = 0;
  const completion = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const how = outcome[i];
    if (how === OUTCOME.completed) completion[completed++] = (end[i] as number) - (plan.arrivals[i] as number);
    else if (how === OUTCOME.nonRetryable) nonRetryable++;
    else failed++;
    if ((end[i] as number) > makespan) makespan = end[i] as number;
  }
  let totalAttempts = 0;
  for (let i = 0; i < runs; i++) totalAttempts += attempts[i] as number;
  return {
    runs,
    completed,
    failed: failed + nonRetryable,
    nonRetryable,
    attempts: totalAttempts,
    retries: totalAttempts - runs,
    makespanMs: makespan,
    lastStartMs: tally.lastStartMs,
    completionMs: percentiles(completion.subarray(0, completed)),
    waitMs: tally.attempts === 0 ? null : { mean: tally.waitedTotalMs / tally.attempts, max: tally.maxWaitMs },
    maxWaitList: tally.maxWaitList,
    maxWaitListAtMs: tally.maxWaitListAtMs,
    maxInFlight: tally.maxInFlight,
    callsPerPeriod: { periodMs: tally.periodMs, max: tally.maxCallsPerPeriod, mean: tally.meanCallsPerPeriod, maxAtMs: tally.maxCallsAtMs },
  };
}

/** Nearest-rank percentiles of `values` (sorted in place); null when there are none. */
function percentiles(values: Float64Array): Percentiles | null {
  if (values.length === 0) return null;
  values.sort();
  const rank = (p: number): number => values[Math.max(0, Math.ceil(p * values.length) - 1)] as number;
  return { p50: rank(0.5), p90: rank(0.9), p99: rank(0.99), max: values[values.length - 1] as number };
}
