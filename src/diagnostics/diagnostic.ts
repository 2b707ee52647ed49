import { expectArray } from "./arguments.js";
import { isPlainObjectLike, snapshotOwn } from "./own.js";
import type { Diagnostic } from "./types.js";

/*
 * The diagnostics API in one place. The types live in types.ts and the error
 * class in error.ts, below the argument checks and the renderer that use
 * them; this module re-exports them beside the helpers that need the checks.
 */

export { RetryDelayError } from "./error.js";
export type { Diagnostic, Fix, RelatedSpan, Result, Severity, Span } from "./types.js";

/**
 * True when any diagnostic is an error.
 *
 * @example
 * ```ts
 * hasErrors(tryCompile("1000 - 600 * retried").diagnostics); // false: only a warning
 * hasErrors(tryCompile("1000 *").diagnostics); // true
 * ```
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  for (const d of expectArray(diagnostics, "diagnostics")) {
    if (severityOf(d) === "error") return true;
  }
  return false;
}

/** A diagnostic's own `severity`, read once; undefined for anything that is not a readable object. */
function severityOf(value: unknown): unknown {
  if (!isPlainObjectLike(value)) return undefined;
  const read = snapshotOwn(value);
  return read.ok ? read.value.severity : undefined;
}
