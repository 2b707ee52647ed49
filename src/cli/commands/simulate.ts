import { formatDuration } from "../../duration/format.js";
import { DEFAULT_RETRIES } from "../../expression/check.js";
import { DEFAULT_BACKOFF_EXPRESSION } from "../../schedule/policy.js";
import { MAX_SIMULATED_RETRIES, simulateSchedule } from "../../schedule/simulate.js";
import type { Schedule, ScheduleEntry, ScheduleOptions, ScheduleResult } from "../../schedule/types.js";
import { EXIT, type Command, type CommandContext } from "../command.js";
import { bar, styles, table } from "../io.js";
import { canonicalZone, formatTime as formatZoned, nearestZone, UTC } from "../time-zone.js";
import { integerFlag, reportOptions, singleValue, stringFlag, say } from "./shared.js";

const BAR_WIDTH = 24;

export const simulateCommand: Command = {
  name: "simulate",
  summary: "show the retry schedule of an expression (or the default backoff)",
  synopsis: "<expression|-|--default> [--retries N] [--delay D | --not-before T] [--start ISO] [--tz ZONE] [options]",
  description: [
    `Simulates the delivery timeline: the first delivery, then each retry after the delay the expression gives for retried = 0, 1, … (or Upstash's default backoff, ${DEFAULT_BACKOFF_EXPRESSION}). Prints a table with the delay before each attempt, the time since the trigger and the wall time, a bar chart of the delays, and a plain-English explanation.`,
    "",
    "Negative delays are clamped to 0, fractions truncated to whole ms, and NaN or infinite values replaced by the default backoff; such rows are marked (docs/schedules.md).",
    "",
    "Wall times are in the zone --tz names, else the one the TZ environment variable names, else UTC. --json always gives ISO times in UTC, with the zone in timeZone.",
  ].join("\n"),
  flags: [
    { name: "default", kind: "boolean", help: "use Upstash's default backoff instead of an expression" },
    {
      name: "retries",
      short: "r",
      kind: "value",
      placeholder: "N",
      help: `retries after the first delivery (default ${DEFAULT_RETRIES}, at most ${MAX_SIMULATED_RETRIES})`,
    },
    { name: "delay", kind: "value", placeholder: "D", help: "delay before the first delivery: a duration (10s, 1d10h30m)" },
    { name: "not-before", kind: "value", placeholder: "T", help: "first delivery at Unix time T (seconds); overrides --delay" },
    { name: "start", kind: "value", placeholder: "ISO", help: "when the trigger is sent (default now), e.g. 2026-11-23T08:00:00Z" },
    {
      name: "tz",
      kind: "value",
      placeholder: "ZONE",
      completes: "time-zone",
      help: "print wall times in this IANA time zone, e.g. Europe/Berlin (default $TZ, else UTC)",
    },
  ],
  examples: [
    { args: ["simulate", "pow(2, retried) * 1000", "--retries", "5"], says: "The schedule of an exponential backoff over five retries" },
    {
      args: ["simulate", "--default", "--delay", "10s", "--tz", "America/New_York"],
      says: "Upstash's default backoff after a 10s delay, in New York time",
    },
    {
      args: ["simulate", "1000 * (1 + retried)", "--start", "2026-11-23T08:00:00Z", "--json"],
      says: "A linear backoff from a fixed start, as JSON",
    },
  ],
  run(context) {
    const request = readRequest(context);
    const result = simulateSchedule(request.options);
    const done = reportOptions(context, result, () => scheduleJson(request, result));
    if (done !== undefined || !result.ok) return done ?? EXIT.invalid;
    printSchedule(context, request, result.value);
    return EXIT.ok;
  },
};

interface SimulateRequest {
  readonly expression: string | undefined;
  readonly retries: number;
  readonly start: number;
  readonly options: ScheduleOptions;
  readonly timeZone: string;
}

function readRequest(context: CommandContext): SimulateRequest {
  const useDefault = context.values.default === true;
  if (useDefault && context.positionals.length > 0) context.problems.add("give an expression or --default, not both", "default");
  const expression = useDefault ? undefined : singleValue(context, "expression (or --default)");
  const retries = integerFlag(context, "retries", { min: 0, max: MAX_SIMULATED_RETRIES }) ?? DEFAULT_RETRIES;
  const notBefore = integerFlag(context, "not-before", { min: 0, max: 1e12 });
  const timeZone = zoneOf(context);
  const delay = stringFlag(context, "delay");
  const startText = stringFlag(context, "start");
  // "Now" to the whole second: a schedule read by a person needs no milliseconds of the moment it was asked.
  const start = startText === undefined ? Math.floor(context.io.now() / 1000) * 1000 : Date.parse(startText);
  if (Number.isNaN(start))
    context.problems.add(`--start must be an ISO date such as 2026-11-23T08:00:00Z, not '${startText ?? ""}'`, "start");
  context.problems.settle();
  const options: ScheduleOptions = {
    retries,
    start,
    ...(expression === undefined ? {} : { retryDelay: expression }),
    ...(delay === undefined ? {} : { delay }),
    ...(notBefore === undefined ? {} : { notBefore }),
  };
  return { expression, retries, start, options, timeZone };
}

