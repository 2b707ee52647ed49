import { RetryDelayError, type Diagnostic } from "../diagnostics/diagnostic.js";
import { describeThrow, isArraySafe, isPlainObjectLike, readTime, snapshotArray, snapshotOwn } from "../diagnostics/own.js";
import { showValue } from "../diagnostics/show.js";
import { parseDuration } from "../duration/parse.js";
import { tryCompile } from "../expression/api.js";
import { DEFAULT_RETRIES } from "../expression/check.js";
import { EXPRESSION_LIMITS } from "../expression/limits.js";
import { parseRetryAfter } from "../retry-after/retry-after.js";
import type { OptionCode } from "../trigger/codes.js";
import type { ScheduleCode, ScheduleDiagnostic } from "./codes.js";
import { explainSchedule } from "./explain.js";
import { defaultBackoffDelay, normalizeDelay, policyProblems, readPolicy, type NormalizationPolicy } from "./policy.js";
import type { AttemptResponse, ScheduleEntry, ScheduleOptions, ScheduleResult, ScheduleSummary } from "./types.js";

/**
 * Most retries a simulation lays out; a timeline longer than this is not readable anyway.
 *
 * @example
 * ```ts
 * simulateSchedule({ retries: MAX_SIMULATED_RETRIES + 1 }).ok; // false
 * ```
 */
export const MAX_SIMULATED_RETRIES = 1000;

/**
 * Simulates the delivery timeline of a trigger: the first delivery after
 * `delay`/`notBefore`, then each retry after the delay the expression (or
 * Upstash's default backoff) gives, normalized by the policy, with
 * destination `Retry-After` answers applied. Never throws.
 *
 * @example
 * ```ts
 * const result = simulateSchedule({ retryDelay: "pow(2, retried) * 1000", retries: 5, start: 0 });
 * if (result.ok) {
 *   result.value.entries.map((e) => e.delayMs); // [0, 1000, 2000, 4000, 8000, 16000]
 *   result.value.explanation; // "doubles every retry, starting at 1s; 5 retries over 31s"
 * }
 * ```
 */
export function simulateSchedule(given: ScheduleOptions = {}): ScheduleResult {
  const read = isPlainObjectLike(given) ? snapshotOwn(given) : undefined;
  if (read === undefined || !read.ok) {
    const input = showValue(given);
    const why = read === undefined ? "" : ` (${read.reason})`;
    return {
      ok: false,
      diagnostics: [
        {
          code: "invalid-options",
          severity: "error",
          message: `the simulation options must be an object such as \`{ retryDelay, retries }\`${why}`,
          span: { start: 0, end: input.length },
          path: "",
          input,
        },
      ],
    };
  }
  // Own fields only, each read once: see diagnostics/own.ts.
  const options = read.value as ScheduleOptions;
  const found = new Findings();
  const retries = readRetries(options, found);
  const startValue = readTime(options.start ?? Date.now());
  const start = typeof startValue === "number" ? startValue : Number.NaN;
  if (!isDateTime(start))
    found.fail("invalid-start", "`start` must be a valid time within the range of JavaScript dates", "start", showValue(options.start));
  const normalization = readPolicy(options.normalization);
  for (const problem of policyProblems(normalization))
    found.fail("invalid-option", problem.message, problem.path, showValue(problem.value));
  const { delay, expression } = readDelayFunction(options, retries, found);
  const firstDelay = readFirstDelay(options, start, found);
  const responses = readResponses(options, found);

  const diagnostics = found.diagnostics;
  if (diagnostics.some((d) => d.severity === "error") || delay === undefined) return { ok: false, diagnostics };
  const adopt = found.adopt.bind(found);
  const timeline = layTimeline({ delay, expression, retries, start, firstDelay, responses, normalization, adopt });
  if (!timeline.ok) {
    diagnostics.push(timeline.problem);
    return { ok: false, diagnostics };
  }
  const summary = summarize(timeline.entries, timeline.endedBy, start);
  const explanation = explainSchedule(timeline.entries, summary);
  return { ok: true, value: { entries: timeline.entries, summary, explanation, expression }, diagnostics };
}

/** The problems found while reading the options, each with the path of its option. */
class Findings {
  readonly diagnostics: ScheduleDiagnostic[] = [];

  fail(code: ScheduleCode, message: string, path: string, input: string): void {
    this.diagnostics.push({ code, severity: "error", message, span: { start: 0, end: input.length }, path, input });
  }

  adopt(found: readonly Diagnostic<OptionCode>[], path: string, input: string): void {
    for (const d of found) this.diagnostics.push({ ...d, path, input });
  }
}

function readRetries(options: ScheduleOptions, found: Findings): number {
  const retries = options.retries ?? DEFAULT_RETRIES;
  if (typeof retries !== "number" || !Number.isInteger(retries) || retries < 0 || retries > MAX_SIMULATED_RETRIES) {
    found.fail(
      "invalid-retries",
      `\`retries\` must be a whole number from 0 to ${MAX_SIMULATED_RETRIES} for a simulation, not ${showValue(retries)}`,
      "retries",
      showValue(retries),
    );
  }
  return retries;
}

