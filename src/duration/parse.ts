import { expectObject, expectOptions, expectString, invalidArgument, invalidInput } from "../diagnostics/arguments.js";
import type { Result, Span } from "../diagnostics/diagnostic.js";
import { closestName } from "../diagnostics/suggest.js";
import type { DurationCode, DurationDiagnostic } from "./codes.js";
import { formatDuration } from "./format.js";
import { partNanoseconds } from "./go-arithmetic.js";
import { findControlCharacter, HEADER_HINT } from "./control.js";
import {
  DOCUMENTED_UNITS,
  GO_UNITS,
  lookupUnit,
  MAX_NANOSECONDS,
  NANOSECONDS_PER_MILLISECOND,
  unitForWord,
  type DurationUnit,
} from "./units.js";

/**
 * `strict`: what Upstash documents, `<integer><unit>` parts with units `s`,
 * `m`, `h`, `d` (`50s`, `1d10h30m`). `go`: what Go's `time.ParseDuration`
 * accepts plus `d`: units `ns us µs ms s m h d`, decimals (`1.5h`), a leading
 * sign, and a bare `0`.
 *
 * @example
 * ```ts
 * const mode: DurationMode = "go";
 * parseDuration("1.5h", { mode }).ok; // true
 * ```
 */
export type DurationMode = "strict" | "go";

/**
 * Options of {@link parseDuration}.
 *
 * @example
 * ```ts
 * const options: DurationOptions = { mode: "go", max: { ms: 604_800_000, label: "the maximum period" } };
 * parseDuration("8d", options).diagnostics[0]?.code; // "duration-too-large"
 * ```
 */
export interface DurationOptions {
  /** Default `strict`. */
  readonly mode?: DurationMode;
  /** The largest accepted value in milliseconds, and what to call it in the message. */
  readonly max?: { readonly ms: number; readonly label: string };
  /** The smallest accepted value in milliseconds, and what to call it in the message. */
  readonly min?: { readonly ms: number; readonly label: string };
  /** Accept a leading `-` (Go mode only). Default false: delays and periods are never negative. */
  readonly allowNegative?: boolean;
}

/**
 * One `<number><unit>` part of a duration.
 *
 * @example
 * ```ts
 * const parsed = parseDuration("1h30m");
 * if (parsed.ok) parsed.value.parts; // [{ value: "1", unit: "h", span: { start: 0, end: 2 } }, { value: "30", unit: "m", span: { start: 2, end: 5 } }]
 * ```
 */
export interface DurationPart {
  /** The number as written, e.g. `1.5`. */
  readonly value: string;
  readonly unit: string;
  readonly span: Span;
}

/**
 * A parsed duration.
 *
 * @example
 * ```ts
 * const parsed = parseDuration("90m");
 * if (parsed.ok) parsed.value.canonical; // "1h30m"
 * ```
 */
export interface ParsedDuration {
  /** Whole milliseconds, truncated toward zero (see the `sub-millisecond` diagnostic). */
  readonly ms: number;
  /** The canonical form of `ms`, as {@link formatDuration} writes it. */
  readonly canonical: string;
  readonly parts: readonly DurationPart[];
}

/**
 * Longest accepted duration text. Real durations are under 20 characters; this refuses a 1 MB header at once.
 *
 * @example
 * ```ts
 * parseDuration("1s".repeat(MAX_DURATION_LENGTH)).diagnostics[0]?.code; // "duration-too-long"
 * ```
 */
export const MAX_DURATION_LENGTH = 128;

/**
 * Parses a duration such as `1d10h30m` into whole milliseconds. Never throws
 * on any text; only malformed `options` throw (`invalid-argument`).
 *
 * @example
 * ```ts
 * const parsed = parseDuration("1d10h30m");
 * if (parsed.ok) parsed.value.ms; // 124200000
 *
 * parseDuration("10").diagnostics[0]?.hint; // "add a unit, e.g. `10s`"
 * parseDuration("1.5h", { mode: "go" }); // ok, 5400000 ms
 * ```
 */
