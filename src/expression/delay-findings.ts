import type { ExpressionDiagnostic } from "./codes.js";
import type { DelayRange } from "./domain-findings.js";
import { blamePackage, guardWalk, type WalkBlame } from "./guard.js";
import type { CompiledTree, DelayReport, Wording } from "./wording.js";

/*
 * The checks of compiled delays' values. They decide no error
 * (wording.ts), so `compile`, which has no result to give warnings in,
 * never runs them: they run on the first read of a delay's `diagnostics`
 * or `range` (compile-source.ts), and are kept here, for the delay,
 * frozen, since every reader of one delay shares them. `tryCompile` runs
 * them at once, for its result's warnings (root-wording.ts).
 */

/** What the checks of a delay's values found, frozen. */
export interface DelayFindings {
  readonly diagnostics: readonly ExpressionDiagnostic[];
  readonly range: DelayRange | undefined;
}

/**
 * The entry's check of a compiled tree's values (the root's domain and
 * intent checks, the runtime's range), which decides no error. A walk that
 * fails throws the package's compact error: stack exhaustion, or `blame`'s
 * diagnostic (guard.ts).
 */
export function checkValues(checked: CompiledTree, wording: Wording, blame: WalkBlame = blamePackage): DelayReport {
  return guardWalk(() => wording.checkDelay(checked.tree, checked.folded, checked.delay, checked.retries, checked.nodes), blame);
}

const FINDINGS = new WeakMap<object, DelayFindings>();

/**
 * The findings kept for `delay`, or those `find` finds, frozen and kept
 * (never errors: the value checks decide none). Throws what `find` throws,
 * keeping nothing; the freezing runs behind the same guard, so the call
 * stack running out there is a RetryDelayError too.
 */
export function findingsFor(delay: object, find: () => DelayFindings): DelayFindings {
  const known = FINDINGS.get(delay);
  if (known !== undefined) return known;
  const findings = guardWalk((): DelayFindings => {
    const report = find();
    return {
      diagnostics: report.diagnostics.length === 0 ? NO_DIAGNOSTICS : freezeAll(report.diagnostics),
      range: report.range === undefined ? undefined : Object.freeze(report.range),
    };
  }, blamePackage);
  FINDINGS.set(delay, findings);
  return findings;
}

/** The empty list of diagnostics every delay without warnings shares. */
export const NO_DIAGNOSTICS: readonly ExpressionDiagnostic[] = Object.freeze([]);

/** Freezes every object it holds; a loop, not recursion, since a long flat chain is as deep as it is long. */
export function freezeAll<T extends object>(tree: T): T {
  const pending: object[] = [tree];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    Object.freeze(node);
    for (const value of Object.values(node)) if (typeof value === "object" && value !== null) pending.push(value as object);
  }
  return tree;
}
