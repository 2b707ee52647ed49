import type { DelayClosure } from "./builtins.js";
import type { Expression } from "./ast.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { checkIntent, explainFlatDelay, explainShortDelay } from "./delay-intent.js";
import { checkDomain, explainDomainFinding, explainSampled } from "./domain-report.js";
import { explainName } from "./names.js";
import { strategyInContext } from "./strategy-context.js";
import type { DelayReport, Finding, Wording } from "./wording.js";

/** The root entry's wording: every diagnostic with its hint, fix and suggestions, and every check of a delay's values. */
export const ROOT_WORDING: Wording = { name: explainName, inSource: strategyInContext, checkDelay: checkDelayFully };

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
