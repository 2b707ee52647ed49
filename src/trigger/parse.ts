import { expectOptionalString, expectOptions } from "../diagnostics/arguments.js";
import { reportBounded } from "../diagnostics/bounded.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { closestName } from "../diagnostics/suggest.js";
import { parseDuration } from "../duration/parse.js";
import { tryCompile } from "../expression/api.js";
import { DEFAULT_RETRIES } from "../expression/check.js";
import { EXPRESSION_LIMITS } from "../expression/limits.js";
import { checkResourceName, parseFlowControlValue, type FlowControlOptions } from "../flow-control/flow-control.js";
import type { TriggerOptions } from "./build.js";
import type { OptionDiagnostic, TriggerCode } from "./codes.js";
import { HEADER, OTHER_KNOWN_UPSTASH_HEADERS } from "./headers.js";

/**
 * Incoming headers in any common shape: a `Headers`, a plain record, or name/value pairs.
 *
 * @example
 * ```ts
 * parseTriggerHeaders(new Headers({ "Upstash-Delay": "10s" }));
 * parseTriggerHeaders({ "upstash-delay": "10s" });
 * parseTriggerHeaders([["Upstash-Delay", "10s"]]);
 * ```
 */
export type HeaderInput =
  | {
      /** As `Headers.forEach` calls it. */
      forEach(callback: (value: string, name: string) => void): void;
    }
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | Iterable<readonly [string, string]>;

/**
 * What {@link parseTriggerHeaders} found.
 *
 * @example
 * ```ts
 * const parsed: TriggerParseResult = parseTriggerHeaders({ "upstash-retries": "5" });
 * parsed.options.retries; // 5
 * ```
 */
export interface TriggerParseResult {
  /** False when any diagnostic is an error. The options hold every value that did parse, either way. */
  readonly ok: boolean;
  /** The trigger options the headers carry (`url` is `""` unless given). */
  readonly options: TriggerOptions;
  readonly diagnostics: readonly OptionDiagnostic[];
}

/**
 * Longest header value read; a 1 MB value is refused at once.
 *
 * @example
 * ```ts
 * parseTriggerHeaders({ "upstash-retry-delay": "1".repeat(MAX_HEADER_VALUE_LENGTH + 1) }).ok; // false
 * ```
 */
export const MAX_HEADER_VALUE_LENGTH = 8192;

const OPTION_HEADERS = [
  HEADER.workflowRunId,
  HEADER.retries,
  HEADER.retryDelay,
  HEADER.delay,
  HEADER.notBefore,
  HEADER.flowControlKey,
  HEADER.flowControlValue,
  HEADER.failureCallback,
  HEADER.label,
].map((h) => h.toLowerCase());

/** Every header name a suggestion can point to. */
const KNOWN_NAMES: readonly string[] = [...OPTION_HEADERS, ...OTHER_KNOWN_UPSTASH_HEADERS];

/**
 * The reverse of {@link buildTriggerRequest}, for servers: incoming request
 * headers → typed trigger options, with diagnostics. Header names are
 * case-insensitive; `Upstash-Forward-*` is unwrapped into `headers`; the
 * failure-callback copies are accepted; unknown `Upstash-*` headers get a
 * warning (the first 20 one by one, the rest counted in one more). Never
 * throws on any headers; a malformed `context` throws `invalid-argument`.
 *
 * @example
 * ```ts
 * const { options } = parseTriggerHeaders({
 *   "upstash-retries": "5",
 *   "upstash-retry-delay": "pow(2, retried) * 1000",
 *   "upstash-forward-x-trace": "abc",
 * });
 * // options: { url: "", retries: 5, retryDelay: "pow(2, retried) * 1000", headers: { "x-trace": "abc" } }
 * ```
 */
