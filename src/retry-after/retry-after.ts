import { expectNumber, expectObject, expectOptions } from "../diagnostics/arguments.js";
import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import { formatDuration } from "../duration/format.js";
import { parseDuration } from "../duration/parse.js";

/**
 * Every diagnostic code of the `Retry-After` parser. `docs/trigger.md`
 * documents each one; a test keeps them in step.
 *
 * @example
 * ```ts
 * RETRY_AFTER_CODES["invalid-retry-after"].summary;
 * ```
 */
export const RETRY_AFTER_CODES = {
  "empty-retry-after": { severity: "error", summary: "An empty value." },
  "retry-after-too-long": { severity: "error", summary: "A value longer than 256 characters." },
  "invalid-retry-after": { severity: "error", summary: "Neither seconds, an RFC 1123 date, nor a duration with the units ns, us, µs, ms, s, m, h." },
  "retry-after-ignored": { severity: "info", summary: "Over 1 day: Upstash ignores it and applies the normal backoff." },
  "retry-after-timestamp": { severity: "info", summary: "A number so large it is probably a Unix time; Upstash reads numbers as seconds to wait." },
  "retry-after-in-past": { severity: "info", summary: "A date at or before now: retry at once." },
} as const;

/**
 * A stable identifier for one kind of `Retry-After` problem.
 *
 * @example
 * ```ts
 * const code: RetryAfterCode = "retry-after-ignored";
 * RETRY_AFTER_CODES[code].severity; // "info"
 * ```
 */
export type RetryAfterCode = keyof typeof RETRY_AFTER_CODES;

/**
 * What a destination's `Retry-After` (or `X-RateLimit-Reset*`) value asks for.
 *
 * @example
 * ```ts
 * const result = parseRetryAfter("172800");
 * if (result.ok) result.value satisfies RetryAfter; // { kind: "ignore", ms: 172800000, form: "seconds" }
 * ```
 */
export type RetryAfter =
  | { readonly kind: "delay"; readonly ms: number; readonly form: "seconds" | "date" | "duration" }
  /** Over 1 day: Upstash ignores it, and the normal backoff applies. `ms` is what it asked for. */
  | { readonly kind: "ignore"; readonly ms: number; readonly form: "seconds" | "date" | "duration" };

/**
 * The longest wait Upstash honours: 1 day. Longer values are ignored.
 *
 * @example
 * ```ts
 * parseRetryAfter(String(MAX_RETRY_AFTER_MS / 1000)).ok; // true, and kind "delay": exactly one day is honoured
 * ```
 */
export const MAX_RETRY_AFTER_MS = 86_400_000;

/**
 * The headers Upstash reads from a destination's response, in the order this library consults them.
 *
 * @example
 * ```ts
 * RETRY_AFTER_HEADERS[0]; // "Retry-After", consulted first
 * ```
 */
export const RETRY_AFTER_HEADERS = ["Retry-After", "X-RateLimit-Reset", "X-RateLimit-Reset-Requests", "X-RateLimit-Reset-Tokens"] as const;

const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Parses a destination's `Retry-After` or `X-RateLimit-Reset*` value as
 * Upstash documents them: a number of seconds, an RFC 1123 date (relative to
 * `now`), or a duration with the units `ns`, `us`/`µs`, `ms`, `s`, `m`, `h`.
 * Over 1 day gives `kind: "ignore"`: Upstash then applies the normal backoff.
 * Never throws.
 *
 * @example
 * ```ts
 * parseRetryAfter("30");                      // delay of 30000 ms
 * parseRetryAfter("1m30s");                   // delay of 90000 ms
 * parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", { now: Date.UTC(2026, 9, 21, 7, 27) }); // 60000 ms
 * parseRetryAfter("172800");                  // ignore: over 1 day
 * ```
 */
