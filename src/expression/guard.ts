import { RetryDelayError } from "../diagnostics/diagnostic.js";

/**
 * Runs a tree walk behind the promise that public functions throw nothing
 * but {@link RetryDelayError}. Trees from `parse` are bounded and never trip
 * this; a tree built by hand may be too deep (a `RangeError`) or malformed
 * (a `TypeError`), and either becomes a diagnostic.
 */
export function guardTreeWalk<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RetryDelayError) throw error;
    const tooDeep = error instanceof RangeError;
    throw new RetryDelayError("", [
      {
        code: tooDeep ? "too-deeply-nested" : "invalid-option",
        severity: "error",
        message: tooDeep ? "the expression tree nests too deeply for the call stack" : "the value is not a valid expression tree",
        span: { start: 0, end: 0 },
        hint: "pass a tree returned by `parse`",
      },
    ]);
  }
}
