import { CompactRetryDelayError } from "../diagnostics/compact-error.js";
import type { Result } from "../diagnostics/diagnostic.js";
import { isPlainObjectLike, readOwnField } from "../diagnostics/own.js";
import { showValue } from "../diagnostics/show.js";
import { dependsOnRetried, type Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { compileFolded } from "./compile.js";
import { checkValues } from "./delay-findings.js";
import type { DelayRange } from "./domain-report.js";
import { capErrors } from "./error-limit.js";
import { foldConstants } from "./fold.js";
import { blamePackage, blameTree, guardWalk, type WalkBlame } from "./guard.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { callProblem } from "./name-problems.js";
import { ROOT_WORDING } from "./root-wording.js";
import type { CompiledTree, Wording } from "./wording.js";

export type { DelayRange } from "./domain-report.js";

/**
 * Options of {@link checkExpression} and `compile`.
 *
 * @example
 * ```ts
 * const options: CheckOptions = { retries: 10 };
 * compile("pow(2, retried) * 1000", options).range?.max; // 512000
 * ```
 */
export interface CheckOptions {
  /**
   * How many retries the message allows; the domain check covers every
   * `retried` in `0 … retries - 1`. Default 3, Upstash's default. At most
   * 1,000,000. Within a fixed budget it evaluates each value; past it, it
   * uses interval analysis and binary search, and samples (with a
   * `domain-check-sampled` info) what analysis cannot settle.
   */
  readonly retries?: number;
}

/**
 * A tree that passed the checks, and the range of its delays.
 *
 * @example
 * ```ts
 * const parsed = parse("pow(2, retried) * 1000");
 * if (parsed.ok) {
 *   const checked = checkExpression(parsed.value);
 *   if (checked.ok) checked.value.range; // { min: 1000, max: 4000, minAt: 0, maxAt: 2 }
 * }
 * ```
 */
export interface CheckedExpression {
  readonly expression: Expression;
  /** Undefined when no checked value is finite, or `retries` is 0. */
  readonly range: DelayRange | undefined;
}

/**
 * What {@link checkExpression} found, in the package's one result shape:
 * `{ ok: true, value, diagnostics }` with any warnings and infos, or
 * `{ ok: false, diagnostics }` with the errors.
 *
 * @example
 * ```ts
 * const parsed = parse("1000 / (retried - 1)");
 * if (parsed.ok) checkExpression(parsed.value).diagnostics[0]?.code; // "infinite-delay"
 * ```
 */
export type CheckResult = Result<CheckedExpression, ExpressionCode>;

/**
 * The former name of {@link CheckResult}.
 *
 * @deprecated Use {@link CheckResult}; the range is now `result.value.range`. Kept for one minor version.
 * @example
 * ```ts
 * const report: CheckReport = checkExpression(tree);
 * ```
 */
export type CheckReport = CheckResult;

/**
 * Upstash's default number of retries, and the default domain of the check.
 *
 * @example
 * ```ts
 * compile("1000", { retries: DEFAULT_RETRIES }).range; // checked over retried 0, 1, 2
 * ```
 */
export const DEFAULT_RETRIES = 3;

/**
 * The semantic checks on a parsed expression:
 *
 * - names and arity again (for trees built by hand rather than by `parseExpression`);
 * - division by a constant zero (an error);
 * - the domain check: the delay for every `retried` in `0 … retries - 1`, with a
 *   warning for each kind of unusable value (negative, NaN, infinite, fractional)
 *   naming the `retried` values that give it;
 * - the intent check: every delay at most 100 ms (`short-delay`), or the same
 *   delay throughout although it depends on `retried` (`flat-delay`);
 * - the min and max delay.
 *
 * @example
 * ```ts
 * const parsed = parse("1000 - 600 * retried");
 * if (parsed.ok) {
 *   const result = checkExpression(parsed.value, { retries: 3 });
 *   result.diagnostics[0]?.code; // "negative-delay" (retried = 2 gives -200)
 * }
 * ```
 */
export function checkExpression(tree: Expression, options: CheckOptions = {}): CheckResult {
  const { diagnostics, range, delay } = checkAndCompile(tree, options, ROOT_WORDING, { namesResolved: false, blame: blameTree(tree) });
  return delay === undefined ? { ok: false, diagnostics } : { ok: true, value: { expression: tree, range }, diagnostics };
}

/** What the checks found, and the closure they compiled, absent when there are errors. */
export interface CheckFindings {
  readonly diagnostics: readonly ExpressionDiagnostic[];
  readonly range: DelayRange | undefined;
  readonly delay?: DelayClosure;
  /** The `retries` checked over, with the closure. */
  readonly retries?: number;
}

/**
 * Where a checked tree comes from: `parse`, which resolved every name and
 * built it well-formed, so that a failed walk is the package's own; or a
 * caller, whose names are checked again and whose failed walk is blamed as
 * `blame` says (guard.ts).
 */
export type TreeTrust =
  { readonly namesResolved: true; readonly plainNodes?: number | undefined } | { readonly namesResolved: false; readonly blame: WalkBlame };

/**
 * The checks, and the closure the domain check compiled for them, so that
 * `compile` does not compile twice, its findings in the entry's `wording`:
 * {@link compileChecked}, then {@link checkValues}. A walk that fails is
 * one error diagnostic (guard.ts), never a throw.
 */
export function checkAndCompile(tree: Expression, options: CheckOptions, wording: Wording, trust: TreeTrust): CheckFindings {
  const checked = compileChecked(tree, options, wording, trust);
  if (!checked.ok) return { diagnostics: checked.diagnostics, range: undefined };
  try {
    const { diagnostics, range } = checkValues(checked, wording, blameOf(trust));
    return { diagnostics, range, delay: checked.delay, retries: checked.retries };
  } catch (error) {
    // Tested here, not by a shared helper: a handler that may run with the stack nearly spent calls no function of ours (guard.ts).
    if (error instanceof CompactRetryDelayError) return { diagnostics: error.diagnostics as ExpressionDiagnostic[], range: undefined };
    throw error;
  }
}

/** {@link compileChecked}'s answer: the compiled tree (one object, not one inside another), or the errors that refused it. */
export type Compiled =
  (CompiledTree & { readonly ok: true }) | { readonly ok: false; readonly diagnostics: readonly ExpressionDiagnostic[] };

/**
 * Every check that decides an error (options, names, arity, division by a
 * constant zero), then the closure: what `compile` needs. The checks of the
 * delay's values, which decide none, are {@link checkValues}: `tryCompile`
 * runs them for its result's warnings, `compile` never does.
 * `plainNodes`, for a tree from `parse`: it is the fast recognizer's plain
 * tree with this count of nodes (`plainTreeNodes`), so it neither folds nor
 * divides by a constant, and the walks that would find that are skipped.
 */
export function compileChecked(tree: Expression, options: CheckOptions, wording: Wording, trust: TreeTrust): Compiled {
  const read = readRetriesOption(options);
  if (typeof read !== "number") return { ok: false, diagnostics: [read] };
  const retries = read;
  try {
    return guardWalk((): Compiled => {
      if (trust.namesResolved && trust.plainNodes !== undefined) {
        // The recognizer's plain tree (fast-recognizer.ts): no constant division, nothing to fold.
        return { ok: true, tree, folded: tree, delay: compileFolded(tree), retries, nodes: trust.plainNodes };
      }
      const structural: ExpressionDiagnostic[] = [];
      const nodes = checkStructure(tree, trust.namesResolved ? undefined : wording, structural);
      if (structural.length > 0) return { ok: false, diagnostics: capErrors(structural) };
      // Folded once: the compiler and the domain check's analysis both read the folded tree.
      const folded = foldConstants(tree);
      return { ok: true, tree, folded, delay: compileFolded(folded), retries, nodes };
    }, blameOf(trust));
  } catch (error) {
    // Tested here, not by a shared helper: a handler that may run with the stack nearly spent calls no function of ours (guard.ts).
    if (error instanceof CompactRetryDelayError) return { ok: false, diagnostics: error.diagnostics as ExpressionDiagnostic[] };
    throw error;
  }
}

/** What a failed walk over a tree of this trust is blamed on (guard.ts). */
function blameOf(trust: TreeTrust): WalkBlame {
  return trust.namesResolved ? blamePackage : trust.blame;
}

/**
 * `retries` from the options, read once through its own descriptor (an
 * inherited one is never used; a throwing getter or Proxy trap, a revoked
 * Proxy, is an `invalid-option`), or why not. The one field there is, so not
 * snapshotOwn's walk over every key: this runs on every compile.
 */
function readRetriesOption(options: unknown): number | ExpressionDiagnostic {
  if (!isPlainObjectLike(options)) return invalid("the options must be an object such as `{ retries: 5 }`");
  const read = readOwnField(options, "retries");
  if (!read.ok) return invalid(`the options could not be read: ${read.reason}`);
  const retries = read.value;
  if (retries === undefined) return DEFAULT_RETRIES;
  if (typeof retries === "number" && Number.isInteger(retries) && retries >= 0 && retries <= EXPRESSION_LIMITS.maxRetries) return retries;
  return invalid(`\`retries\` must be a whole number from 0 to ${EXPRESSION_LIMITS.maxRetries}, not ${showValue(retries)}`);
}

/** The diagnostic for options that cannot be used. */
function invalid(message: string): ExpressionDiagnostic {
  return { code: "invalid-option", severity: "error", message, span: { start: 0, end: 0 } };
}

/**
 * Names (worded by `names`; undefined when `parse` resolved them already),
 * arity and constant division by zero, in source order, into `problems`;
 * gives the tree's count of nodes (countNodes), which the later checks need
 * and this walk finds for free.
 */
function checkStructure(node: Expression, names: Wording | undefined, problems: ExpressionDiagnostic[]): number {
  switch (node.kind) {
    case "number":
    case "retried":
      return 1;
    case "unary":
      return 1 + checkStructure(node.operand, names, problems);
    case "binary": {
      const nodes = 1 + checkStructure(node.left, names, problems) + checkStructure(node.right, names, problems);
      if (node.operator === "/" && !dependsOnRetried(node.right)) {
        const divisor = foldConstants(node.right);
        if (divisor.kind === "number" && divisor.value === 0) {
          problems.push({
            code: "division-by-zero",
            severity: "error",
            message: "division by zero: this divisor is always 0",
            span: node.right.span,
            hint: "the delay would be infinite (or NaN for 0 / 0)",
          });
        }
      }
      return nodes;
    }
    case "call": {
      let nodes = 1;
      for (const arg of node.args) nodes += checkStructure(arg, names, problems);
      // `parse` resolved every name already; a tree built by hand gets checked here.
      if (names !== undefined) {
        const problem = callProblem(node.name, node.nameSpan, node.args.length, node.span);
        if (problem !== undefined) problems.push(names.name(problem));
      }
      return nodes;
    }
  }
}
