import { expectOptionalString, expectOptions, invalidArgument } from "../diagnostics/arguments.js";
import { reportBounded } from "../diagnostics/bounded.js";
import { showValue } from "../diagnostics/show.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { closestName } from "../diagnostics/suggest.js";
import { checkDelayForPlan, isUpstashPlan, PLAN_NAMES, type UpstashPlan } from "../duration/plans.js";
import { parseDuration } from "../duration/parse.js";
import { tryCompile } from "../expression/api.js";
import { DEFAULT_RETRIES } from "../expression/check.js";
import { EXPRESSION_LIMITS } from "../expression/limits.js";
import { checkFlowControl, checkResourceName, flowControlText, type FlowControlOptions } from "../flow-control/flow-control.js";
import type { OptionDiagnostic, TriggerCode } from "./codes.js";
import { HEADER } from "./headers.js";

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
  /** Where to send the failure callback; must be `http://` or `https://`. */
  readonly failureUrl?: string;
  /** One label, or several (joined with `,`). */
  readonly label?: string | readonly string[];
}

/**
 * Options of the builder itself, not of the trigger.
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
  /** Check `delay` and `notBefore` against this plan's maximum delay. */
  readonly plan?: UpstashPlan;
  /** "Now" in Unix milliseconds, for the `notBefore` checks. Default `Date.now()`. */
  readonly now?: number;
}

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
 * The request, and everything found while building it.
 *
 * @example
 * ```ts
 * const result: TriggerBuildResult = buildTriggerRequest({ url: "example.com" });
 * result.ok; // false: the url needs http:// or https://
 * ```
 */
export interface TriggerBuildResult {
  /** False when any diagnostic is an error; the request is then absent. */
  readonly ok: boolean;
  readonly request: HttpRequest | undefined;
  readonly diagnostics: readonly OptionDiagnostic[];
}

/**
 * Upstash's QStash API, where triggers go unless `baseUrl` says otherwise.
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

const KNOWN_OPTIONS = ["url", "workflowRunId", "body", "headers", "retries", "retryDelay", "delay", "notBefore", "flowControl", "failureUrl", "label", "disableTelemetry", "redact"] as const;

/**
 * Headers of one trigger (without transport headers), and the diagnostics found.
 *
 * @example
 * ```ts
 * const built: TriggerHeaders = buildTriggerHeaders({ url: "https://example.com/wf", retries: 5 });
 * built.headers["Upstash-Retries"]; // "5"
 * ```
 */
export interface TriggerHeaders {
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly diagnostics: OptionDiagnostic[];
}

/**
 * Builds the REST request for `POST /v2/trigger/{workflowUrl}` from
 * `client.trigger`-style options, with the headers the official SDK would
 * send, and every problem found, each tagged with its option path. Never throws.
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
export function buildTriggerRequest(options: TriggerOptions, build: BuildOptions = {}): TriggerBuildResult {
  checkBuildOptions(build);
  const built = buildTriggerHeaders(options, build);
  const ok = !built.diagnostics.some((d) => d.severity === "error");
  if (!ok) return { ok, request: undefined, diagnostics: built.diagnostics };
  const request: HttpRequest = {
    method: "POST",
    url: `${baseUrl(build)}/v2/trigger/${options.url}`,
    headers: { Authorization: `Bearer ${build.token ?? PLACEHOLDER_TOKEN}`, ...built.headers },
    ...(built.body === undefined ? {} : { body: built.body }),
  };
  return { ok, request, diagnostics: built.diagnostics };
}

/**
 * Builds `POST /v2/batch/trigger` for several triggers: a JSON array of
 * `{ destination, body?, headers }`. Each diagnostic carries its item's `index`,
 * and its path starts with `[index]`.
 *
 * @example
 * ```ts
 * const { request } = buildBatchTriggerRequest([{ url: "https://a.example/wf" }, { url: "https://b.example/wf", retries: 0 }]);
 * JSON.parse(request?.body ?? "[]").length; // 2
 * ```
 */
