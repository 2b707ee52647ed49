import { showValue } from "../diagnostics/show.js";
import { dependsOnRetried, type Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import type { ExpressionCode, ExpressionDiagnostic } from "./codes.js";
import { capErrors } from "./error-limit.js";
import { compileTree } from "./compile.js";
import { foldConstants } from "./fold.js";
import { evaluateNode } from "./interpret.js";
import { guardTreeWalk } from "./guard.js";
import { RetryDelayError } from "../diagnostics/diagnostic.js";
import { EXPRESSION_LIMITS } from "./limits.js";
import { resolveCall } from "./names.js";

/**
 * Options of {@link checkExpression} and {@link compile}.
 *
 * @example
 * ```ts
 * const options: CheckOptions = { retries: 10 };
 * compile("pow(2, retried) * 1000", options).range?.max; // 512000
 * ```
 */
export interface CheckOptions {
  /**
   * How many retries the message allows; the domain check evaluates the
   * expression for every `retried` in `0 … retries - 1`. Default 3, Upstash's
   * default. At most 1,000,000.
   */
  readonly retries?: number;
}

/**
 * The smallest and largest finite delays over the checked `retried` values.
 *
 * @example
 * ```ts
 * compile("max(1000, pow(2, retried) * 100)", { retries: 6 }).range; // { min: 1000, max: 3200, minAt: 0, maxAt: 5 }
 * ```
 */
export interface DelayRange {
  readonly min: number;
  readonly max: number;
  /** The first `retried` that gives `min`. */
  readonly minAt: number;
  /** The first `retried` that gives `max`. */
  readonly maxAt: number;
}

/**
 * What {@link checkExpression} found.
 *
 * @example
 * ```ts
 * const parsed = parse("1000 / (retried - 1)");
 * if (parsed.ok) checkExpression(parsed.value).diagnostics[0]?.code; // "infinite-delay"
 * ```
 */
export interface CheckReport {
  /** Errors (division by zero, invalid options) and domain warnings. */
  readonly diagnostics: readonly ExpressionDiagnostic[];
  /** Undefined when no checked value is finite, or `retries` is 0, or there are errors. */
  readonly range: DelayRange | undefined;
}

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
 * - names and arity again (for trees built by hand rather than by {@link parse});
 * - division by a constant zero (an error);
 * - the domain check: the delay for every `retried` in `0 … retries - 1`, with a
 *   warning for each kind of unusable value (negative, NaN, infinite, fractional)
 *   naming the `retried` values that give it;
 * - the min and max delay.
 *
 * @example
 * ```ts
 * const parsed = parse("1000 - 600 * retried");
 * if (parsed.ok) {
 *   const report = checkExpression(parsed.value, { retries: 3 });
 *   report.diagnostics[0]?.code; // "negative-delay" (retried = 2 gives -200)
 * }
 * ```
 */
export function checkExpression(tree: Expression, options: CheckOptions = {}): CheckReport {
  return checkAndCompile(tree, options).report;
}

/**
 * The checks, and the closure the domain check compiled for them, so that
 * `compile` does not compile twice. The closure is absent when there are errors.
 */
export function checkAndCompile(tree: Expression, options: CheckOptions, namesResolved = false): { report: CheckReport; delay?: DelayClosure } {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    return { report: { diagnostics: [{ code: "invalid-option", severity: "error", message: "the options must be an object such as `{ retries: 5 }`", span: { start: 0, end: 0 } }], range: undefined } };
  }
  const retriesProblem = checkRetries(options.retries);
  if (retriesProblem !== undefined) return { report: { diagnostics: [retriesProblem], range: undefined } };
  const retries = options.retries ?? DEFAULT_RETRIES;

  try {
    return guardTreeWalk(() => {
      const structural = checkStructure(tree, namesResolved);
      if (structural.length > 0) return { report: { diagnostics: capErrors(structural), range: undefined } };
      const delay = compileTree(tree);
      return { report: checkDomain(tree, delay, retries), delay };
    });
  } catch (error) {
    if (error instanceof RetryDelayError) return { report: { diagnostics: error.diagnostics as ExpressionDiagnostic[], range: undefined } };
    throw error;
  }
}

function checkRetries(retries: unknown): ExpressionDiagnostic | undefined {
  if (retries === undefined) return undefined;
  if (typeof retries === "number" && Number.isInteger(retries) && retries >= 0 && retries <= EXPRESSION_LIMITS.maxRetries) return undefined;
  return {
    code: "invalid-option",
    severity: "error",
    message: `\`retries\` must be a whole number from 0 to ${EXPRESSION_LIMITS.maxRetries}, not ${showValue(retries)}`,
    span: { start: 0, end: 0 },
  };
}

