import type { FlowControlOptions } from "../flow-control/types.js";
import type { RedactOptions } from "../request/options.js";
import type { RequestBuildResult } from "../request/requests.js";

export { buildBatchTriggerRequest, buildTriggerRequest } from "../request/api.js";
export { DEFAULT_BASE_URL, isHttpUrl, PLACEHOLDER_TOKEN, type HttpRequest } from "../request/requests.js";
export type { BuildOptions } from "../request/options.js";

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

/**
 * The request, and everything found while building it.
 *
 * @example
 * ```ts
 * const result: TriggerBuildResult = buildTriggerRequest({ url: "example.com" });
 * result.ok; // false: the url needs http:// or https://
 * ```
 */
export type TriggerBuildResult = RequestBuildResult;
