import { expectOptionalString, expectOptions, invalidArgument } from "../diagnostics/arguments.js";
import { collectHeaders, mergeQuery, type HeaderInput } from "../request/collect.js";
import type { Endpoint } from "../request/context.js";
import type { PublishOptions } from "../request/options.js";
import { readOptions, setOwn } from "../request/parse.js";
import { Report } from "../request/report.js";
import { destinationName } from "../request/table.js";
import type { TriggerOptions } from "./build.js";
import type { OptionDiagnostic } from "./codes.js";

export { MAX_HEADER_VALUE_LENGTH, type HeaderInput } from "../request/collect.js";

/**
 * What {@link parseTriggerHeaders} found: the trigger options the headers carry
 * (`url` is `""` unless given), in the one result shape. On failure, `partial`
 * holds every value that did parse.
 *
 * @example
 * ```ts
 * const parsed: TriggerParseResult = parseTriggerHeaders({ "upstash-retries": "5" });
 * if (parsed.ok) parsed.value.retries; // 5
 * ```
 */
export type TriggerParseResult = ParseResult<TriggerOptions>;

/**
 * What {@link parseRequestHeaders} found: the options of the endpoint's SDK call, in canonical form.
 *
 * @example
 * ```ts
 * const parsed: RequestParseResult = parseRequestHeaders({ "upstash-timeout": "30s" }, { endpoint: "publish" });
 * if (parsed.ok) parsed.value.timeout; // "30s"
 * ```
 */
export type RequestParseResult = ParseResult<PublishOptions & { readonly [option: string]: unknown }>;

/**
 * The one result shape, with the values that did parse kept on failure.
 * `options` is the 0.1 name of `value` / `partial`, kept for one minor version.
 *
 * @example
 * ```ts
 * const parsed: ParseResult<TriggerOptions> = parseTriggerHeaders({ "upstash-retries": "x" });
 * if (!parsed.ok) parsed.partial.url; // ""
 * ```
 */
export type ParseResult<T> =
  | {
      readonly ok: true;
      readonly value: T;
      readonly diagnostics: readonly OptionDiagnostic[];
      /** @deprecated Read `value`. Removed in 0.3.0. */
      readonly options: T;
    }
  | {
      readonly ok: false;
      readonly diagnostics: readonly OptionDiagnostic[];
      /** Every value that did parse. */
      readonly partial: T;
      /** @deprecated Read `partial`. Removed in 0.3.0. */
      readonly options: T;
    };

function parseResult<T>(ok: boolean, options: T, diagnostics: readonly OptionDiagnostic[]): ParseResult<T> {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated alias is built here, for its one minor version
  return ok ? { ok, value: options, diagnostics, options } : { ok, partial: options, diagnostics, options };
}

/**
 * Where headers came from: the destination URL (not a header), and the
 * request's query string, whose `upstash-*` parameters Upstash reads as
 * headers on `/v2/publish`.
 *
 * @example
 * ```ts
 * const context: ParseContextOptions = { url: "https://example.com/wf", query: "?upstash-retries=3" };
 * ```
 */
export interface ParseContextOptions {
  readonly url?: string;
  readonly query?: string;
}

/**
 * The reverse of {@link buildTriggerRequest}, for servers: incoming request
 * headers → typed trigger options, with diagnostics. Every header the option
 * table knows is read with its own language, including the callback and
 * failure-callback copies; `Upstash-Forward-*` is unwrapped into `headers`;
 * unknown `Upstash-*` headers get a warning (the first 20 one by one, the
 * rest counted). Never throws on any headers; a malformed `context` throws
 * `invalid-argument`.
 *
 * @example
 * ```ts
 * const parsed = parseTriggerHeaders({
 *   "upstash-retries": "5",
 *   "upstash-retry-delay": "pow(2, retried) * 1000",
 *   "upstash-forward-x-trace": "abc",
 * });
 * // parsed.value: { url: "", retries: 5, retryDelay: "pow(2, retried) * 1000", headers: { "x-trace": "abc" } }
 * ```
 */
export function parseTriggerHeaders(input: HeaderInput, context: ParseContextOptions = {}): TriggerParseResult {
  const parsed = parseFor("trigger", input, context);
  return parseResult(parsed.ok, (parsed.ok ? parsed.value : parsed.partial) as unknown as TriggerOptions, parsed.diagnostics);
}

const ENDPOINTS: readonly Endpoint[] = ["trigger", "publish", "enqueue", "batch", "schedule"];

/**
 * Incoming headers (and query parameters) of any endpoint → the options of
 * its SDK call: `publish`, `enqueue`, `batch` items, `schedule` and
 * `trigger`. Callback-family headers of qstash requests come back in
 * `headers` under their own names, as qstash-js passes them through.
 *
 * @example
 * ```ts
 * const parsed = parseRequestHeaders({ "upstash-method": "PUT", "upstash-callback-retries": "1" }, { endpoint: "publish" });
 * // parsed.value: { url: "", method: "PUT", headers: { "upstash-callback-retries": "1" } }
 * ```
 */
export function parseRequestHeaders(
  input: HeaderInput,
  context: ParseContextOptions & { readonly endpoint: Endpoint },
): RequestParseResult {
  const checked = expectOptions(context, "the context");
  const endpoint = checked.endpoint;
  if (!(ENDPOINTS as readonly unknown[]).includes(endpoint)) invalidArgument(`context.endpoint must be one of ${ENDPOINTS.join(", ")}`);
  return parseFor(endpoint as Endpoint, input, checked);
}

function parseFor(endpoint: Endpoint, input: unknown, context: unknown): RequestParseResult {
  const checked = expectOptions(context, "the context");
  const url = expectOptionalString(checked.url, "context.url");
  const query = expectOptionalString(checked.query, "context.query");
  const report = new Report();
  const headers = collectHeaders(input, report);
  if (query !== undefined) mergeQuery(headers, query, report);
  const options: Record<string, unknown> = {};
  setOwn(options, destinationName(endpoint), url ?? "");
  for (const [key, value] of Object.entries(readOptions(endpoint, headers, report))) setOwn(options, key, value);
  return parseResult(report.ok, options as RequestParseResult["options"], report.diagnostics);
}
