import { invalidInput } from "../diagnostics/arguments.js";
import { anyError, RetryDelayError, type Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import { checkAndCompile, type CheckOptions, type DelayRange } from "./check.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { JSC_STACK_MESSAGE, stackExhaustedResult, V8_STACK_MESSAGE } from "./guard.js";
import { parseWith } from "./parse-with.js";

/*
 * From source text to a compiled delay, with the parser given: the root's
 * `tryCompile` (api.ts) parses with the chevrotain parser behind the fast
 * path, retry-delay/runtime's (src/runtime.ts) with the fast path alone.
 * Checks, limits and closures are this one code. Kept apart from api.ts so
 * that the runtime's import graph never reaches chevrotain.
 */

/** Parses a source into its tree, or gives every problem found; never throws. */
type SourceParser = (source: string) => Result<Expression, ExpressionCode>;

/**
 * Options of `compile` and `tryCompile`.
 *
 * @example
 * ```ts
 * const options: CompileOptions = { retries: 5 };
 * tryCompile("1000 - 300 * retried", options).diagnostics[0]?.code; // "negative-delay"
 * ```
 */
export type CompileOptions = CheckOptions;

/**
 * A compiled retry-delay expression: call it with `retried` (0 for the first
 * retry) to get the delay in milliseconds. It also carries what the checks
 * found.
 *
 * @example
 * ```ts
 * const delay: CompiledDelay = compile("1000 * (1 + retried)");
 * delay(2); // 3000
 * delay.source; // "1000 * (1 + retried)"
 * ```
 */
export interface CompiledDelay {
  (retried: number): number;
  /** The source it was compiled from. */
  readonly source: string;
  /**
   * The parsed tree, before constant folding. The closure does not keep it:
   * it is parsed again from `source` on first read, then kept, and frozen.
   */
  readonly expression: Expression;
  /** Warnings and infos from the checks; never errors (those make compiling fail). */
  readonly diagnostics: readonly ExpressionDiagnostic[];
  /** Smallest and largest finite delay over `retried` in `0 … retries - 1`. */
  readonly range: DelayRange | undefined;
}

/** `compile` with its parser given: the compiled delay, or a RetryDelayError with every problem found. */
export function compileWith(parseSource: SourceParser, source: string, options: CompileOptions): CompiledDelay {
  const result = tryCompileWith(parseSource, source, options);
  if (!result.ok) throw new RetryDelayError(typeof source === "string" ? source : "", result.diagnostics);
  return result.value;
}

/**
 * `tryCompile` with its parser given. The parser answers a failure with its
 * diagnostics as they should be returned: the root's explains them in full,
 * the runtime's gives its short one.
 */
export function tryCompileWith(parseSource: SourceParser, source: string, options: CompileOptions): Result<CompiledDelay, ExpressionCode> {
  // Built before the guarded work: the handler below must make no call (guard.ts).
  const tooDeep = stackExhaustedResult(source);
  try {
    return compileUnguarded(parseSource, source, options);
  } catch (error) {
    // The last resort of the promise that nothing escapes but diagnostics:
    // each stage guards its own recursion, yet a caller whose stack is nearly
    // full can overflow anywhere, even between two guarded stages. Only
    // stack exhaustion is caught, tested inline (see guard.ts).
    if (
      (error instanceof RangeError && (error.message === V8_STACK_MESSAGE || error.message === JSC_STACK_MESSAGE)) ||
      (error as { name?: unknown } | null)?.name === "InternalError"
    )
      return tooDeep;
    throw error;
  }
}

function compileUnguarded(parseSource: SourceParser, source: string, options: CompileOptions): Result<CompiledDelay, ExpressionCode> {
  if (typeof source !== "string") return { ok: false, diagnostics: [invalidInput(source, "the expression")] };
  const parsed = parseSource(source);
  if (!parsed.ok) return parsed;
  // The options are read once, by the check, through their own descriptors.
  const report = checkAndCompile(parsed.value, options, { namesResolved: true });
  const closure = report.delay;
  if (closure === undefined || anyError(report.diagnostics)) return { ok: false, diagnostics: report.diagnostics };
  // One fixed order: V8 then shares one hidden-class path for every compiled
  // delay, where defineProperties over all four cost 14% of compile time.
  const compiled = closure as BeingBuilt;
  compiled.source = source;
  Object.defineProperty(compiled, "expression", EXPRESSION);
  compiled.diagnostics = report.diagnostics;
  compiled.range = report.range;
  return { ok: true, value: compiled as CompiledDelay, diagnostics: report.diagnostics };
}

/** A closure while `compileUnguarded` gives it its fields. */
type BeingBuilt = DelayClosure & { -readonly [K in "source" | "diagnostics" | "range"]: CompiledDelay[K] };

/*
 * The closure never reads the tree, and a server keeps thousands of compiled
 * delays: holding each one's tree (with every span) was two thirds of what a
 * delay retained. So `.expression` is parsed again from `.source` on first
 * read (parsing is deterministic, and this source parsed a moment ago), kept
 * from then on, and frozen, since every reader of one delay shares it.
 */
const TREES = new WeakMap<object, Expression>();

const EXPRESSION: PropertyDescriptor = { get: treeOfDelay, enumerable: true, configurable: false };

function treeOfDelay(this: unknown): Expression | undefined {
  if (typeof this !== "function") return undefined;
  const known = TREES.get(this);
  if (known !== undefined) return known;
  const source: unknown = (this as { source?: unknown }).source;
  // A source that compiled takes the fast path again: no parser for declined input is needed.
  const parsed = typeof source === "string" ? parseWith(source, NOT_REPARSED) : undefined;
  if (parsed?.ok !== true) return undefined;
  const tree = freezeTree(parsed.value);
  TREES.set(this, tree);
  return tree;
}

const NOT_REPARSED = (): Result<Expression, ExpressionCode> => ({ ok: false, diagnostics: [] });

/** Freezes every node and span; a loop, not recursion, since a long flat chain is as deep as it is long. */
function freezeTree(tree: Expression): Expression {
  const pending: object[] = [tree];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    Object.freeze(node);
    for (const value of Object.values(node)) if (typeof value === "object" && value !== null) pending.push(value as object);
  }
  return tree;
}
