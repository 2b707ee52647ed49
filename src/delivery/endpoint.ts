import { showValue } from "../diagnostics/show.js";
import { formatDuration } from "../duration/format.js";
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from "../retry-after/retry-after.js";
import { DELIVERY_LIMITS } from "./codes.js";
import { draw, STREAM } from "./random.js";
import { readArray, readChoice, readInteger, readObject, readSpan, warnUnknown, type ReadContext } from "./read.js";

/** When a retry asked for by `Retry-After` is due: after a delay, or at a date (ms since the start). */
type RetryAfterSpec = { readonly kind: "delay"; readonly ms: number } | { readonly kind: "date"; readonly atMs: number };

/** One answer of the endpoint. */
export interface ResponsePlan {
  readonly status: number;
  readonly retryAfter: RetryAfterSpec | undefined;
}

/** The endpoint, ready to answer: how long call `attempt` (1-based) of `run` takes, and what it answers. */
export interface EndpointPlan {
  readonly duration: (run: number, attempt: number) => number;
  readonly respond: (run: number, attempt: number) => ResponsePlan;
}

const SUCCESS: ResponsePlan = Object.freeze({ status: 200, retryAfter: undefined });
const DEFAULT_DURATION_MS = 1000;
/** The 95th percentile of the standard normal distribution. */
const Z95 = 1.6448536269514722;

/** Reads `endpoint`; undefined when something in it is invalid (reported). */
export function readEndpoint(ctx: ReadContext, value: unknown, seed: number, startMs: number): EndpointPlan | undefined {
  if (value === undefined) return { duration: () => DEFAULT_DURATION_MS, respond: () => SUCCESS };
  const fields = readObject(ctx, value, "endpoint", '{ duration: "2s", failures: [{ probability: 0.1, status: 500 }] }');
  if (fields === undefined) return undefined;
  warnUnknown(ctx, fields, ["duration", "failures", "script"], "endpoint.");
  const duration = fields.duration === undefined ? () => DEFAULT_DURATION_MS : readHandlerDuration(ctx, fields.duration, seed);
  const failures = fields.failures === undefined ? [] : readFailures(ctx, fields.failures, startMs);
  const script = fields.script === undefined ? [] : readScript(ctx, fields.script, startMs);
  if (duration === undefined || failures === undefined || script === undefined) return undefined;
  return { duration, respond: responder(seed, failures, script) };
}

function responder(
  seed: number,
  failures: readonly { cumulative: number; response: ResponsePlan }[],
  script: readonly ResponsePlan[],
): (run: number, attempt: number) => ResponsePlan {
  return (run, attempt) => {
    if (attempt <= script.length) return script[attempt - 1] as ResponsePlan;
    if (failures.length === 0) return SUCCESS;
    const u = draw(seed, run, attempt, STREAM.outcome);
    for (const failure of failures) if (u < failure.cumulative) return failure.response;
    return SUCCESS;
  };
}

/** A fixed duration or a distribution, as a function of the call. Draws are whole milliseconds. */
function readHandlerDuration(ctx: ReadContext, value: unknown, seed: number): ((run: number, attempt: number) => number) | undefined {
  if (typeof value === "string" || typeof value === "number") {
    const ms = readSpan(ctx, value, "endpoint.duration", "invalid-duration");
    return ms === undefined ? undefined : () => ms;
  }
  const fields = readObject(ctx, value, "endpoint.duration", '{ distribution: "uniform", min: "1s", max: "3s" }');
  if (fields === undefined) return undefined;
  const kind = readChoice(
    ctx,
    fields.distribution,
    "endpoint.duration.distribution",
    ["uniform", "exponential", "lognormal"] as const,
    "invalid-duration",
  );
  const span = (name: string): number | undefined => readSpan(ctx, fields[name], `endpoint.duration.${name}`, "invalid-duration");
  const u = (run: number, attempt: number): number => draw(seed, run, attempt, STREAM.duration);
  if (kind === "uniform") {
    warnUnknown(ctx, fields, ["distribution", "min", "max"], "endpoint.duration.");
    const [min, max] = [span("min"), span("max")];
    if (min === undefined || max === undefined) return undefined;
    if (max < min) {
      ctx.report(
        "invalid-duration",
        "endpoint.duration.max",
        `\`max\` (${formatDuration(max)}) is less than \`min\` (${formatDuration(min)})`,
      );
      return undefined;
    }
    return (run, attempt) => Math.round(min + (max - min) * u(run, attempt));
  }
  if (kind === "exponential") {
    warnUnknown(ctx, fields, ["distribution", "mean"], "endpoint.duration.");
    const mean = span("mean");
    if (mean === undefined) return undefined;
    return (run, attempt) => capped(Math.round(-mean * Math.log(1 - u(run, attempt))));
  }
  if (kind === "lognormal") {
    warnUnknown(ctx, fields, ["distribution", "median", "p95"], "endpoint.duration.");
    const [median, p95] = [span("median"), span("p95")];
    if (median === undefined || p95 === undefined) return undefined;
    if (!(median > 0) || p95 < median) {
      ctx.report("invalid-duration", "endpoint.duration.p95", "a lognormal duration needs `median` > 0 and `p95` ≥ `median`");
      return undefined;
    }
    const mu = Math.log(median);
    const sigma = (Math.log(p95) - mu) / Z95;
    return (run, attempt) => {
      // Box–Muller from two independent draws of the same call.
      const normal = Math.sqrt(-2 * Math.log(1 - u(run, attempt))) * Math.cos(2 * Math.PI * draw(seed, run, attempt, STREAM.durationExtra));
      return capped(Math.round(Math.exp(mu + sigma * normal)));
    };
  }
  return undefined;
}

