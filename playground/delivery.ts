/*
 * The Delivery tab: a scenario form, simulateDelivery, and what it found:
 * the summary, charts of the key over time, and the key as Upstash's
 * flow-control API would show it at a chosen moment.
 */
import {
  formatDuration,
  parseDuration,
  simulateDelivery,
  type Delivery,
  type DeliveryScenario,
  type EndpointResponse,
  type SeriesPoint,
} from "../src/index.js";
import { byId, element, renderDiagnostics, svg } from "./dom.js";

/** The tab's inputs, by URL-hash key (the state is shared by link like the other tabs'). */
export const DELIVERY_FIELDS: ReadonlyArray<readonly [key: string, id: string]> = [
  ["dn", "d-runs"],
  ["da", "d-arrival"],
  ["df", "d-flow"],
  ["dr", "d-retries"],
  ["de", "d-retry-delay"],
  ["dh", "d-handler"],
  ["dp", "d-fail-rate"],
  ["dk", "d-fail-first"],
  ["ds", "d-fail-status"],
  ["dy", "d-retry-after"],
  ["dz", "d-seed"],
  ["dw", "d-window"],
  ["dq", "d-anchor"],
  ["dt", "d-at"],
];

/** Checkboxes, by hash key. */
export const DELIVERY_CHECKS: ReadonlyArray<readonly [key: string, id: string]> = [
  ["dH", "d-holds-slot"],
  ["dU", "d-retries-rate"],
  ["dF", "d-retry-front"],
];

/** The playground runs in the page's thread: it keeps runs to what simulates in well under a second. */
const PLAYGROUND_MAX_RUNS = 100_000;
/** A scripted failure is one entry per attempt: the page keeps the script short. */
const PLAYGROUND_MAX_SCRIPTED = 1000;

/** A whole number from the field, clamped to [min, max]; a note says so when the field asked for something else. */
function clamped(id: string, label: string, min: number, max: number, fallback: number, notes: string[]): number {
  const typed = Number(value(id));
  const kept = Math.min(max, Math.max(min, Math.trunc(typed) || fallback));
  if (value(id) !== "" && kept !== typed)
    notes.push(
      `${label}: ${typed > max ? `at most ${max.toLocaleString("en-US")} here` : `a whole number from ${min} up`}, so ${kept.toLocaleString("en-US")}.`,
    );
  return kept;
}

const value = (id: string): string => byId<HTMLInputElement>(id).value.trim();
const checked = (id: string): boolean => byId<HTMLInputElement>(id).checked;

/** The scenario the form describes; what the form cannot express itself is left for the library to report. */
function scenarioFromForm(): DeliveryScenario {
  const notes: string[] = [];
  const runs = clamped("d-runs", "Runs", 1, PLAYGROUND_MAX_RUNS, 1, notes);
  const arrival = /^(\d+(?:\.\d+)?)(?:\/(.+))?$/.exec(value("d-arrival"));
  const retryAfterText = value("d-retry-after");
  const retryAfter = retryAfterText === "" ? undefined : /^\d+$/.test(retryAfterText) ? Number(retryAfterText) : retryAfterText;
  const statusText = value("d-fail-status");
  const failure: EndpointResponse = {
    status: statusText === "" ? (retryAfter === undefined ? 500 : 429) : Number(statusText),
    ...(retryAfter === undefined ? {} : { retryAfter }),
  };
  const failRate = value("d-fail-rate");
  const failFirst = clamped("d-fail-first", "Failed first attempts", 0, PLAYGROUND_MAX_SCRIPTED, 0, notes);
  const note = byId("delivery-note");
  note.textContent = notes.join(" ");
  note.hidden = notes.length === 0;
  const at = value("d-at");
  const window = value("d-window") === "sliding" ? "sliding" : "fixed";
  return {
    arrivals: { count: runs, ...(arrival === null ? {} : { rate: Number(arrival[1]), period: arrival[2] ?? "1s" }) },
    ...(value("d-flow") === "" ? {} : { flowControl: value("d-flow") }),
    ...(value("d-retries") === "" ? {} : { retries: Number(value("d-retries")) }),
    ...(value("d-retry-delay") === "" ? {} : { retryDelay: value("d-retry-delay") }),
    endpoint: {
      duration: value("d-handler") === "" ? "1s" : value("d-handler"),
      ...(failRate === "" || Number(failRate) === 0 ? {} : { failures: [{ probability: Number(failRate), ...failure }] }),
      ...(failFirst === 0 ? {} : { script: Array.from({ length: failFirst }, () => failure) }),
    },
    model: {
      window,
      ...(window === "fixed" ? { anchor: value("d-anchor") === "back-to-back" ? "back-to-back" : "first-dispatch" } : {}),
      retryHoldsSlot: checked("d-holds-slot"),
      retriesUseRate: checked("d-retries-rate"),
      retryPosition: checked("d-retry-front") ? "front" : "back",
    },
    ...(value("d-seed") === "" ? {} : { seed: Number(value("d-seed")) }),
    output: { runs: false, ...(at === "" ? {} : { snapshots: [at] }), sampleEvery: defaultStep() },
  };
}

