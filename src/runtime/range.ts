import type { Expression } from "../expression/ast.js";
import type { DelayClosure } from "../expression/builtins.js";
import { countNodes } from "../expression/domain-bounds.js";
import { CALL_COST, EVALUATION_BUDGET } from "../expression/domain.js";
import { FiniteRange, type DelayRange } from "../expression/domain-findings.js";
import type { DelayReport } from "../expression/wording.js";

/*
 * retry-delay/runtime's check of a compiled delay's values: its range, and
 * no warnings. The root's domain and intent checks decide no error (every
 * error is decided before them, by code both entries share), so leaving
 * them out changes no answer of `compile`: only the warnings and infos
 * (`negative-delay`, `short-delay`, …) are the root's alone. With them go
 * the domain check's search and sampling (domain.ts) and its reports, about
 * a fifth of the runtime's bundle.
 *
 * The range is the root's whenever the root evaluates every value: when
 * `retries` times the tree's size (plus a call's cost) is at most half the
 * evaluation budget, every `retries` up to 18,750 for a ten-node
 * expression. The runtime evaluates every value up to the whole budget, so
 * its range is exact up to twice that. Past it, the root's interval
 * analysis settles what it can; the runtime, which has none, evaluates as
 * many values as the budget allows, spread evenly with both ends included,
 * and gives their extremes with unbounded `bounds` (-Infinity … Infinity):
 * the range was sampled, and nothing bounds the values it skipped. Interval
 * analysis is about a tenth of what the runtime would otherwise bundle
 * (docs/packaging.md), for `retries` that Upstash's limits never reach.
 */

/** The `bounds` of a sampled range: every delay lies within them, and nothing narrower is known. */
const UNBOUNDED = { lowest: -Infinity, highest: Infinity };

/** The runtime's {@link DelayCheck}: the range alone. */
export function checkRange(_tree: Expression, folded: Expression, delay: DelayClosure, retries: number): DelayReport {
  return { diagnostics: [], range: rangeOver(folded, delay, retries) };
}

function rangeOver(folded: Expression, delay: DelayClosure, retries: number): DelayRange | undefined {
  const found = new FiniteRange();
  // Every value when they fit the budget, as the root's domain check then evaluates them; else as many as fit, spread evenly.
  const count = Math.min(retries, Math.max(2, Math.floor(EVALUATION_BUDGET / (countNodes(folded) + CALL_COST))));
  for (let i = 0; i < count; i++) {
    const retried = count === retries ? i : Math.round((i * (retries - 1)) / (count - 1));
    const value = delay(retried);
    if (Number.isFinite(value)) found.addFinite(retried, value);
  }
  // Without the root's interval analysis nothing bounds the values it did not evaluate.
  return count === retries ? found.range() : found.range(UNBOUNDED);
}