/** Distribution tails are unbounded; a draw past the time range is kept at its edge. */
function capped(ms: number): number {
  return Math.min(ms, DELIVERY_LIMITS.maxTimeMs);
}

function readFailures(ctx: ReadContext, value: unknown, startMs: number): { cumulative: number; response: ResponsePlan }[] | undefined {
  const items = readArray(ctx, value, "endpoint.failures", DELIVERY_LIMITS.maxScript, "invalid-probability");
  if (items === undefined) return undefined;
  const failures: { cumulative: number; response: ResponsePlan }[] = [];
  let total = 0;
  items.forEach((item, i) => {
    const path = `endpoint.failures[${i}]`;
    const fields = readObject(ctx, item, path, "{ probability: 0.1, status: 500 }");
    if (fields === undefined) return;
    warnUnknown(ctx, fields, ["probability", "status", "retryAfter"], `${path}.`);
    const p = fields.probability;
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      const percent = typeof p === "number" && p > 1 && p <= 100;
      ctx.report(
        "invalid-probability",
        `${path}.probability`,
        `\`probability\` must be a number from 0 to 1, not ${showValue(p)}`,
        showValue(p),
        percent ? `write a fraction: ${showValue(p)}% is ${showValue(p / 100)}` : undefined,
      );
      return;
    }
    const response = readResponse(ctx, fields, path, startMs);
    if (response === undefined) return;
    total += p;
    failures.push({ cumulative: total, response });
  });
  if (total > 1 + 1e-9) {
    ctx.report(
      "invalid-probability",
      "endpoint.failures",
      `the failures' probabilities add up to ${showValue(Number(total.toFixed(6)))}, more than 1`,
    );
    return undefined;
  }
  return failures.length === items.length ? failures : undefined;
}

function readScript(ctx: ReadContext, value: unknown, startMs: number): ResponsePlan[] | undefined {
  const items = readArray(ctx, value, "endpoint.script", DELIVERY_LIMITS.maxScript, "invalid-status");
  if (items === undefined) return undefined;
  const script: ResponsePlan[] = [];
  items.forEach((item, i) => {
    const path = `endpoint.script[${i}]`;
    if (typeof item === "number") {
      const status = readInteger(ctx, item, path, { min: 100, max: 599 }, "invalid-status");
      if (status !== undefined) script.push({ status, retryAfter: undefined });
      return;
    }
    const fields = readObject(ctx, item, path, '{ status: 429, retryAfter: "30" }');
    if (fields === undefined) return;
    warnUnknown(ctx, fields, ["status", "retryAfter"], `${path}.`);
    const response = readResponse(ctx, fields, path, startMs, { statusRequired: true });
    if (response !== undefined) script.push(response);
  });
  return script.length === items.length ? script : undefined;
}

function readResponse(
  ctx: ReadContext,
  fields: { readonly [key: string]: unknown },
  path: string,
  startMs: number,
  options: { statusRequired?: boolean } = {},
): ResponsePlan | undefined {
  const status =
    fields.status === undefined && options.statusRequired !== true
      ? 500
      : readInteger(ctx, fields.status, `${path}.status`, { min: 100, max: 599 }, "invalid-status");
  if (status === undefined) return undefined;
  if (fields.retryAfter === undefined) return { status, retryAfter: undefined };
  const retryAfter = readRetryAfter(ctx, fields.retryAfter, `${path}.retryAfter`, startMs);
  return retryAfter === null ? undefined : { status, retryAfter };
}

/**
 * A `Retry-After` as Upstash reads it (src/retry-after): seconds, a date or a
 * duration; over 1 day it is ignored. Null when invalid (reported);
 * undefined when ignored.
 */
function readRetryAfter(ctx: ReadContext, value: unknown, path: string, startMs: number): RetryAfterSpec | undefined | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) {
      ctx.report(
        "invalid-delay",
        path,
        `a numeric \`retryAfter\` is a non-negative number of seconds, not ${showValue(value)}`,
        showValue(value),
      );
      return null;
    }
    text = String(value);
  } else if (typeof value === "string") text = value;
  else {
    ctx.report(
      "invalid-delay",
      path,
      `\`retryAfter\` must be header text such as \`"30"\` or a number of seconds, not ${showValue(value)}`,
      showValue(value),
    );
    return null;
  }
  const parsed = parseRetryAfter(text, { now: startMs });
  // Its own codes, e.g. retry-after-ignored (info) for a value over 1 day.
  ctx.adopt(parsed.diagnostics, path, text);
  if (!parsed.ok) return null;
  if (parsed.value.kind === "ignore" || parsed.value.ms > MAX_RETRY_AFTER_MS) return undefined;
  return parsed.value.form === "date" ? { kind: "date", atMs: parsed.value.ms } : { kind: "delay", ms: parsed.value.ms };
}