/** A step of the rate's period (each point one window), 1s without a rate; the library merges points past 2,048. */
function defaultStep(): number {
  const period = /period=([^,\s]+)/.exec(value("d-flow"))?.[1];
  const parsed =
    period === undefined
      ? undefined
      : /^\d+$/.test(period)
        ? { ok: true as const, value: { ms: Number(period) * 1000 } }
        : parseDuration(period);
  return /rate=/.test(value("d-flow")) ? (parsed?.ok === true ? parsed.value.ms : 1000) : 1000;
}

export function renderDelivery(): void {
  const result = simulateDelivery(scenarioFromForm());
  renderDiagnostics(byId("delivery-diagnostics"), result.diagnostics);
  const status = byId("delivery-status");
  byId("delivery-results").hidden = !result.ok;
  if (!result.ok) {
    status.className = "status bad";
    status.textContent = "invalid scenario";
    return;
  }
  const { summary } = result.value;
  status.className = "status ok";
  status.textContent = `${summary.completed.toLocaleString("en-US")} of ${summary.runs.toLocaleString("en-US")} runs completed; the last ends at ${formatDuration(summary.makespanMs)}`;
  renderSummary(result.value);
  renderSeries(result.value);
  renderSnapshot(result.value);
}

function renderSummary({ summary }: Delivery): void {
  const n = (v: number): string => v.toLocaleString("en-US");
  const rows: [string, string, string][] = [
    ["completed", "completed", n(summary.completed)],
    ["failed", "failed", `${n(summary.failed)}${summary.nonRetryable > 0 ? ` (${n(summary.nonRetryable)} non-retryable)` : ""}`],
    ["attempts", "calls", `${n(summary.attempts)} (${n(summary.retries)} retries)`],
    ["makespanMs", "last run ends", formatDuration(summary.makespanMs)],
    [
      "completionMs",
      "run → success p50 / p99",
      summary.completionMs === null ? "–" : `${formatDuration(summary.completionMs.p50)} / ${formatDuration(summary.completionMs.p99)}`,
    ],
    ["maxWaitList", "longest wait list", n(summary.maxWaitList)],
    ["maxInFlight", "most in flight", n(summary.maxInFlight)],
    [
      "callsPerPeriod",
      `calls per ${formatDuration(summary.callsPerPeriod.periodMs)}`,
      `max ${n(summary.callsPerPeriod.max)}, mean ${summary.callsPerPeriod.mean.toFixed(1)}`,
    ],
  ];
  byId("delivery-summary").replaceChildren(
    ...rows.map(([field, label, text]) => {
      const row = element("div", { "data-field": field });
      row.append(element("dt", {}, label), element("dd", {}, text));
      return row;
    }),
  );
}

/** Three stacked charts over time: calls in flight, the wait list, calls per step. */
function renderSeries({ series, summary }: Delivery): void {
  const points = series.points;
  lineChart(byId("delivery-flight"), points, (p) => p.peakInFlight, series.parallelismMax, "#4656c9");
  lineChart(byId("delivery-wait"), points, (p) => p.peakWaitList, null, "#a05a00");
  barChart(byId("delivery-calls"), points, series.rateMax);
  byId("delivery-step").textContent =
    `one point per ${formatDuration(series.stepMs)}; time axis 0s – ${formatDuration(summary.makespanMs)}`;
}

const W = 640;
const H = 150;
const PAD = { left: 56, right: 12, top: 10, bottom: 22 };

