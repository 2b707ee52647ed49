// Generated from OPTION_TABLE (src/request/table.ts) by scripts/options-docs.mjs: run `npm run docs:options`
// after changing a row. Do not edit by hand; a test fails when this file differs from the table.
import type { FlowControlOptions } from "../flow-control/types.js";
import type { RedactOptions } from "./redact-options.js";

/**
 * The options of a workflow trigger, as `client.trigger` in @upstash/workflow takes them.
 *
 * @example
 * ```ts
 * const options: TriggerOptions = { url: "https://example.com/wf", retries: 5, retryDelay: "pow(2, retried) * 1000", delay: "10s" };
 * ```
 */
export interface TriggerOptions {
  /** The destination: the workflow endpoint, or the message's URL. Required. `destination` in `schedules.create`. */
  readonly url: string;
  /** The payload: a string as is, anything else as JSON with `Content-Type: application/json`. */
  readonly body?: unknown;
  /** Headers for the destination, sent as `Upstash-Forward-<name>`. qstash-js passes `Upstash-*` names through as they are. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The SDK's switch for its telemetry headers; this library sends none either way. */
  readonly disableTelemetry?: boolean;
  /** A custom run id; the SDK prefixes `wfr_` unconditionally. */
  readonly workflowRunId?: string;
  /** Retries after the first delivery (default 3; @upstash/workflow leaves 3 out). */
  readonly retries?: number;
  /** An expression in milliseconds over `retried`, checked over the message's own `retries`. */
  readonly retryDelay?: string;
  /** Delay before the first delivery: a duration, or a number of seconds (sent as `toFixed(0)` + `s`). */
  readonly delay?: string | number;
  /** Deliver at this Unix time (seconds, sent with `toFixed(0)`); takes precedence over `delay`. */
  readonly notBefore?: number;
  /** `{ key, parallelism?, rate?, period? }`: calls that share a key share the limits. `ratePerSecond` is the deprecated name of `rate`. */
  readonly flowControl?: FlowControlOptions;
  /** The trigger's failure callback; `""` sends none (as @upstash/workflow does). The SDK defaults it to `url`. */
  readonly failureUrl?: string;
  /** One label or several (joined with `,`): letters, digits, `-`, `_`, `.`. */
  readonly label?: string | readonly string[];
  /** Hide the body and/or headers in logs and the console: `{ body?: true, header?: true | string[] }`. */
  readonly redact?: RedactOptions;
}

/**
 * The options of a message, as @upstash/qstash's `publish` / `publishJSON` take them.
 *
 * @example
 * ```ts
 * const options: PublishOptions = { url: "https://example.com/api/hook", retries: 5, retryDelay: "pow(2, retried) * 1000" };
 * ```
 */
export interface PublishOptions {
  /** The destination: the workflow endpoint, or the message's URL. Required. `destination` in `schedules.create`. */
  readonly url: string;
  /** The payload: a string as is, anything else as JSON with `Content-Type: application/json`. */
  readonly body?: unknown;
  /** Headers for the destination, sent as `Upstash-Forward-<name>`. qstash-js passes `Upstash-*` names through as they are. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The destination's HTTP method; qstash-js always sends it (default POST), except from `schedules.create`. */
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Retries after the first delivery (default 3; @upstash/workflow leaves 3 out). */
  readonly retries?: number;
  /** An expression in milliseconds over `retried`, checked over the message's own `retries`. */
  readonly retryDelay?: string;
  /** Delay before the first delivery: a duration, or a number of seconds (sent as `toFixed(0)` + `s`). */
  readonly delay?: string | number;
  /** Deliver at this Unix time (seconds, sent with `toFixed(0)`); takes precedence over `delay`. */
  readonly notBefore?: number;
  /** How long the destination may take to answer; only shortens the plan's limit. A number is seconds, sent unrounded. */
  readonly timeout?: string | number;
  /** `{ key, parallelism?, rate?, period? }`: calls that share a key share the limits. `ratePerSecond` is the deprecated name of `rate`. */
  readonly flowControl?: FlowControlOptions;
  /** Called after each delivery attempt with the response. */
  readonly callback?: string;
  /** Called once the retries are exhausted. */
  readonly failureCallback?: string;
  /** A message with the same id within the window is accepted but not enqueued. */
  readonly deduplicationId?: string;
  /** Deduplicate by content; only `true` is sent. */
  readonly contentBasedDeduplication?: boolean;
  /** One label or several (joined with `,`): letters, digits, `-`, `_`, `.`. */
  readonly label?: string | readonly string[];
  /** Hide the body and/or headers in logs and the console: `{ body?: true, header?: true | string[] }`. */
  readonly redact?: RedactOptions;
}

