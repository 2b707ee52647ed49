import type { FlowControlOptions } from "../flow-control/types.js";
import type { UpstashPlan } from "../duration/plans.js";

/**
 * What to hide in Upstash's logs and console: `Upstash-Redact-Fields`.
 *
 * @example
 * ```ts
 * const redact: RedactOptions = { body: true, header: ["Authorization"] }; // "body,header[Authorization]"
 * ```
 */
export interface RedactOptions {
  readonly body?: boolean;
  /** `true` for every header, or the names of some. */
  readonly header?: true | readonly string[];
}

/**
 * The options every message shares, as @upstash/qstash's `publish` takes them.
 *
 * @example
 * ```ts
 * const options: PublishOptions = { url: "https://example.com/api/hook", retries: 5, retryDelay: "pow(2, retried) * 1000" };
 * ```
 */
export interface PublishOptions {
  /** The destination URL. */
  readonly url: string;
  /** A string as is, anything else as JSON (what `publishJSON` sends). */
  readonly body?: unknown;
  /** Sent as `Upstash-Forward-<name>`; `Content-Type` and `Upstash-*` names as they are. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A duration (`10s`, `1d10h30m`) or a number of seconds. */
  readonly delay?: string | number;
  /** Unix time in seconds; takes precedence over `delay`. */
  readonly notBefore?: number;
  readonly deduplicationId?: string;
  readonly contentBasedDeduplication?: boolean;
  readonly retries?: number;
  /** An `Upstash-Retry-Delay` expression. */
  readonly retryDelay?: string;
  readonly callback?: string;
  readonly failureCallback?: string;
  /** A duration, or a number of seconds. */
  readonly timeout?: string | number;
  readonly flowControl?: FlowControlOptions;
  readonly label?: string | readonly string[];
  readonly redact?: RedactOptions;
}

/**
 * A message for a queue: `POST /v2/enqueue/{queueName}/{url}`.
 *
 * @example
 * ```ts
 * const options: EnqueueOptions = { queueName: "emails", url: "https://example.com/send" };
 * ```
 */
export interface EnqueueOptions extends PublishOptions {
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
export interface BatchItem extends PublishOptions {
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
export interface ScheduleCreateOptions extends Omit<PublishOptions, "url" | "notBefore" | "deduplicationId" | "contentBasedDeduplication"> {
  readonly destination: string;
  /** Five fields, optionally after `CRON_TZ=<zone> `. */
  readonly cron: string;
  readonly scheduleId?: string;
  readonly queueName?: string;
}

/**
 * Options of the builders themselves, not of the request.
 *
 * @example
 * ```ts
 * const options: BuildOptions = { plan: "free", baseUrl: "http://localhost:8080" };
 * buildTriggerRequest({ url: "https://example.com/wf", delay: "8d" }, options).ok; // false: over the free plan
 * ```
 */
export interface BuildOptions {
  /** Default `https://qstash.upstash.io`. */
  readonly baseUrl?: string;
  /** Put in `Authorization: Bearer …`. Default the placeholder `<QSTASH_TOKEN>`: a real token never needs to pass through here. */
  readonly token?: string;
  /** Check values against this plan's documented limits (delay, timeout, message size, parallelism). */
  readonly plan?: UpstashPlan;
  /** "Now" in Unix milliseconds, for the `notBefore` checks. Default `Date.now()`. */
  readonly now?: number;
}

/**
 * The options of a workflow trigger, as `client.trigger` in @upstash/workflow
 * takes them.
 *
 * @example
 * ```ts
 * const options: TriggerOptions = { url: "https://example.com/wf", retries: 5, retryDelay: "pow(2, retried) * 1000", delay: "10s" };
 * buildTriggerRequest(options);
 * ```
 */
export interface TriggerOptions {
  /** The public URL of the workflow endpoint. */
  readonly url: string;
  /** A custom run id; it is sent with the `wfr_` prefix. */
  readonly workflowRunId?: string;
  /** The payload: a string as is, anything else as JSON. */
  readonly body?: unknown;
  /** Headers for the workflow, sent as `Upstash-Forward-<name>`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Retries of each step; default 3. */
  readonly retries?: number;
  /** An `Upstash-Retry-Delay` expression, e.g. `pow(2, retried) * 1000`. */
  readonly retryDelay?: string;
  /** A duration string (`10s`, `1d10h30m`) or a number of seconds. */
  readonly delay?: string | number;
  /** Unix time in seconds; takes precedence over `delay`. */
  readonly notBefore?: number;
  readonly flowControl?: FlowControlOptions;
  /** Where to send the failure callback; must be `http://` or `https://`. `""` sends none. */
  readonly failureUrl?: string;
  /** One label, or several (joined with `,`). */
  readonly label?: string | readonly string[];
  /** Hide the body and/or headers in Upstash's logs: `Upstash-Redact-Fields`. */
  readonly redact?: RedactOptions;
  /** The SDK's switch for its telemetry headers; this library sends none either way. */
  readonly disableTelemetry?: boolean;
}
