import { isPlainObjectLike, snapshotOwn } from "../diagnostics/own.js";
import { showValue } from "../diagnostics/show.js";
import { RetryDelayError, type Diagnostic, type Result, type Span } from "../diagnostics/diagnostic.js";
import { closestName } from "../diagnostics/suggest.js";
import { formatDuration } from "../duration/format.js";
import { parseDuration } from "../duration/parse.js";
import { expectNumber, expectObject, expectOptionalBoolean, expectString } from "../diagnostics/arguments.js";

/**
 * Every diagnostic code of the flow-control parsers, with its severity and a
 * summary. `docs/flow-control.md` documents each one; a test keeps them in step.
 *
 * @example
 * ```ts
 * Object.keys(FLOW_CONTROL_CODES); // ["value-too-long", "empty-value", …]
 * ```
 */
export const FLOW_CONTROL_CODES = {
  "value-too-long": { severity: "error", summary: "The value is longer than the limit (256 characters)." },
  "empty-value": { severity: "error", summary: "No settings at all." },
  "empty-item": { severity: "error", summary: "An empty item between commas, e.g. a trailing comma." },
  "missing-equals": { severity: "error", summary: "An item without `=`, e.g. `rate`." },
  "unknown-key": { severity: "error", summary: "A key other than `parallelism`, `rate` and `period` (keys are case-sensitive)." },
  "repeated-key": { severity: "error", summary: "The same key twice." },
  "invalid-count": { severity: "error", summary: "`rate` or `parallelism` that is not a whole number from 1 to 2147483647." },
  "invalid-period": { severity: "error", summary: "`period` that is not a strict duration or a whole number of seconds, from 1s to 7d." },
  "missing-limit": { severity: "error", summary: "Neither `rate` nor `parallelism` is given; the server's own message." },
  "spaces-around-equals": { severity: "warning", summary: "Spaces around `=`; Upstash documents none, so the server may not accept them." },
  "invalid-key": { severity: "error", summary: "An `Upstash-Flow-Control-Key` that is empty, over 512 characters, or holds anything but letters, digits, `-`, `_` and `.` (the SDK's own rule)." },
  "missing-key": { severity: "warning", summary: "Flow control without a key; the SDK then sends no flow-control headers at all." },
  "invalid-character": { severity: "error", summary: "A line break, NUL or other control character: the value travels in an HTTP header, which cannot carry it." },
} as const;

/**
 * A stable identifier for one kind of flow-control problem.
 *
 * @example
 * ```ts
 * const code: FlowControlCode = "missing-limit";
 * FLOW_CONTROL_CODES[code].severity; // "error"
 * ```
 */
export type FlowControlCode = keyof typeof FLOW_CONTROL_CODES;

/**
 * A diagnostic about a flow-control value or key.
 *
 * @example
 * ```ts
 * const [first]: readonly FlowControlDiagnostic[] = parseFlowControlValue("Rate=10").diagnostics;
 * first?.hint; // "did you mean `rate`?"
 * ```
 */
export type FlowControlDiagnostic = Diagnostic<FlowControlCode>;

/**
 * A parsed `Upstash-Flow-Control-Value`.
 *
 * @example
 * ```ts
 * const parsed = parseFlowControlValue("parallelism=5");
 * if (parsed.ok) parsed.value; // { parallelism: 5, periodMs: 1000, periodGiven: false }
 * ```
 */
export interface FlowControlValue {
  /** The most calls in flight at once. */
  readonly parallelism?: number;
  /** The most calls started within `period`. */
  readonly rate?: number;
  /** The window for `rate`, in milliseconds; 1000 (1s) when not given. */
  readonly periodMs: number;
  /** Whether `period` was written, or is the 1s default. */
  readonly periodGiven: boolean;
}

/**
 * The object form of flow control, as the SDK's `flowControl` option takes it.
 *
 * @example
 * ```ts
 * const options: FlowControlOptions = { key: "user-42", rate: 10, period: "1m" };
 * formatFlowControlValue(options); // "rate=10, period=1m"
 * ```
 */
export interface FlowControlOptions {
  readonly key?: string;
  readonly parallelism?: number;
  readonly rate?: number;
  /** @deprecated The SDKs' old name for `rate`; they send `rate ?? ratePerSecond`. */
  readonly ratePerSecond?: number;
  /** A strict duration such as `1m`, or a number of seconds. Default `1s`. */
  readonly period?: string | number;
}

