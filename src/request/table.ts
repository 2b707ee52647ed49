import type { Endpoint } from "./context.js";
import { ALL, duration, MESSAGES, nameOf, QSTASH, resourceName, single, url, type OptionRow } from "./rows.js";
import { FLOW_CONTROL_OPTION_DOC, flowControlSchema } from "../flow-control/schema.js";
import { buildFlowControl, parseFlowControl } from "./values/flow.js";
import { buildCron, buildLabels, buildRedact, parseCron, parseLabels, parseRedact } from "./values/lists.js";
import * as numbers from "./values/numbers.js";
import * as text from "./values/text.js";

export type { HeaderRow, JsonSchema, OptionRow, PayloadRow, RowFacts } from "./rows.js";
export { optionName, PROTOCOL_HEADERS } from "./rows.js";

/*
 * THE table of request options. Every builder, the header parser, the curl
 * printer, the CLI flags, the generated options table in docs/trigger.md and
 * the JSON Schema in docs/schema/ read it; nothing else lists options or
 * their headers. Adding a header is one row here plus its tests.
 */

/**
 * Every request option: its header(s), value language, endpoints, doc line, schema, builder and parser.
 *
 * @example
 * ```ts
 * OPTION_TABLE.filter((row) => row.endpoints.includes("schedule")).map((row) => row.option);
 * ```
 */
