import { describeKind, invalidArgument } from "../diagnostics/arguments.js";
import { showValue } from "../diagnostics/show.js";
import { RetryDelayError, type Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import type { ExpressionCode } from "./codes.js";
import { compileEntry, compileWith, tryCompileWith, type CompiledDelay, type CompileOptions } from "./compile-source.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { explainParseFailure } from "./mistakes.js";
import { parse } from "./parse.js";
import { ROOT_WORDING } from "./root-wording.js";

export type { CompiledDelay, CompileOptions } from "./compile-source.js";

/**
 * Parses, checks and compiles an `Upstash-Retry-Delay` expression into a fast
 * closure. Throws {@link RetryDelayError} with every problem found when the
 * expression is invalid; warnings (such as a negative delay) do not throw and
 * are on the result's `diagnostics`.
 *
 * @example
 * ```ts
 * const delay = compile("pow(2, retried) * 1000");
 * delay(0); // 1000
 * delay(3); // 8000
 * delay.range; // { min: 1000, max: 4000, minAt: 0, maxAt: 2 } for the default 3 retries
 * ```
 */
export function compile(source: string, options: CompileOptions = {}): CompiledDelay {
  return compileWith(ROOT_ENTRY, source, options);
}

/**
 * {@link compile} without exceptions: `{ ok: true, value, diagnostics }` with
 * any warnings, or `{ ok: false, diagnostics }`. {@link compile}, which has
 * no result to carry warnings, runs none of the checks that only warn.
 *
 * @example
 * ```ts
 * const result = tryCompile("pow(2, retries) * 1000");
 * if (!result.ok) {
 *   console.error(renderDiagnostics("pow(2, retries) * 1000", result.diagnostics));
 *   // error[unknown-variable]: unknown variable `retries` … did you mean `retried`?
 * }
 * ```
 */
export function tryCompile(source: string, options: CompileOptions = {}): Result<CompiledDelay, ExpressionCode> {
  return tryCompileWith(ROOT_ENTRY, source, options);
}

/**
 * Parses a retry-delay expression into its AST, and explains a failure the way
 * {@link tryCompile} does: a unit (`30s`), a strategy word (`exponential`) or a
 * quoted expression gets its own diagnostic with the repair. Never throws.
 * Checking and compiling are {@link tryCompile}'s.
 *
 * @example
 * ```ts
 * const parsed = parseExpression("30s");
 * if (!parsed.ok) parsed.diagnostics[0]?.fix?.text; // "30000"
 * ```
 */
export function parseExpression(source: string): Result<Expression, ExpressionCode> {
  if (typeof source !== "string") return parse(source);
  return parseExplained(source);
}

/** {@link parse}, with a failure's diagnostics explained as `tryCompile` explains them (mistakes.ts). */
function parseExplained(source: string): Result<Expression, ExpressionCode> {
  const parsed = parse(source);
  return parsed.ok ? parsed : { ok: false, diagnostics: explainParseFailure(source, parsed.diagnostics, parseExplained) };
}

/** The root's parser, wording and error class: every problem explained in full. */
const ROOT_ENTRY = /* @__PURE__ */ compileEntry({ parse: parseExplained, wording: ROOT_WORDING, ErrorClass: RetryDelayError });

/**
 * A delay function backed by a precomputed table for `retried` in `0 … size - 1`.
 *
 * @example
 * ```ts
 * const table: TabulatedDelay = tabulate(compile("pow(2, retried) * 1000"), 16);
 * table.values[3]; // 8000
 * table(3); // 8000
 * ```
 */
export interface TabulatedDelay {
  (retried: number): number;
  /** `values[i]` is the delay for `retried = i`. */
  readonly values: Float64Array;
}

/**
 * Table mode, for servers that evaluate one expression millions of times:
 * precomputes `retried = 0 … size - 1` into a `Float64Array`. Lookups inside
 * the table cost an array read; any other `retried` (fractional, negative,
 * past the end) falls back to the closure. `-0` is looked up as `0`.
 *
 * @example
 * ```ts
 * const delay = tabulate(compile("pow(2, retried) * 1000"), 32);
 * delay(10); // 1024000, read from the table
 * delay(40); // 1099511627776000, computed by the closure
 * ```
 */
export function tabulate(delay: DelayClosure, size: number): TabulatedDelay {
  if (typeof delay !== "function") invalidArgument(`tabulate takes a compiled delay, not ${describeKind(delay)}`);
  if (!Number.isInteger(size) || size < 0 || size > EXPRESSION_LIMITS.maxTableSize) {
    throw new RetryDelayError("", [
      {
        code: "invalid-option",
        severity: "error",
        message: `the table size must be a whole number from 0 to ${EXPRESSION_LIMITS.maxTableSize}, not ${showValue(size)}`,
        span: { start: 0, end: 0 },
      },
    ]);
  }
  const values = new Float64Array(size);
  for (let retried = 0; retried < size; retried++) values[retried] = delay(retried);
  const lookup = (retried: number): number =>
    typeof retried === "number" && retried >>> 0 === retried && retried < size ? (values[retried] as number) : delay(retried);
  return Object.defineProperty(lookup, "values", { value: values, enumerable: true }) as TabulatedDelay;
}
