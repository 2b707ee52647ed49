import { RetryDelayError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { isArraySafe, snapshotArray, type OwnSnapshot } from "../diagnostics/own.js";
import { groupDigits, showValue } from "../diagnostics/show.js";
import { parseDuration } from "../duration/parse.js";
import { tryCompile } from "../expression/api.js";
import { DEFAULT_RETRIES } from "../expression/check.js";
import { tryFormatFlowControlValue } from "../flow-control/format.js";
import { parseFlowControlValue } from "../flow-control/parse.js";
import type { FlowControlValue } from "../flow-control/types.js";
import { defaultBackoffDelay, normalizeDelay } from "../schedule/policy.js";
import { DELIVERY_LIMITS } from "./codes.js";
import type { OptionCode } from "../trigger/codes.js";
import { readEndpoint, type EndpointPlan } from "./endpoint.js";
import { readModel, readOutput, type OutputPlan } from "./options.js";
import { ReadContext, readInteger, readObject, readSpan, warnUnknown } from "./read.js";
import type { ResolvedModel } from "./types.js";

/** A scenario, read and checked: everything the engine needs, in its own shapes. */
export interface Plan {
  /** Arrival time of each run, ms since the start; the run's number is its index. */
  readonly arrivals: Float64Array;
  /** `delay`, ms, added to each arrival; or the `notBefore` time (ms since the start) when given. */
  readonly delayMs: number;
  readonly notBeforeMs: number | undefined;
  readonly startMs: number;
  /** The delay before retry `retried + 1`, normalized, for retried = 0 … retries − 1. */
  readonly retryDelays: Float64Array;
  readonly endpoint: EndpointPlan;
  readonly model: ResolvedModel;
  readonly output: OutputPlan;
}

/** The scenario's top-level fields, in the order the docs list them. */
export const SCENARIO_FIELDS = [
  "arrivals",
  "flowControl",
  "retries",
  "retryDelay",
  "delay",
  "notBefore",
  "start",
  "endpoint",
  "model",
  "seed",
  "output",
] as const;

/** Reads a scenario; the plan when nothing in it is an error. Never throws. */
export function readScenario(given: unknown): { plan: Plan | undefined; diagnostics: ReadContext["diagnostics"] } {
  const ctx = new ReadContext();
  const fields = readObject(ctx, given, "", '{ arrivals: { count: 100 }, flowControl: "rate=10, period=1m" }');
  if (fields === undefined) return { plan: undefined, diagnostics: ctx.diagnostics };
  warnUnknown(ctx, fields, SCENARIO_FIELDS, "");
  const retries =
    fields.retries === undefined
      ? DEFAULT_RETRIES
      : readInteger(ctx, fields.retries, "retries", { min: 0, max: DELIVERY_LIMITS.maxRetries }, "invalid-retries");
  const seed = fields.seed === undefined ? 1 : readInteger(ctx, fields.seed, "seed", { min: 0, max: 4_294_967_295 }, "invalid-seed");
  const startMs = readStart(ctx, fields.start);
  const arrivals = readArrivals(ctx, fields.arrivals);
  const flow = readFlowControl(ctx, fields.flowControl);
  const retryDelays = retries === undefined ? undefined : readRetryDelay(ctx, fields.retryDelay, retries);
  const delayMs = readDelay(ctx, fields.delay);
  const notBeforeMs = readNotBefore(ctx, fields.notBefore, startMs ?? 0);
  const endpoint = readEndpoint(ctx, fields.endpoint, seed ?? 1, startMs ?? 0);
  const choices = readModel(ctx, fields.model);
  const output = readOutput(ctx, fields.output);
  if (
    ctx.failed ||
    retries === undefined ||
    seed === undefined ||
    startMs === undefined ||
    arrivals === undefined ||
    flow === undefined ||
    retryDelays === undefined ||
    delayMs === undefined ||
    endpoint === undefined ||
    choices === undefined ||
    output === undefined
  ) {
    return { plan: undefined, diagnostics: ctx.diagnostics };
  }
  const model: ResolvedModel = {
    ...choices,
    parallelism: flow.parallelism ?? null,
    rate: flow.rate ?? null,
    periodMs: flow.periodMs,
    retries,
    seed,
  };
  return {
    plan: { arrivals, delayMs, notBeforeMs: notBeforeMs ?? undefined, startMs, retryDelays, endpoint, model, output },
    diagnostics: ctx.diagnostics,
  };
}

function readStart(ctx: ReadContext, value: unknown): number | undefined {
  if (value === undefined) return 0;
  if (typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= 8.64e15) return value;
  ctx.report("invalid-delay", "start", `\`start\` must be a Unix time in milliseconds, not ${showValue(value)}`, showValue(value));
  return undefined;
}

function readArrivals(ctx: ReadContext, value: unknown): Float64Array | undefined {
  if (value === undefined) {
    ctx.report(
      "missing-arrivals",
      "arrivals",
      "the scenario has no `arrivals`",
      "",
      "e.g. `arrivals: { count: 10000 }` for 10,000 runs triggered at once",
    );
    return undefined;
  }
  const fields = readObject(ctx, value, "arrivals", "{ count: 10000 }");
  if (fields === undefined) return undefined;
  if (fields.times !== undefined) {
    warnUnknown(ctx, fields, ["times", "count"], "arrivals.");
    if (fields.count !== undefined) ctx.report("invalid-arrivals", "arrivals", "give `count` or `times`, not both");
    return readTimes(ctx, fields.times);
  }
  warnUnknown(ctx, fields, ["count", "rate", "period"], "arrivals.");
  const count = readCount(ctx, fields.count);
  const spread = readArrivalRate(ctx, fields);
  if (count === undefined || spread === undefined) return undefined;
  const arrivals = new Float64Array(count);
  if (spread > 0) for (let i = 0; i < count; i++) arrivals[i] = Math.round(i * spread);
  return arrivals;
}

function readCount(ctx: ReadContext, value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value > DELIVERY_LIMITS.maxRuns) {
    ctx.report(
      "too-many-runs",
      "arrivals.count",
      `${groupDigits(value)} runs are more than the simulator's limit of ${groupDigits(DELIVERY_LIMITS.maxRuns)}`,
      showValue(value),
      "simulate a sample and scale: with the same limits, time grows linearly in runs once the wait list is long",
    );
    return undefined;
  }
  return readInteger(ctx, value, "arrivals.count", { min: 1, max: DELIVERY_LIMITS.maxRuns }, "invalid-arrivals");
}

