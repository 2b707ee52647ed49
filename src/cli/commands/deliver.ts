import { deliveryCharts } from "../../delivery/chart.js";
import { DELIVERY_LIMITS } from "../../delivery/codes.js";
import { ANCHOR_CHOICES, WINDOW_CHOICES } from "../../delivery/options.js";
import { simulateDelivery } from "../../delivery/simulate.js";
import type { Delivery, DeliveryModel, DeliveryScenario, EndpointResponse, FlowControlSnapshot } from "../../delivery/types.js";
import { formatDuration } from "../../duration/format.js";
import { parseFlowControlValue } from "../../flow-control/parse.js";
import { DEFAULT_BACKOFF_EXPRESSION } from "../../schedule/policy.js";
import { EXIT, type Command, type CommandContext } from "../command.js";
import { styles, table } from "../io.js";
import { integerFlag, reportOptions, say, stringFlag } from "./shared.js";
import { groupDigits } from "../../diagnostics/show.js";

const CHART = { width: 64, height: 6 };

/** `fixed (the default) or sliding`: a model list's values for a flag's help, its first (the default) marked. */
function choiceList(choices: readonly string[]): string {
  const [first = "", ...rest] = choices;
  const all = [`${first} (the default)`, ...rest];
  return all.length <= 2 ? all.join(" or ") : `${all.slice(0, -1).join(", ")}, or ${all.at(-1) ?? ""}`;
}

export const deliverCommand: Command = {
  name: "deliver",
  summary: "simulate delivering many runs under flow control and a retry policy",
  synopsis:
    "--runs N [--flow-control V] [--retries N] [--retry-delay E] [--handler D] [--fail-rate P | --fail-first K] [--retry-after V] [--seed S] [options]",
  description: [
    "Simulates N runs triggered under one flow-control key: the wait list, parallelism, rate per period, delays, and retries with their delay (the expression, Upstash's default backoff, or the endpoint's Retry-After). Prints a summary, charts of calls in flight, the wait list and calls per period, and the key as Upstash's flow-control API would show it at the --at times (docs/delivery.md).",
  ].join("\n"),
  flags: [
    {
      name: "runs",
      short: "n",
      kind: "value",
      placeholder: "N",
      help: "runs to trigger (1 to 1,000,000), all at once unless --arrival-rate",
    },
    { name: "arrival-rate", kind: "value", placeholder: "R/D", help: "trigger them evenly, R per duration D, e.g. 10/1s" },
    { name: "flow-control", kind: "value", placeholder: "V", help: "e.g. 'parallelism=5, rate=10, period=1m' (default: no limits)" },
    { name: "retries", short: "r", kind: "value", placeholder: "N", help: "retries after the first delivery (default 3)" },
    {
      name: "retry-delay",
      kind: "value",
      placeholder: "E",
      help: `an Upstash-Retry-Delay expression (default ${DEFAULT_BACKOFF_EXPRESSION})`,
    },
    { name: "delay", kind: "value", placeholder: "D", help: "Upstash-Delay of every run, e.g. 10s" },
    { name: "handler", kind: "value", placeholder: "D", help: "how long the endpoint takes (default 1s), e.g. 2s or 250ms" },
    { name: "fail-rate", kind: "value", placeholder: "P", help: "chance (0…1, or a percentage such as 10%) that a call fails" },
    { name: "fail-first", kind: "value", placeholder: "K", help: "the first K attempts of every run fail" },
    {
      name: "fail-status",
      kind: "value",
      placeholder: "S",
      help: "status of a failure (default 500, or 429 with --retry-after; 489 is non-retryable)",
    },
    { name: "retry-after", kind: "value", placeholder: "V", help: "Retry-After sent with each failure: seconds (30) or a duration (30s)" },
    { name: "seed", kind: "value", placeholder: "S", help: "seed of the random draws (default 1)" },
    { name: "window", kind: "value", placeholder: "W", choices: WINDOW_CHOICES, help: `rate windows: ${choiceList(WINDOW_CHOICES)}` },
    {
      name: "anchor",
      kind: "value",
      placeholder: "A",
      choices: ANCHOR_CHOICES,
      help: `how fixed windows follow each other: ${choiceList(ANCHOR_CHOICES)}`,
    },
    { name: "retry-holds-slot", kind: "boolean", help: "a run waiting for its retry keeps its parallelism slot" },
    { name: "retries-skip-rate", kind: "boolean", help: "retries do not count against rate" },
    { name: "retry-front", kind: "boolean", help: "a due retry goes to the front of the wait list" },
    { name: "plan-parallelism", kind: "value", placeholder: "N", help: "the plan's account-wide parallelism (10 free, 100 pay-as-you-go)" },
    { name: "at", kind: "value", placeholder: "D", multiple: true, help: "show the key at this time, e.g. --at 3m" },
    { name: "step", kind: "value", placeholder: "D", help: "the series' step (default: the rate's period, else 1s)" },
    { name: "events", kind: "boolean", help: "include every due, start and end in --json (at most 100,000)" },
  ],
  examples: [
    {
      args: [
        "deliver",
        "--runs",
        "10000",
        "--flow-control",
        "parallelism=5, rate=10, period=1m",
        "--handler",
        "2s",
        "--fail-rate",
        "0.1",
        "--at",
        "3m",
      ],
      says: "10,000 runs under a rate and parallelism limit, one call in ten failing; the key at minute 3",
    },
    {
      args: ["deliver", "--runs", "100", "--fail-first", "2", "--retries", "2", "--json"],
      says: "Every run fails twice then succeeds, as JSON",
    },
  ],
  run(context) {
    if (context.positionals.length > 0)
      context.problems.add(`unexpected argument '${context.positionals[0] ?? ""}'; every option is a flag`);
    const scenario = scenarioFrom(context);
    context.problems.settle();
    const result = simulateDelivery(scenario);
    const done = reportOptions(context, result, () => ({
      command: "deliver",
      valid: result.ok,
      scenario,
      model: result.ok ? result.value.model : null,
      summary: result.ok ? result.value.summary : null,
      snapshots: result.ok ? result.value.snapshots : [],
      series: result.ok ? result.value.series : null,
      ...(context.values.events === true && result.ok ? { events: result.value.events ?? [] } : {}),
      diagnostics: result.diagnostics,
    }));
    if (done !== undefined || !result.ok) return done ?? EXIT.invalid;
    // The headline and the model are prose, wrapped to the terminal; the summary table and the charts keep their lines.
    report(context, scenario, result.value).forEach((line, i) => {
      if (i < 2) say(context, line);
      else context.io.out(line);
    });
    return EXIT.ok;
  },
};

