/**
 * Every diagnostic code the expression language reports, with its severity
 * and a one-line description. `docs/language.md` documents each one; a test
 * keeps the two in step.
 *
 * @example
 * ```ts
 * Object.keys(EXPRESSION_CODES).length; // 32
 * EXPRESSION_CODES["negative-delay"].severity; // "warning"
 * ```
 */
export const EXPRESSION_CODES = {
  "source-too-long": { severity: "error", summary: "The source is longer than the limit (8192 UTF-16 code units)." },
  "too-deeply-nested": { severity: "error", summary: "Parentheses, calls and prefix signs nest deeper than the limit (64)." },
  "expression-too-large": { severity: "error", summary: "The expression has more operands and operators than the limit (2048)." },
  "empty-expression": { severity: "error", summary: "The source holds no expression." },
  "unexpected-character": { severity: "error", summary: "A character that no token of the language starts with." },
  "malformed-number": {
    severity: "error",
    summary: "A number such as `.5`, `5.` or `1_000` that the language does not accept as written.",
  },
  "number-out-of-range": { severity: "error", summary: "A number literal too large to be a finite double, such as `1e400`." },
  "unsupported-operator": { severity: "error", summary: "`%`, `^` or `**`: operators the language does not have." },
  "unexpected-token": { severity: "error", summary: "A token where the grammar does not allow it." },
  "unexpected-end": { severity: "error", summary: "The input ends where an operand is still needed, e.g. after `+`." },
  "missing-operator": { severity: "error", summary: "Two operands in a row, e.g. `2 retried`." },
  "unclosed-paren": { severity: "error", summary: "A `(` with no matching `)`." },
  "unmatched-paren": { severity: "error", summary: "A `)` with no matching `(`." },
  "unit-in-expression": {
    severity: "error",
    summary: "A duration with a unit, such as `30s` or `1m30s`, where the expression needs a number of milliseconds.",
  },
  "strategy-name": { severity: "error", summary: "A backoff strategy's name, such as `exponential`, in place of an expression." },
  "unknown-variable": { severity: "error", summary: "A name other than `retried` used as a value." },
  "unknown-function": { severity: "error", summary: "A call of a function that is not built in." },
  "missing-call": { severity: "error", summary: "A built-in function named without a call, e.g. `pow`." },
  "not-a-function": { severity: "error", summary: "A call of `retried`, which is a variable." },
  "wrong-arity": { severity: "error", summary: "A built-in function called with the wrong number of arguments." },
  "division-by-zero": { severity: "error", summary: "A divisor that is always zero." },
  "too-many-errors": { severity: "error", summary: "More errors than the report limit (50); this one counts the rest." },
  "invalid-input": {
    severity: "error",
    summary: "The source is not a string, or the tree given to `checkExpression` is not an expression tree.",
  },
  "internal-error": { severity: "error", summary: "A failure inside the package, not caused by the input: a bug to report." },
  "invalid-option": { severity: "error", summary: "An option passed to the API is out of its range, e.g. a negative `retries`." },
  "negative-delay": { severity: "warning", summary: "The delay is negative for some `retried` in the checked range." },
  "nan-delay": { severity: "warning", summary: "The delay is NaN for some `retried` in the checked range." },
  "infinite-delay": { severity: "warning", summary: "The delay is infinite for some `retried` in the checked range." },
  "fractional-delay": {
    severity: "warning",
    summary: "The delay is not a whole number of milliseconds for some `retried` in the checked range.",
  },
  "short-delay": {
    severity: "warning",
    summary: "Every delay in the checked range is positive but at most 100 ms: probably seconds written where milliseconds belong.",
  },
  "flat-delay": { severity: "info", summary: "The delay depends on `retried` but is the same for every `retried` in the checked range." },
  "domain-check-sampled": {
    severity: "info",
    summary:
      "`retries` was too large to check every `retried` one by one, and analysis could not settle them all: part of the domain was sampled.",
  },
} as const;

/**
 * A stable identifier for one kind of expression problem.
 *
 * @example
 * ```ts
 * const code: ExpressionCode = "unknown-function";
 * EXPRESSION_CODES[code].severity; // "error"
 * ```
 */
export type ExpressionCode = keyof typeof EXPRESSION_CODES;

/**
 * A diagnostic about a retry-delay expression.
 *
 * @example
 * ```ts
 * const result = tryCompile("1000 *");
 * if (!result.ok) { const d: ExpressionDiagnostic = result.diagnostics[0]!; d.code; } // "unexpected-end"
 * ```
 */
export type ExpressionDiagnostic = import("../diagnostics/diagnostic.js").Diagnostic<ExpressionCode>;