/**
 * The bounds of flow-control values and keys.
 *
 * @example
 * ```ts
 * parseFlowControlValue(`rate=${FLOW_CONTROL_LIMITS.maxCount + 1}`).ok; // false
 * ```
 */
export const FLOW_CONTROL_LIMITS = Object.freeze({
  /** Longest value text; real values are under 50 characters. */
  maxValueLength: 256,
  /** Longest key or label. Upstash documents none; this bounds hostile input and stays far above real keys. */
  maxKeyLength: 512,
  /** Largest `rate` or `parallelism`: a 32-bit signed integer, the safe assumption for the server's field. */
  maxCount: 2_147_483_647,
  /** `period` may be at most one week [Upstash docs]. */
  maxPeriodMs: 7 * 86_400_000,
  minPeriodMs: 1000,
  defaultPeriodMs: 1000,
});

/**
 * The server's words when neither limit is given.
 *
 * @example
 * ```ts
 * parseFlowControlValue("period=1m").diagnostics[0]?.message === MISSING_LIMIT_MESSAGE; // true
 * ```
 */
export const MISSING_LIMIT_MESSAGE = "Upstash-Flow-Control-Value should be either rate=X or parallelism=Y, or both as comma-separated values";

const KEYS = ["parallelism", "rate", "period"] as const;
type Key = (typeof KEYS)[number];

/**
 * Parses an `Upstash-Flow-Control-Value` such as `parallelism=5, rate=10, period=1m`.
 * Keys may come in any order, with or without spaces after the commas. Never throws.
 *
 * @example
 * ```ts
 * const parsed = parseFlowControlValue("rate=10,parallelism=20,period=1m");
 * if (parsed.ok) parsed.value; // { parallelism: 20, rate: 10, periodMs: 60000, periodGiven: true }
 * ```
 */
export function parseFlowControlValue(text: string): Result<FlowControlValue, FlowControlCode> {
  const problems: FlowControlDiagnostic[] = [];
  const report = (code: FlowControlCode, message: string, span: Span, hint?: string): void => {
    problems.push({ code, severity: FLOW_CONTROL_CODES[code].severity, message, span, ...(hint === undefined ? {} : { hint }) });
  };
  if (typeof text !== "string") {
    report("empty-value", `the value must be a string, not ${typeof text}`, { start: 0, end: 0 });
    return { ok: false, diagnostics: problems };
  }
  if (text.length > FLOW_CONTROL_LIMITS.maxValueLength) {
    report("value-too-long", `the value is ${text.length} characters long; the limit is ${FLOW_CONTROL_LIMITS.maxValueLength}`, { start: FLOW_CONTROL_LIMITS.maxValueLength, end: text.length });
    return { ok: false, diagnostics: problems };
  }
  const control = /[\x00-\x08\x0a-\x1f\x7f\u2028\u2029]/.exec(text);
  if (control !== null) {
    const at = control.index;
    report("invalid-character", `the value holds U+${text.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0")}, a control character`, { start: at, end: at + 1 }, "header values cannot carry line breaks or control characters; remove it");
    return { ok: false, diagnostics: problems };
  }
  if (text.trim() === "") {
    report("empty-value", "the flow-control value is empty", { start: 0, end: text.length }, "write e.g. `parallelism=5, rate=10, period=1m`");
    return { ok: false, diagnostics: problems };
  }

  const seen = new Map<Key, Span>();
  let parallelism: number | undefined;
  let rate: number | undefined;
  let periodMs: number | undefined;
  let start = 0;
  for (const item of text.split(",")) {
    const itemSpan = trimmedSpan(text, start, start + item.length);
    start += item.length + 1;
    if (itemSpan.start === itemSpan.end) {
      report("empty-item", "empty item between commas", { start: itemSpan.start, end: itemSpan.start }, "remove the extra comma");
      continue;
    }
    const raw = text.slice(itemSpan.start, itemSpan.end);
    const equals = raw.indexOf("=");
    if (equals < 0) {
      report("missing-equals", `expected \`key=value\`, found \`${raw}\``, itemSpan, `write e.g. \`${closestName(raw, KEYS) ?? "rate"}=10\``);
      continue;
    }
    const keySpan = trimmedSpan(text, itemSpan.start, itemSpan.start + equals);
    const valueSpan = trimmedSpan(text, itemSpan.start + equals + 1, itemSpan.end);
    if (keySpan.end !== itemSpan.start + equals || valueSpan.start !== itemSpan.start + equals + 1) {
      report("spaces-around-equals", "spaces around `=`", itemSpan, `write \`${text.slice(keySpan.start, keySpan.end)}=${text.slice(valueSpan.start, valueSpan.end)}\``);
    }
    const keyText = text.slice(keySpan.start, keySpan.end);
    const valueText = text.slice(valueSpan.start, valueSpan.end);
    const key = KEYS.find((k) => k === keyText);
    if (key === undefined) {
      const suggestion = closestName(keyText, KEYS);
      report("unknown-key", `unknown key \`${keyText}\``, keySpan, suggestion === undefined ? "the keys are `parallelism`, `rate` and `period`" : `did you mean \`${suggestion}\`?`);
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ code: "repeated-key", severity: "error", message: `\`${key}\` is given more than once`, span: keySpan, hint: "keep one", related: [{ span: earlier, message: "first given here" }] });
      continue;
    }
    seen.set(key, keySpan);
    if (key === "period") {
      const period = parsePeriod(valueText, valueSpan);
      if (period.ok) periodMs = period.ms;
      else problems.push(period.problem);
    } else {
      const count = parseCount(key, valueText, valueSpan);
      if (typeof count === "number") {
        if (key === "rate") rate = count;
        else parallelism = count;
      } else problems.push(count);
    }
  }
  if (!seen.has("rate") && !seen.has("parallelism") && !problems.some((p) => p.code === "unknown-key" || p.code === "missing-equals")) {
    report("missing-limit", MISSING_LIMIT_MESSAGE, { start: 0, end: text.length }, "add `rate=<calls per period>`, `parallelism=<calls at once>`, or both");
  }
  if (problems.some((p) => p.severity === "error")) return { ok: false, diagnostics: problems };
  const value: FlowControlValue = {
    ...(parallelism === undefined ? {} : { parallelism }),
    ...(rate === undefined ? {} : { rate }),
    periodMs: periodMs ?? FLOW_CONTROL_LIMITS.defaultPeriodMs,
    periodGiven: periodMs !== undefined,
  };
  return { ok: true, value, diagnostics: problems };
}