export const OPTION_TABLE: readonly OptionRow[] = [
  {
    kind: "payload",
    option: "url",
    tsType: "string",
    place: "destination",
    language: "URL",
    endpoints: ALL,
    failureCopy: false,
    required: { on: ALL, code: "missing-url", why: "where the request goes", hint: "e.g. `https://example.com/api/workflow`" },
    renamed: { schedule: "destination" },
    doc: "The destination: the workflow endpoint, or the message's URL. Required. `destination` in `schedules.create`.",
    schema: url,
  },
  {
    kind: "payload",
    option: "body",
    tsType: "unknown",
    place: "body",
    language: "string or JSON",
    endpoints: ALL,
    failureCopy: false,
    doc: "The payload: a string as is, anything else as JSON with `Content-Type: application/json`.",
    schema: {},
  },
  {
    kind: "payload",
    option: "headers",
    tsType: "Readonly<Record<string, string>>",
    place: "headers",
    language: "header record",
    endpoints: ALL,
    failureCopy: true,
    doc: "Headers for the destination, sent as `Upstash-Forward-<name>`. qstash-js passes `Upstash-*` names through as they are.",
    schema: { type: "object", additionalProperties: { type: "string" } },
  },
  {
    kind: "payload",
    option: "disableTelemetry",
    tsType: "boolean",
    place: "none",
    language: "boolean",
    endpoints: ["trigger"],
    failureCopy: false,
    doc: "The SDK's switch for its telemetry headers; this library sends none either way.",
    schema: { type: "boolean" },
  },
  single({
    option: "workflowRunId",
    tsType: "string",
    header: "Upstash-Workflow-RunId",
    language: "run id",
    endpoints: ["trigger"],
    doc: "A custom run id; the SDK prefixes `wfr_` unconditionally.",
    schema: { type: "string", minLength: 1 },
    build: text.buildRunId,
    parse: (t, h, c) => text.parseRunId(t, h, c.report),
  }),
  single({
    option: "method",
    tsType: '"GET" | "POST" | "PUT" | "PATCH" | "DELETE"',
    header: "Upstash-Method",
    language: "HTTP method",
    endpoints: QSTASH,
    callbackFamilies: true,
    doc: "The destination's HTTP method; qstash-js always sends it (default POST), except from `schedules.create`.",
    schema: { enum: ["GET", "POST", "PUT", "PATCH", "DELETE"] },
    build: text.buildMethod,
    parse: (t, h, c) => text.parseMethod(t, h, c.report),
  }),
  single({
    option: "retries",
    tsType: "number",
    header: "Upstash-Retries",
    language: "integer 0–1,000,000",
    endpoints: ALL,
    failureCopy: true,
    callbackFamilies: true,
    doc: "Retries after the first delivery (default 3; @upstash/workflow leaves 3 out).",
    schema: { type: "integer", minimum: 0, maximum: 1_000_000 },
    build: numbers.buildRetries,
    parse: (t, h, c) => numbers.parseRetries(t, h, c.report),
  }),
  single({
    option: "retryDelay",
    tsType: "string",
    header: "Upstash-Retry-Delay",
    language: "retry-delay expression",
    endpoints: ALL,
    failureCopy: true,
    callbackFamilies: true,
    doc: "An expression in milliseconds over `retried`, checked over the message's own `retries`.",
    schema: { type: "string" },
    build: text.buildExpression,
    parse: (t, h, c) => text.parseExpression(t, h, c.report, c.retries),
  }),
  single({
    option: "delay",
    tsType: "string | number",
    header: "Upstash-Delay",
    language: "duration",
    endpoints: ALL,
    callbackFamilies: true,
    doc: "Delay before the first delivery: a duration, or a number of seconds (sent as `toFixed(0)` + `s`).",
    schema: duration,
    build: numbers.buildDelay,
    parse: (t, h, c) => numbers.parseDurationHeader(t, h, c.report),
  }),
  single({
    option: "notBefore",
    tsType: "number",
    header: "Upstash-Not-Before",
    language: "Unix seconds",
    endpoints: ["trigger", "publish", "enqueue", "batch"],
    doc: "Deliver at this Unix time (seconds, sent with `toFixed(0)`); takes precedence over `delay`.",
    schema: { type: "number", minimum: 0 },
    build: numbers.buildNotBefore,
    parse: (t, h, c) => numbers.parseNotBefore(t, h, c.report),
  }),
  single({
    option: "timeout",
    tsType: "string | number",
    header: "Upstash-Timeout",
    language: "duration",
    endpoints: QSTASH,
    callbackFamilies: true,
    doc: "How long the destination may take to answer; only shortens the plan's limit. A number is seconds, sent unrounded.",
    schema: duration,
    build: numbers.buildTimeout,
    parse: (t, h, c) => numbers.parseDurationHeader(t, h, c.report),
  }),
  {
    kind: "header",
    option: "flowControl",
    tsType: "FlowControlOptions",
    headers: ["Upstash-Flow-Control-Key", "Upstash-Flow-Control-Value"],
    language: "flow control",
    endpoints: ALL,
    failureCopy: true,
    callbackFamilies: true,
    doc: FLOW_CONTROL_OPTION_DOC,
    schema: flowControlSchema({ key: resourceName, duration }),
    build: (value, path, ctx) => {
      const built = buildFlowControl(value, path, ctx);
      return built === undefined ? undefined : [built.key, built.value];
    },
    parse: ([key, value], ctx) =>
      parseFlowControl(key, value, { key: "Upstash-Flow-Control-Key", value: "Upstash-Flow-Control-Value" }, ctx.report),
  },
  single({
    option: "callback",
    tsType: "string",
    header: "Upstash-Callback",
    language: "URL",
    endpoints: QSTASH,
    doc: "Called after each delivery attempt with the response.",
    schema: url,
    build: text.buildUrl,
    parse: (t, h, c) => text.parseUrl(t, h, c.report),
  }),
  single({
    option: "failureCallback",
    tsType: "string",
    header: "Upstash-Failure-Callback",
    language: "URL",
    endpoints: QSTASH,
    doc: "Called once the retries are exhausted.",
    schema: url,
    build: text.buildUrl,
    parse: (t, h, c) => text.parseUrl(t, h, c.report),
  }),
  single({
    option: "failureUrl",
    tsType: "string",
    header: "Upstash-Failure-Callback",
    language: "URL",
    endpoints: ["trigger"],
    doc: 'The trigger\'s failure callback; `""` sends none (as @upstash/workflow does). The SDK defaults it to `url`.',
    schema: url,
    build: text.buildFailureUrl,
    parse: (t, h, c) => text.parseUrl(t, h, c.report),
  }),
  single({
    option: "deduplicationId",
    tsType: "string",
    header: "Upstash-Deduplication-Id",
    language: "text",
    endpoints: MESSAGES,
    doc: "A message with the same id within the window is accepted but not enqueued.",
    schema: { type: "string", minLength: 1 },
    build: text.buildIdentifier,
    parse: (t) => t,
  }),
  single({
    option: "contentBasedDeduplication",
    tsType: "boolean",
    header: "Upstash-Content-Based-Deduplication",
    language: "boolean",
    endpoints: MESSAGES,
    doc: "Deduplicate by content; only `true` is sent.",
    schema: { type: "boolean" },
    build: text.buildFlag,
    parse: (t, h, c) => text.parseFlag(t, h, c.report),
  }),
  single({
    option: "label",
    tsType: "string | readonly string[]",
    header: "Upstash-Label",
    language: "label list",
    endpoints: ALL,
    doc: "One label or several (joined with `,`): letters, digits, `-`, `_`, `.`.",
    schema: { oneOf: [resourceName, { type: "array", items: resourceName, minItems: 1 }] },
    build: buildLabels,
    parse: (t, h, c) => parseLabels(t, h, c.report),
  }),
  single({
    option: "redact",
    tsType: "RedactOptions",
    header: "Upstash-Redact-Fields",
    language: "redact fields",
    endpoints: ALL,
    doc: "Hide the body and/or headers in logs and the console: `{ body?: true, header?: true | string[] }`.",
    schema: {
      type: "object",
      properties: { body: { type: "boolean" }, header: { oneOf: [{ const: true }, { type: "array", items: { type: "string" } }] } },
      additionalProperties: false,
    },
    build: buildRedact,
    parse: (t, h, c) => parseRedact(t, h, c.report),
  }),
  single({
    option: "queueName",
    tsType: "string",
    header: "Upstash-Queue-Name",
    language: "queue name",
    endpoints: ["enqueue", "batch", "schedule"],
    required: { on: ["enqueue"], code: "missing-queue", why: "the queue to enqueue into" },
    doc: "The queue: the path of `/v2/enqueue/{queue}/…`, the `queue` field of a batch item, a header on schedules.",
    schema: resourceName,
    build: text.buildName("queue name"),
    parse: (t, h, c) => text.parseName("queue name")(t, h, c.report),
  }),
  single({
    option: "cron",
    tsType: "string",
    header: "Upstash-Cron",
    language: "cron",
    endpoints: ["schedule"],
    required: { on: ["schedule"], code: "missing-cron", why: "when the schedule runs", hint: "e.g. `*/5 * * * *` for every five minutes" },
    doc: "Required for schedules: five fields, optionally after `CRON_TZ=<zone> `.",
    schema: { type: "string" },
    build: buildCron,
    parse: (t, h, c) => parseCron(t, h, c.report),
  }),
  single({
    option: "scheduleId",
    tsType: "string",
    header: "Upstash-Schedule-Id",
    language: "schedule id",
    endpoints: ["schedule"],
    doc: "A custom schedule id; an existing id updates that schedule.",
    schema: resourceName,
    build: text.buildName("schedule id"),
    parse: (t, h, c) => text.parseName("schedule id")(t, h, c.report),
  }),
];

/** The destination URL's row (`url`; `destination` on schedules), found once when the module loads. */
const DESTINATION_ROW: OptionRow = (() => {
  const row = OPTION_TABLE.find((r) => r.kind === "payload" && r.place === "destination");
  if (row === undefined) throw new Error("OPTION_TABLE has no destination row");
  return row;
})();

/**
 * The name of the destination URL option in an endpoint's SDK call.
 *
 * @example
 * ```ts
 * destinationName("schedule"); // "destination"
 * ```
 */
export function destinationName(endpoint: Endpoint): string {
  return nameOf(DESTINATION_ROW, endpoint);
}

const ROWS_BY_ENDPOINT = new Map<Endpoint, readonly OptionRow[]>();

/** The rows an endpoint takes, in table order: worked out once per endpoint, since every message asks. */
export function rowsFor(endpoint: Endpoint): readonly OptionRow[] {
  let rows = ROWS_BY_ENDPOINT.get(endpoint);
  if (rows === undefined)
    ROWS_BY_ENDPOINT.set(endpoint, (rows = Object.freeze(OPTION_TABLE.filter((row) => row.endpoints.includes(endpoint)))));
  return rows;
}
