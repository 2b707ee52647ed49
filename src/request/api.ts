import type { BatchItem, BuildOptions, EnqueueOptions, PublishOptions, ScheduleCreateOptions, TriggerOptions } from "./options.js";
import { batchRequest, singleRequest, type RequestBuildResult } from "./requests.js";

/**
 * Builds `POST /v2/trigger/{url}` from `client.trigger`-style options
 * (@upstash/workflow), with the headers the SDK sends and every problem
 * found, each tagged with its option path. Never throws on any options; a
 * malformed `build` throws `invalid-argument`.
 *
 * @example
 * ```ts
 * const { ok, request, diagnostics } = buildTriggerRequest({
 *   url: "https://example.com/api/workflow",
 *   retries: 5,
 *   retryDelay: "pow(2, retried) * 1000",
 *   flowControl: { key: "user-42", rate: 10, period: "1m" },
 * });
 * // request.url: "https://qstash.upstash.io/v2/trigger/https://example.com/api/workflow"
 * // request.headers["Upstash-Flow-Control-Value"]: "rate=10, period=1m"
 * ```
 */
export function buildTriggerRequest(options: TriggerOptions, build: BuildOptions = {}): RequestBuildResult {
  return singleRequest("trigger", options, build, (m) => `/v2/trigger/${m.destination}`);
}

/**
 * Builds `POST /v2/batch/trigger` for several triggers: a JSON array of
 * `{ destination, body?, headers }`. Each diagnostic carries its item's
 * `index`, and its path starts with `[index]`. An empty batch is refused.
 *
 * @example
 * ```ts
 * const { request } = buildBatchTriggerRequest([{ url: "https://a.example/wf" }, { url: "https://b.example/wf", retries: 0 }]);
 * JSON.parse(request?.body ?? "[]").length; // 2
 * ```
 */
export function buildBatchTriggerRequest(items: readonly TriggerOptions[], build: BuildOptions = {}): RequestBuildResult {
  return batchRequest("trigger", items, build, "/v2/batch/trigger", (m) => ({
    destination: m.destination,
    ...(m.body === undefined ? {} : { body: m.body }),
    headers: m.headers.toRecord(),
  }));
}

/**
 * Builds `POST /v2/publish/{url}` as @upstash/qstash's `publish` (or, for a
 * non-string body, `publishJSON`) sends it.
 *
 * @example
 * ```ts
 * const { request } = buildPublishRequest({ url: "https://example.com/hook", body: { id: 1 }, retries: 2, timeout: "30s" });
 * request?.headers["Upstash-Method"]; // "POST"
 * ```
 */
export function buildPublishRequest(options: PublishOptions, build: BuildOptions = {}): RequestBuildResult {
  return singleRequest("publish", options, build, (m) => `/v2/publish/${m.destination}`);
}

/**
 * Builds `POST /v2/enqueue/{queueName}/{url}`, as `client.queue({ queueName }).enqueue(...)` sends it.
 *
 * @example
 * ```ts
 * buildEnqueueRequest({ queueName: "emails", url: "https://example.com/send" }).request?.url;
 * // "https://qstash.upstash.io/v2/enqueue/emails/https://example.com/send"
 * ```
 */
export function buildEnqueueRequest(options: EnqueueOptions, build: BuildOptions = {}): RequestBuildResult {
  return singleRequest("enqueue", options, build, (m) => `/v2/enqueue/${m.queue ?? ""}/${m.destination}`);
}

/**
 * Builds `POST /v2/batch`, as `batchJSON` sends it: a JSON array of
 * `{ destination, headers, body?, queue? }`. An empty batch is refused.
 *
 * @example
 * ```ts
 * const { request } = buildBatchRequest([{ url: "https://example.com/a" }, { url: "https://example.com/b", queueName: "q" }]);
 * JSON.parse(request?.body ?? "[]")[1].queue; // "q"
 * ```
 */
export function buildBatchRequest(items: readonly BatchItem[], build: BuildOptions = {}): RequestBuildResult {
  return batchRequest("batch", items, build, "/v2/batch", (m) => ({
    destination: m.destination,
    headers: lowerCased(m.headers.toRecord()),
    ...(m.body === undefined ? {} : { body: m.body }),
    ...(m.queue === undefined ? {} : { queue: m.queue }),
  }));
}

/**
 * Builds `POST /v2/schedules/{destination}`, as `schedules.create` sends it.
 * `cron` is required.
 *
 * @example
 * ```ts
 * buildScheduleRequest({ destination: "https://example.com/nightly", cron: "0 3 * * *", retries: 1 }).request?.headers["Upstash-Cron"]; // "0 3 * * *"
 * ```
 */
export function buildScheduleRequest(options: ScheduleCreateOptions, build: BuildOptions = {}): RequestBuildResult {
  return singleRequest("schedule", options, build, (m) => `/v2/schedules/${m.destination}`);
}

/** qstash-js writes batch items' headers through `Headers`, so their names arrive lower-cased. */
function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    Object.defineProperty(out, name.toLowerCase(), { value, enumerable: true, writable: true, configurable: true });
  return out;
}