export function buildBatchTriggerRequest(items: readonly TriggerOptions[], build: BuildOptions = {}): TriggerBuildResult {
  checkBuildOptions(build);
  if (!Array.isArray(items)) {
    return { ok: false, request: undefined, diagnostics: [tagged("invalid-options", "error", "the batch must be an array of trigger options", "", "")] };
  }
  const diagnostics: OptionDiagnostic[] = [];
  const messages: { destination: string; body?: string; headers: Record<string, string> }[] = [];
  items.forEach((item, index) => {
    const built = buildTriggerHeaders(item, build);
    for (const d of built.diagnostics) diagnostics.push({ ...d, index, path: d.path === "" ? `[${index}]` : `[${index}].${d.path}` });
    messages.push({ destination: item?.url, ...(built.body === undefined ? {} : { body: built.body }), headers: built.headers });
  });
  const ok = !diagnostics.some((d) => d.severity === "error");
  if (!ok) return { ok, request: undefined, diagnostics };
  const request: HttpRequest = {
    method: "POST",
    url: `${baseUrl(build)}/v2/batch/trigger`,
    headers: { Authorization: `Bearer ${build.token ?? PLACEHOLDER_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(messages),
  };
  return { ok, request, diagnostics };
}

/**
 * The builder's own options come from the program, not from the trigger's
 * author, so a wrong one is thrown as `invalid-argument` rather than
 * reported among the trigger's diagnostics.
 */
function checkBuildOptions(value: unknown): asserts value is BuildOptions {
  const build = expectOptions(value, "the build options");
  const baseUrl = expectOptionalString(build.baseUrl, "build.baseUrl");
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) invalidArgument(`build.baseUrl must be an http:// or https:// URL, not \`${baseUrl}\``);
  const token = expectOptionalString(build.token, "build.token");
  // A token goes into a header: a line break would smuggle in another header.
  if (token !== undefined && /[^\x20-\x7e]/.test(token)) invalidArgument("build.token must be printable ASCII, as a header value");
  if (build.plan !== undefined && !isUpstashPlan(build.plan)) invalidArgument(`build.plan must be one of ${PLAN_NAMES}`);
  if (build.now !== undefined && !Number.isFinite(build.now)) invalidArgument(`build.now must be a finite number of Unix milliseconds, not ${showValue(build.now)}`);
}

/** An absolute http:// or https:// URL without whitespace: what a base URL may be. */
export function isHttpUrl(text: string): boolean {
  return /^https?:\/\/\S+$/.test(text);
}

function baseUrl(build: BuildOptions): string {
  return (build.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
}

function tagged(code: string, severity: Diagnostic["severity"], message: string, path: string, input: string, extra: Partial<Diagnostic> = {}): OptionDiagnostic {
  return { code, severity, message, span: { start: 0, end: input.length }, path, input, ...extra };
}

/**
 * The headers and body of one trigger, as the SDK would send them.
 *
 * @example
 * ```ts
 * const { headers, body } = buildTriggerHeaders({ url: "https://example.com/wf", body: { id: 1 } });
 * headers["Content-Type"]; // "application/json"
 * body; // '{"id":1}'
 * ```
 */
export function buildTriggerHeaders(options: TriggerOptions, build: BuildOptions = {}): TriggerHeaders {
  checkBuildOptions(build);
  const diagnostics: OptionDiagnostic[] = [];
  const headers: Record<string, string> = {};
  const add = (code: TriggerCode, severity: Diagnostic["severity"], message: string, path: string, input: string, extra: Partial<Diagnostic> = {}): void => {
    diagnostics.push(tagged(code, severity, message, path, input, extra));
  };
  const adopt = (found: readonly Diagnostic[], path: string, input: string): void => {
    for (const d of found) diagnostics.push({ ...d, path, input });
  };

  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    add("invalid-options", "error", "the trigger options must be an object such as `{ url }`", "", "");
    return { headers, body: undefined, diagnostics };
  }
  // Options parsed from a request body can hold any number of keys: warn about
  // the first few one by one, with suggestions, and count the rest.
  reportBounded(
    Object.keys(options).filter((key) => !(KNOWN_OPTIONS as readonly string[]).includes(key)),
    (key) => {
      const suggestion = closestName(key, KNOWN_OPTIONS);
      add("unknown-option", "warning", `unknown option \`${key}\`; it is ignored`, key, key, suggestion === undefined ? {} : { hint: `did you mean \`${suggestion}\`?` });
    },
    (more) => add("unknown-option", "warning", `and ${more} more unknown ${more === 1 ? "option" : "options"}; they are ignored`, "", ""),
  );

  // url
  if (options.url === undefined) add("missing-url", "error", "`url` is required: the workflow endpoint to trigger", "url", "", { hint: "e.g. `https://example.com/api/workflow`" });
  else checkUrl(options.url, "url", add);

  // workflowRunId
  if (options.workflowRunId !== undefined) {
    const id = options.workflowRunId;
    if (typeof id !== "string" || id === "" || !isHeaderSafe(id)) {
      add("invalid-run-id", "error", "`workflowRunId` must be a non-empty string of visible ASCII characters", "workflowRunId", showValue(id));
    } else {
      if (id.startsWith("wfr_")) {
        add("doubled-run-id-prefix", "warning", `the run id becomes \`wfr_${id}\`: the \`wfr_\` prefix is added for you`, "workflowRunId", id, { span: { start: 0, end: 4 }, hint: `pass \`${id.slice(4)}\`` });
      }
      headers[HEADER.workflowRunId] = `wfr_${id}`;
    }
  }

  // retries
  const retries = options.retries;
  if (retries !== undefined) {
    if (typeof retries !== "number" || !Number.isInteger(retries) || retries < 0 || retries > EXPRESSION_LIMITS.maxRetries) {
      add("invalid-retries", "error", `\`retries\` must be a whole number from 0 to ${EXPRESSION_LIMITS.maxRetries}, not ${showValue(retries)}`, "retries", showValue(retries));
    } else if (retries !== DEFAULT_RETRIES) {
      // The SDK leaves out the default, and so does this.
      headers[HEADER.retries] = String(retries);
    }
  }

  // retryDelay
  if (options.retryDelay !== undefined) {
    const domain = typeof retries === "number" && Number.isInteger(retries) && retries >= 0 && retries <= EXPRESSION_LIMITS.maxRetries ? retries : DEFAULT_RETRIES;
    const compiled = tryCompile(options.retryDelay, { retries: domain });
    adopt(compiled.diagnostics, "retryDelay", typeof options.retryDelay === "string" ? options.retryDelay : "");
    if (compiled.ok) headers[HEADER.retryDelay] = options.retryDelay;
  }

  // delay
  let delayGiven = false;
  if (options.delay !== undefined) {
    delayGiven = true;
    const value = checkDelay(options.delay, build.plan, add, adopt);
    if (value !== undefined) headers[HEADER.delay] = value;
  }

  // notBefore
  if (options.notBefore !== undefined) {
    const value = checkNotBefore(options.notBefore, build, add);
    if (value !== undefined) headers[HEADER.notBefore] = value;
    if (delayGiven) add("not-before-overrides-delay", "warning", "both `delay` and `notBefore` are given; `notBefore` takes precedence", "notBefore", showValue(options.notBefore), { hint: "drop one of them" });
  }

  // flowControl
  if (options.flowControl !== undefined) {
    const flow = options.flowControl;
    const found = checkFlowControl(flow);
    const text = typeof flow === "object" && flow !== null ? flowControlText(flow) : "";
    for (const d of found) {
      const wholeValue = d.span.start === 0 && d.span.end === text.length;
      const field = d.code === "missing-key" ? "flowControl.key" : wholeValue ? "flowControl" : fieldAt(text, d.span.start);
      diagnostics.push({ ...d, path: field, input: d.code === "missing-key" ? "" : text });
    }
    if (typeof flow === "object" && flow !== null && flow.key !== undefined) {
      for (const d of checkResourceName(flow.key, "flow-control key")) diagnostics.push({ ...d, code: "invalid-key", path: "flowControl.key", input: showValue(flow.key) });
    }
    if (!found.some((d) => d.severity === "error") && typeof flow.key === "string" && flow.key !== "") {
      headers[HEADER.flowControlKey] = flow.key;
      headers[HEADER.flowControlValue] = text;
    }
  }

  // failureUrl
  if (options.failureUrl !== undefined && checkUrl(options.failureUrl, "failureUrl", add)) {
    headers[HEADER.failureCallback] = options.failureUrl;
  }

  // label
  if (options.label !== undefined) {
    const labels: readonly unknown[] = Array.isArray(options.label) ? options.label : [options.label];
    if (labels.length === 0) add("invalid-label", "error", "`label` is an empty array", "label", "", { hint: "give at least one label, or leave `label` out" });
    labels.forEach((label, i) => {
      const path = Array.isArray(options.label) ? `label[${i}]` : "label";
      for (const d of checkResourceName(typeof label === "string" ? label : "", "label")) diagnostics.push({ ...d, code: "invalid-label", path, input: showValue(label) });
    });
    if (!diagnostics.some((d) => d.code === "invalid-label")) headers[HEADER.label] = labels.join(",");
  }

  // headers
  const forwarded = new Map<string, string>();
  if (options.headers !== undefined) {
    if (options.headers === null || typeof options.headers !== "object") {
      add("invalid-header", "error", "`headers` must be an object of header names to values", "headers", "");
    } else {
      for (const [name, value] of Object.entries(options.headers)) {
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
          add("invalid-header", "error", `\`${name}\` is not a valid header name`, `headers.${name}`, name, { hint: "header names are letters, digits and `!#$%&'*+-.^_`|~`" });
          continue;
        }
        if (typeof value !== "string" || !isLatin1HeaderValue(value)) {
          add("invalid-header", "error", `the value of \`${name}\` must be a string without control or non-Latin-1 characters`, `headers.${name}`, showValue(value));
          continue;
        }
        // HTTP strips leading and trailing whitespace from values; say so rather than send what will not arrive.
        const trimmed = value.replace(/^[\t ]+|[\t ]+$/g, "");
        if (trimmed !== value) add("header-value-trimmed", "warning", `the value of \`${name}\` has leading or trailing whitespace, which HTTP strips`, `headers.${name}`, value, { hint: `it arrives as \`${trimmed}\`` });
        // Names are case-insensitive: `X-A` and `x-a` are one header, whose values `fetch` joins with ", ".
        const sameName = [...forwarded.keys()].find((existing) => existing.toLowerCase() === name.toLowerCase());
        if (sameName !== undefined) {
          add("duplicate-header", "warning", `\`${name}\` and \`${sameName}\` are the same header; their values are joined with \`, \``, `headers.${name}`, name);
        }
        const joined = sameName === undefined ? trimmed : `${forwarded.get(sameName) ?? ""}, ${trimmed}`;
        forwarded.set(sameName ?? name, joined);
        headers[`${HEADER.forwardPrefix}${sameName ?? name}`] = joined;
        if (name.toLowerCase() === "content-type") headers["Content-Type"] = joined;
      }
    }
  }

  // body
  let body: string | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === "string") body = options.body;
    else {
      try {
        body = JSON.stringify(options.body);
      } catch (error) {
        add("invalid-body", "error", `\`body\` cannot be serialized to JSON: ${error instanceof Error ? error.message : showValue(error)}`, "body", "");
      }
      if (body === undefined && !diagnostics.some((d) => d.code === "invalid-body")) add("invalid-body", "error", `\`body\` of type ${typeof options.body} has no JSON form`, "body", "");
      if (body !== undefined && headers["Content-Type"] === undefined) headers["Content-Type"] = "application/json";
    }
  }

  // The failure callback gets its own copies of the settings, as the SDK sends them.
  if (headers[HEADER.failureCallback] !== undefined) {
    const copy = (from: string, to: string): void => {
      const value = headers[from];
      if (value !== undefined) headers[to] = value;
    };
    copy(HEADER.retries, HEADER.failureCallbackRetries);
    copy(HEADER.retryDelay, HEADER.failureCallbackRetryDelay);
    copy(HEADER.flowControlKey, HEADER.failureCallbackFlowControlKey);
    copy(HEADER.flowControlValue, HEADER.failureCallbackFlowControlValue);
    for (const [name, value] of forwarded) headers[`${HEADER.failureCallbackForwardPrefix}${name}`] = value;
  }

  return { headers, body, diagnostics };
}

