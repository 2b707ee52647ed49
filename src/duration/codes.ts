import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { SHARED_CODES } from "../diagnostics/shared-codes.js";

/**
 * Every diagnostic code of the duration parser, with its severity and a
 * summary. `docs/durations.md` documents each one; a test keeps them in step.
 *
 * @example
 * ```ts
 * DURATION_CODES["units-out-of-order"].severity; // "warning"
 * ```
 */
export const DURATION_CODES = {
  "invalid-input": SHARED_CODES["invalid-input"],
  "duration-too-long": { severity: "error", summary: "The text is longer than the limit (128 characters)." },
  "empty-duration": { severity: "error", summary: "An empty string." },
  "missing-unit": {
    severity: "error",
    summary: "A number without a unit, e.g. `10`; the server answers `time: missing unit in duration`.",
  },
  "missing-number": { severity: "error", summary: "A unit without a number before it, e.g. `h` or `1h.m`." },
  "unknown-unit": { severity: "error", summary: "A unit that is not `s`, `m`, `h`, `d` (strict) or a Go unit (Go mode)." },
  "fractional-value": { severity: "error", summary: "A decimal such as `1.5h` in strict mode, which takes whole numbers only." },
  "negative-duration": { severity: "error", summary: "A leading `-`; delays and periods cannot be negative." },
  "control-character": {
    severity: "error",
    summary:
      "A line break (CR, LF), NUL or other control character; durations travel in HTTP headers, where it would split or corrupt the header.",
  },
  "unexpected-character": { severity: "error", summary: "A character that cannot appear in a duration, such as a space." },
  "duration-overflow": { severity: "error", summary: "Longer than Go's maximum duration, 2^63-1 nanoseconds (about 292 years)." },
  "duration-too-large": {
    severity: "error",
    summary: "Longer than the maximum the context allows (e.g. a flow-control period over 7 days, a delay over the plan's maximum).",
  },
  "duration-too-small": { severity: "error", summary: "Shorter than the minimum the context allows (e.g. a flow-control period of 0s)." },
  "units-out-of-order": {
    severity: "warning",
    summary: "A smaller unit before a larger one, e.g. `1m1h`; Go accepts it, but it is almost always a mistake.",
  },
  "repeated-unit": { severity: "warning", summary: "The same unit twice, e.g. `1s1s`; Go adds them, but it is almost always a mistake." },
  "sub-millisecond": { severity: "info", summary: "A part below one millisecond was dropped; results are whole milliseconds." },
} as const;

/**
 * A stable identifier for one kind of duration problem.
 *
 * @example
 * ```ts
 * const code: DurationCode = "missing-unit";
 * DURATION_CODES[code].summary;
 * ```
 */
export type DurationCode = keyof typeof DURATION_CODES;

/**
 * A diagnostic about a duration.
 *
 * @example
 * ```ts
 * const [first]: readonly DurationDiagnostic[] = parseDuration("10").diagnostics;
 * first?.hint; // "add a unit, e.g. `10s`"
 * ```
 */
export type DurationDiagnostic = Diagnostic<DurationCode>;
