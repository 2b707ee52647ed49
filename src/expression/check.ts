import { isPlainObjectLike, readOwnField } from "../diagnostics/own.js";
import { showValue } from "../diagnostics/show.js";
import { dependsOnRetried, type Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { capErrors } from "./error-limit.js";
import { compileTree } from "./compile.js";
import { foldConstants } from "./fold.js";
import { evaluateNode } from "./interpret.js";
import { nonFiniteOrigin } from "./domain-origin.js";
import { scanDomain } from "./domain.js";
import { DOMAIN_CODES, type DomainCode, type DomainFindings, type Offenders } from "./domain-findings.js";
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
   * How many retries the message allows; the domain check covers every
   * `retried` in `0 … retries - 1`. Default 3, Upstash's default. At most
   * 1,000,000. Within a fixed budget it evaluates each value; past it, it
   * uses interval analysis and binary search, and samples (with a
   * `domain-check-sampled` info) what analysis cannot settle.
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
  /**
   * Present only when `retries` was too large to check every value and
   * analysis could not settle the range (a `domain-check-sampled` info says
   * so): `min` and `max` are then the extremes of the values checked, and
   * every finite delay lies within `lowest … highest`.
   */
  readonly bounds?: { readonly lowest: number; readonly highest: number };
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
  const read = readRetriesOption(options);
  if (typeof read !== "number") return { report: { diagnostics: [read], range: undefined } };
  const retries = read;

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

/**
 * `retries` from the options, read once through its own descriptor (an
 * inherited one is never used; a throwing getter or Proxy trap, a revoked
 * Proxy, is an `invalid-option`), or why not. The one field there is, so not
 * snapshotOwn's walk over every key: this runs on every compile.
 */
function readRetriesOption(options: unknown): number | ExpressionDiagnostic {
  const invalid = (message: string): ExpressionDiagnostic => ({ code: "invalid-option", severity: "error", message, span: { start: 0, end: 0 } });
  if (!isPlainObjectLike(options)) return invalid("the options must be an object such as `{ retries: 5 }`");
  const read = readOwnField(options, "retries");
  if (!read.ok) return invalid(`the options could not be read: ${read.reason}`);
  const retries = read.value;
  if (retries === undefined) return DEFAULT_RETRIES;
  if (typeof retries === "number" && Number.isInteger(retries) && retries >= 0 && retries <= EXPRESSION_LIMITS.maxRetries) return retries;
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

/** The domain check (domain.ts), its findings turned into diagnostics and a range. */
function checkDomain(tree: Expression, delay: DelayClosure, retries: number): CheckReport {
  const findings = scanDomain(tree, delay, retries);
  const diagnostics: ExpressionDiagnostic[] = [];
  for (const code of DOMAIN_CODES) {
    const offenders = findings.offenders?.get(code);
    if (offenders !== undefined) diagnostics.push(domainWarning(code, tree, delay, offenders, findings.unsettled.has(code)));
  }
  if (findings.approximate) diagnostics.push(sampledNote(tree, retries, findings));
  if (!findings.found) return { diagnostics, range: undefined };
  const { min, max, minAt, maxAt } = findings;
  if (!findings.rangeApproximate) return { diagnostics, range: { min, max, minAt, maxAt } };
  const bounds = { lowest: Math.min(min, findings.lowest), highest: Math.max(max, findings.highest) };
  return { diagnostics, range: { min, max, minAt, maxAt, bounds } };
}

function domainWarning(code: DomainCode, tree: Expression, delay: DelayClosure, offenders: Offenders, incomplete: boolean): ExpressionDiagnostic {
  const first = offenders.first[0] ?? 0;
  const example = delay(first);
  const when = `when \`retried\` is ${listValues(offenders, incomplete)}`;
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

/** The `info` that says the check could not visit every value, and what that leaves open. */
function sampledNote(tree: Expression, retries: number, findings: DomainFindings): ExpressionDiagnostic {
  const open = DOMAIN_CODES.filter((code) => findings.unsettled.has(code)).map((code) => code.replace("-delay", ""));
  const left = open.length > 0 ? `; ${open.join(", ")} delays are not ruled out for every value` : "";
  const range = findings.rangeApproximate ? `; the range is that of the values checked, and every delay lies within ${formatValue(Math.min(findings.min, findings.lowest))} … ${formatValue(Math.max(findings.max, findings.highest))}` : "";
  return {
    code: "domain-check-sampled",
    severity: "info",
    message: `${retries} values of \`retried\` are too many to check one by one for this expression: analysis settled what it could, and ${findings.sampled} values were sampled${left}${range}`,
    span: tree.span,
    hint: "lower `retries`, or write the delay so that it only grows (or only shrinks) with `retried`, e.g. with `min(…)` as a cap: then the check is exact",
  };
}

function listValues({ first, count }: Offenders, incomplete: boolean): string {
  const shown = first.join(", ");
  if (incomplete) return `${shown}, … (at least ${count} ${count === 1 ? "value" : "values"}; the check sampled)`;
  return count > first.length ? `${shown}, … (${count} values)` : shown;
}

function formatValue(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}