/** The delay function: a compiled expression, a caller's function, or the default backoff. */
function readDelayFunction(
  options: ScheduleOptions,
  retries: number,
  found: Findings,
): { delay: ((retried: number) => number) | undefined; expression: string | undefined } {
  if (typeof options.retryDelay === "function") {
    const source = snapshotOwn(options.retryDelay);
    return {
      delay: options.retryDelay,
      expression: source.ok && typeof source.value.source === "string" ? source.value.source : "a function",
    };
  }
  if (options.retryDelay === undefined) return { delay: defaultBackoffDelay, expression: undefined };
  const expression = typeof options.retryDelay === "string" ? options.retryDelay : showValue(options.retryDelay);
  const domain = Number.isInteger(retries) && retries >= 0 && retries <= EXPRESSION_LIMITS.maxRetries ? retries : DEFAULT_RETRIES;
  const compiled = tryCompile(options.retryDelay, { retries: domain });
  found.adopt(compiled.diagnostics, "retryDelay", expression);
  return { delay: compiled.ok ? compiled.value : undefined, expression };
}

/** Milliseconds before the first delivery: notBefore takes precedence over delay, as Upstash documents. */
function readFirstDelay(options: ScheduleOptions, start: number, found: Findings): number {
  if (options.notBefore !== undefined) {
    const valid = typeof options.notBefore === "number" && Number.isFinite(options.notBefore) && options.notBefore >= 0;
    if (!valid) found.fail("invalid-not-before", "`notBefore` must be Unix seconds", "notBefore", showValue(options.notBefore));
    if (options.delay !== undefined) {
      found.diagnostics.push({
        code: "not-before-overrides-delay",
        severity: "warning",
        message: "both `delay` and `notBefore` are given; `notBefore` takes precedence",
        span: { start: 0, end: 0 },
        path: "notBefore",
        input: "",
      });
    }
    return valid ? Math.max(0, Math.round(options.notBefore) * 1000 - start) : 0;
  }
  if (typeof options.delay === "number") {
    if (Number.isFinite(options.delay) && options.delay >= 0) return Math.round(options.delay) * 1000;
    found.fail("invalid-delay", "a numeric `delay` is a finite, non-negative number of seconds", "delay", showValue(options.delay));
    return 0;
  }
  if (options.delay === undefined) return 0;
  const text = typeof options.delay === "string" ? options.delay : showValue(options.delay);
  const parsed = parseDuration(text);
  found.adopt(parsed.diagnostics, "delay", text);
  return parsed.ok ? parsed.value.ms : 0;
}

/** The scripted answers by attempt number, read from the caller's array without trusting it. */
function readResponses(options: ScheduleOptions, found: Findings): Map<number, AttemptResponse> {
  const responses = new Map<number, AttemptResponse>();
  const listed = isArraySafe(options.responses)
    ? snapshotArray(options.responses, MAX_SIMULATED_RETRIES + 1)
    : { ok: true as const, items: [] };
  if (!listed.ok) {
    found.fail("invalid-option", `the responses could not be read: ${listed.reason}`, "responses", "");
    return responses;
  }
  listed.items.forEach((item, i) => {
    const response = isPlainObjectLike(item) ? snapshotOwn(item) : undefined;
    const fields = response?.ok === true ? (response.value as Partial<AttemptResponse>) : undefined;
    if (
      fields === undefined ||
      typeof fields.attempt !== "number" ||
      !Number.isInteger(fields.attempt) ||
      fields.attempt < 1 ||
      (fields.retryAfter !== undefined && typeof fields.retryAfter !== "string")
    ) {
      found.fail(
        "invalid-option",
        "each response needs an `attempt` number from 1, and a `retryAfter` string if any",
        `responses[${i}]`,
        "",
      );
    } else responses.set(fields.attempt, fields as AttemptResponse);
  });
  return responses;
}

function summarize(entries: readonly ScheduleEntry[], ended: ScheduleSummary["endedBy"], start: number): ScheduleSummary {
  const last = entries[entries.length - 1] ?? entries[0];
  const lastOutcome = last?.outcome;
  const endedBy = lastOutcome === "success" || lastOutcome === "non-retryable" ? lastOutcome : ended;
  let longest = entries[0];
  for (const entry of entries) if (longest === undefined || entry.delayMs > longest.delayMs) longest = entry;
  return {
    attempts: entries.length,
    totalSpanMs: (last?.at ?? start) - start,
    longestGapMs: longest?.delayMs ?? 0,
    longestGapBefore: longest?.attempt ?? 1,
    lastAttemptAt: last?.at ?? start,
    endedBy,
  };
}

type RetryEntry = Omit<ScheduleEntry, "attempt" | "retried" | "cumulativeMs" | "at" | "outcome">;

