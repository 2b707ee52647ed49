import type { Severity, Span } from "../diagnostics/diagnostic.js";
import type { ExpressionCode, ExpressionDiagnostic } from "../expression/codes.js";
import { SHORT_DELAY_MS } from "../expression/delay-intent.js";
import type { Finding, Wording } from "../expression/wording.js";

/*
 * retry-delay/runtime's wording (see src/expression/wording.ts): each
 * diagnostic keeps the code, severity and span the shared parse and checks
 * decided, and its message says in one line what is wrong and where the
 * full explanation (hint, fix, suggestions) comes from. Leaving those
 * explanations out is most of what keeps the runtime small.
 */

const FULL_REPORT = "compile it with `retry-delay` (not `retry-delay/runtime`) for the full diagnostics";

/** A diagnostic in the runtime's short form: `what` and where the full diagnostics come from. */
export function shortDiagnostic(code: ExpressionCode, severity: Severity, what: string, span: Span): ExpressionDiagnostic {
  return { code, severity, message: `${what}; ${FULL_REPORT}`, span };
}

/** What each finding of the checks is, in one line; the root's says for which `retried` and how to fix it. */
const FINDINGS: { readonly [C in Finding["code"]]: string } = {
  "nan-delay": "the delay is NaN for some `retried`",
  "infinite-delay": "the delay is infinite for some `retried`",
  "negative-delay": "the delay is negative for some `retried`",
  "fractional-delay": "the delay is not a whole number of milliseconds for some `retried`",
  "domain-check-sampled": "too many values of `retried` to check one by one, so some were sampled",
  "short-delay": `every delay is at most ${SHORT_DELAY_MS} ms: milliseconds, not seconds`,
  "flat-delay": "the delay is the same for every `retried` checked, although it depends on `retried`",
};

/** The runtime's wording of every diagnostic that parsing and checking decide. */
export const RUNTIME_WORDING: Wording = {
  name: ({ code, message, span }) => shortDiagnostic(code, "error", message, span),
  // Its short diagnostics offer nothing that the context could take away.
  inSource: (_source, diagnostic) => diagnostic,
  finding: ({ code, severity, span }) => shortDiagnostic(code, severity, FINDINGS[code], span),
};