export function parseRetryAfter(value: string, context: { readonly now?: number } = {}): Result<RetryAfter, RetryAfterCode | string> {
  const contextNow = checkedNow(context);
  const problems: Diagnostic[] = [];
  const fail = (code: RetryAfterCode, message: string, hint?: string): Result<RetryAfter> => ({
    ok: false,
    diagnostics: [{ code, severity: "error", message, span: { start: 0, end: typeof value === "string" ? value.length : 0 }, ...(hint === undefined ? {} : { hint }) }],
  });
  if (typeof value !== "string" || value.trim() === "") return fail("empty-retry-after", "the Retry-After value is empty");
  if (value.length > 256) return fail("retry-after-too-long", `the value is ${value.length} characters long; the limit is 256`);
  const text = value.trim();
  const whole = { start: value.indexOf(text), end: value.indexOf(text) + text.length };
  const decide = (ms: number, form: RetryAfter["form"]): Result<RetryAfter> => {
    if (ms > MAX_RETRY_AFTER_MS) {
      problems.push({ code: "retry-after-ignored", severity: "info", message: `${formatDuration(ms)} is over 1 day, so Upstash ignores it and applies the normal backoff`, span: whole });
      return { ok: true, value: { kind: "ignore", ms, form }, diagnostics: problems };
    }
    return { ok: true, value: { kind: "delay", ms, form }, diagnostics: problems };
  };

  if (/^\d+(\.\d+)?$/.test(text)) {
    const seconds = Number(text);
    if (seconds >= 1e9) {
      problems.push({ code: "retry-after-timestamp", severity: "info", message: `${text} looks like a Unix time, but a number means seconds to wait`, span: whole, hint: "send the seconds to wait, or an RFC 1123 date" });
    }
    return decide(Math.floor(seconds * 1000), "seconds");
  }

  const date = IMF_FIXDATE.exec(text);
  if (date !== null) {
    const [, , day, month, year, hour, minute, second] = date;
    const at = Date.UTC(Number(year), MONTHS.indexOf(month ?? ""), Number(day), Number(hour), Number(minute), Number(second));
    const check = new Date(at);
    if (Number.isNaN(at) || check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) {
      return fail("invalid-retry-after", `\`${text}\` is not a real date`);
    }
    const now = contextNow ?? Date.now();
    if (at <= now) {
      problems.push({ code: "retry-after-in-past", severity: "info", message: "the date is not after now, so the retry is due at once", span: whole });
      return decide(0, "date");
    }
    return decide(at - now, "date");
  }
  if (/^[A-Z][a-z]{2},/.test(text) || /GMT$/.test(text)) {
    return fail("invalid-retry-after", `\`${text}\` is not an RFC 1123 date`, "write it as `Wed, 21 Oct 2026 07:28:00 GMT`");
  }

  const duration = parseDuration(text, { mode: "go" });
  if (duration.ok) {
    if (duration.value.parts.some((p) => p.unit === "d")) {
      return fail("invalid-retry-after", "Retry-After durations take the units ns, us, µs, ms, s, m and h; not d", "write days as hours, e.g. `24h`");
    }
    for (const d of duration.diagnostics) problems.push({ ...d, span: { start: d.span.start + whole.start, end: d.span.end + whole.start } });
    return decide(duration.value.ms, "duration");
  }
  const first = duration.diagnostics[0];
  return fail("invalid-retry-after", `\`${text}\` is neither seconds, an RFC 1123 date, nor a duration${first === undefined ? "" : `: ${first.message}`}`, "e.g. `30`, `1m30s` or `Wed, 21 Oct 2026 07:28:00 GMT`");
}

/**
 * The first of the documented headers present in a response, parsed. The
 * order (`Retry-After`, then `X-RateLimit-Reset`, `-Requests`, `-Tokens`) is
 * decided here: Upstash lists the headers but not their precedence.
 *
 * @example
 * ```ts
 * readRetryAfter(new Headers({ "x-ratelimit-reset-requests": "2s" }))?.result; // ok, 2000 ms
 * ```
 */
export function readRetryAfter(headers: HeaderSource, context: { readonly now?: number } = {}): { header: string; result: Result<RetryAfter, string> } | undefined {
  checkedNow(context);
  const lookup = headerLookup(headers);
  for (const header of RETRY_AFTER_HEADERS) {
    const value = lookup(header);
    if (value !== undefined) return { header, result: parseRetryAfter(value, context) };
  }
  return undefined;
}

/**
 * Response headers as servers hold them: a `Headers` object (fetch, undici),
 * or a plain record such as Node's `IncomingHttpHeaders`, where a repeated
 * header is an array (its first value counts). Names match case-insensitively.
 *
 * @example
 * ```ts
 * const fromFetch: HeaderSource = new Headers({ "retry-after": "30" });
 * const fromNode: HeaderSource = { "Retry-After": "30" };
 * ```
 */
export type HeaderSource =
  | {
      /** As `Headers.get` reads a header: case-insensitively, null when absent. */
      get(name: string): string | null;
    }
  | { readonly [name: string]: string | readonly string[] | undefined };

/** Reads a {@link HeaderSource} case-insensitively; throws `invalid-argument` for anything else. */
export function headerLookup(headers: unknown): (name: string) => string | undefined {
  const source = expectObject(headers, "the headers");
  if (typeof source.get === "function") {
    const get = source.get as (name: string) => unknown;
    return (name) => {
      const value: unknown = get.call(source, name);
      return typeof value === "string" ? value : undefined;
    };
  }
  // A plain record: own keys only, compared in lower case, so `__proto__` or `constructor` finds nothing.
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(source)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), first);
  }
  return (name) => byName.get(name.toLowerCase());
}

/** `context.now`, checked: the context is the caller's, so a wrong one throws `invalid-argument`. */
function checkedNow(context: unknown): number | undefined {
  const now = expectOptions(context, "the context").now;
  return now === undefined ? undefined : expectNumber(now, "context.now");
}
