import type { Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { ExpressionGrammar } from "./grammar.js";
import { JSC_STACK_MESSAGE, stackExhausted, V8_STACK_MESSAGE } from "./guard.js";
import { lex, lexicalTokens } from "./chevrotain-lex.js";
import { checkSize } from "./size.js";
import { toSyntaxDiagnostic } from "./syntax-errors.js";

let grammar: ExpressionGrammar | undefined;

/** One parser per process, built on first use: chevrotain's grammar analysis is paid once, and not at import. */
function sharedGrammar(): ExpressionGrammar {
  grammar ??= new ExpressionGrammar();
  return grammar;
}

/**
 * The chevrotain parser alone: the reference for the grammar and the source
 * of every diagnostic. {@link parse} uses it for whatever the fast path
 * declines; tests call it directly to hold the two paths together.
 */
export function parseWithChevrotain(source: string): Result<Expression, ExpressionCode> {
  const lexed = lex(source);
  if (lexed.characterDiagnostics.length > 0) return fail(...lexed.characterDiagnostics, ...lexed.numberDiagnostics);

  const sizeProblem = checkSize(lexicalTokens(lexed.tokens), source.length);
  if (sizeProblem !== undefined) return fail(sizeProblem);

  const parser = sharedGrammar();
  parser.prepare(lexed.tokens);
  let tree: Expression;
  // Chevrotain signals a syntax error by throwing an Error subclass, and V8
  // captures a stack trace for each: most of the error path's time. Nobody
  // reads those traces (the exception becomes a diagnostic), so none are taken.
  const traces = pauseStackTraces();
  try {
    tree = parser.expression();
  } catch (error) {
    // The depth pre-scan should make this unreachable; if a caller's own
    // stack is already deep, a RangeError still becomes a diagnostic.
    parser.prepare([]);
    if (
      (error instanceof RangeError && (error.message === V8_STACK_MESSAGE || error.message === JSC_STACK_MESSAGE)) ||
      (error as { name?: unknown } | null)?.name === "InternalError"
    )
      return fail(stackExhausted(source));
    throw error;
  } finally {
    resumeStackTraces(traces);
  }
  const problems: ExpressionDiagnostic[] = [...lexed.numberDiagnostics, ...parser.problems];
  const syntaxError = parser.errors[0];
  if (syntaxError !== undefined) {
    problems.push(
      toSyntaxDiagnostic(syntaxError, {
        source,
        openParens: parser.openParens,
        tokens: lexed.tokens,
        expected: parser.errorFacts.expected,
      }),
    );
  }
  // Release the token array so the shared parser does not pin the last input in memory.
  parser.prepare([]);
  if (problems.length > 0) return fail(...problems.sort((a, b) => a.span.start - b.span.start));
  return { ok: true, value: tree, diagnostics: [] };
}

/** V8's (and JavaScriptCore's) `Error.stackTraceLimit`, which is no part of the language, so not of its types. */
const V8Error = Error as { stackTraceLimit?: unknown };

/** `Error.stackTraceLimit` as it was, or undefined when it could not be set (an engine without it, or frozen intrinsics). */
function pauseStackTraces(): number | undefined {
  const limit = V8Error.stackTraceLimit;
  if (typeof limit !== "number") return undefined;
  try {
    V8Error.stackTraceLimit = 0;
    return limit;
  } catch {
    return undefined;
  }
}

function resumeStackTraces(limit: number | undefined): void {
  if (limit !== undefined) V8Error.stackTraceLimit = limit;
}

function fail(...diagnostics: ExpressionDiagnostic[]): Result<Expression, ExpressionCode> {
  return { ok: false, diagnostics };
}