function axes(chart: HTMLElement, max: number, end: number): void {
  const title = chart.querySelector("title");
  chart.replaceChildren(...(title === null ? [] : [title]));
  const bottom = H - PAD.bottom;
  chart.append(
    svg("line", { class: "axis", x1: PAD.left, y1: bottom, x2: W - PAD.right, y2: bottom, stroke: "#d9d6cf" }),
    svg("text", { x: PAD.left - 6, y: PAD.top + 8, "text-anchor": "end", fill: "#6b6b70" }, max.toLocaleString("en-US")),
    svg("text", { x: PAD.left - 6, y: bottom, "text-anchor": "end", fill: "#6b6b70" }, "0"),
    svg("text", { x: PAD.left, y: H - 6, "text-anchor": "start", fill: "#6b6b70" }, "0s"),
    svg("text", { x: W - PAD.right, y: H - 6, "text-anchor": "end", fill: "#6b6b70" }, formatDuration(end)),
  );
}

const x = (i: number, count: number): number => PAD.left + ((W - PAD.left - PAD.right) * i) / Math.max(1, count - 1);
const y = (v: number, max: number): number => H - PAD.bottom - ((H - PAD.top - PAD.bottom) * v) / Math.max(1, max);

function lineChart(
  chart: HTMLElement,
  points: readonly SeriesPoint[],
  pick: (p: SeriesPoint) => number,
  limit: number | null,
  colour: string,
): void {
  const values = points.map(pick);
  const max = Math.max(1, limit ?? 0, ...values);
  axes(chart, max, points[points.length - 1]?.t ?? 0);
  if (limit !== null)
    chart.append(
      svg("line", {
        class: "limit",
        x1: PAD.left,
        x2: W - PAD.right,
        y1: y(limit, max),
        y2: y(limit, max),
        stroke: "#c62828",
        "stroke-dasharray": "4 3",
      }),
    );
  // A step line: the value holds until the next point.
  const path = values.map((v, i) => `${x(i, values.length).toFixed(1)},${y(v, max).toFixed(1)}`).join(" ");
  chart.append(
    svg("polyline", { class: "series", points: path, fill: "none", stroke: colour, "stroke-width": 2, "data-max": Math.max(0, ...values) }),
  );
}

function barChart(chart: HTMLElement, points: readonly SeriesPoint[], rate: number | null): void {
  const max = Math.max(1, ...points.map((p) => p.calls));
  axes(chart, max, points[points.length - 1]?.t ?? 0);
  const width = Math.max(1, (W - PAD.left - PAD.right) / Math.max(1, points.length) - 1);
  points.forEach((p, i) => {
    if (p.calls === 0) return;
    const top = y(p.calls, max);
    const bar = svg("rect", {
      class: "bar",
      x: PAD.left + ((W - PAD.left - PAD.right) * i) / points.length,
      y: top,
      width,
      height: H - PAD.bottom - top,
      fill: "#3aa776",
      "data-calls": p.calls,
    });
    bar.append(svg("title", {}, `${formatDuration(p.t)}: ${p.calls} calls`));
    chart.append(bar);
  });
  if (rate !== null && rate <= max)
    chart.append(
      svg("line", {
        class: "limit",
        x1: PAD.left,
        x2: W - PAD.right,
        y1: y(rate, max),
        y2: y(rate, max),
        stroke: "#c62828",
        "stroke-dasharray": "4 3",
      }),
    );
}

/** The key at the chosen moment, shaped as `GET /v2/flowControl/{key}` answers. */
function renderSnapshot({ snapshots }: Delivery): void {
  const snapshot = snapshots[0];
  byId("delivery-snapshot").textContent =
    snapshot === undefined
      ? "—"
      : JSON.stringify(
          {
            flowControlKey: "simulated",
            waitListSize: snapshot.waitListSize,
            parallelismMax: snapshot.parallelismMax,
            parallelismCount: snapshot.parallelismCount,
            rateMax: snapshot.rateMax,
            rateCount: snapshot.rateCount,
            ratePeriod: snapshot.ratePeriod,
            ratePeriodStart: snapshot.ratePeriodStart,
          },
          null,
          2,
        );
  byId("delivery-snapshot-at").textContent =
    snapshot === undefined ? "" : `at ${formatDuration(snapshot.atMs)} (ratePeriodStart in seconds since the start)`;
}
