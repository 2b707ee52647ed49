import type { OptionCode, OptionDiagnostic } from "../trigger/codes.js";

/**
 * The diagnostic codes of `simulateSchedule`'s own options. Problems inside a
 * value keep the code of the language that found them (`unknown-variable` in
 * `retryDelay`, `missing-unit` in `delay`). `docs/schedules.md` documents each
 * one; a test keeps them in step.
 *
 * @example
 * ```ts
 * SCHEDULE_CODES["invalid-retries"].severity; // "error"
 * ```
 */
export const SCHEDULE_CODES = {
  "invalid-options": { severity: "error", summary: "The options are not an object." },
  "invalid-retries": { severity: "error", summary: "`retries` is not a whole number from 0 to 1000." },
  "invalid-start": { severity: "error", summary: "`start` is not a valid time." },
  "invalid-delay": { severity: "error", summary: "`delay` is neither a duration nor a number of seconds." },
  "invalid-not-before": { severity: "error", summary: "`notBefore` is not a Unix time in seconds." },
  "invalid-option": { severity: "error", summary: "A normalization field or a response is malformed." },
  "schedule-out-of-range": { severity: "error", summary: "An attempt would fall past the last time a JavaScript `Date` can hold." },
} as const;

/**
 * A stable identifier for one kind of problem with a schedule's options.
 *
 * @example
 * ```ts
 * const code: ScheduleCode = "invalid-start";
 * ```
 */
export type ScheduleCode = keyof typeof SCHEDULE_CODES;

/**
 * A diagnostic of `simulateSchedule`: one of its own codes, or the code of the
 * language that found a problem inside a value.
 *
 * @example
 * ```ts
 * const result = simulateSchedule({ retries: -1 });
 * const first: ScheduleDiagnostic | undefined = result.diagnostics[0]; // code "invalid-retries", path "retries"
 * ```
 */
export type ScheduleDiagnostic = OptionDiagnostic<ScheduleCode | OptionCode>;
