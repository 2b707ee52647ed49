import { describeKind, invalidArgument, invalidInput } from "../diagnostics/arguments.js";
import { showValue } from "../diagnostics/show.js";
import { anyError, RetryDelayError, type Result } from "../diagnostics/diagnostic.js";
import { isPlainObjectLike, readOwnField } from "../diagnostics/own.js";
import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import { checkAndCompile, type CheckOptions, type DelayRange } from "./check.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { JSC_STACK_MESSAGE, V8_STACK_MESSAGE } from "./guard.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { explainParseFailure } from "./mistakes.js";
import { parse } from "./parse.js";

/**
 * Options of {@link compile} and {@link tryCompile}.
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
  const result = tryCompile(source, options);
  if (!result.ok) throw new RetryDelayError(typeof source === "string" ? source : "", result.diagnostics);
  return result.value;
}

/**
 * {@link compile} without exceptions: `{ ok: true, value, diagnostics }` with
 * any warnings, or `{ ok: false, diagnostics }`.
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
  try {
    return compileUnguarded(source, options);
  } catch (error) {
    // The last resort of the promise that nothing escapes but diagnostics:
    // each stage guards its own recursion, yet a caller whose stack is nearly
    // full can overflow anywhere, even between two guarded stages. Only
    // stack exhaustion is caught, tested inline and answered without a call
    // (see guard.ts for why).
    if (
      (error instanceof RangeError && (error.message === V8_STACK_MESSAGE || error.message === JSC_STACK_MESSAGE)) ||
      (error as { name?: unknown } | null)?.name === "InternalError"
    )
      return {
        ok: false,
        diagnostics: [
          {
            code: "too-deeply-nested",
            severity: "error",
            message: "the expression nests too deeply for the call stack that is left",
            span: { start: 0, end: typeof source === "string" ? source.length : 0 },
          },
        ],
      };
    throw error;
  }
}

function compileUnguarded(source: string, options: CompileOptions): Result<CompiledDelay, ExpressionCode> {
  if (typeof source !== "string") return { ok: false, diagnostics: [invalidInput(source, "the expression")] };
  const parsed = parse(source);
  if (!parsed.ok) return { ok: false, diagnostics: explainParseFailure(source, parsed.diagnostics, parseExplained) };
  const read = readOptions(options);
  if (!read.ok) return { ok: false, diagnostics: [read.problem] };
  const report = checkAndCompile(parsed.value, read.options, { namesResolved: true });
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
  const parsed = typeof source === "string" ? parse(source) : undefined;
  if (parsed?.ok !== true) return undefined;
  const tree = freezeTree(parsed.value);
  TREES.set(this, tree);
  return tree;
}

/** Freezes every node and span; a loop, not recursion, since a long flat chain is as deep as it is long. */
function freezeTree(tree: Expression): Expression {
  const pending: object[] = [tree];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    Object.freeze(node);
    for (const value of Object.values(node)) if (typeof value === "object" && value !== null) pending.push(value as object);
  }
  return tree;
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

/**
 * The caller's options as a snapshot of their own fields: a Proxy, a getter
 * or a polluted `Object.prototype` cannot change what the check reads, and a
 * throw while reading is an `invalid-option` diagnostic. Anything that is
 * not an object passes through for the check to refuse.
 */
function readOptions(options: unknown): { ok: true; options: CompileOptions } | { ok: false; problem: ExpressionDiagnostic } {
  if (!isPlainObjectLike(options)) return { ok: true, options: options as CompileOptions };
  // The one field there is, read through its own descriptor: a tenth of the
  // cost of snapshotOwn's walk over every key, on the path of every compile.
  const read = readOwnField(options, "retries");
  if (read.ok) return { ok: true, options: read.value === undefined ? NO_OPTIONS : { retries: read.value as number } };
  return {
    ok: false,
    problem: {
      code: "invalid-option",
      severity: "error",
      message: `the options could not be read: ${read.reason}`,
      span: { start: 0, end: 0 },
    },
  };
}

const NO_OPTIONS: CompileOptions = Object.freeze({});

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
