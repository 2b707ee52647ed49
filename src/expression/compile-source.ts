import { invalidInput } from "../diagnostics/arguments.js";
import type { CompactRetryDelayError } from "../diagnostics/compact-error.js";
import type { Diagnostic, Result } from "../diagnostics/diagnostic.js";
import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import { compileChecked, type CheckOptions, type Compiled, type DelayRange } from "./check.js";
import { checkValues, findingsFor, freezeAll, type DelayFindings } from "./delay-findings.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { JSC_STACK_MESSAGE, preparedStackError, preparedStackResult, V8_STACK_MESSAGE } from "./guard.js";
import { plainTreeNodes } from "./fast-recognizer.js";
import { parseWith } from "./parse-with.js";
import type { Wording } from "./wording.js";

/*
 * From source text to a compiled delay, for an entry: the root's
 * `tryCompile` (api.ts) parses with the chevrotain parser behind the fast
 * path, retry-delay/runtime's (src/runtime.ts) with the fast path alone, and
 * each words diagnostics its own way (wording.ts). Checks, limits, closures
 * and every decision are this one code. Kept apart from api.ts so that the
 * runtime's import graph never reaches chevrotain.
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
   * it is parsed again from the source on first read, then kept, and frozen.
   */
  readonly expression: Expression;
  /**
   * Warnings and infos from the checks of the delay's values; never errors
   * (those make compiling fail). Compiling does not run these checks: they
   * run on the first read of this or of `range`, then are kept, and
   * frozen. Equal to the compile result's `diagnostics`.
   */
  readonly diagnostics: readonly ExpressionDiagnostic[];
  /**
   * Smallest and largest finite delay over `retried` in `0 … retries - 1`;
   * like `diagnostics`, found on first read, then kept, and frozen.
   */
  readonly range: DelayRange | undefined;
}

/**
 * The error class `compile` throws: the root's `RetryDelayError`, which draws
 * each diagnostic under its source line, or the runtime's compact form,
 * which keeps the renderer out of its bundle (compact-error.ts).
 */
export type CompileErrorClass = new (source: string, diagnostics: readonly Diagnostic[]) => CompactRetryDelayError;

/** What an entry compiles with: made once per entry by {@link compileEntry}. */
export interface CompileEntry {
  /** Parses a source, wording its problems as `wording` does. */
  readonly parse: SourceParser;
  /** How the checks' findings are worded. */
  readonly wording: Wording;
  readonly ErrorClass: CompileErrorClass;
  /** The prototype of the entry's compiled delays, whose getters find their diagnostics in its wording. */
  readonly prototype: object;
}

/** An entry's parser, wording and error class, with the prototype its compiled delays share. */
export function compileEntry(parts: Omit<CompileEntry, "prototype">): CompileEntry {
  return { ...parts, prototype: delayPrototype(parts.wording) };
}

/**
 * `compile` for an entry: the compiled delay, or the entry's error with
 * every problem found. It has no result to give warnings in, so the checks
 * of the delay's values run only if its `diagnostics` or `range` is read.
 */
export function compileWith(entry: CompileEntry, source: string, options: CompileOptions): CompiledDelay {
  const compiled = compileGuarded(entry, source, options);
  if (!compiled.ok) throw new entry.ErrorClass(typeof source === "string" ? source : "", compiled.diagnostics);
  return compiled.delay as CompiledDelay;
}

/**
 * `tryCompile` for an entry. Its parser answers a failure with its
 * diagnostics as they should be returned: the root's explains them in full,
 * the runtime's gives its short one. A compiled delay's result is the
 * wording's: the root's carries its warnings, found at once.
 */
export function tryCompileWith(entry: CompileEntry, source: string, options: CompileOptions): Result<CompiledDelay, ExpressionCode> {
  const compiled = compileGuarded(entry, source, options);
  return compiled.ok ? entry.wording.compiled(compiled.delay as CompiledDelay, compiled) : compiled;
}

