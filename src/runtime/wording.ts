import type { Span } from "../diagnostics/diagnostic.js";
import type { ExpressionCode, ExpressionDiagnostic } from "../expression/codes.js";
import type { Wording } from "../expression/wording.js";
import { checkRange } from "./range.js";

/*
 * retry-delay/runtime's wording (see src/expression/wording.ts): each
 * diagnostic keeps the code, severity and span the shared parse and checks
 * decided, and its message says in one line what is wrong and where the
 * full explanation (hint, fix, suggestions) comes from. Leaving those
 * explanations out, with the checks that only warn (range.ts), is most of
 * what keeps the runtime small.
 */

const FULL_REPORT = "compile it with `retry-delay` (not `retry-delay/runtime`) for the full diagnostics";

/** An error in the runtime's short form: `what` and where the full diagnostics come from. Every diagnostic it words is an error. */
export function shortError(code: ExpressionCode, what: string, span: Span): ExpressionDiagnostic {
  return { code, severity: "error", message: `${what}; ${FULL_REPORT}`, span };
}

/** The runtime's wording of name problems, and its check of a delay's values (range.ts). */
export const RUNTIME_WORDING: Wording = {
  name: ({ code, message, span }) => shortError(code, message, span),
  // Its short diagnostics offer nothing that the context could take away.
  inSource: (_source, diagnostic) => diagnostic,
  checkDelay: checkRange,
  // No warnings to find, so no check to run: the range is found when the delay's `range` is first read.
  compiled: (delay) => ({ ok: true, value: delay, diagnostics: [] }),
};