function parseCount(key: "rate" | "parallelism", text: string, span: Span): number | FlowControlDiagnostic {
  const meaning = key === "rate" ? "calls started per period" : "calls in flight at once";
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value >= 1 && value <= FLOW_CONTROL_LIMITS.maxCount) return value;
    return {
      code: "invalid-count",
      severity: "error",
      message: value === 0 ? `\`${key}\` must be at least 1` : `\`${key}\` must be at most ${FLOW_CONTROL_LIMITS.maxCount}`,
      span,
      hint: value === 0 ? `remove \`${key}\` to leave it unlimited; 0 would allow no calls` : `\`${key}\` is the number of ${meaning}`,
    };
  }
  const hint = text === "" ? `write a number, e.g. \`${key}=10\`` : /^\d+\.\d+$/.test(text) ? `write a whole number, e.g. \`${key}=${Math.max(1, Math.floor(Number(text)))}\`` : `\`${key}\` is the number of ${meaning}, a whole number`;
  return { code: "invalid-count", severity: "error", message: `\`${key}\` must be a positive whole number, not \`${text}\``, span, hint };
}

function parsePeriod(text: string, span: Span): { ok: true; ms: number } | { ok: false; problem: FlowControlDiagnostic } {
  const fail = (message: string, hint: string): { ok: false; problem: FlowControlDiagnostic } => ({ ok: false, problem: { code: "invalid-period", severity: "error", message, span, hint } });
  let ms: number;
  if (/^\d+$/.test(text)) {
    // A bare integer is a number of seconds (API responses report period this way).
    ms = Number(text) * 1000;
  } else {
    const parsed = parseDuration(text);
    if (!parsed.ok) {
      const first = parsed.diagnostics.find((d) => d.severity === "error");
      return fail(`\`period\` must be a duration such as \`1m\` or a number of seconds: ${first?.message ?? "invalid"}`, first?.hint ?? "write e.g. `period=1m`");
    }
    ms = parsed.value.ms;
  }
  if (ms < FLOW_CONTROL_LIMITS.minPeriodMs) return fail(`\`period\` must be at least 1s, not ${formatDuration(ms)}`, "remove `period` for the 1s default");
  if (ms > FLOW_CONTROL_LIMITS.maxPeriodMs) return fail(`\`period\` may be at most 1 week (7d), not ${formatDuration(ms)}`, "use `period=7d` or less");
  return { ok: true, ms };
}