/** Every check that decides an error, then the compiled delay; never throws but for a bug. */
function compileGuarded(entry: CompileEntry, source: string, options: CompileOptions): Compiled {
  // Built before the guarded work: the handler below must make no call (guard.ts).
  const tooDeep = preparedStackResult();
  try {
    return compileUnguarded(entry, source, options);
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

function compileUnguarded(entry: CompileEntry, source: string, options: CompileOptions): Compiled {
  if (typeof source !== "string") return { ok: false, diagnostics: [invalidInput(source, "the expression")] };
  const parsed = entry.parse(source);
  if (!parsed.ok) return parsed;
  // The options are read once, by the checks, through their own descriptors.
  const checked = compileChecked(parsed.value, options, entry.wording, { namesResolved: true, plainNodes: plainTreeNodes(parsed.value) });
  if (!checked.ok) return checked;
  // The closure keeps only its source and `retries`; the rest are getters
  // on one shared prototype (see below). Assignments in one fixed order:
  // V8 then shares one hidden-class path for every compiled delay, where
  // each Object.defineProperty would cost more than a whole parse.
  const compiled = checked.delay as BeingBuilt;
  Object.setPrototypeOf(compiled, entry.prototype);
  compiled[COMPILED_FROM] = source;
  compiled[CHECKED_OVER] = checked.retries;
  return checked;
}

/*
 * The closure never reads its tree, diagnostics or range, and a server
 * keeps thousands of compiled delays: holding each one's tree (with every
 * span) was two thirds of what a delay retained, and its warnings with
 * their suggestions most of the rest. So a delay holds only its source and
 * its `retries`, under symbols, and `.source`, `.expression`,
 * `.diagnostics` and `.range` are getters on a prototype every delay of an
 * entry shares (which inherits Function.prototype's call, apply and bind),
 * and which holds the entry's wording for the diagnostics. The tree is
 * parsed again on first read (parsing is deterministic, and this source
 * passed a moment ago); the diagnostics and the range are found on first
 * read, by checks that compiling never ran (delay-findings.ts). Each is
 * kept from then on, and frozen, since every reader of one delay shares
 * them.
 */
const COMPILED_FROM = Symbol("retry-delay source");
const CHECKED_OVER = Symbol("retry-delay retries");
const WORDED_BY = Symbol("retry-delay wording");

/** A closure while `compileUnguarded` gives it its fields. */
type BeingBuilt = DelayClosure & { [COMPILED_FROM]?: string; [CHECKED_OVER]?: number | undefined };

const TREES = new WeakMap<object, Expression>();

function delayPrototype(wording: Wording): object {
  return Object.create(Function.prototype, {
    source: { get: sourceOfDelay, enumerable: true },
    expression: { get: treeOfDelay, enumerable: true },
    diagnostics: { get: diagnosticsOfDelay, enumerable: true },
    range: { get: rangeOfDelay, enumerable: true },
    [WORDED_BY]: { value: wording },
  }) as object;
}

function sourceOfDelay(this: unknown): string | undefined {
  const source: unknown = typeof this === "function" ? (this as BeingBuilt)[COMPILED_FROM] : undefined;
  return typeof source === "string" ? source : undefined;
}

/** The source, the `retries` and the wording a delay was compiled with, or undefined for any other receiver. */
function compiledWith(receiver: unknown): { readonly source: string; readonly retries: number; readonly wording: Wording } | undefined {
  if (typeof receiver !== "function") return undefined;
  const source: unknown = (receiver as { [COMPILED_FROM]?: unknown })[COMPILED_FROM];
  const retries: unknown = (receiver as { [CHECKED_OVER]?: unknown })[CHECKED_OVER];
  // Read through the prototype chain: the entry's prototype holds it.
  const wording = (receiver as { [WORDED_BY]?: Wording })[WORDED_BY];
  return typeof source === "string" && typeof retries === "number" && wording !== undefined ? { source, retries, wording } : undefined;
}

function treeOfDelay(this: unknown): Expression | undefined {
  const known = typeof this === "function" ? TREES.get(this) : undefined;
  if (known !== undefined) return known;
  const compiled = compiledWith(this);
  const parsed = compiled === undefined ? undefined : parsedAgain(compiled);
  if (parsed === undefined) return undefined;
  const tree = freezeAll(parsed);
  TREES.set(this as object, tree);
  return tree;
}

/** The tree of a source that compiled, parsed again; it takes the fast path again, so no parser for declined input is needed. */
function parsedAgain(compiled: { readonly source: string; readonly wording: Wording }): Expression | undefined {
  const parsed = parseWith(compiled.source, NOT_REPARSED, compiled.wording);
  return parsed.ok ? parsed.value : undefined;
}

function diagnosticsOfDelay(this: unknown): readonly ExpressionDiagnostic[] | undefined {
  return findingsOf(this)?.diagnostics;
}

function rangeOfDelay(this: unknown): DelayRange | undefined {
  return findingsOf(this)?.range;
}

/**
 * The findings of the checks of a compiled delay's values, from the source
 * parsed and compiled again with the same `retries` (the delay keeps no
 * tree). Only the call stack running out can make them fail, and that is
 * thrown, never kept.
 */
function findingsOf(receiver: unknown): DelayFindings | undefined {
  const compiled = compiledWith(receiver);
  if (compiled === undefined) return undefined;
  return findingsFor(receiver as object, () => {
    // The kept tree if `expression` was read; else one parsed for the checks alone, and not kept: a
    // server that reads only `range` or `diagnostics` (the compile cache) keeps no tree per delay.
    const tree = TREES.get(receiver as object) ?? parsedAgain(compiled);
    const checked =
      tree === undefined ? undefined : compileChecked(tree, { retries: compiled.retries }, compiled.wording, { namesResolved: true });
    if (checked?.ok !== true) throw preparedStackError();
    return checkValues(checked, compiled.wording);
  });
}

const NOT_REPARSED = (): Result<Expression, ExpressionCode> => ({ ok: false, diagnostics: [] });