export function parseDuration(text: string, options: DurationOptions = {}): Result<ParsedDuration, DurationCode> {
  checkDurationOptions(options);
  const mode = options.mode ?? "strict";
  const problems: DurationDiagnostic[] = [];
  const error: Fail = (code, message, span, hint) => {
    problems.push({ code, severity: "error", message, span, ...(hint === undefined ? {} : { hint }) });
    return { ok: false, diagnostics: problems };
  };
  const refused = screen(text, error);
  if (refused !== undefined) return refused;
  const sign = readSign(text, mode, options, error);
  if (!sign.ok) return sign.result;
  if (text.slice(sign.next) === "0") {
    if (mode === "strict")
      return error("missing-unit", `time: missing unit in duration "${text}"`, { start: 0, end: text.length }, "add a unit, e.g. `0s`");
    return { ok: true, value: { ms: 0, canonical: "0s", parts: [] }, diagnostics: [] };
  }
  if (sign.next === text.length) return error("missing-number", "expected a number after the sign", { start: sign.next, end: sign.next });
  const summed = sumParts(text, sign, mode, problems, error);
  if (!summed.ok) return summed.result;
  return finish(text, { ...summed, negative: sign.negative }, options, problems, error);
}

type Fail = (code: DurationCode, message: string, span: Span, hint?: string) => Result<ParsedDuration, DurationCode>;
/** The sign read from the front: whether the value is negative, and where its digits start. */
interface Sign {
  readonly ok: true;
  readonly negative: boolean;
  readonly next: number;
}

type Refused = { readonly ok: false; readonly result: Result<ParsedDuration, DurationCode> };

/** What is refused before any parsing: a non-string, a too-long text, a control character, nothing. */
function screen(text: unknown, error: Fail): Result<ParsedDuration, DurationCode> | undefined {
  if (typeof text !== "string") return { ok: false, diagnostics: [invalidInput(text, "a duration")] };
  if (text.length > MAX_DURATION_LENGTH) {
    return error("duration-too-long", `the duration is ${text.length} characters long; the limit is ${MAX_DURATION_LENGTH}`, {
      start: MAX_DURATION_LENGTH,
      end: text.length,
    });
  }
  const control = findControlCharacter(text);
  if (control !== undefined) return error("control-character", `a duration cannot contain ${control.name}`, control.span, HEADER_HINT);
  if (text.length === 0)
    return error("empty-duration", "the duration is empty", { start: 0, end: 0 }, "write a number and a unit, e.g. `10s` or `1d10h30m`");
  return undefined;
}

/** A leading sign: `-` only where negatives are allowed (Go mode, by request), `+` only in Go mode. */
function readSign(text: string, mode: DurationMode, options: DurationOptions, error: Fail): Sign | Refused {
  const first = text[0];
  if (first !== "-" && first !== "+") return { ok: true, negative: false, next: 0 };
  if (first === "-" && !(mode === "go" && options.allowNegative === true)) {
    return { ok: false, result: error("negative-duration", "a duration here cannot be negative", { start: 0, end: 1 }, "remove the `-`") };
  }
  if (mode === "strict")
    return {
      ok: false,
      result: error("unexpected-character", "a sign is not part of the documented format", { start: 0, end: 1 }, "remove the `+`"),
    };
  return { ok: true, negative: first === "-", next: 1 };
}

/** One `<number><unit>` part read from `start`. */
interface Part {
  readonly ok: true;
  readonly end: number;
  readonly integerDigits: string;
  readonly fractionDigits: string;
  readonly unit: DurationUnit;
  readonly part: DurationPart;
}

