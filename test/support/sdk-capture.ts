import { Client as QStashClient, type CreateScheduleRequest, type PublishBatchRequest, type PublishRequest } from "@upstash/qstash";
import { Client as WorkflowClient, type TriggerOptions } from "@upstash/workflow";

/*
 * Runs the official SDKs (`@upstash/qstash` 2.12.0, `@upstash/workflow` 1.3.3)
 * with the global `fetch` replaced, and returns the requests they would have
 * sent. Nothing reaches the network. See docs/sdk-serialization.md for what the
 * captured requests contain.
 *
 * - Telemetry is off by default: the qstash client gets `enableTelemetry:
 *   false`, and every trigger gets `disableTelemetry: true` unless the caller
 *   set `disableTelemetry` itself. Pass `{ telemetry: true }` to keep it, and
 *   strip it again with `withoutTelemetry`.
 * - The fake fetch answers every endpoint with a well-formed 200 response, so
 *   the SDKs neither retry nor throw; the clients are also built with
 *   `retry: false` and `devMode: false` (a `QSTASH_DEV` variable would
 *   otherwise send them to a local dev server).
 * - The options are copied before the call: `publishJSON`, `enqueueJSON` and
 *   `batchJSON` overwrite the caller's `headers` (and `batchJSON` each `body`).
 * - Captures are serialized: one capture at a time owns `globalThis.fetch`,
 *   and the original fetch is restored afterwards, also when the SDK throws.
 *   An SDK error is rethrown as is.
 */

/** One item of a `/v2/batch` request body, as the SDK wrote it. */
export interface CapturedBatchItem {
  destination: string;
  /** Lower-case names: the SDK writes `Object.fromEntries(headers.entries())`. */
  headers: Record<string, string>;
  body?: string;
  queue?: string;
}

export interface CapturedRequest {
  method: string;
  /** The full URL, e.g. `https://qstash.invalid/v2/publish/https://example.com/x`. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The body as `fetch` would send it; absent when there is none. */
  body?: string;
  /** For `/v2/batch` only: the body unpacked, one entry per message. */
  items?: CapturedBatchItem[];
}

export interface CaptureConfig {
  /** Keep the SDKs' telemetry headers (default: off where the SDK allows). */
  telemetry?: boolean;
}

export type WorkflowTriggerOptions = TriggerOptions;
export type QStashPublishOptions = PublishRequest<unknown>;
export type QStashBatchItem = PublishBatchRequest<unknown>;
export type QStashScheduleOptions = CreateScheduleRequest;

/** The base URL the capturing clients are configured with. */
export const CAPTURE_BASE_URL = "https://qstash.invalid";
/** The token the capturing clients are configured with (`Authorization: Bearer capture-token`). */
export const CAPTURE_TOKEN = "capture-token";

/** The request headers without `upstash-telemetry-*` (names compared case-insensitively). */
export function withoutTelemetry(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.toLowerCase().startsWith("upstash-telemetry-")));
}

export async function captureWorkflowTrigger(
  options: WorkflowTriggerOptions | WorkflowTriggerOptions[],
  config: CaptureConfig = {},
): Promise<CapturedRequest[]> {
  const client = new WorkflowClient({ ...clientConfig(config) });
  const prepare = (o: WorkflowTriggerOptions): WorkflowTriggerOptions => {
    const copy = copyOptions(o);
    return config.telemetry || o.disableTelemetry !== undefined ? copy : { ...copy, disableTelemetry: true };
  };
  return capture(async () => {
    if (Array.isArray(options)) await client.trigger(options.map(prepare));
    else await client.trigger(prepare(options));
  });
}

export async function capturePublish(options: QStashPublishOptions, config: CaptureConfig = {}): Promise<CapturedRequest[]> {
  const client = qstash(config);
  return capture(() => client.publish(copyOptions(options) as PublishRequest));
}

export async function capturePublishJSON(options: QStashPublishOptions, config: CaptureConfig = {}): Promise<CapturedRequest[]> {
  const client = qstash(config);
  return capture(() => client.publishJSON(copyOptions(options)));
}

export async function captureEnqueue(
  queueName: string,
  options: QStashPublishOptions,
  config: CaptureConfig = {},
): Promise<CapturedRequest[]> {
  const queue = qstash(config).queue({ queueName });
  return capture(() => queue.enqueue(copyOptions(options) as PublishRequest));
}