/** The scenario the flags describe; flag values the library checks are passed through for it to report. */
function scenarioFrom(context: CommandContext): DeliveryScenario {
  const runs = integerFlag(context, "runs", { min: 1, max: DELIVERY_LIMITS.maxRuns });
  if (context.values.runs === undefined) context.problems.add("missing --runs: how many runs to trigger", "runs");
  const flag = (name: string): string | undefined => stringFlag(context, name);
  const retryAfterText = flag("retry-after");
  // A bare number is seconds, as in the header; a duration (30s) is read as one.
  const retryAfter = retryAfterText === undefined ? undefined : /^\d+$/.test(retryAfterText) ? Number(retryAfterText) : retryAfterText;
  const failStatus = integerFlag(context, "fail-status", { min: 100, max: 599 }) ?? (retryAfter === undefined ? 500 : 429);
  const failure: EndpointResponse = { status: failStatus, ...(retryAfter === undefined ? {} : { retryAfter }) };
  const failFirst = integerFlag(context, "fail-first", { min: 0, max: DELIVERY_LIMITS.maxScript });
  const failRate = flag("fail-rate");
  const at = context.values.at;
  const flowControl = flag("flow-control");
  const model: DeliveryModel = {
    ...(flag("window") === undefined ? {} : { window: flag("window") as (typeof WINDOW_CHOICES)[number] }),
    ...(flag("anchor") === undefined ? {} : { anchor: flag("anchor") as (typeof ANCHOR_CHOICES)[number] }),
    ...(context.values["retry-holds-slot"] === true ? { retryHoldsSlot: true } : {}),
    ...(context.values["retries-skip-rate"] === true ? { retriesUseRate: false } : {}),
    ...(context.values["retry-front"] === true ? { retryPosition: "front" as const } : {}),
    ...planParallelism(context),
  };
  return {
    arrivals: { count: runs ?? 1, ...arrivalRate(context, flag("arrival-rate")) },
    ...(flowControl === undefined ? {} : { flowControl }),
    ...(context.values.retries === undefined
      ? {}
      : { retries: integerFlag(context, "retries", { min: 0, max: DELIVERY_LIMITS.maxRetries }) as number }),
    ...(flag("retry-delay") === undefined ? {} : { retryDelay: flag("retry-delay") as string }),
    ...(flag("delay") === undefined ? {} : { delay: flag("delay") as string }),
    endpoint: {
      duration: flag("handler") ?? "1s",
      ...(failRate === undefined ? {} : { failures: [{ probability: probability(context, failRate), ...failure }] }),
      ...(failFirst === undefined || failFirst === 0 ? {} : { script: Array.from({ length: failFirst }, () => failure) }),
    },
    ...(Object.keys(model).length === 0 ? {} : { model }),
    ...(context.values.seed === undefined ? {} : { seed: integerFlag(context, "seed", { min: 0, max: 4_294_967_295 }) as number }),
    output: {
      runs: false,
      events: context.values.events === true,
      ...(Array.isArray(at) ? { snapshots: at } : {}),
      sampleEvery: flag("step") ?? defaultStep(flowControl),
    },
  };
}

