/**
 * retry-delay/runtime: `compile` and `tryCompile` for servers, workers, edge
 * functions and browsers that evaluate expressions which are mostly valid.
 *
 * The closures, the limits, the checks that decide errors (names, division
 * by zero, options) and every decision are the root entry's: what compiles,
 * and each error's code, severity and span wherever shared code decides it.
 * A valid expression takes the same fast recognizer the root uses, and the
 * chevrotain parser, which only explains invalid input, is left out, as are
 * the hints, fixes and detailed messages (src/runtime/wording.ts). An
 * invalid expression gets one short diagnostic, with its code and span,
 * where the recognizer stopped (one per name when only names are wrong).
 *
 * Also left out are the domain and intent checks, which decide no error and
 * only warn (`negative-delay`, `short-delay`, …): a delay compiled here has
 * no warnings, and its `range` is the root's whenever `retries` times the
 * expression's size is within the checks' evaluation budget (every
 * `retries` up to 18,750 for a ten-node expression); past it, the
 * extremes of the values evaluated, with unbounded `bounds`, since the
 * interval analysis that narrows the root's is left out too
 * (src/runtime/range.ts). For the warnings, and every problem explained
 * with hints and fixes, compile the same source with the root `retry-delay`
 * entry.
 *
 * ```ts
 * import { compile } from "retry-delay/runtime";
 * const delay = compile("pow(2, retried) * 1000");
 * delay(3); // 8000
 * ```
 *
 * @packageDocumentation
 */
import { CompactRetryDelayError } from "./diagnostics/compact-error.js";
import type { Result } from "./diagnostics/diagnostic.js";
import { compileEntry, compileWith, tryCompileWith, type CompiledDelay, type CompileOptions } from "./expression/compile-source.js";
import type { Expression } from "./expression/ast.js";
import type { ExpressionCode } from "./expression/codes.js";
import { declineFast } from "./expression/fast-recognizer.js";
import { parseWith } from "./expression/parse-with.js";
import { declinedSource } from "./runtime/decline.js";
import { RUNTIME_WORDING } from "./runtime/wording.js";

export { RetryDelayError, type Diagnostic, type Result, type Span } from "./diagnostics/diagnostic.js";
export type { CompiledDelay, CompileOptions } from "./expression/compile-source.js";
export type { DelayRange } from "./expression/check.js";
export type { ExpressionCode, ExpressionDiagnostic } from "./expression/codes.js";

/** The root's parse, with the short diagnostic in place of the chevrotain parser. */
function parseRuntime(source: string): Result<Expression, ExpressionCode> {
  return parseWith(source, declinedParse, RUNTIME_WORDING);
}

/** The short diagnostic for a source the fast recognizer declined, from where it stopped. */
function declinedParse(source: string): Result<Expression, ExpressionCode> {
  return declinedSource(source, declineFast(source));
}

/** The runtime's parser, short wording and compact error class. */
const RUNTIME_ENTRY = /* @__PURE__ */ compileEntry({ parse: parseRuntime, wording: RUNTIME_WORDING, ErrorClass: CompactRetryDelayError });

/**
 * Compiles an `Upstash-Retry-Delay` expression into a closure, as the root
 * entry's `compile` does, without the chevrotain parser and the checks that
 * only warn: the delay's `diagnostics` are empty. Throws
 * {@link RetryDelayError} when the expression is invalid, with one short
 * diagnostic where parsing stopped (or the checks' errors, which are the
 * root's). The error is the class's compact form: its `render()` gives one
 * line per diagnostic, without the source excerpt and caret that the root's
 * draws, and `instanceof RetryDelayError` holds for it.
 *
 * @example
 * ```ts
 * import { compile } from "retry-delay/runtime";
 * const delay = compile("min(60000, pow(2, retried) * 1000)", { retries: 10 });
 * delay(3); // 8000
 * delay.range; // { min: 1000, max: 60000, minAt: 0, maxAt: 6 }
 * ```
 */
export function compile(source: string, options: CompileOptions = {}): CompiledDelay {
  return compileWith(RUNTIME_ENTRY, source, options);
}

/**
 * {@link compile} without exceptions: `{ ok: true, value, diagnostics }`,
 * whose `diagnostics` are empty (the warnings are the root's), or
 * `{ ok: false, diagnostics }`. Invalid input never throws:
 * it gets a diagnostic whose code and span say where the fast recognizer
 * stopped, and whose message says that the root `retry-delay` entry gives the
 * full report.
 *
 * @example
 * ```ts
 * import { tryCompile } from "retry-delay/runtime";
 * const result = tryCompile("pow(2, retried * 1000");
 * if (!result.ok) {
 *   result.diagnostics[0]?.code; // "unclosed-paren"
 *   result.diagnostics[0]?.span; // { start: 3, end: 4 }
 * }
 * ```
 */
export function tryCompile(source: string, options: CompileOptions = {}): Result<CompiledDelay, ExpressionCode> {
  return tryCompileWith(RUNTIME_ENTRY, source, options);
}
