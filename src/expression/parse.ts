import { invalidInput } from "../diagnostics/arguments.js";
import type { Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { capErrors } from "./error-limit.js";
import { recognize } from "./fast-parse.js";
import { fullParser } from "./lazy-chevrotain-parse.js";
import { JSC_STACK_MESSAGE, V8_STACK_MESSAGE } from "./guard.js";
import { EXPRESSION_LIMITS } from "./limits.js";

/**
 * Parses a retry-delay expression into its AST. Never throws: a source that is
 * too long, malformed, or names something unknown gives `ok: false` and every
 * problem found, each with a code and a span.
 *
 * This checks syntax and names. {@link checkExpression} adds the semantic
 * checks (division by zero, the delay's range); `compile` does both.
 *
 * @example
 * ```ts
 * const parsed = parse("max(1000, pow(2, retried) * 100)");
 * if (parsed.ok) console.log(printExpression(parsed.value));
 * else console.error(renderDiagnostics(source, parsed.diagnostics));
 * ```
 */
export function parse(source: string): Result<Expression, ExpressionCode> {
  if (typeof source !== "string") return fail(invalidInput(source, "the expression"));
  if (source.length > EXPRESSION_LIMITS.maxSourceLength) {
    return fail({
      code: "source-too-long",
      severity: "error",
      message: `the expression is ${source.length} characters long; the limit is ${EXPRESSION_LIMITS.maxSourceLength}`,
      span: { start: EXPRESSION_LIMITS.maxSourceLength, end: source.length },
    });
  }

  try {
    // Valid input, and input whose only problems are names, take the fast
    // path; anything else gets the full parser and its diagnostics.
    const fast = recognize(source);
    if (fast !== undefined)
      return fast.problems.length === 0 ? { ok: true, value: fast.tree, diagnostics: [] } : fail(...capErrors(fast.problems));
    chevrotainParse ??= fullParser();
    const full = chevrotainParse(source);
    return full.ok ? full : fail(...capErrors(full.diagnostics));
  } catch (error) {
    // The fast recognizer recurses once per nesting level, within the depth
    // limit; a caller whose own stack is nearly full can still exhaust it.
    // The full parser would need more stack still, so this is the answer.
    // Tested inline and answered without a call: see guard.ts.
    if (
      (error instanceof RangeError && (error.message === V8_STACK_MESSAGE || error.message === JSC_STACK_MESSAGE)) ||
      (error as { name?: unknown } | null)?.name === "InternalError"
    ) {
      return {
        ok: false,
        diagnostics: [
          {
            code: "too-deeply-nested",
            severity: "error",
            message: "the expression nests too deeply for the call stack that is left",
            span: { start: 0, end: source.length },
          },
        ],
      };
    }
    throw error;
  }
}

/** The full parser, once loaded: asking `fullParser` again costs the bundle's lazy-module wrapper on every call. */
let chevrotainParse: ReturnType<typeof fullParser> | undefined;

function fail(...diagnostics: ExpressionDiagnostic[]): Result<Expression, ExpressionCode> {
  return { ok: false, diagnostics };
}
