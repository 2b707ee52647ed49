import { expectArray } from "../diagnostics/arguments.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { EXPRESSION_LIMITS } from "./limits.js";

/*
 * The report limit: past EXPRESSION_LIMITS.maxReportedErrors errors, one
 * `too-many-errors` diagnostic stands for the rest, and summaries say so.
 */
/**
 * Keeps the first {@link EXPRESSION_LIMITS}`.maxReportedErrors` errors (and
 * every warning) and counts the rest in one `too-many-errors` diagnostic, so
 * an 8 KB source full of mistakes renders as a page, not as 200 KB.
 */
export function capErrors(diagnostics: readonly ExpressionDiagnostic[]): ExpressionDiagnostic[] {
  const max = EXPRESSION_LIMITS.maxReportedErrors;
  let errors = 0;
  const kept: ExpressionDiagnostic[] = [];
  const dropped: ExpressionDiagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity === "error" && ++errors > max) dropped.push(d);
    else kept.push(d);
  }
  const first = dropped[0];
  const last = dropped[dropped.length - 1];
  if (first === undefined || last === undefined) return kept;
  kept.push({
    code: "too-many-errors",
    severity: "error",
    message: `and ${dropped.length} more ${dropped.length === 1 ? "error" : "errors"}, not shown`,
    span: { start: first.span.start, end: Math.max(first.span.start, last.span.end) },
    hint: "fix the ones above first; the rest are often the same mistake",
  });
  return kept;
}

/**
 * The errors in a report, for a one-line summary: `1 error`, `3 errors`, or,
 * when the report was cut at the limit, `more than 50 errors`.
 *
 * @example
 * ```ts
 * describeErrorCount(tryCompile("Pow(2, retries)").diagnostics); // "2 errors"
 * ```
 */
export function describeErrorCount(diagnostics: readonly Diagnostic[]): string {
  let errors = 0;
  let capped = false;
  for (const d of expectArray(diagnostics, "diagnostics") as readonly (Partial<Diagnostic> | null | undefined)[]) {
    if (d?.code === "too-many-errors") capped = true;
    else if (d?.severity === "error") errors++;
  }
  return capped ? `more than ${errors} errors` : `${errors} ${errors === 1 ? "error" : "errors"}`;
}
