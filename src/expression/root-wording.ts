import type { DelayClosure } from "./builtins.js";
import type { Expression } from "./ast.js";
import type { ExpressionDiagnostic } from "./codes.js";
import { checkIntent, explainFlatDelay, explainShortDelay } from "./delay-intent.js";
import { checkDomain, explainDomainFinding, explainSampled } from "./domain-report.js";
import { explainName } from "./names.js";
import { strategyInContext } from "./strategy-context.js";
import type { CompiledTree, DelayReport, Finding, Wording } from "./wording.js";
import { checkValues, findingsFor, NO_DIAGNOSTICS } from "./delay-findings.js";
import type { Result } from "../diagnostics/diagnostic.js";
import type { ExpressionCode } from "./codes.js";

/** The root entry's wording: every diagnostic with its hint, fix and suggestions, and every check of a delay's values. */
export const ROOT_WORDING: Wording = {
  name: explainName,
  inSource: strategyInContext,
  checkDelay: checkDelayFully,
  compiled: (delay, checked) => withFindingsOnRead(delay, checked),
};

/**
 * `tryCompile`'s result, whose `diagnostics` (the warnings and infos of the
 * domain and intent checks) are found on first read and kept with the
 * delay (delay-findings.ts), so the delay's `diagnostics` and `range` are
 * the same. A read that the call stack cannot finish throws, and the next
 * read tries again.
 *
 * `diagnostics` is an own, enumerable getter, as a data property would be:
 * spread, `Object.keys`, JSON and deep equality see it. It is one shared
 * function: a getter written in the literal would be a new function, and
 * so a new hidden class, for every result (~1 µs each, against ~0.1 µs for
 * `defineProperty`).
 */
function withFindingsOnRead<Delay extends DelayClosure>(delay: Delay, checked: CompiledTree): Result<Delay, ExpressionCode> {
  const result = new PendingChecks({ ok: true, value: delay }, checked);
  return Object.defineProperty(result, "diagnostics", FOUND_ON_READ) as unknown as Result<Delay, ExpressionCode>;
}

/** A base whose constructor gives back its argument, so that a subclass's private field is stamped on that object. */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- the class is its constructor: it returns the object passed in.
class Stamped {
  constructor(target: object) {
    return target;
  }
}

/**
 * What a result checks on first read, held in a private field of the
 * result itself: invisible to reflection, spread and deep equality, kept
 * when a caller freezes the result (the cache does), and read only from a
 * receiver that has it, so the getter trusts no other `this`.
 */
class PendingChecks extends Stamped {
  /** The compiled tree, until the first read lets it go. */
  #checked: CompiledTree | undefined;
  /** The diagnostics the first read found. */
  #found: readonly ExpressionDiagnostic[] = NO_DIAGNOSTICS;

  constructor(result: { ok: true; value: DelayClosure }, checked: CompiledTree) {
    super(result);
    this.#checked = checked;
  }

  static diagnosticsOf(receiver: unknown): readonly ExpressionDiagnostic[] | undefined {
    if (typeof receiver !== "object" || receiver === null || !(#checked in receiver)) return undefined;
    const pending = receiver;
    const checked = pending.#checked;
    if (checked === undefined) return pending.#found;
    pending.#found = findingsFor(checked.delay, () => checkValues(checked, ROOT_WORDING)).diagnostics;
    pending.#checked = undefined;
    return pending.#found;
  }
}

const FOUND_ON_READ: PropertyDescriptor = { get: diagnosticsOnRead, enumerable: true };

function diagnosticsOnRead(this: unknown): readonly ExpressionDiagnostic[] | undefined {
  return PendingChecks.diagnosticsOf(this);
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
