import { describeKind, expectNumber, expectOptions, invalidArgument, invalidInput } from "../diagnostics/arguments.js";
import { SHARED_CODES } from "../diagnostics/shared-codes.js";
import { describeThrow, isArraySafe, isPlainObjectLike, snapshotArray, snapshotOwn } from "../diagnostics/own.js";
import type { Diagnostic, Result, Span } from "../diagnostics/diagnostic.js";
import { formatDuration } from "../duration/format.js";
import type { DurationCode } from "../duration/codes.js";
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
  "invalid-input": SHARED_CODES["invalid-input"],
  "empty-retry-after": { severity: "error", summary: "An empty value." },
  "retry-after-too-long": { severity: "error", summary: "A value longer than 256 characters." },
  "invalid-retry-after": {
    severity: "error",
    summary: "Neither seconds, an RFC 1123 date, nor a duration with the units ns, us, µs, ms, s, m, h.",
  },
  "retry-after-ignored": { severity: "info", summary: "Over 1 day: Upstash ignores it and applies the normal backoff." },
  "retry-after-timestamp": {
    severity: "info",
    summary: "A number so large it is probably a Unix time; Upstash reads numbers as seconds to wait.",
  },
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
 * The codes a `Retry-After` result can carry: its own, and the warnings of a
 * Go duration inside it (`1m1h` → `units-out-of-order`).
 *
 * @example
 * ```ts
 * const result = parseRetryAfter("1m1h");
 * const codes: RetryAfterResultCode[] = result.diagnostics.map((d) => d.code); // ["units-out-of-order"]
 * ```
 */
export type RetryAfterResultCode = RetryAfterCode | DurationCode;

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

const DAY = "Mon|Tue|Wed|Thu|Fri|Sat|Sun";
const MONTH = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
const TIME = "(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})";
const MONTHS = MONTH.split("|");

/**
 * The three HTTP-date formats of RFC 9110 §5.6.7, which a recipient must all
 * accept: IMF-fixdate, and the obsolete RFC 850 (two-digit year) and asctime
 * forms. One row per format; the fields are named groups.
 */
const HTTP_DATE_FORMATS: readonly RegExp[] = [
  new RegExp(`^(?:${DAY}), (?<day>\\d{2}) (?<month>${MONTH}) (?<year>\\d{4}) ${TIME} GMT$`),
  new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?<day>\\d{2})-(?<month>${MONTH})-(?<yy>\\d{2}) ${TIME} GMT$`),
  new RegExp(`^(?:${DAY}) (?<month>${MONTH}) (?<day>\\d{2}| \\d) ${TIME} (?<year>\\d{4})$`),
];

/** What looks like a date, so that a bad one is reported as a date rather than as a bad duration. */
const DATE_LIKE = new RegExp(`^(?:[A-Z][a-z]+,|(?:${DAY}) (?:${MONTH}) )|GMT$`);

/**
 * Parses a destination's `Retry-After` or `X-RateLimit-Reset*` value as
 * Upstash documents them: a number of seconds, an RFC 1123 date (relative to
 * `now`), or a duration with the units `ns`, `us`/`µs`, `ms`, `s`, `m`, `h`.
 * Over 1 day gives `kind: "ignore"`: Upstash then applies the normal backoff.
 * Never throws.
 *
 * Dates are all three HTTP-date formats of RFC 9110 §5.6.7 (IMF-fixdate,
 * RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`, asctime `Sun Nov  6 08:49:37 1994`).
 * A two-digit year more than 50 years after `now` is the past century's; a
 * leap second `:60` is read as `:59`.
 *
 * @example
 * ```ts
 * parseRetryAfter("30");                      // delay of 30000 ms
 * parseRetryAfter("1m30s");                   // delay of 90000 ms
 * parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", { now: Date.UTC(2026, 9, 21, 7, 27) }); // 60000 ms
 * parseRetryAfter("172800");                  // ignore: over 1 day
 * ```
 */
