import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildBatchRequest,
  buildEnqueueRequest,
  buildPublishRequest,
  buildScheduleRequest,
  buildTriggerRequest,
  formatDuration,
  parseRequestHeaders,
  parseTriggerHeaders,
  type Endpoint,
  type RequestBuildResult,
} from "../../src/index.js";
import { familyOf } from "../../src/request/context.js";
import { ALL } from "../../src/request/rows.js";
import { propertyRuns } from "../setup.js";
import { headerOptionSets, REDACT_VALUES, type OptionGenerator } from "./option-generators.js";

/*
 * Round trip, for every endpoint and every option that travels in headers
 * (the table's rows, through headerOptionSets):
 * - parse(build(o)) is canonical(o);
 * - build(parse(h)) is h, for the headers h the builder produced.
 * `url`/`destination` and the queue travel in the path (or the batch item),
 * so they are handed to both sides; `body` and `Content-Type` are the
 * payload, not options read from headers, and are not generated.
 */

const NOW = 1_900_000_000_000;
const URL_ = "https://example.com/wf";
const QUEUE = "q1";
const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/).filter((n) => !n.startsWith("wfr_"));
const value = fc.stringMatching(/^[!-~]([ -~]{0,10}[!-~])?$/);
/** Strict durations, whole and fractional seconds, and Go-style text the server accepts (sent as given). */
const duration = fc.oneof(
  fc.integer({ min: 0, max: 6 * 86_400 }).map((s) => formatDuration(s * 1000)),
  fc.integer({ min: 0, max: 86_400 }),
  fc.constantFrom(1.5, 2.5, "1.5h", "90m"),
);
const flowControl = fc
  .record(
    {
      key: name,
      parallelism: fc.integer({ min: 1, max: 100 }),
      rate: fc.integer({ min: 1, max: 1000 }),
      ratePerSecond: fc.integer({ min: 1, max: 50 }),
      period: fc.oneof(fc.constantFrom("1s", "1m", "1h", "7d", ""), fc.integer({ min: 1, max: 604_800 })),
    },
    { requiredKeys: ["key"] },
  )
  .filter((f) => f.parallelism !== undefined || f.rate !== undefined || f.ratePerSecond !== undefined);

const forwards = fc.dictionary(fc.stringMatching(/^[Xx]-[A-Za-z][a-z0-9-]{0,8}$/), value, { maxKeys: 3 });
/** Callback-family headers qstash-js passes raw, with values of their rows' languages. */
const raw = fc.record(
  {
    "Upstash-Callback-Retries": fc.constantFrom("0", "2"),
    "Upstash-Failure-Callback-Timeout": fc.constant("10s"),
    "Upstash-Callback-Forward-X-A": value,
  },
  { requiredKeys: [] },
);

/**
 * Values that survive build and parse exactly (up to `canonical`), one
 * generator per option that travels in headers, keyed by option name: the
 * round trip's records are built from the table's rows (headerOptionSets),
 * so a new row reaches it, and fails it until it has a generator here.
 */