/** Adds up every part in nanoseconds, warning on repeated and out-of-order units. */
function sumParts(
  text: string,
  sign: Sign,
  mode: DurationMode,
  problems: DurationDiagnostic[],
  error: Fail,
): { readonly ok: true; readonly total: bigint; readonly parts: DurationPart[] } | Refused {
  let total = 0n;
  const parts: DurationPart[] = [];
  let previous: DurationUnit | undefined;
  for (let i = sign.next; i < text.length;) {
    const read = readPart(text, i, mode, parts.length, error);
    if (!read.ok) return read;
    const { unit, part } = read;
    if (previous !== undefined && unit.rank === previous.rank) {
      problems.push({
        code: "repeated-unit",
        severity: "warning",
        message: `\`${part.unit}\` appears more than once; the parts are added`,
        span: part.span,
        hint: "write each unit once",
      });
    } else if (previous !== undefined && unit.rank > previous.rank) {
      problems.push({
        code: "units-out-of-order",
        severity: "warning",
        message: `\`${part.unit}\` comes after the smaller unit \`${previous.name}\``,
        span: part.span,
        hint: "write the largest unit first, e.g. `1h30m`",
      });
    }
    previous = unit;
    parts.push(part);
    total += partNanoseconds(read.integerDigits, read.fractionDigits, unit.nanoseconds);
    // Go's Duration is an int64: a negative one reaches -2^63, a positive one 2^63-1.
    if (total > (sign.negative ? MAX_NANOSECONDS + 1n : MAX_NANOSECONDS)) {
      return {
        ok: false,
        result: error("duration-overflow", "the duration is longer than Go's maximum, 2^63-1 nanoseconds (about 292 years)", {
          start: 0,
          end: text.length,
        }),
      };
    }
    i = read.end;
  }
  return { ok: true, total, parts };
}

function readPart(text: string, start: number, mode: DurationMode, partsBefore: number, error: Fail): Part | Refused {
  let i = start;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  const integerEnd = i;
  let fractionDigits = "";
  if (text[i] === ".") {
    const fractionStart = ++i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    fractionDigits = text.slice(fractionStart, i);
  }
  const integerDigits = text.slice(start, integerEnd);
  const numberEnd = i;
  if (integerDigits === "" && fractionDigits === "") {
    // A lone `.` is no number: point at it, not past it.
    const at = text[start] === "." ? start : i;
    if (isUnitChar(text[at] ?? ""))
      return refuse(
        error(
          "missing-number",
          `expected a number before \`${readUnit(text, at)}\``,
          { start, end: start },
          "write it as `<number><unit>`, e.g. `1h`",
        ),
      );
    return refuse(unexpected(text, at, error));
  }
  const unitName = readUnit(text, i);
  const unitSpan = { start: i, end: i + unitName.length };
  if (unitName === "") {
    if (i < text.length) return refuse(unexpected(text, i, error));
    const fix = partsBefore === 0 ? `\`${text}s\`` : "a unit after the last number";
    return refuse(error("missing-unit", `time: missing unit in duration "${text}"`, { start, end: numberEnd }, `add a unit, e.g. ${fix}`));
  }
  const unit = lookupUnit(unitName);
  if (unit === undefined || (mode === "strict" && !unit.documented))
    return refuse(error("unknown-unit", `unknown unit \`${unitName}\``, unitSpan, unitHint(unitName, mode)));
  const partSpan = { start, end: unitSpan.end };
  if (mode === "strict" && text[integerEnd] === ".") {
    const asGo = parseDuration(text, { mode: "go" });
    const fix = asGo.ok && asGo.value.ms % 1000 === 0 ? `write \`${asGo.value.canonical}\`` : "use whole numbers of a smaller unit";
    return refuse(
      error(
        "fractional-value",
        `\`${text.slice(start, numberEnd)}\` is not a whole number; the documented format takes integers`,
        partSpan,
        fix,
      ),
    );
  }
  const part = { value: text.slice(start, numberEnd), unit: unitName, span: partSpan };
  return { ok: true, end: unitSpan.end, integerDigits, fractionDigits, unit, part };
}

const refuse = (result: Result<ParsedDuration, DurationCode>): Refused => ({ ok: false, result });

