import { invalidInput } from "../diagnostics/arguments.js";
import type { Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { capErrors } from "./error-limit.js";
import { recognizeWith } from "./fast-recognizer.js";
import { JSC_STACK_MESSAGE, preparedStackResult, V8_STACK_MESSAGE } from "./guard.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import type { Wording } from "./wording.js";

/*
 * The parse that both entries share: the input checks, the limits and the
 * fast path. What answers a source the fast path declines is given: the
 * root's chevrotain parser (parse.ts) or retry-delay/runtime's short
 * diagnostic (src/runtime/decline.ts). Kept apart from parse.ts so that the
 * runtime's import graph never reaches chevrotain: a bundler's code
 * splitting follows imports, not uses.
 */

/** A parser's answer for a source the fast path declined. */
export type DeclinedParse = (source: string) => Result<Expression, ExpressionCode>;

/**
 * Parses `source` with the fast path, its name problems in the entry's
 * `wording`, and `declined` for whatever it declines. Never throws.
 */
export function parseWith(source: string, declined: DeclinedParse, wording: Wording): Result<Expression, ExpressionCode> {
  if (typeof source !== "string") return fail(invalidInput(source, "the expression"));
  if (source.length > EXPRESSION_LIMITS.maxSourceLength) {
    return fail({
      code: "source-too-long",
      severity: "error",
      message: `the expression is ${source.length} characters long; the limit is ${EXPRESSION_LIMITS.maxSourceLength}`,
      span: { start: EXPRESSION_LIMITS.maxSourceLength, end: source.length },
    });
  }

  // Built before the guarded work: the handler below must make no call (guard.ts).
  const tooDeep = preparedStackResult();
  try {
    // Valid input, and input whose only problems are names, take the fast
    // path; anything else gets the declined parser's diagnostics.
    const fast = recognizeWith(source, wording.name);
    if (fast !== undefined)
      return fast.problems.length === 0
        ? { ok: true, value: fast.tree, diagnostics: [] }
        : fail(...capErrors(fast.problems.map((d) => (d.code === "strategy-name" ? wording.inSource(source, d) : d))));
    return declined(source);
  } catch (error) {
    // The fast recognizer recurses once per nesting level, within the depth
    // limit; a caller whose own stack is nearly full can still exhaust it.
    // The full parser would need more stack still, so this is the answer.
    // Tested inline: see guard.ts.
    if (
      (error instanceof RangeError && (error.message === V8_STACK_MESSAGE || error.message === JSC_STACK_MESSAGE)) ||
      (error as { name?: unknown } | null)?.name === "InternalError"
    )
      return tooDeep;
    throw error;
  }
}

function fail(...diagnostics: ExpressionDiagnostic[]): Result<Expression, ExpressionCode> {
  return { ok: false, diagnostics };
}
