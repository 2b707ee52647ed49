import { CompactRetryDelayError } from "../diagnostics/compact-error.js";
import { describeThrow } from "../diagnostics/own.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { malformedTree } from "./tree-shape.js";

/*
 * The last line of defence against stack exhaustion. The depth pre-scan
 * bounds every recursion by the expression's nesting, but a caller may call
 * in with its own stack nearly full (a deep framework, a small
 * `--stack-size`).
 *
 * A catch block that handles stack exhaustion must make no call to a
 * function of ours: V8 compiles a function on its first call (and again
 * after flushing unused bytecode), and refuses to compile with less than
 * 40 KiB of stack left, throwing a fresh RangeError from inside the handler.
 * So each such handler tests the error inline, against these messages, and
 * throws or returns something built beforehand. Only V8's and
 * JavaScriptCore's stack RangeError and SpiderMonkey's InternalError are
 * stack exhaustion; any other RangeError is a bug and propagates.
 */

/** V8's message (Node, Deno, Chrome, edge runtimes). */
export const V8_STACK_MESSAGE = "Maximum call stack size exceeded";
/** JavaScriptCore's (Bun, Safari). SpiderMonkey throws an InternalError named so instead. */
export const JSC_STACK_MESSAGE = "Maximum call stack size exceeded.";

const STACK_MESSAGE = "the expression nests too deeply for the call stack that is left";
const STACK_HINT = "simplify the expression, or call this from a shallower stack";

/** The diagnostic for a call stack that ran out despite the depth limit. */
export function stackExhausted(source: unknown): ExpressionDiagnostic {
  return {
    code: "too-deeply-nested",
    severity: "error",
    message: STACK_MESSAGE,
    span: { start: 0, end: typeof source === "string" ? source.length : 0 },
    hint: STACK_HINT,
  };
}

let stackError: CompactRetryDelayError | undefined;

/**
 * The RetryDelayError thrown when the stack runs out inside a tree walk or a
 * compiled closure, in its compact form (compact-error.ts): its source is
 * empty, so there is nothing to draw, and the renderer stays out of the
 * runtime entry's bundle. Built once per process, on the normal path before the
 * guarded work, since building it in the handler needs stack that is not
 * left. Every such throw is this one instance; its `stack` is where it was built.
 */
export function preparedStackError(): CompactRetryDelayError {
  stackError ??= new CompactRetryDelayError("", preparedStackResult().diagnostics);
  return stackError;
}

let stackResult: { readonly ok: false; readonly diagnostics: readonly ExpressionDiagnostic[] } | undefined;

/**
 * What a stage that returns results (tryCompile, parseWith) answers when
 * the stack runs out: the same diagnostic as {@link preparedStackError}'s,
 * built once per process before the guarded work, for the handler to
 * return without a call. Frozen, since every such answer is this one.
 */
export function preparedStackResult(): { readonly ok: false; readonly diagnostics: readonly ExpressionDiagnostic[] } {
  stackResult ??= Object.freeze({ ok: false, diagnostics: Object.freeze([Object.freeze(stackExhausted(""))]) });
  return stackResult;
}

/** What a failed tree walk is blamed on, when the stack did not run out: the diagnostic for `error`. */
export type WalkBlame = (error: unknown) => ExpressionDiagnostic;

/**
 * Runs a tree walk behind the promise that public functions throw nothing
 * but {@link RetryDelayError}. Trees from `parse` are bounded, but a long
 * flat chain is still a deep tree, a tree built by hand may be deeper, and
 * the caller's stack may be nearly full: stack exhaustion becomes
 * `too-deeply-nested`. Any other failure is told apart only after it
 * happens, so valid trees pay nothing: `blame` makes its diagnostic.
 */
export function guardWalk<T>(run: () => T, blame: WalkBlame): T {
  const tooDeep = preparedStackError();
  try {
    return run();
  } catch (error) {
    // The full class extends the compact one: this holds for both.
    if (error instanceof CompactRetryDelayError) throw error;
    if (error instanceof RangeError && (error.message === V8_STACK_MESSAGE || error.message === JSC_STACK_MESSAGE)) throw tooDeep;
    if ((error as { name?: unknown } | null)?.name === "InternalError") throw tooDeep;
    throw new CompactRetryDelayError("", [blame(error)]);
  }
}

/**
 * The blame for a walk over a tree this package built (`parse`'s, or a
 * compiled delay's own): such a tree is well-formed, so a failure on it is
 * ours, `internal-error`. retry-delay/runtime walks no other tree, so it
 * needs no validator of trees (tree-shape.ts).
 */
export function blamePackage(error: unknown): ExpressionDiagnostic {
  return {
    code: "internal-error",
    severity: "error",
    message: `retry-delay failed on a valid expression tree: ${describeThrow(error)}`,
    span: { start: 0, end: 0 },
    hint: "this is a bug in retry-delay; please report it with the expression",
  };
}

/**
 * {@link guardWalk} for a tree a caller may have built by hand: when `tree`
 * (the walk's input) is not a well-formed expression tree, the caller gave
 * a malformed one, `invalid-input`; when it is, the failure is ours,
 * `internal-error`, never blamed on the caller. A walker that does not pass
 * its tree gets `invalid-input`, the likelier cause.
 */
export function guardTreeWalk<T>(run: () => T, tree?: unknown): T {
  return guardWalk(run, blameTree(tree));
}

/** The blame for a walk over `tree`, which a caller may have built by hand (see {@link guardTreeWalk}). */
export function blameTree(tree: unknown): WalkBlame {
  return (error) => {
    const problem = tree === undefined ? undefined : malformedTree(tree);
    if (tree !== undefined && problem === undefined) return blamePackage(error);
    return {
      code: "invalid-input",
      severity: "error",
      message: problem === undefined ? "the value is not a valid expression tree" : `the value is not a valid expression tree: ${problem}`,
      span: { start: 0, end: 0 },
      hint: "pass a tree returned by `parse`",
    };
  };
}