/**
 * A message for a queue: `POST /v2/enqueue/{queueName}/{url}`, as `queue.enqueueJSON` sends it.
 *
 * @example
 * ```ts
 * const options: EnqueueOptions = { queueName: "emails", url: "https://example.com/send" };
 * ```
 */
export interface EnqueueOptions {
  /** The destination: the workflow endpoint, or the message's URL. Required. `destination` in `schedules.create`. */
  readonly url: string;
  /** The payload: a string as is, anything else as JSON with `Content-Type: application/json`. */
  readonly body?: unknown;
  /** Headers for the destination, sent as `Upstash-Forward-<name>`. qstash-js passes `Upstash-*` names through as they are. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The destination's HTTP method; qstash-js always sends it (default POST), except from `schedules.create`. */
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Retries after the first delivery (default 3; @upstash/workflow leaves 3 out). */
  readonly retries?: number;
  /** An expression in milliseconds over `retried`, checked over the message's own `retries`. */
  readonly retryDelay?: string;
  /** Delay before the first delivery: a duration, or a number of seconds (sent as `toFixed(0)` + `s`). */
  readonly delay?: string | number;
  /** Deliver at this Unix time (seconds, sent with `toFixed(0)`); takes precedence over `delay`. */
  readonly notBefore?: number;
  /** How long the destination may take to answer; only shortens the plan's limit. A number is seconds, sent unrounded. */
  readonly timeout?: string | number;
  /** `{ key, parallelism?, rate?, period? }`: calls that share a key share the limits. `ratePerSecond` is the deprecated name of `rate`. */
  readonly flowControl?: FlowControlOptions;
  /** Called after each delivery attempt with the response. */
  readonly callback?: string;
  /** Called once the retries are exhausted. */
  readonly failureCallback?: string;
  /** A message with the same id within the window is accepted but not enqueued. */
  readonly deduplicationId?: string;
  /** Deduplicate by content; only `true` is sent. */
  readonly contentBasedDeduplication?: boolean;
  /** One label or several (joined with `,`): letters, digits, `-`, `_`, `.`. */
  readonly label?: string | readonly string[];
  /** Hide the body and/or headers in logs and the console: `{ body?: true, header?: true | string[] }`. */
  readonly redact?: RedactOptions;
  /** The queue: the path of `/v2/enqueue/{queue}/…`, the `queue` field of a batch item, a header on schedules. */
  readonly queueName: string;
}

/**
 * One item of `POST /v2/batch`, as `batchJSON` takes it.
 *
 * @example
 * ```ts
 * const item: BatchItem = { url: "https://example.com/a", queueName: "emails" };
 * ```
 */