/** The rate's period, so that each point of the series is one rate window (merged points cover whole windows); 1s without a rate. */
function defaultStep(flowControl: string | undefined): number {
  const parsed = flowControl === undefined ? undefined : parseFlowControlValue(flowControl);
  return parsed?.ok === true && parsed.value.rate !== undefined ? parsed.value.periodMs : 1000;
}

function planParallelism(context: CommandContext): { planParallelism?: number } {
  const value = integerFlag(context, "plan-parallelism", { min: 1, max: 2_147_483_647 });
  return value === undefined ? {} : { planParallelism: value };
}

/** `10/1s` → rate 10, period 1s; `10` → 10 per second. */
function arrivalRate(context: CommandContext, text: string | undefined): { rate?: number; period?: string } {
  if (text === undefined) return {};
  const match = /^(\d+(?:\.\d+)?)(?:\/(.+))?$/.exec(text);
  if (match === null) {
    context.problems.add(`--arrival-rate must be R or R/duration, e.g. 10/1s, not '${text}'`, "arrival-rate");
    return {};
  }
  return { rate: Number(match[1]), period: match[2] ?? "1s" };
}

/** `0.1` or `10%`. */
function probability(context: CommandContext, text: string): number {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  const value = percent === null ? Number(text) : Number(percent[1]) / 100;
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    context.problems.add(`--fail-rate must be a probability from 0 to 1 (or a percentage such as 10%), not '${text}'`, "fail-rate");
    return 0;
  }
  return value;
}

function report(context: CommandContext, scenario: DeliveryScenario, delivery: Delivery): string[] {
  const s = styles(context.io.color);
  const { summary, model, series, snapshots } = delivery;
  const n = groupDigits;
  const limits =
    [
      model.parallelism === null ? "" : `parallelism ${n(model.parallelism)}`,
      model.rate === null ? "" : `rate ${n(model.rate)} per ${formatDuration(model.periodMs)}`,
    ]
      .filter((x) => x !== "")
      .join(", ") || "no flow-control limits";
  const windowing = model.window === "sliding" ? "sliding windows" : `fixed windows (${model.anchor})`;
  const completion =
    summary.completionMs === null
      ? "–"
      : `p50 ${formatDuration(summary.completionMs.p50)} · p90 ${formatDuration(summary.completionMs.p90)} · p99 ${formatDuration(summary.completionMs.p99)} · max ${formatDuration(summary.completionMs.max)}`;
  const rows = [
    ["completed", `${n(summary.completed)} of ${n(summary.runs)}`],
    ["failed", `${n(summary.failed)}${summary.nonRetryable > 0 ? ` (${n(summary.nonRetryable)} non-retryable)` : ""}`],
    ["calls", `${n(summary.attempts)} (${n(summary.retries)} retries)`],
    ["last run ends", `${formatDuration(summary.makespanMs)} (last call starts at ${formatDuration(summary.lastStartMs)})`],
    ["run → success", completion],
    ["max wait list", `${n(summary.maxWaitList)} (at ${formatDuration(summary.maxWaitListAtMs)})`],
    ["max in flight", n(summary.maxInFlight)],
    [
      `calls per ${formatDuration(summary.callsPerPeriod.periodMs)}`,
      `max ${n(summary.callsPerPeriod.max)} · mean ${summary.callsPerPeriod.mean.toFixed(1)}`,
    ],
  ];
  return [
    s.bold(`${n(summary.runs)} runs · ${limits} · ${model.retries} retries, ${scenario.retryDelay ?? "default backoff"}`),
    s.dim(
      `model: ${windowing}; a waiting retry ${model.retryHoldsSlot ? "keeps" : "frees"} its slot; retries ${model.retriesUseRate ? "count" : "do not count"} against rate; due retries join the ${model.retryPosition}${model.planParallelism === null ? "" : `; plan parallelism ${n(model.planParallelism)}`}`,
    ),
    "",
    ...table(
      rows.map(([k, v]) => [s.dim(k ?? ""), v ?? ""]),
      ["left", "left"],
    ),
    "",
    ...deliveryCharts(series, { ...CHART, periodMs: summary.callsPerPeriod.periodMs, endMs: summary.makespanMs }),
    ...snapshots.map((snap) => describeSnapshot(snap)),
  ];
}

function describeSnapshot(snap: FlowControlSnapshot): string {
  const of = (count: number, max: number | undefined): string => (max === undefined ? String(count) : `${count}/${max}`);
  return `at ${formatDuration(snap.atMs)}: waitListSize ${groupDigits(snap.waitListSize)} · parallelismCount ${of(snap.parallelismCount, snap.parallelismMax)} · rateCount ${of(snap.rateCount, snap.rateMax)} · period ${snap.ratePeriod}s from ${formatDuration(snap.ratePeriodStartMs)}`;
}