function trimmedSpan(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return { start, end };
}

/**
 * Writes the object form as the header value, exactly as the official SDK
 * does: `parallelism`, `rate`, `period` in that order, joined by `", "`, with a
 * numeric period `n` written `ns`. Throws {@link RetryDelayError} when the
 * options are invalid (see {@link checkFlowControl}).
 *
 * @example
 * ```ts
 * formatFlowControlValue({ rate: 10, parallelism: 5, period: "1m" }); // "parallelism=5, rate=10, period=1m"
 * formatFlowControlValue({ parallelism: 2, period: 30 });           // "parallelism=2, period=30s"
 * ```
 */
export function formatFlowControlValue(options: FlowControlOptions): string {
  const own = ownFields(options);
  const problems = checkFlowControl(own ?? options).filter((d) => d.severity === "error");
  // Not an object: there is no text to show the problems in.
  if (own === undefined) throw new RetryDelayError("", problems);
  const text = flowControlText(own);
  if (problems.length > 0) throw new RetryDelayError(text, problems);
  return text;
}

/** The caller's own fields, read once; undefined for a non-object or one that cannot be read (a revoked Proxy, a throwing getter). */
function ownFields(options: unknown): FlowControlOptions | undefined {
  if (!isPlainObjectLike(options)) return undefined;
  const read = snapshotOwn(options);
  return read.ok ? (read.value as FlowControlOptions) : undefined;
}

/** The header value the SDK writes for these options, without any checks. */
export function flowControlText(options: FlowControlOptions): string {
  const parts: string[] = [];
  if (options.parallelism !== undefined) parts.push(`parallelism=${showValue(options.parallelism)}`);
  // The SDKs send `rate ?? ratePerSecond`: the deprecated alias only counts when `rate` is absent.
  const rate = options.rate ?? options.ratePerSecond;
  if (rate !== undefined) parts.push(`rate=${showValue(rate)}`);
  if (options.period !== undefined) parts.push(`period=${typeof options.period === "number" ? `${showValue(options.period)}s` : showValue(options.period)}`);
  return parts.join(", ");
}

/**
 * Checks the object form: the value it serializes to (spans point into that
 * text), and the key. Never throws.
 *
 * @example
 * ```ts
 * checkFlowControl({ key: "user-42", period: "1m" })[0]?.code; // "missing-limit"
 * ```
 */
export function checkFlowControl(given: FlowControlOptions): FlowControlDiagnostic[] {
  const options = ownFields(given);
  if (options === undefined) {
    return [{ code: "empty-value", severity: "error", message: "flow control must be an object such as `{ key, rate, parallelism, period }`", span: { start: 0, end: 0 } }];
  }
  const problems: FlowControlDiagnostic[] = [];
  if (options.key === undefined) {
    problems.push({ code: "missing-key", severity: "warning", message: "flow control has no `key`, so no flow-control headers are sent", span: { start: 0, end: 0 }, hint: "add `key`: calls that share a key share the limits" });
  }
  const text = flowControlText(options);
  for (const [key, value] of [["rate", options.rate ?? options.ratePerSecond], ["parallelism", options.parallelism]] as const) {
    if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value))) {
      // String(1.5) would read as valid text, so numbers are checked as numbers too.
      const at = text.indexOf(`${key}=`);
      problems.push({ code: "invalid-count", severity: "error", message: `\`${key}\` must be a positive whole number, not ${showValue(value)}`, span: { start: at + key.length + 1, end: at + key.length + 1 + showValue(value).length } });
    }
  }
  if (typeof options.period === "number" && (!Number.isInteger(options.period) || options.period < 0)) {
    const at = text.indexOf("period=");
    problems.push({ code: "invalid-period", severity: "error", message: `a numeric \`period\` is whole seconds, not ${showValue(options.period)}`, span: { start: at + 7, end: text.length } });
  }
  if (problems.some((p) => p.severity === "error")) return problems;
  const parsed = parseFlowControlValue(text);
  problems.push(...parsed.diagnostics.filter((d) => !(d.code === "empty-value" && text === "")));
  if (text === "") problems.push({ code: "missing-limit", severity: "error", message: MISSING_LIMIT_MESSAGE, span: { start: 0, end: 0 }, hint: "add `rate`, `parallelism`, or both" });
  return problems;
}