function checkUrl(value: unknown, path: string, add: (code: TriggerCode, severity: Diagnostic["severity"], message: string, path: string, input: string, extra?: Partial<Diagnostic>) => void): boolean {
  const text = typeof value === "string" ? value : showValue(value);
  if (typeof value !== "string" || !/^https?:\/\//i.test(value)) {
    const hint = typeof value === "string" && /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(value) ? `write \`https://${value}\`` : "it must start with `http://` or `https://`";
    add("invalid-url", "error", `\`${path}\` must be an absolute http:// or https:// URL`, path, text, { hint });
    return false;
  }
  if (hostnameOf(value) === "" || !isHeaderSafe(value)) {
    add("invalid-url", "error", `\`${path}\` is not a valid URL`, path, text);
    return false;
  }
  return true;
}

function checkDelay(
  delay: string | number,
  plan: UpstashPlan | undefined,
  add: (code: TriggerCode, severity: Diagnostic["severity"], message: string, path: string, input: string, extra?: Partial<Diagnostic>) => void,
  adopt: (found: readonly Diagnostic[], path: string, input: string) => void,
): string | undefined {
  if (typeof delay === "number") {
    const text = String(delay);
    if (!Number.isFinite(delay) || delay < 0) {
      add("invalid-delay", "error", `a numeric \`delay\` must be a finite, non-negative number of seconds, not ${text}`, "delay", text, { hint: Number.isNaN(delay) ? "the SDK would send `Upstash-Delay: NaNs`" : "use 0 for no delay" });
      return undefined;
    }
    const seconds = Math.round(delay);
    if (seconds !== delay) add("rounded-value", "warning", `a numeric \`delay\` is whole seconds; ${text} is sent as ${seconds}s`, "delay", text);
    const overPlan = plan === undefined ? undefined : checkDelayForPlan(seconds * 1000, plan, { start: 0, end: text.length });
    if (overPlan !== undefined) adopt([overPlan], "delay", text);
    return overPlan === undefined ? `${seconds}s` : undefined;
  }
  if (typeof delay !== "string") {
    add("invalid-delay", "error", `\`delay\` must be a duration string or a number of seconds, not ${typeof delay}`, "delay", showValue(delay));
    return undefined;
  }
  const parsed = parseDuration(delay);
  adopt(parsed.diagnostics, "delay", delay);
  if (!parsed.ok) return undefined;
  const overPlan = plan === undefined ? undefined : checkDelayForPlan(parsed.value.ms, plan, { start: 0, end: delay.length });
  if (overPlan !== undefined) {
    adopt([overPlan], "delay", delay);
    return undefined;
  }
  return delay;
}