/** The time between two arrivals, ms (0 for all at once). */
function readArrivalRate(ctx: ReadContext, fields: OwnSnapshot): number | undefined {
  if (fields.rate === undefined) {
    if (fields.period !== undefined) ctx.report("invalid-arrivals", "arrivals.period", "`period` needs `rate`: arrivals per period");
    return fields.period === undefined ? 0 : undefined;
  }
  const rate = fields.rate;
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0) {
    ctx.report(
      "invalid-arrivals",
      "arrivals.rate",
      `\`arrivals.rate\` must be a positive number of runs per period, not ${showValue(rate)}`,
      showValue(rate),
    );
    return undefined;
  }
  const period = fields.period === undefined ? 1000 : readSpan(ctx, fields.period, "arrivals.period", "invalid-arrivals");
  if (period === undefined) return undefined;
  if (period <= 0) {
    ctx.report("invalid-arrivals", "arrivals.period", "`arrivals.period` must be longer than 0", showValue(fields.period));
    return undefined;
  }
  return period / rate;
}

function readTimes(ctx: ReadContext, value: unknown): Float64Array | undefined {
  if (!isArraySafe(value)) {
    ctx.report(
      "invalid-arrivals",
      "arrivals.times",
      `\`arrivals.times\` must be an array of times in ms, not ${showValue(value)}`,
      showValue(value),
    );
    return undefined;
  }
  const read = snapshotArray(value, DELIVERY_LIMITS.maxRuns);
  if (!read.ok) {
    ctx.report(
      read.reason.includes("the limit") ? "too-many-runs" : "invalid-arrivals",
      "arrivals.times",
      `\`arrivals.times\` could not be read: ${read.reason}`,
    );
    return undefined;
  }
  if (read.items.length === 0) {
    ctx.report("invalid-arrivals", "arrivals.times", "`arrivals.times` is empty: there is no run to simulate");
    return undefined;
  }
  const times = new Float64Array(read.items.length);
  for (let i = 0; i < read.items.length; i++) {
    const t = read.items[i];
    if (typeof t !== "number" || !Number.isFinite(t) || t < 0 || t > DELIVERY_LIMITS.maxTimeMs) {
      ctx.report(
        "invalid-arrivals",
        `arrivals.times[${i}]`,
        `an arrival time must be a finite, non-negative number of ms, not ${showValue(t)}`,
        showValue(t),
      );
      return undefined;
    }
    times[i] = t;
  }
  return times;
}