/**
 * The characters a flow-control key or a label may hold: letters, digits,
 * `-`, `_` and `.`. This is the official SDK's own rule (`RESOURCE_NAME_PATTERN`
 * in @upstash/workflow 1.3.3, which refuses anything else before sending), so a
 * key accepted here is one the SDK and, by all evidence, the server accept.
 *
 * @example
 * ```ts
 * RESOURCE_NAME_PATTERN.test("user-42"); // true
 * RESOURCE_NAME_PATTERN.test("user:42"); // false
 * ```
 */
export const RESOURCE_NAME_PATTERN = /^[A-Za-z0-9._-]+$/;

/**
 * Checks an `Upstash-Flow-Control-Key` against {@link RESOURCE_NAME_PATTERN},
 * pointing at the first character it refuses.
 *
 * @example
 * ```ts
 * checkFlowControlKey("user-42");           // []
 * checkFlowControlKey("user:42")[0]?.span;  // { start: 4, end: 5 }
 * ```
 */
export function checkFlowControlKey(key: string): FlowControlDiagnostic[] {
  return checkResourceName(key, "flow-control key").map((d) => ({ ...d, code: "invalid-key" as const }));
}

/**
 * Checks a name against {@link RESOURCE_NAME_PATTERN}; `what` names it in messages.
 *
 * @example
 * ```ts
 * checkResourceName("nightly-run", "label"); // []
 * checkResourceName("nightly run", "label")[0]?.span; // { start: 7, end: 8 }
 * ```
 */
export function checkResourceName(name: string, what: string): Diagnostic<"invalid-name">[] {
  expectString(what, "what the name is for (`what`)");
  if (typeof name !== "string" || name.length === 0) {
    return [{ code: "invalid-name", severity: "error", message: `the ${what} is empty`, span: { start: 0, end: 0 }, hint: "use letters, digits, `-`, `_` and `.`, e.g. `user-42`" }];
  }
  if (name.length > FLOW_CONTROL_LIMITS.maxKeyLength) {
    return [{ code: "invalid-name", severity: "error", message: `the ${what} is ${name.length} characters long; the limit is ${FLOW_CONTROL_LIMITS.maxKeyLength}`, span: { start: FLOW_CONTROL_LIMITS.maxKeyLength, end: name.length } }];
  }
  if (RESOURCE_NAME_PATTERN.test(name)) return [];
  const at = [...name].findIndex((c) => !RESOURCE_NAME_PATTERN.test(c));
  const offset = [...name].slice(0, at).join("").length;
  const char = [...name][at] ?? "";
  const code = char.codePointAt(0) ?? 0;
  const shown = code > 32 && code < 127 ? `\`${char}\`` : `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const fixed = name.replace(/[^A-Za-z0-9._-]+/g, "-");
  return [
    {
      code: "invalid-name",
      severity: "error",
      message: `the ${what} holds ${shown}; only letters, digits, \`-\`, \`_\` and \`.\` are allowed`,
      span: { start: offset, end: offset + char.length },
      hint: fixed.replace(/-/g, "") === "" ? "use letters, digits, `-`, `_` and `.`" : `e.g. \`${fixed}\``,
    },
  ];
}

/**
 * A plain-English reading of a flow-control value.
 *
 * @example
 * ```ts
 * describeFlowControl({ parallelism: 5, rate: 10, periodMs: 60_000, periodGiven: true });
 * // "at most 5 calls in flight at once; at most 10 calls started per 1m"
 * ```
 */
export function describeFlowControl(value: FlowControlValue): string {
  const checked = expectObject(value, "the flow-control value");
  for (const field of ["parallelism", "rate"] as const) {
    if (checked[field] !== undefined) expectNumber(checked[field], `value.${field}`);
  }
  expectNumber(checked.periodMs, "value.periodMs");
  expectOptionalBoolean(checked.periodGiven, "value.periodGiven");
  const parts: string[] = [];
  if (value.parallelism !== undefined) parts.push(`at most ${value.parallelism} ${value.parallelism === 1 ? "call" : "calls"} in flight at once`);
  if (value.rate !== undefined) parts.push(`at most ${value.rate} ${value.rate === 1 ? "call" : "calls"} started per ${formatDuration(value.periodMs)}${value.periodGiven ? "" : " (the default period)"}`);
  if (value.rate === undefined && value.periodGiven) parts.push(`the period (${formatDuration(value.periodMs)}) has no effect without \`rate\``);
  return parts.join("; ");
}