/** Nanoseconds to whole milliseconds (truncated, with a note), then the caller's bounds. */
function finish(
  text: string,
  sum: { readonly total: bigint; readonly negative: boolean; readonly parts: readonly DurationPart[] },
  options: DurationOptions,
  problems: DurationDiagnostic[],
  error: Fail,
): Result<ParsedDuration, DurationCode> {
  const { total, negative, parts } = sum;
  const remainder = total % NANOSECONDS_PER_MILLISECOND;
  const magnitude = Number(total / NANOSECONDS_PER_MILLISECOND);
  const ms = negative && magnitude !== 0 ? -magnitude : magnitude;
  if (remainder !== 0n) {
    problems.push({
      code: "sub-millisecond",
      severity: "info",
      message: `${remainder} ns below one millisecond ${remainder === 1n ? "is" : "are"} dropped: the value is ${formatDuration(ms)} (${ms} ms)`,
      span: { start: 0, end: text.length },
    });
  }
  if (options.max !== undefined && ms > options.max.ms) {
    return error(
      "duration-too-large",
      `${formatDuration(ms)} is longer than ${options.max.label}, ${formatDuration(options.max.ms)}`,
      { start: 0, end: text.length },
      `use at most \`${formatDuration(options.max.ms)}\``,
    );
  }
  if (options.min !== undefined && ms < options.min.ms) {
    return error(
      "duration-too-small",
      `${formatDuration(ms)} is shorter than ${options.min.label}, ${formatDuration(options.min.ms)}`,
      { start: 0, end: text.length },
      `use at least \`${formatDuration(options.min.ms)}\``,
    );
  }
  return { ok: true, value: { ms, canonical: formatDuration(ms), parts }, diagnostics: problems };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUnitChar(c: string): boolean {
  return /^[A-Za-z\u00b5\u03bc]$/.test(c);
}

function readUnit(text: string, from: number): string {
  let end = from;
  while (end < text.length && isUnitChar(text[end] ?? "")) end++;
  return text.slice(from, end);
}

function unitHint(name: string, mode: DurationMode): string {
  const known = mode === "strict" ? DOCUMENTED_UNITS : GO_UNITS;
  const word = unitForWord(name);
  if (word !== undefined && known.includes(word)) return `write \`${word}\``;
  if (mode === "strict" && lookupUnit(name) !== undefined)
    return `Upstash documents only ${DOCUMENTED_UNITS.map((u) => `\`${u}\``).join(", ")}; \`${name}\` needs Go mode`;
  if (mode === "strict" && word === "ms")
    return `Upstash documents only ${DOCUMENTED_UNITS.map((u) => `\`${u}\``).join(", ")}; milliseconds need Go mode`;
  const lower = name.toLowerCase();
  if (known.includes(lower)) return `units are lowercase: write \`${lower}\``;
  if (lower === "w" || lower.startsWith("week")) return "there is no week unit; write `7d`";
  if (lower === "y" || lower.startsWith("year")) return "there is no year unit; write `365d`";
  const suggestion = closestName(name, known);
  return suggestion === undefined ? `the units are ${known.map((u) => `\`${u}\``).join(", ")}` : `did you mean \`${suggestion}\`?`;
}

function unexpected(
  text: string,
  at: number,
  error: (code: DurationCode, message: string, span: Span, hint?: string) => Result<ParsedDuration, DurationCode>,
): Result<ParsedDuration, DurationCode> {
  if (at >= text.length)
    return error(
      "missing-unit",
      `time: missing unit in duration "${text}"`,
      { start: text.length, end: text.length },
      "end the duration with a unit, e.g. `s`",
    );
  const c = text.codePointAt(at) ?? 0;
  const char = String.fromCodePoint(c);
  const span = { start: at, end: at + char.length };
  if (/\s/.test(char))
    return error("unexpected-character", "a duration cannot contain spaces", span, "remove the space: write `1h30m`, not `1h 30m`");
  const printable = c > 32 && c !== 127 && !(c >= 0x80 && c <= 0x9f);
  const shown = printable ? `\`${char}\`` : `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  const hint =
    char === "," ? "write the parts together, e.g. `1h30m`" : char === "." ? "a decimal needs digits, e.g. `1.5h` (Go mode)" : undefined;
  return error("unexpected-character", `unexpected character ${shown} in a duration`, span, hint);
}

/** The options are the caller's configuration: a wrong one is a programming error, thrown as `invalid-argument`. */
function checkDurationOptions(value: unknown): void {
  const options = expectOptions(value, "the duration options");
  if (options.mode !== undefined && options.mode !== "strict" && options.mode !== "go")
    invalidArgument('options.mode must be "strict" or "go"');
  if (options.allowNegative !== undefined && typeof options.allowNegative !== "boolean")
    invalidArgument("options.allowNegative must be true or false");
  for (const bound of ["min", "max"] as const) {
    if (options[bound] === undefined) continue;
    const limit = expectObject(options[bound], `options.${bound}`);
    if (typeof limit.ms !== "number" || Number.isNaN(limit.ms)) invalidArgument(`options.${bound}.ms must be a number of milliseconds`);
    expectString(limit.label, `options.${bound}.label`);
  }
}
