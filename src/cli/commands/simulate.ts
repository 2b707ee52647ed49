import { formatDuration } from "../../duration/format.js";
import { DEFAULT_RETRIES } from "../../expression/check.js";
import { DEFAULT_BACKOFF_EXPRESSION } from "../../schedule/policy.js";
import { MAX_SIMULATED_RETRIES, simulateSchedule } from "../../schedule/simulate.js";
import type { Schedule, ScheduleEntry, ScheduleOptions, ScheduleResult } from "../../schedule/types.js";
import { EXIT, UsageError, type Command, type CommandContext } from "../command.js";
import { bar, formatTime, styles, table } from "../io.js";
import { integerFlag, printJson, printOptionDiagnostics, singleValue, stringFlag } from "./shared.js";

const BAR_WIDTH = 24;

export const simulateCommand: Command = {
  name: "simulate",
  summary: "show the retry schedule of an expression (or the default backoff)",
  usage: "Usage: retry-delay simulate <expression|-|--default> [--retries N] [--delay D | --not-before T] [--start ISO] [--json]",
  help: [
    "Simulates the delivery timeline: the first delivery, then each retry after the",
    "delay the expression gives for retried = 0, 1, … (or Upstash's default backoff,",
    `${DEFAULT_BACKOFF_EXPRESSION}). Prints a table with the delay before each`,
    "attempt, the time since the trigger and the absolute time, a bar chart of the",
    "delays, and a plain-English explanation.",
    "",
    "Negative delays are clamped to 0, fractions truncated to whole ms, and NaN or",
    "infinite values replaced by the default backoff; such rows are marked (docs/schedules.md).",
    "",
    "Options:",
    "  --default          use Upstash's default backoff instead of an expression",
    `  --retries N        retries after the first delivery (default ${DEFAULT_RETRIES}, at most ${MAX_SIMULATED_RETRIES})`,
    "  --delay D          delay before the first delivery: a duration (10s, 1d10h30m)",
    "  --not-before T     first delivery at Unix time T (seconds); overrides --delay",
    "  --start ISO        when the trigger is sent (default now), e.g. 2026-11-23T08:00:00Z",
    "  --json             machine-readable output (docs/cli.md)",
  ].join("\n"),
  options: {
    default: { type: "boolean" },
    retries: { type: "string", short: "r" },
    delay: { type: "string" },
    "not-before": { type: "string" },
    start: { type: "string" },
  },
  run(context) {
    const request = readRequest(context);
    const result = simulateSchedule(request.options);
    if (context.values.json === true) {
      printJson(context, scheduleJson(request, result));
      return result.ok ? EXIT.ok : EXIT.invalid;
    }
    printOptionDiagnostics(context, result.diagnostics);
    if (!result.ok) return EXIT.invalid;
    printSchedule(context, request.expression, result.value);
    return EXIT.ok;
  },
};

interface SimulateRequest {
  readonly expression: string | undefined;
  readonly retries: number;
  readonly start: number;
  readonly options: ScheduleOptions;
}

function readRequest(context: CommandContext): SimulateRequest {
  const useDefault = context.values.default === true;
  if (useDefault && context.positionals.length > 0) throw new UsageError("give an expression or --default, not both", "simulate");
  const expression = useDefault ? undefined : singleValue(context, "simulate", "expression (or --default)");
  const retries = integerFlag(context, "simulate", "retries", { min: 0, max: MAX_SIMULATED_RETRIES }) ?? DEFAULT_RETRIES;
  const notBefore = integerFlag(context, "simulate", "not-before", { min: 0, max: 1e12 });
  const delay = stringFlag(context, "delay");
  const startText = stringFlag(context, "start");
  // "Now" to the whole second: a schedule read by a person needs no milliseconds of the moment it was asked.
  const start = startText === undefined ? Math.floor(context.io.now() / 1000) * 1000 : Date.parse(startText);
  if (Number.isNaN(start))
    throw new UsageError(`--start must be an ISO date such as 2026-11-23T08:00:00Z, not '${startText ?? ""}'`, "simulate");
  const options: ScheduleOptions = {
    retries,
    start,
    ...(expression === undefined ? {} : { retryDelay: expression }),
    ...(delay === undefined ? {} : { delay }),
    ...(notBefore === undefined ? {} : { notBefore }),
  };
  return { expression, retries, start, options };
}

function scheduleJson({ expression, retries, start }: SimulateRequest, result: ScheduleResult): Record<string, unknown> {
  return {
    command: "simulate",
    valid: result.ok,
    expression: expression ?? null,
    defaultBackoff: expression === undefined,
    retries,
    start: new Date(start).toISOString(),
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

function printSchedule(context: CommandContext, expression: string | undefined, { entries, summary, explanation }: Schedule): void {
  const s = styles(context.io.color);
  context.io.out(s.bold(expression ?? `Upstash default backoff: ${DEFAULT_BACKOFF_EXPRESSION}`));
  context.io.out(s.cyan(explanation));
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
    context.io.out(
      s.yellow(
        `* normalized: ${normalized.map((e) => `retried ${e.retried ?? "–"} gave ${String(e.rawDelayMs)} ms (${e.normalizedBecause ?? ""})`).join("; ")}`,
      ),
    );
  }
  context.io.out(
    `total span ${formatDuration(summary.totalSpanMs)} · longest gap ${formatDuration(summary.longestGapMs)} (before attempt ${summary.longestGapBefore}) · last attempt ${formatTime(summary.lastAttemptAt)}`,
  );
}