/** The delay function's value for `retried`, normalized by the policy; a throw becomes the problem that ends the timeline. */
function computedDelay(
  { delay, expression, normalization }: TimelineInput,
  retried: number,
): { readonly ok: true; readonly entry: RetryEntry } | { readonly ok: false; readonly problem: ScheduleDiagnostic } {
  let raw: number;
  try {
    raw = delay(retried);
  } catch (error) {
    // A compiled delay throws only RetryDelayError; a function of the caller's may throw anything.
    const found = error instanceof RetryDelayError ? error.diagnostics : [];
    // A RetryDelayError carries the codes of the package, which the option codes cover.
    return {
      ok: false,
      problem: {
        code: (found[0]?.code as OptionCode | undefined) ?? "invalid-option",
        severity: "error",
        message: `the delay function threw for \`retried\` = ${retried}: ${found[0]?.message ?? describeThrow(error)}`,
        span: { start: 0, end: 0 },
        path: "retryDelay",
        input: expression ?? "",
      },
    };
  }
  const normalized = normalizeDelay(raw, retried, normalization);
  const usedFallback = normalized.reason === "non-finite" || (normalized.reason === "negative" && normalization?.negative === "fallback");
  return {
    ok: true,
    entry: {
      delayMs: normalized.ms,
      normalized: normalized.reason !== "",
      source: usedFallback ? "fallback" : expression === undefined ? "default-backoff" : "expression",
      ...(normalized.reason === "" ? {} : { rawDelayMs: raw, normalizedBecause: normalized.reason }),
    },
  };
}

interface TimelineInput {
  readonly delay: (retried: number) => number;
  readonly expression: string | undefined;
  readonly retries: number;
  readonly start: number;
  readonly firstDelay: number;
  readonly responses: ReadonlyMap<number, AttemptResponse>;
  readonly normalization: NormalizationPolicy | undefined;
  readonly adopt: (found: readonly Diagnostic<OptionCode>[], path: string, input: string) => void;
}

type Timeline = { ok: true; entries: ScheduleEntry[]; endedBy: ScheduleSummary["endedBy"] } | { ok: false; problem: ScheduleDiagnostic };

/** The attempts one by one, until retries run out, a response ends the run, or a time leaves the range of JavaScript dates. */
function layTimeline(input: TimelineInput): Timeline {
  const { expression, retries, start, firstDelay, responses, adopt } = input;
  const entries: ScheduleEntry[] = [];
  let now = start + firstDelay;
  if (!isDateTime(now)) return outOfRange(1, now, start, "delay");
  entries.push({
    attempt: 1,
    retried: undefined,
    delayMs: firstDelay,
    normalized: false,
    source: "trigger",
    cumulativeMs: firstDelay,
    at: now,
    ...outcomeOf(responses.get(1)),
  });
  let endedBy: ScheduleSummary["endedBy"] = "retries-exhausted";
  for (let retried = 0; retried < retries; retried++) {
    const previous = responses.get(retried + 1);
    if (previous?.outcome === "success" || previous?.outcome === "non-retryable") {
      endedBy = previous.outcome;
      break;
    }
    let entry: RetryEntry;
    const retryAfter = previous?.retryAfter === undefined ? undefined : parseRetryAfter(previous.retryAfter, { now });
    if (retryAfter !== undefined) adopt(retryAfter.diagnostics, `responses[attempt ${retried + 1}].retryAfter`, previous?.retryAfter ?? "");
    if (retryAfter?.ok === true && retryAfter.value.kind === "delay") {
      entry = { delayMs: retryAfter.value.ms, normalized: false, source: "retry-after" };
    } else {
      const computed = computedDelay(input, retried);
      if (!computed.ok) return computed;
      entry = computed.entry;
    }
    now += entry.delayMs;
    if (!isDateTime(now))
      return outOfRange(
        retried + 2,
        now,
        start,
        entry.source === "retry-after" ? `responses[attempt ${retried + 1}].retryAfter` : "retryDelay",
        entry.source === "retry-after" ? "" : (expression ?? ""),
      );
    entries.push({ attempt: retried + 2, retried, ...entry, cumulativeMs: now - start, at: now, ...outcomeOf(responses.get(retried + 2)) });
  }
  return { ok: true, entries, endedBy };
}

/** The largest distance from the epoch a JavaScript Date can hold, in ms (ECMA-262 §21.4.1.1): 100,000,000 days. */
const MAX_DATE_MS = 8.64e15;

function isDateTime(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

function outOfRange(attempt: number, at: number, start: number, path: string, input = ""): Timeline {
  const when = Number.isFinite(at) ? `${showValue(at - start)} ms after the trigger` : "at an infinite time";
  return {
    ok: false,
    problem: {
      code: "schedule-out-of-range",
      severity: "error",
      message: `attempt ${attempt} would be ${when}, past the last time a JavaScript Date can hold (+275760-09-13)`,
      span: { start: 0, end: input.length },
      path,
      input,
      hint: "cap the delay, e.g. `min(…, 86400000)` for one day",
    },
  };
}

function outcomeOf(response: AttemptResponse | undefined): { outcome?: AttemptResponse["outcome"] } {
  return response === undefined ? {} : { outcome: response.outcome ?? "fail" };
}