const ROUND_TRIP_GENERATORS: ReadonlyMap<string, OptionGenerator> = new Map<string, OptionGenerator>([
  [
    "headers",
    (endpoint) =>
      familyOf(endpoint) === "workflow"
        ? fc.dictionary(fc.stringMatching(/^X-[A-Za-z][A-Za-z0-9-]{0,8}$/), value, { maxKeys: 3 })
        : fc.tuple(forwards, raw).map(([a, b]) => ({ ...a, ...b })),
  ],
  ["workflowRunId", name],
  ["method", fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE")],
  ["retries", fc.integer({ min: 0, max: 50 })],
  ["retryDelay", fc.constantFrom("1000", "pow(2, retried) * 1000", "max(1000, pow(2, retried) * 100)")],
  ["delay", duration],
  ["notBefore", fc.integer({ min: 2_000_000_000, max: 2_100_000_000 })],
  ["timeout", duration],
  ["flowControl", flowControl],
  ["callback", fc.constant("https://example.com/cb")],
  ["failureCallback", fc.constant("https://example.com/failed")],
  ["failureUrl", fc.constant("https://example.com/failed")],
  ["deduplicationId", name],
  ["contentBasedDeduplication", fc.boolean()],
  ["label", fc.oneof(name, fc.array(name, { minLength: 1, maxLength: 3 }))],
  ["redact", fc.constantFrom(...REDACT_VALUES, { body: false, header: ["X"] })],
  ["queueName", name],
  ["cron", fc.constantFrom("*/5 * * * *", "CRON_TZ=Europe/Berlin 0 9 * * *")],
  ["scheduleId", name],
]);
const options = (endpoint: Endpoint): fc.Arbitrary<Record<string, unknown>> =>
  headerOptionSets(endpoint, ROUND_TRIP_GENERATORS, "ROUND_TRIP_GENERATORS in test/trigger/round-trip.test.ts");

/** The headers one message of `endpoint` is sent with (a batch's single item; its queue is the item's field). */
function build(endpoint: Endpoint, options: Record<string, unknown>): { result: RequestBuildResult; headers: Record<string, string> } {
  const base = { now: NOW };
  const result =
    endpoint === "trigger"
      ? buildTriggerRequest({ url: URL_, ...options }, base)
      : endpoint === "publish"
        ? buildPublishRequest({ url: URL_, ...options }, base)
        : endpoint === "enqueue"
          ? buildEnqueueRequest({ url: URL_, queueName: QUEUE, ...options }, base)
          : endpoint === "batch"
            ? buildBatchRequest([{ url: URL_, queueName: QUEUE, ...options }], base)
            : buildScheduleRequest({ destination: URL_, ...options } as never, base);
  if (endpoint !== "batch") return { result, headers: { ...(result.request?.headers ?? {}) } };
  const [item] = JSON.parse(result.request?.body ?? "[]") as { headers: Record<string, string>; queue?: string }[];
  expect(item?.queue).toBe(QUEUE);
  return { result, headers: item?.headers ?? {} };
}

/** The options the headers carry, without the path's url/destination. */
function parse(endpoint: Endpoint, headers: Record<string, string>): Record<string, unknown> {
  const parsed =
    endpoint === "trigger" ? parseTriggerHeaders(headers, { url: URL_ }) : parseRequestHeaders(headers, { endpoint, url: URL_ });
  // `period` without `rate` is legal and sent as written, with a warning (issue 18); notes (info) such as
  // `flat-delay` describe a legal value and change nothing that is sent.
  expect(parsed.diagnostics.filter((d) => d.code !== "period-without-rate" && d.severity !== "info")).toEqual([]);
  expect(parsed.ok).toBe(true);
  const { url, destination, ...rest } = (parsed.ok ? parsed.value : parsed.partial) as Record<string, unknown>;
  expect(url ?? destination).toBe(URL_);
  return rest;
}

/**
 * The canonical form of options, i.e. what headers can say:
 * - a numeric delay → `"<toFixed(0)>s"` (1.5 → "2s"), a numeric timeout → `"<n>s"` (1.5 → "1.5s");
 * - `retries: 3` on a trigger → absent (the SDK leaves its default out);
 * - `method` on publish/enqueue/batch → `"POST"` when absent (qstash-js always sends it);
 * - flowControl: `ratePerSecond` → `rate` (unless `rate` is given), numeric period → `"<n>s"`, `period: ""` → absent;
 * - a label array of one → that string;
 * - redact: `body: false` and `header: []` → absent;
 * - `contentBasedDeduplication: false` → absent (only `true` is sent);
 * - qstash `headers`: forwarded names are sent lower-cased, and a batch item's names are all lower-case;
 *   no headers → absent;
 * - the queue of enqueue and batch travels in the path/item, not in `options`.
 */
function canonical(endpoint: Endpoint, o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...o };
  // delay is written with toFixed(0) (1.5 → "2s"), timeout unrounded (1.5 → "1.5s").
  if (typeof o.delay === "number") out.delay = `${o.delay.toFixed(0)}s`;
  if (typeof o.timeout === "number") out.timeout = `${o.timeout}s`;
  if (endpoint === "trigger" && o.retries === 3) delete out.retries;
  if (endpoint !== "trigger" && endpoint !== "schedule") out.method ??= "POST";
  if (o.flowControl !== undefined) out.flowControl = canonicalFlow(o.flowControl as Record<string, unknown>);
  if (Array.isArray(o.label) && o.label.length === 1) out.label = o.label[0];
  if (o.redact !== undefined)
    out.redact = Object.fromEntries(
      Object.entries(o.redact as Record<string, unknown>).filter(([, v]) => v !== false && !(Array.isArray(v) && v.length === 0)),
    );
  if (o.contentBasedDeduplication === false) delete out.contentBasedDeduplication;
  if (o.headers !== undefined) out.headers = canonicalHeaders(endpoint, o.headers as Record<string, string>);
  if (out.headers === undefined) delete out.headers;
  return out;
}

function canonicalFlow(f: Record<string, unknown>): Record<string, unknown> {
  const { ratePerSecond, period, ...rest } = f;
  const rate = f.rate ?? ratePerSecond;
  return {
    ...rest,
    ...(rate === undefined ? {} : { rate }),
    ...(period === undefined || period === "" ? {} : { period: typeof period === "number" ? `${period}s` : period }),
  };
}

/** Names equal up to case become one header (first spelling, values joined with ", ", as `Headers` does). */
function canonicalHeaders(endpoint: Endpoint, headers: Record<string, string>): Record<string, string> | undefined {
  const merged = new Map<string, [string, string]>();
  for (const [n, v] of Object.entries(headers)) {
    const seen = merged.get(n.toLowerCase());
    if (seen === undefined) merged.set(n.toLowerCase(), [n, v]);
    else seen[1] = `${seen[1]}, ${v}`;
  }
  const entries = [...merged.values()].map(
    ([n, v]) => [endpoint === "batch" || (endpoint !== "trigger" && !/^upstash-/i.test(n)) ? n.toLowerCase() : n, v] as const,
  );
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Re-adds what the path carries, so the rebuilt request is the same request. */
function withPath(endpoint: Endpoint, options: Record<string, unknown>): Record<string, unknown> {
  return endpoint === "enqueue" || endpoint === "batch" ? { ...options, queueName: QUEUE } : options;
}

const RUNS = propertyRuns(60);

describe.each(ALL)("round trip: %s", (endpoint) => {
  it("parse(build(o)) is canonical(o)", () => {
    fc.assert(
      fc.property(options(endpoint), (o) => {
        const { result, headers } = build(endpoint, o);
        expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const { queueName: _q, ...expected } = canonical(endpoint, endpoint === "schedule" ? o : { ...o });
        expect(parse(endpoint, headers)).toEqual(endpoint === "schedule" ? canonical(endpoint, o) : expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("build(parse(h)) is h", () => {
    fc.assert(
      fc.property(options(endpoint), (o) => {
        const { result, headers } = build(endpoint, o);
        const again = build(endpoint, withPath(endpoint, parse(endpoint, headers)));
        // No new problem: at most the warnings the first build gave (ratePerSecond is gone from the parsed options).
        const before = new Set(result.diagnostics.map((d) => d.code));
        expect(again.result.diagnostics.filter((d) => !before.has(d.code))).toEqual([]);
        expect(again.headers).toEqual(headers);
      }),
      { numRuns: RUNS },
    );
  });
});