export function parseTriggerHeaders(input: HeaderInput, context: { readonly url?: string } = {}): TriggerParseResult {
  const diagnostics: OptionDiagnostic[] = [];
  const add = (code: TriggerCode, severity: Diagnostic["severity"], message: string, path: string, input: string, extra: Partial<Diagnostic> = {}): void => {
    diagnostics.push({ code, severity, message, span: { start: 0, end: input.length }, path, input, ...extra });
  };
  const adopt = (found: readonly Diagnostic[], path: string, text: string): void => {
    for (const d of found) diagnostics.push({ ...d, path, input: text });
  };

  const url = expectOptionalString(expectOptions(context, "the context").url, "context.url");
  const headers = collect(input, add);
  const get = (name: string): string | undefined => headers.get(name.toLowerCase())?.value;
  const options: { -readonly [K in keyof TriggerOptions]: TriggerOptions[K] } = { url: url ?? "" };

  const runId = get(HEADER.workflowRunId);
  if (runId !== undefined) options.workflowRunId = runId.startsWith("wfr_") ? runId.slice(4) : runId;

  // Retries and the retry-delay expression, checked over those retries. The
  // callback and failure-callback variants take the same languages; they are
  // checked too, but trigger options have no field for them.
  const readRetries = (retriesHeader: string, delayHeader: string): { retries: number | undefined; retryDelay: string | undefined } => {
    const retriesText = get(retriesHeader);
    let retries: number | undefined;
    if (retriesText !== undefined) {
      if (/^\d+$/.test(retriesText) && Number(retriesText) <= EXPRESSION_LIMITS.maxRetries) retries = Number(retriesText);
      else add("invalid-header-value", "error", `\`${retriesHeader}\` must be a whole number, not \`${retriesText}\``, retriesHeader, retriesText);
    }
    const retryDelay = get(delayHeader);
    if (retryDelay !== undefined) adopt(tryCompile(retryDelay, { retries: retries ?? DEFAULT_RETRIES }).diagnostics, delayHeader, retryDelay);
    return { retries, retryDelay };
  };
  const { retries, retryDelay } = readRetries(HEADER.retries, HEADER.retryDelay);
  if (retries !== undefined) options.retries = retries;
  if (retryDelay !== undefined) options.retryDelay = retryDelay;
  readRetries(HEADER.callbackRetries, HEADER.callbackRetryDelay);
  readRetries(HEADER.failureCallbackRetries, HEADER.failureCallbackRetryDelay);

  const delay = get(HEADER.delay);
  if (delay !== undefined) {
    // The server very likely parses with Go's time.ParseDuration, so Go mode here.
    const parsed = parseDuration(delay, { mode: "go" });
    adopt(parsed.diagnostics, HEADER.delay, delay);
    options.delay = delay;
  }

  const notBefore = get(HEADER.notBefore);
  if (notBefore !== undefined) {
    if (/^\d+$/.test(notBefore)) options.notBefore = Number(notBefore);
    else add("invalid-header-value", "error", `\`${HEADER.notBefore}\` must be Unix seconds, not \`${notBefore}\``, HEADER.notBefore, notBefore);
  }

  // The failure callback's flow control: checked like the trigger's own, not returned.
  const failureFlowKey = get(HEADER.failureCallbackFlowControlKey);
  if (failureFlowKey !== undefined) {
    for (const d of checkResourceName(failureFlowKey, "flow-control key")) diagnostics.push({ ...d, code: "invalid-key", path: HEADER.failureCallbackFlowControlKey, input: failureFlowKey });
  }
  const failureFlowValue = get(HEADER.failureCallbackFlowControlValue);
  if (failureFlowValue !== undefined) adopt(parseFlowControlValue(failureFlowValue).diagnostics, HEADER.failureCallbackFlowControlValue, failureFlowValue);

  const flowKey = get(HEADER.flowControlKey);
  const flowValue = get(HEADER.flowControlValue);
  if (flowKey !== undefined || flowValue !== undefined) {
    const flow: { -readonly [K in keyof FlowControlOptions]: FlowControlOptions[K] } = {};
    if (flowKey !== undefined) {
      flow.key = flowKey;
      for (const d of checkResourceName(flowKey, "flow-control key")) diagnostics.push({ ...d, code: "invalid-key", path: HEADER.flowControlKey, input: flowKey });
    }
    if (flowValue !== undefined) {
      const parsed = parseFlowControlValue(flowValue);
      adopt(parsed.diagnostics, HEADER.flowControlValue, flowValue);
      if (parsed.ok) {
        if (parsed.value.parallelism !== undefined) flow.parallelism = parsed.value.parallelism;
        if (parsed.value.rate !== undefined) flow.rate = parsed.value.rate;
        const period = /(?:^|,)\s*period\s*=\s*([^,]*?)\s*(?:,|$)/.exec(flowValue)?.[1];
        if (period !== undefined) flow.period = period;
      }
    }
    options.flowControl = flow;
  }

  const failureUrl = get(HEADER.failureCallback);
  if (failureUrl !== undefined) {
    if (!/^https?:\/\//i.test(failureUrl)) add("invalid-url", "error", `\`${HEADER.failureCallback}\` must be an absolute http:// or https:// URL`, HEADER.failureCallback, failureUrl);
    options.failureUrl = failureUrl;
  }

  const label = get(HEADER.label);
  if (label !== undefined) {
    const labels = label.split(",");
    labels.forEach((one) => {
      for (const d of checkResourceName(one, "label")) diagnostics.push({ ...d, code: "invalid-label", path: HEADER.label, input: one });
    });
    options.label = labels.length === 1 ? label : labels;
  }

  const unknown: string[] = [];
  const forwarded: Record<string, string> = {};
  const forwardPrefix = HEADER.forwardPrefix.toLowerCase();
  const failurePrefix = "upstash-failure-callback-";
  for (const [lower, { name, value }] of headers) {
    if (lower.startsWith(forwardPrefix)) {
      // defineProperty, not assignment: a header named `Upstash-Forward-__proto__` must stay a plain entry.
      Object.defineProperty(forwarded, name.slice(forwardPrefix.length), { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    if (!lower.startsWith("upstash-") || OPTION_HEADERS.includes(lower) || OTHER_KNOWN_UPSTASH_HEADERS.has(lower) || lower.startsWith(`${failurePrefix}forward-`)) continue;
    unknown.push(name);
  }
  // Each suggestion costs edit distances against every known header, so a
  // request stuffed with thousands of them gets a bounded number of warnings.
  reportBounded(
    unknown,
    (name) => {
      const suggestion = closestName(name.toLowerCase(), KNOWN_NAMES);
      add("unknown-upstash-header", "warning", `unknown header \`${name}\``, name, name, suggestion === undefined ? {} : { hint: `did you mean \`${canonicalCase(suggestion)}\`?` });
    },
    (more) => add("unknown-upstash-header", "warning", `and ${more} more unknown \`Upstash-*\` ${more === 1 ? "header" : "headers"}`, "", ""),
  );
  if (Object.keys(forwarded).length > 0) options.headers = forwarded;

  return { ok: !diagnostics.some((d) => d.severity === "error"), options, diagnostics };
}

/** Lower-cased name → the last value given and its name as written, with warnings for repeats and refusals of huge values. */
function collect(input: HeaderInput, add: (code: TriggerCode, severity: Diagnostic["severity"], message: string, path: string, input: string, extra?: Partial<Diagnostic>) => void): Map<string, { name: string; value: string }> {
  const found = new Map<string, { name: string; value: string }>();
  const put = (name: unknown, value: unknown): void => {
    if (typeof name !== "string") return;
    const text = Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : undefined;
    if (text === undefined) return;
    if (text.length > MAX_HEADER_VALUE_LENGTH) {
      add("invalid-header-value", "error", `\`${name}\` is ${text.length} characters long; the limit is ${MAX_HEADER_VALUE_LENGTH}`, name, "", { span: { start: 0, end: 0 } });
      return;
    }
    const lower = name.toLowerCase();
    if (found.has(lower)) add("duplicate-header", "warning", `\`${name}\` is given more than once; the last value is used`, name, text);
    found.set(lower, { name, value: text });
  };
  try {
    if (input === null || typeof input !== "object") return found;
    if ("forEach" in input && typeof input.forEach === "function" && !Array.isArray(input)) {
      (input as { forEach(callback: (value: string, name: string) => void): void }).forEach((value, name) => put(name, value));
    } else if (Symbol.iterator in input && typeof (input as Iterable<unknown>)[Symbol.iterator] === "function") {
      for (const pair of input as Iterable<readonly [string, string]>) if (Array.isArray(pair)) put(pair[0], pair[1]);
    } else {
      for (const [name, value] of Object.entries(input)) put(name, value);
    }
  } catch {
    add("invalid-header-value", "error", "the headers could not be read", "", "");
  }
  return found;
}

function canonicalCase(lower: string): string {
  return lower.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash}${c.toUpperCase()}`).replace("Runid", "RunId");
}