/** --tz, else TZ when Node knows it, else UTC; a bad --tz is a usage problem with the nearest zone. */
function zoneOf(context: CommandContext): string {
  const flag = stringFlag(context, "tz");
  if (flag !== undefined) {
    const zone = canonicalZone(flag);
    if (zone !== undefined) return zone;
    const near = nearestZone(flag);
    context.problems.add(
      `--tz must be an IANA time zone such as Europe/Berlin or UTC, not '${flag}'${near === undefined ? "" : `; did you mean '${near}'?`}`,
      "tz",
    );
    return UTC;
  }
  const env = context.io.timeZone;
  if (env === undefined) return UTC;
  const zone = canonicalZone(env.replace(/^:/, ""));
  if (zone === undefined) context.io.err(`note: TZ='${env}' is not a time zone this Node knows; times are in UTC`);
  return zone ?? UTC;
}

function scheduleJson({ expression, retries, start, timeZone }: SimulateRequest, result: ScheduleResult): Record<string, unknown> {
  return {
    command: "simulate",
    valid: result.ok,
    expression: expression ?? null,
    defaultBackoff: expression === undefined,
    retries,
    start: new Date(start).toISOString(),
    timeZone,
    explanation: result.ok ? result.value.explanation : null,
    entries: result.ok ? result.value.entries.map(entryJson) : [],
    summary: result.ok ? { ...result.value.summary, lastAttemptAt: new Date(result.value.summary.lastAttemptAt).toISOString() } : null,
    diagnostics: result.diagnostics,
  };
}

function entryJson(e: ScheduleEntry): Record<string, unknown> {
  return {
    attempt: e.attempt,
    retried: e.retried ?? null,
    delayMs: e.delayMs,
    delay: formatDuration(e.delayMs),
    cumulativeMs: e.cumulativeMs,
    cumulative: formatDuration(e.cumulativeMs),
    at: new Date(e.at).toISOString(),
    source: e.source,
    normalized: e.normalized,
    ...(e.normalized
      ? {
          rawDelayMs: e.rawDelayMs === undefined || Number.isFinite(e.rawDelayMs) ? e.rawDelayMs : String(e.rawDelayMs),
          normalizedBecause: e.normalizedBecause,
        }
      : {}),
  };
}

function printSchedule(
  context: CommandContext,
  { expression, timeZone }: SimulateRequest,
  { entries, summary, explanation }: Schedule,
): void {
  const s = styles(context.io.color);
  const formatTime = (ms: number): string => formatZoned(ms, timeZone);
  context.io.out(s.bold(expression ?? `Upstash default backoff: ${DEFAULT_BACKOFF_EXPRESSION}`));
  say(context, s.cyan(explanation));
  if (timeZone !== UTC) context.io.out(s.dim(`times in ${timeZone}`));
  context.io.out("");
  const max = Math.max(...entries.slice(1).map((e) => e.delayMs), 0);
  const rows = [
    ["attempt", "retried", "delay", "since trigger", "at", ""].map((h) => s.dim(h)),
    ...entries.map((e) => [
      String(e.attempt),
      e.retried === undefined ? "–" : String(e.retried),
      formatDuration(e.delayMs) + (e.normalized ? s.yellow("*") : ""),
      formatDuration(e.cumulativeMs),
      formatTime(e.at),
      e.retried === undefined
        ? s.dim("first delivery")
        : e.source === "retry-after"
          ? s.cyan("Retry-After")
          : bar(e.delayMs, max, BAR_WIDTH),
    ]),
  ];
  for (const line of table(rows, ["right", "right", "right", "right", "left", "left"])) context.io.out(line);
  context.io.out("");
  const normalized = entries.filter((e) => e.normalized);
  if (normalized.length > 0) {
    say(
      context,
      s.yellow(
        `* normalized: ${normalized.map((e) => `retried ${e.retried ?? "–"} gave ${String(e.rawDelayMs)} ms (${e.normalizedBecause ?? ""})`).join("; ")}`,
      ),
    );
  }
  say(
    context,
    `total span ${formatDuration(summary.totalSpanMs)} · longest gap ${formatDuration(summary.longestGapMs)} (before attempt ${summary.longestGapBefore}) · last attempt ${formatTime(summary.lastAttemptAt)}`,
  );
}