export async function captureEnqueueJSON(
  queueName: string,
  options: QStashPublishOptions,
  config: CaptureConfig = {},
): Promise<CapturedRequest[]> {
  const queue = qstash(config).queue({ queueName });
  return capture(() => queue.enqueueJSON(copyOptions(options)));
}

export async function captureBatchJSON(items: readonly QStashBatchItem[], config: CaptureConfig = {}): Promise<CapturedRequest[]> {
  const client = qstash(config);
  return capture(() => client.batchJSON(items.map(copyOptions)));
}

export async function captureScheduleCreate(options: QStashScheduleOptions, config: CaptureConfig = {}): Promise<CapturedRequest[]> {
  const client = qstash(config);
  return capture(() => client.schedules.create(copyOptions(options)));
}

// ---------------------------------------------------------------------------

function clientConfig(config: CaptureConfig) {
  return {
    token: CAPTURE_TOKEN,
    baseUrl: CAPTURE_BASE_URL,
    retry: false as const,
    devMode: false,
    enableTelemetry: config.telemetry ?? false,
  };
}

function qstash(config: CaptureConfig): QStashClient {
  return new QStashClient(clientConfig(config));
}

/** A copy the SDK may mutate: own properties, with `headers` copied one level down. */
function copyOptions<T extends object>(options: T): T {
  const copy = { ...options } as Record<string, unknown>;
  const headers = copy.headers;
  if (headers instanceof Headers) copy.headers = new Headers(headers);
  else if (Array.isArray(headers))
    copy.headers = headers.map((pair: unknown): unknown => (Array.isArray(pair) ? [...(pair as unknown[])] : pair));
  else if (headers !== null && typeof headers === "object") copy.headers = { ...headers };
  return copy as T;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `call` with `globalThis.fetch` replaced, one capture at a time. */
function capture(call: () => Promise<unknown>): Promise<CapturedRequest[]> {
  const run = queue.then(async () => {
    const requests: CapturedRequest[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const request = await record(input, init);
      requests.push(request);
      return fakeResponse(request);
    };
    try {
      await call();
    } finally {
      globalThis.fetch = realFetch;
    }
    return requests;
  });
  queue = run.catch(() => undefined);
  return run;
}

async function record(input: string | URL | Request, init: RequestInit = {}): Promise<CapturedRequest> {
  const url = input instanceof Request ? input.url : String(input);
  const headers: Record<string, string> = {};
  new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined)).forEach((value, name) => {
    headers[name] = value;
  });
  const request: CapturedRequest = { method: init.method ?? (input instanceof Request ? input.method : "GET"), url, headers };
  const body = await bodyText(init.body);
  if (body !== undefined) request.body = body;
  if (new URL(url).pathname === "/v2/batch" && body !== undefined) request.items = unpackBatch(body);
  return request;
}

/** The body as `fetch` would send it (a non-BodyInit object becomes its `String()`). */
async function bodyText(body: unknown): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  return new Response(body as BodyInit).text();
}

function unpackBatch(body: string): CapturedBatchItem[] {
  const parsed = JSON.parse(body) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`/v2/batch body is not an array: ${body}`);
  return parsed.map((raw: Record<string, unknown>) => {
    const item: CapturedBatchItem = { destination: String(raw.destination), headers: { ...(raw.headers as Record<string, string>) } };
    if (typeof raw.body === "string") item.body = raw.body;
    if (typeof raw.queue === "string") item.queue = raw.queue;
    return item;
  });
}

/** A 200 response shaped like QStash's for the endpoint. */
function fakeResponse(request: CapturedRequest): Response {
  const path = new URL(request.url).pathname;
  let payload: unknown;
  if (path === "/v2/batch") payload = (request.items ?? []).map((_, i) => ({ messageId: `msg_capture_${i}`, deduplicated: false }));
  else if (path.startsWith("/v2/schedules/")) payload = { scheduleId: "scd_capture" };
  else if (path.startsWith("/v2/publish/") || path.startsWith("/v2/enqueue/")) payload = { messageId: "msg_capture", deduplicated: false };
  else payload = {};
  return new Response(JSON.stringify(payload), { status: 200, headers: { "content-type": "application/json" } });
}