function readFlowControl(ctx: ReadContext, value: unknown): FlowControlValue | undefined {
  if (value === undefined) return { periodMs: 1000, periodGiven: false };
  let text: string;
  if (typeof value === "string") text = value;
  else {
    const fields = readObject(ctx, value, "flowControl", '{ parallelism: 5, rate: 10, period: "1m" }');
    if (fields === undefined) return undefined;
    // The key does not matter to one key's simulation; the value's other findings come again from parsing it below.
    const formatted = tryFormatFlowControlValue(fields);
    if (!formatted.ok) {
      // Spans point into header text that could not be written: shown without it.
      ctx.adopt(
        formatted.diagnostics.filter((d) => d.code !== "missing-key").map((d) => ({ ...d, span: { start: 0, end: 0 } })),
        "flowControl",
        "",
      );
      return undefined;
    }
    text = formatted.value;
  }
  const parsed = parseFlowControlValue(text);
  ctx.adopt(parsed.diagnostics, "flowControl", text);
  return parsed.ok ? parsed.value : undefined;
}

function readRetryDelay(ctx: ReadContext, value: unknown, retries: number): Float64Array | undefined {
  const delays = new Float64Array(retries);
  if (value === undefined) {
    for (let r = 0; r < retries; r++) delays[r] = defaultBackoffDelay(r);
    return delays;
  }
  if (typeof value !== "string") {
    ctx.report(
      "invalid-scenario",
      "retryDelay",
      `\`retryDelay\` must be an expression such as \`pow(2, retried) * 1000\`, not ${showValue(value)}`,
      showValue(value),
    );
    return undefined;
  }
  const compiled = tryCompile(value, { retries });
  ctx.adopt(compiled.diagnostics, "retryDelay", value);
  if (!compiled.ok) return undefined;
  try {
    // The delay depends on `retried` alone: one table, computed once, serves every run.
    for (let r = 0; r < retries; r++) delays[r] = normalizeDelay(compiled.value(r), r).ms;
  } catch (error) {
    // A compiled delay throws a RetryDelayError of expression codes.
    ctx.adopt(error instanceof RetryDelayError ? (error.diagnostics as readonly Diagnostic<OptionCode>[]) : [], "retryDelay", value);
    return undefined;
  }
  return delays;
}

/** `Upstash-Delay`: a strict duration, or seconds (rounded, as the SDK writes them). */
function readDelay(ctx: ReadContext, value: unknown): number | undefined {
  if (value === undefined) return 0;
  if (typeof value === "number") {
    if (Number.isFinite(value) && value >= 0 && value * 1000 <= DELIVERY_LIMITS.maxTimeMs) return Math.round(value) * 1000;
    ctx.report(
      "invalid-delay",
      "delay",
      `a numeric \`delay\` is a finite, non-negative number of seconds, not ${showValue(value)}`,
      showValue(value),
    );
    return undefined;
  }
  if (typeof value !== "string") {
    ctx.report(
      "invalid-delay",
      "delay",
      `\`delay\` must be a duration such as \`10s\` or a number of seconds, not ${showValue(value)}`,
      showValue(value),
    );
    return undefined;
  }
  const parsed = parseDuration(value);
  ctx.adopt(parsed.diagnostics, "delay", value);
  return parsed.ok ? parsed.value.ms : undefined;
}

/** `Upstash-Not-Before` (Unix seconds) as ms since the start; null when absent. */
function readNotBefore(ctx: ReadContext, value: unknown, startMs: number): number | null | undefined {
  if (value === undefined) return null;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 8.64e12)
    return Math.max(0, Math.round(value) * 1000 - startMs);
  ctx.report("invalid-delay", "notBefore", `\`notBefore\` must be a Unix time in seconds, not ${showValue(value)}`, showValue(value));
  return undefined;
}