function checkNotBefore(value: number, build: BuildOptions, add: (code: TriggerCode, severity: Diagnostic["severity"], message: string, path: string, input: string, extra?: Partial<Diagnostic>) => void): string | undefined {
  const text = showValue(value);
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    add("invalid-not-before", "error", `\`notBefore\` must be a Unix time in seconds, not ${text}`, "notBefore", text, { hint: "e.g. `Math.floor(Date.now() / 1000) + 60` for one minute from now" });
    return undefined;
  }
  const seconds = Math.round(value);
  if (seconds !== value) add("rounded-value", "warning", `\`notBefore\` is whole seconds; ${text} is sent as ${seconds}`, "notBefore", text);
  const now = build.now ?? Date.now();
  if (seconds > 1e11) {
    add("not-before-in-milliseconds", "warning", `\`notBefore\` ${text} is in the year ${new Date(seconds * 1000).getUTCFullYear() || "far future"}; it looks like milliseconds`, "notBefore", text, { hint: `Unix seconds: \`${Math.floor(seconds / 1000)}\`` });
  } else if (seconds * 1000 < now) {
    add("not-before-in-past", "warning", `\`notBefore\` is ${new Date(seconds * 1000).toISOString()}, before now; the message is delivered at once`, "notBefore", text);
  }
  if (build.plan !== undefined) {
    const over = checkDelayForPlan(seconds * 1000 - now, build.plan, { start: 0, end: text.length });
    if (over !== undefined) {
      add("delay-over-plan-limit", "error", over.message, "notBefore", text, over.hint === undefined ? {} : { hint: over.hint });
      return undefined;
    }
  }
  return String(seconds);
}

/** Which `flowControl.*` field the offset of a diagnostic falls in. */
function fieldAt(text: string, offset: number): string {
  let field = "flowControl";
  for (const key of ["parallelism", "rate", "period"]) {
    const at = text.indexOf(`${key}=`);
    if (at >= 0 && at <= offset) field = `flowControl.${key}`;
  }
  return field;
}

/**
 * The URL's host name, or "" when the WHATWG URL parser refuses it. `URL` is
 * a global in every runtime this library supports (Node, browsers, edge); the
 * core is typed without DOM or Node types, so it is reached through globalThis.
 */
function hostnameOf(text: string): string {
  const UrlParser = (globalThis as unknown as { URL: new (input: string) => { hostname: string } }).URL;
  try {
    return new UrlParser(text).hostname;
  } catch {
    return "";
  }
}

function isHeaderSafe(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

function isLatin1HeaderValue(text: string): boolean {
  // fetch refuses code points above 0xFF, and CR, LF and NUL split or end headers.
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(text) && !/[\x7f]/.test(text);
}