export function parseRetryAfter(value: string, context: { readonly now?: number } = {}): Result<RetryAfter, RetryAfterResultCode> {
  const contextNow = checkedNow(context);
  if (typeof value !== "string") return { ok: false, diagnostics: [invalidInput(value, "the Retry-After value")] };
  const reader = new RetryAfterReader(value);
  if (value.trim() === "") return reader.fail("empty-retry-after", "the Retry-After value is empty");
  if (value.length > 256) return reader.fail("retry-after-too-long", `the value is ${value.length} characters long; the limit is 256`);
  if (/^\d+(\.\d+)?$/.test(reader.text)) return reader.seconds();
  const now = contextNow ?? Date.now();
  const at = parseHttpDate(reader.text, now);
  if (at === "invalid") return reader.fail("invalid-retry-after", `\`${reader.text}\` is not a real date`);
  if (at !== undefined) return reader.date(at, now);
  if (DATE_LIKE.test(reader.text)) {
    return reader.fail("invalid-retry-after", `\`${reader.text}\` is not an HTTP date`, "write it as `Wed, 21 Oct 2026 07:28:00 GMT`");
  }
  return reader.duration();
}

/** One value being read: its trimmed text, where that lies, and the notes found so far. */
class RetryAfterReader {
  readonly text: string;
  readonly whole: Span;
  private readonly problems: Diagnostic<RetryAfterResultCode>[] = [];

  constructor(private readonly value: string) {
    this.text = value.trim();
    const start = value.indexOf(this.text);
    this.whole = { start, end: start + this.text.length };
  }

  fail(code: RetryAfterCode, message: string, hint?: string): Result<RetryAfter, RetryAfterResultCode> {
    const span = { start: 0, end: this.value.length };
    return { ok: false, diagnostics: [{ code, severity: "error", message, span, ...(hint === undefined ? {} : { hint }) }] };
  }

  /** The wait, or `ignore` over 1 day, with the notes found. */
  decide(ms: number, form: RetryAfter["form"]): Result<RetryAfter, RetryAfterResultCode> {
    if (ms <= MAX_RETRY_AFTER_MS) return { ok: true, value: { kind: "delay", ms, form }, diagnostics: this.problems };
    const message = `${formatDuration(ms)} is over 1 day, so Upstash ignores it and applies the normal backoff`;
    this.problems.push({ code: "retry-after-ignored", severity: "info", message, span: this.whole });
    return { ok: true, value: { kind: "ignore", ms, form }, diagnostics: this.problems };
  }

  seconds(): Result<RetryAfter, RetryAfterResultCode> {
    const seconds = Number(this.text);
    if (seconds >= 1e9) {
      this.problems.push({
        code: "retry-after-timestamp",
        severity: "info",
        message: `${this.text} looks like a Unix time, but a number means seconds to wait`,
        span: this.whole,
        hint: "send the seconds to wait, or an RFC 1123 date",
      });
    }
    return this.decide(Math.floor(seconds * 1000), "seconds");
  }

  date(at: number, now: number): Result<RetryAfter, RetryAfterResultCode> {
    if (at > now) return this.decide(at - now, "date");
    const message = "the date is not after now, so the retry is due at once";
    this.problems.push({ code: "retry-after-in-past", severity: "info", message, span: this.whole });
    return this.decide(0, "date");
  }

