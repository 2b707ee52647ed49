import type { ExpressionDiagnostic } from "./codes.js";
import type { DelayRange } from "./domain-findings.js";
import { blamePackage, guardWalk, type WalkBlame } from "./guard.js";
import type { CompiledTree, DelayReport, Wording } from "./wording.js";

/*
 * The warnings and range of compiled delays, found once each and then
 * kept. Compiling decides every error and stops there: the checks of a
 * delay's values decide none (wording.ts), and a server that compiles a
 * header never reads them, so they run when first read, through
 * `tryCompile`'s result (root-wording.ts) or the delay's own getters
 * (compile-source.ts). Either way they are kept here, for the delay, so
 * both give the same frozen findings.
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

/** The findings kept for `delay`, or those `find` finds, frozen and kept (never errors: the value checks decide none). Throws what `find` throws, keeping nothing. */
export function findingsFor(delay: object, find: () => DelayFindings): DelayFindings {
  const known = FINDINGS.get(delay);
  if (known !== undefined) return known;
  const report = find();
  const findings: DelayFindings = {
    diagnostics: report.diagnostics.length === 0 ? NO_DIAGNOSTICS : freezeAll(report.diagnostics),
    range: report.range === undefined ? undefined : Object.freeze(report.range),
  };
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
