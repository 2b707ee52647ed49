import { explainFlatDelay, explainShortDelay } from "./delay-intent.js";
import { explainDomainFinding, explainSampled } from "./domain-report.js";
import { explainName } from "./names.js";
import { strategyInContext } from "./strategy-context.js";
import type { Finding, Wording } from "./wording.js";

/** The root entry's wording: every diagnostic with its hint, fix and suggestions. */
export const ROOT_WORDING: Wording = { name: explainName, inSource: strategyInContext, finding: explainFinding };

function explainFinding(finding: Finding): ReturnType<Wording["finding"]> {
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