export interface BatchItem {
  /** The destination: the workflow endpoint, or the message's URL. Required. `destination` in `schedules.create`. */
  readonly url: string;
  /** The payload: a string as is, anything else as JSON with `Content-Type: application/json`. */
  readonly body?: unknown;
  /** Headers for the destination, sent as `Upstash-Forward-<name>`. qstash-js passes `Upstash-*` names through as they are. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The destination's HTTP method; qstash-js always sends it (default POST), except from `schedules.create`. */
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Retries after the first delivery (default 3; @upstash/workflow leaves 3 out). */
  readonly retries?: number;
  /** An expression in milliseconds over `retried`, checked over the message's own `retries`. */
  readonly retryDelay?: string;
  /** Delay before the first delivery: a duration, or a number of seconds (sent as `toFixed(0)` + `s`). */
  readonly delay?: string | number;
  /** Deliver at this Unix time (seconds, sent with `toFixed(0)`); takes precedence over `delay`. */
  readonly notBefore?: number;
  /** How long the destination may take to answer; only shortens the plan's limit. A number is seconds, sent unrounded. */
  readonly timeout?: string | number;
  /** `{ key, parallelism?, rate?, period? }`: calls that share a key share the limits. `ratePerSecond` is the deprecated name of `rate`. */
  readonly flowControl?: FlowControlOptions;
  /** Called after each delivery attempt with the response. */
  readonly callback?: string;
  /** Called once the retries are exhausted. */
  readonly failureCallback?: string;
  /** A message with the same id within the window is accepted but not enqueued. */
  readonly deduplicationId?: string;
  /** Deduplicate by content; only `true` is sent. */
  readonly contentBasedDeduplication?: boolean;
  /** One label or several (joined with `,`): letters, digits, `-`, `_`, `.`. */
  readonly label?: string | readonly string[];
  /** Hide the body and/or headers in logs and the console: `{ body?: true, header?: true | string[] }`. */
  readonly redact?: RedactOptions;
  /** The queue: the path of `/v2/enqueue/{queue}/…`, the `queue` field of a batch item, a header on schedules. */
  readonly queueName?: string;
}

/**
 * A schedule, as @upstash/qstash's `schedules.create` takes it.
 *
 * @example
 * ```ts
 * const options: ScheduleCreateOptions = { destination: "https://example.com/nightly", cron: "0 3 * * *" };
 * ```
 */
export interface ScheduleCreateOptions {
  /** The destination: the workflow endpoint, or the message's URL. Required. `destination` in `schedules.create`. */
  readonly destination: string;
  /** The payload: a string as is, anything else as JSON with `Content-Type: application/json`. */
  readonly body?: unknown;
  /** Headers for the destination, sent as `Upstash-Forward-<name>`. qstash-js passes `Upstash-*` names through as they are. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The destination's HTTP method; qstash-js always sends it (default POST), except from `schedules.create`. */
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Retries after the first delivery (default 3; @upstash/workflow leaves 3 out). */
  readonly retries?: number;
  /** An expression in milliseconds over `retried`, checked over the message's own `retries`. */
  readonly retryDelay?: string;
  /** Delay before the first delivery: a duration, or a number of seconds (sent as `toFixed(0)` + `s`). */
  readonly delay?: string | number;
  /** How long the destination may take to answer; only shortens the plan's limit. A number is seconds, sent unrounded. */
  readonly timeout?: string | number;
  /** `{ key, parallelism?, rate?, period? }`: calls that share a key share the limits. `ratePerSecond` is the deprecated name of `rate`. */
  readonly flowControl?: FlowControlOptions;
  /** Called after each delivery attempt with the response. */
  readonly callback?: string;
  /** Called once the retries are exhausted. */
  readonly failureCallback?: string;
  /** One label or several (joined with `,`): letters, digits, `-`, `_`, `.`. */
  readonly label?: string | readonly string[];
  /** Hide the body and/or headers in logs and the console: `{ body?: true, header?: true | string[] }`. */
  readonly redact?: RedactOptions;
  /** The queue: the path of `/v2/enqueue/{queue}/…`, the `queue` field of a batch item, a header on schedules. */
  readonly queueName?: string;
  /** Required for schedules: five fields, optionally after `CRON_TZ=<zone> `. */
  readonly cron: string;
  /** A custom schedule id; an existing id updates that schedule. */
  readonly scheduleId?: string;
}
