import { expectOptionalString, expectOptions, invalidArgument } from "../diagnostics/arguments.js";
import { showValue } from "../diagnostics/show.js";
import { isUpstashPlan, PLAN_NAMES } from "../duration/plans.js";
import type { OptionDiagnostic } from "../trigger/codes.js";
import type { Endpoint } from "./context.js";
import { buildMessage, type Message, type MessageSettings } from "./message.js";
import { Report } from "./report.js";
import { checkHeaders } from "./safety.js";
import { isArraySafe, snapshotArray } from "../diagnostics/own.js";

/** Most items one batch may hold: far above real batches, it bounds the work of one call. */
export const MAX_BATCH_ITEMS = 10_000;

/**
 * An HTTP request, ready for `fetch(url, { method, headers, body })`.
 *
 * @example
 * ```ts
 * const { request } = buildTriggerRequest({ url: "https://example.com/wf" });
 * if (request) await fetch(request.url, { method: request.method, headers: { ...request.headers, Authorization: `Bearer ${token}` }, body: request.body });
 * ```
 */
export interface HttpRequest {
  readonly method: "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * A built request and everything found while building it, in the one result
 * shape: the request as `value` when no diagnostic is an error, else only the
 * diagnostics.
 *
 * @example
 * ```ts
 * const result: RequestBuildResult = buildPublishRequest({ url: "example.com" });
 * if (!result.ok) result.diagnostics[0]?.code; // "invalid-url"
 * ```
 */
export type RequestBuildResult =
  | {
      readonly ok: true;
      readonly value: HttpRequest;
      readonly diagnostics: readonly OptionDiagnostic[];
      /** The same request as `value`, under its 0.1 name; both stay. */
      readonly request: HttpRequest;
    }
  | { readonly ok: false; readonly diagnostics: readonly OptionDiagnostic[]; readonly request: undefined };

/**
 * Upstash's QStash API, where requests go unless `baseUrl` says otherwise.
 *
 * @example
 * ```ts
 * buildTriggerRequest({ url: "https://example.com/wf" }).request?.url.startsWith(DEFAULT_BASE_URL); // true
 * ```
 */
export const DEFAULT_BASE_URL = "https://qstash.upstash.io";

/**
 * What `Authorization: Bearer …` carries unless a token is given: never a real token.
 *
 * @example
 * ```ts
 * buildTriggerRequest({ url: "https://example.com/wf" }).request?.headers.Authorization; // `Bearer ${PLACEHOLDER_TOKEN}`
 * ```
 */
export const PLACEHOLDER_TOKEN = "<QSTASH_TOKEN>";

/** The builder's own options, checked as programming errors: they come from the program, not from a message. */
export function readBuildOptions(value: unknown): { baseUrl: string; token: string; settings: MessageSettings } {
  const build = expectOptions(value, "the build options");
  const baseUrl = expectOptionalString(build.baseUrl, "build.baseUrl");
  if (baseUrl !== undefined && !isHttpUrl(baseUrl))
    invalidArgument(`build.baseUrl must be an http:// or https:// URL, not \`${baseUrl.slice(0, 80)}\``);
  const token = expectOptionalString(build.token, "build.token");
  // A token goes into a header: a line break would smuggle in another header.
  if (token !== undefined && !/^[\x21-\x7e]+$/.test(token)) invalidArgument("build.token must be printable ASCII, as a header value");
  if (build.plan !== undefined && !isUpstashPlan(build.plan)) invalidArgument(`build.plan must be one of ${PLAN_NAMES}`);
  if (build.now !== undefined && (typeof build.now !== "number" || !Number.isFinite(build.now)))
    invalidArgument(`build.now must be a finite number of Unix milliseconds, not ${showValue(build.now)}`);
  return {
    baseUrl: (baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    token: token ?? PLACEHOLDER_TOKEN,
    settings: { plan: build.plan, now: build.now ?? Date.now() },
  };
}

/**
 * An absolute http:// or https:// URL without whitespace: what a base URL may be.
 *
 * @example
 * ```ts
 * isHttpUrl("http://localhost:8080"); // true
 * ```
 */
export function isHttpUrl(text: string): boolean {
  return /^https?:\/\/[\x21-\x7e]+$/.test(text);
}

/*
 * Checking and assembling are two steps. The check reads every option and
 * works out each message's headers, since the header-safety invariant is
 * about exactly the headers a message would carry; it is the whole of what
 * decides the diagnostics. Assembling then writes the URL, the
 * `Authorization` header, the header records and a batch's JSON body. The
 * builders run both; `requestDiagnostics` (the ESLint plugin and the
 * validating client, which only need the verdict) runs the check alone.
 */

/** One message, checked for header safety where its headers are assembled. */
function checkedMessage(
  endpoint: Endpoint,
  options: unknown,
  settings: MessageSettings,
  report: Report,
  prefix: string,
): Message | undefined {
  const message = buildMessage(endpoint, options, settings, report, prefix);
  if (message === undefined) return undefined;
  const safe = checkHeaders(message.headers.entries(), report, (name) => message.origins.get(name.toLowerCase()) ?? `${prefix}headers`);
  return safe ? message : undefined;
}

/**
 * A batch's messages, each diagnostic carrying its item's index; undefined
 * (after an `invalid-options` error) when `items` is not an array. Holds only
 * the messages without errors.
 */
function checkedBatch(endpoint: Endpoint, items: unknown, settings: MessageSettings, report: Report): Message[] | undefined {
  const read = isArraySafe(items) ? snapshotArray(items, MAX_BATCH_ITEMS) : undefined;
  if (read === undefined || !read.ok) {
    report.add(
      "invalid-options",
      "error",
      "the batch must be an array of options",
      "",
      "",
      read?.ok === false ? { hint: read.reason } : {},
    );
    return undefined;
  }
  const list = read.items;
  if (list.length === 0)
    report.add("empty-batch", "error", "the batch is empty", "", "", {
      hint: "give at least one item; @upstash/workflow fails on an empty trigger batch",
    });
  const messages: Message[] = [];
  list.forEach((options, index) => {
    const mark = report.diagnostics.length;
    const message = checkedMessage(endpoint, options, settings, report, `[${index}].`);
    for (let i = mark; i < report.diagnostics.length; i++) {
      const d = report.diagnostics[i];
      if (d !== undefined) report.diagnostics[i] = { ...d, index };
    }
    if (message !== undefined) messages.push(message);
  });
  return messages;
}

/**
 * Every diagnostic the builder of `endpoint` would find in `options` (an
 * array of them with `batch`), found by the builders' own check without
 * assembling the request: the same diagnostics, in the same order, as
 * `buildTriggerRequest` and its kin return. A malformed `build` throws
 * `invalid-argument`, as it does there.
 *
 * @example
 * ```ts
 * requestDiagnostics("trigger", { url: "https://example.com/wf", retryDelay: "pow(2, retryd)" }, {}, { batch: false })[0]?.code;
 * // "unknown-variable"
 * ```
 */
export function requestDiagnostics(
  endpoint: Endpoint,
  options: unknown,
  build: unknown,
  { batch }: { readonly batch: boolean },
): readonly OptionDiagnostic[] {
  const { settings } = readBuildOptions(build);
  const report = new Report();
  if (batch) checkedBatch(endpoint, options, settings, report);
  else checkedMessage(endpoint, options, settings, report, "");
  return report.diagnostics;
}

function finish(report: Report, request: () => HttpRequest): RequestBuildResult {
  if (!report.ok) return { ok: false, diagnostics: report.diagnostics, request: undefined };
  const built = request();
  return { ok: true, value: built, diagnostics: report.diagnostics, request: built };
}

/** A single-message request: `POST {base}{path(message)}` with the message's headers. */
export function singleRequest(
  endpoint: Endpoint,
  options: unknown,
  build: unknown,
  path: (message: Message) => string,
): RequestBuildResult {
  const { baseUrl, token, settings } = readBuildOptions(build);
  const report = new Report();
  const message = checkedMessage(endpoint, options, settings, report, "");
  return finish(report, () => {
    const sent = message as Message;
    return {
      method: "POST",
      url: `${baseUrl}${path(sent)}`,
      headers: { Authorization: `Bearer ${token}`, ...sent.headers.toRecord() },
      ...(sent.body === undefined ? {} : { body: sent.body }),
    };
  });
}

/** A batch: `POST {base}{path}` with a JSON array of items; each diagnostic carries its item's index. */
export function batchRequest(
  endpoint: Endpoint,
  items: unknown,
  build: unknown,
  path: string,
  item: (message: Message) => object,
): RequestBuildResult {
  const { baseUrl, token, settings } = readBuildOptions(build);
  const report = new Report();
  const messages = checkedBatch(endpoint, items, settings, report);
  if (messages === undefined) return finish(report, () => ({ method: "POST", url: "", headers: {} }));
  return finish(report, () => ({
    method: "POST",
    url: `${baseUrl}${path}`,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify(messages.map((message) => item(message))),
  }));
}
