import type { DelayClosure } from "./builtins.js";
import type { Expression } from "./ast.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { checkIntent, explainFlatDelay, explainShortDelay } from "./delay-intent.js";
import { checkDomain, explainDomainFinding, explainSampled } from "./domain-report.js";
import { explainName } from "./names.js";
import { strategyInContext } from "./strategy-context.js";
import type { CompiledTree, DelayReport, Finding, Wording } from "./wording.js";
import { checkValues } from "./delay-findings.js";
import { CompactRetryDelayError } from "../diagnostics/compact-error.js";
import type { Result } from "../diagnostics/diagnostic.js";
import type { ExpressionCode } from "./codes.js";

/** The root entry's wording: every diagnostic with its hint, fix and suggestions, and every check of a delay's values. */
export const ROOT_WORDING: Wording = {
  name: explainName,
  inSource: strategyInContext,
  checkDelay: checkDelayFully,
  compiled: withFindings,
};

/**
 * `tryCompile`'s result, with its warnings and infos found at once, as data.
 * The result's `diagnostics` stays a plain array in a plain data property:
 * finding them on first read took an accessor, which `console.log` shows
 * as `[Getter]`, which a Proxy of the result (Vue's `reactive`, MobX) or a
 * copy of its descriptors cannot follow, and which kept the tree of every
 * unread result (three times the memory per compile-cache entry). `compile`
 * has no result, so it never runs these checks (compile-source.ts). A
 * check that fails (the call stack running out) makes the result a
 * failure, as the checks that decide errors do.
 */
function withFindings<Delay extends DelayClosure>(delay: Delay, checked: CompiledTree): Result<Delay, ExpressionCode> {
  try {
    return { ok: true, value: delay, diagnostics: checkValues(checked, ROOT_WORDING).diagnostics };
  } catch (error) {
    // Tested here, not by a shared helper: a handler that may run with the stack nearly spent calls no function of ours (guard.ts).
    if (error instanceof CompactRetryDelayError) return { ok: false, diagnostics: error.diagnostics as ExpressionDiagnostic[] };
    throw error;
  }
}

/** The domain check, then, when it found nothing unusable, the intent check; each finding explained in full. */
function checkDelayFully(tree: Expression, folded: Expression, delay: DelayClosure, retries: number, nodes: number): DelayReport {
  const report = checkDomain(tree, folded, delay, retries, nodes, explainFinding);
  if (report.diagnostics.length > 0) return report;
  const intent = checkIntent(tree, folded, delay, retries, report.range, nodes, explainFinding);
  // A literal of one, not a push onto the empty list: a push grows its backing store to 17 slots.
  return intent === undefined ? report : { diagnostics: [intent], range: report.range };
}

function explainFinding(finding: Finding): ExpressionDiagnostic {
  switch (finding.code) {
    case "domain-check-sampled":
      return explainSampled(finding);
    case "short-delay":
      return explainShortDelay(finding);
    case "flat-delay":
      return explainFlatDelay(finding);
    default:
      return explainDomainFinding(finding);
  }
}