/** Names, arity and constant division by zero, in source order. */
function checkStructure(tree: Expression, namesResolved: boolean): ExpressionDiagnostic[] {
  const problems: ExpressionDiagnostic[] = [];
  const visit = (node: Expression): void => {
    switch (node.kind) {
      case "number":
      case "retried":
        return;
      case "unary":
        visit(node.operand);
        return;
      case "binary":
        visit(node.left);
        visit(node.right);
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
        return;
      case "call": {
        node.args.forEach(visit);
        // `parse` resolved every name already; a tree built by hand gets checked here.
        const problem = namesResolved ? undefined : resolveCall(node.name, node.nameSpan, node.args, node.span);
        if (problem !== undefined) problems.push(problem);
        return;
      }
    }
  };
  visit(tree);
  return problems;
}

type DomainCode = Extract<ExpressionCode, "negative-delay" | "nan-delay" | "infinite-delay" | "fractional-delay">;

/** Evaluates every `retried` of the domain once, grouping the unusable values by kind. */
function checkDomain(tree: Expression, delay: DelayClosure, retries: number): CheckReport {
  // Allocated only when a value is unusable: the common case makes no garbage here.
  let offenders: Map<DomainCode, number[]> | undefined;
  let found = false;
  let min = 0;
  let max = 0;
  let minAt = 0;
  let maxAt = 0;
  for (let retried = 0; retried < retries; retried++) {
    const value = delay(retried);
    const kind = classify(value);
    if (kind !== undefined) {
      offenders ??= new Map();
      const list = offenders.get(kind);
      if (list === undefined) offenders.set(kind, [retried]);
      else list.push(retried);
    }
    if (!Number.isFinite(value)) continue;
    if (!found) {
      found = true;
      min = max = value;
      minAt = maxAt = retried;
    } else if (value < min) {
      min = value;
      minAt = retried;
    } else if (value > max) {
      max = value;
      maxAt = retried;
    }
  }
  const diagnostics: ExpressionDiagnostic[] = [];
  if (offenders !== undefined) {
    for (const code of ["nan-delay", "infinite-delay", "negative-delay", "fractional-delay"] as const) {
      const list = offenders.get(code);
      if (list !== undefined) diagnostics.push(domainWarning(code, tree, delay, list));
    }
  }
  return { diagnostics, range: found ? { min, max, minAt, maxAt } : undefined };
}

function classify(value: number): DomainCode | undefined {
  if (Number.isNaN(value)) return "nan-delay";
  if (!Number.isFinite(value)) return "infinite-delay";
  if (value < 0) return "negative-delay";
  if (!Number.isInteger(value)) return "fractional-delay";
  return undefined;
}

function domainWarning(code: DomainCode, tree: Expression, delay: DelayClosure, retriedValues: readonly number[]): ExpressionDiagnostic {
  const first = retriedValues[0] ?? 0;
  const example = delay(first);
  const when = `when \`retried\` is ${listValues(retriedValues)}`;
  switch (code) {
    case "nan-delay":
    case "infinite-delay": {
      // Point at the innermost part that first turns non-finite: that is the part to fix.
      const origin = nonFiniteOrigin(tree, first) ?? tree;
      const what = code === "nan-delay" ? "NaN" : "infinite";
      const isWhole = origin === tree;
      return {
        code,
        severity: "warning",
        message: `the delay is ${what} ${when}`,
        span: origin.span,
        hint: isWhole
          ? code === "nan-delay"
            ? "make every value a finite number of milliseconds; Upstash does not document what a NaN delay does"
            : "cap the delay, e.g. `min(…, 86400000)` for one day"
          : `this part is ${formatValue(evaluateNode(origin, first))} at \`retried\` = ${first}; ${code === "nan-delay" ? "Upstash does not document what a NaN delay does" : "cap it, e.g. with `min(…, 86400000)`"}`,
      };
    }
    case "negative-delay":
      return {
        code,
        severity: "warning",
        message: `the delay is negative ${when} (${formatValue(example)} ms at ${first})`,
        span: tree.span,
        hint: "clamp it with `max(0, …)`; Upstash does not document what a negative delay does",
      };
    case "fractional-delay":
      return {
        code,
        severity: "warning",
        message: `the delay is not a whole number of milliseconds ${when} (${formatValue(example)} ms at ${first})`,
        span: tree.span,
        hint: "wrap it in `round(…)`, `floor(…)` or `ceil(…)`",
      };
  }
}

/** The deepest node whose own value is non-finite while its operands' values are all finite. */
function nonFiniteOrigin(node: Expression, retried: number): Expression | undefined {
  const children = node.kind === "unary" ? [node.operand] : node.kind === "binary" ? [node.left, node.right] : node.kind === "call" ? node.args : [];
  for (const child of children) {
    const found = nonFiniteOrigin(child, retried);
    if (found !== undefined) return found;
  }
  return Number.isFinite(evaluateNode(node, retried)) ? undefined : node;
}

function listValues(values: readonly number[]): string {
  const shown = values.slice(0, 5).join(", ");
  return values.length > 5 ? `${shown}, … (${values.length} values)` : shown;
}

function formatValue(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}