  duration(): Result<RetryAfter, RetryAfterResultCode> {
    const duration = parseDuration(this.text, { mode: "go" });
    if (!duration.ok) {
      const first = duration.diagnostics[0];
      return this.fail(
        "invalid-retry-after",
        `\`${this.text}\` is neither seconds, an RFC 1123 date, nor a duration${first === undefined ? "" : `: ${first.message}`}`,
        "e.g. `30`, `1m30s` or `Wed, 21 Oct 2026 07:28:00 GMT`",
      );
    }
    if (duration.value.parts.some((p) => p.unit === "d")) {
      return this.fail(
        "invalid-retry-after",
        "Retry-After durations take the units ns, us, µs, ms, s, m and h; not d",
        "write days as hours, e.g. `24h`",
      );
    }
    const shift = this.whole.start;
    for (const d of duration.diagnostics) this.problems.push({ ...d, span: { start: d.span.start + shift, end: d.span.end + shift } });
    return this.decide(duration.value.ms, "duration");
  }
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
export function readRetryAfter(
  headers: HeaderSource,
  context: { readonly now?: number } = {},
): { header: string; result: Result<RetryAfter, RetryAfterResultCode> } | undefined {
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

/**
 * Reads a {@link HeaderSource} case-insensitively; throws `invalid-argument`
 * for anything else, and for a source that throws when read (a revoked Proxy,
 * a throwing getter or `get`): the headers object is the program's, not the
 * destination's.
 */
export function headerLookup(headers: unknown): (name: string) => string | undefined {
  if (!isPlainObjectLike(headers)) invalidArgument(`the headers must be an object, not ${describeKind(headers)}`);
  const source = headers as { readonly get?: unknown };
  const get = guarded(() => (isRecord(source) ? undefined : source.get), "the headers could not be read");
  if (typeof get === "function") return lookupThrough(get, source);
  // A plain record: own keys only, read once, compared in lower case, so `__proto__` or `constructor` finds nothing.
  const read = snapshotOwn(source);
  if (!read.ok) invalidArgument(`the headers could not be read: ${read.reason}`);
  const ownGet = read.value.get;
  if (typeof ownGet === "function") return lookupThrough(ownGet, source);
  const byName = new Map<string, string>();
  for (const name of read.keys) {
    const value = read.value[name];
    const list = isArraySafe(value) ? snapshotArray(value, 1000) : undefined;
    const first: unknown = list === undefined ? value : list.ok ? list.items[0] : undefined;
    if (typeof first === "string" && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), first);
  }
  return (name) => byName.get(name.toLowerCase());
}

/** A lookup through the source's `get`, as `Headers.get` reads a header; a throw becomes `invalid-argument`. */
function lookupThrough(get: unknown, source: object): (name: string) => string | undefined {
  return (name) => {
    const value: unknown = guarded(
      () => (get as (this: object, name: string) => unknown).call(source, name),
      `the headers' get("${name}") threw`,
    );
    return typeof value === "string" ? value : undefined;
  };
}

/**
 * Whether `value` is a plain record (its prototype `Object.prototype` or
 * null). A record's `get` counts only when it is its own, so a `get` planted
 * on a polluted `Object.prototype` is never called; a class instance such as
 * `Headers` keeps its `get` on its prototype.
 */
function isRecord(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Runs a read of caller code; a throw becomes `invalid-argument` with `what` and the reason. */
function guarded<T>(read: () => T, what: string): T {
  let failure: string;
  try {
    return read();
  } catch (error) {
    failure = describeThrow(error);
  }
  return invalidArgument(`${what}: ${failure}`);
}

/**
 * An HTTP date (any of the three formats) as Unix ms; "invalid" for a date
 * that matches a format but does not exist (`32 Oct`, `25:00:00`); undefined
 * when the text is no HTTP date at all.
 *
 * A leap second (`:60`) is read as `:59`, the last second of its minute:
 * Unix time has no 61st second, and rolling over to the next minute would
 * move `23:59:60` into the next day (and, at a month's end, fail the day
 * check). It is accepted in any minute, since RFC 5322's `second` allows 60
 * without a table of real leap seconds.
 */
function parseHttpDate(text: string, now: number): number | "invalid" | undefined {
  const groups = HTTP_DATE_FORMATS.map((format) => format.exec(text)?.groups).find((g) => g !== undefined);
  if (groups === undefined) return undefined;
  const [day = NaN, hour = NaN, minute = NaN, second = NaN] = [groups.day, groups.hour, groups.minute, groups.second].map(Number);
  const month = MONTHS.indexOf(groups.month ?? "");
  if (hour > 23 || minute > 59 || second > 60) return "invalid";
  const at = (year: number): number => utc(year, month, day, hour, minute, Math.min(second, 59));
  let year = Number(groups.year);
  if (groups.yy !== undefined) {
    year = latestYearEndingIn(Number(groups.yy), new Date(now).getUTCFullYear() + 50);
    if (at(year) > fiftyYearsAfter(now)) year -= 100;
  }
  const value = at(year);
  return new Date(value).getUTCDate() === day ? value : "invalid";
}

/**
 * RFC 9110 §5.6.7: a two-digit year that would put the date more than 50
 * years after now means the most recent past year with those digits. This is
 * the latest year with those digits up to 50 years ahead; the caller steps
 * back a century when, in that year, the date itself is past the horizon
 * (in 2026: `76` is 2076 until the day 50 years from now, `77` is 1977).
 */
function latestYearEndingIn(yy: number, horizonYear: number): number {
  return horizonYear - ((((horizonYear - yy) % 100) + 100) % 100);
}

function fiftyYearsAfter(now: number): number {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() + 50);
  return date.getTime();
}

/** Date.UTC, except that years 0–99 stay years 0–99 (Date.UTC maps them to 1900–1999). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** `context.now`, checked: the context is the caller's, so a wrong one throws `invalid-argument`. */
function checkedNow(context: unknown): number | undefined {
  const now = expectOptions(context, "the context").now;
  return now === undefined ? undefined : expectNumber(now, "context.now");
}
