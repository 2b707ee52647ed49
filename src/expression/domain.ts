import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import { boundsOver, countNodes } from "./domain-bounds.js";
import { DomainFindings, type DomainCode } from "./domain-findings.js";
import { foldConstants } from "./fold.js";
import { ANYTHING, isNanOnly, WHOLE_FROM, type Bounds } from "./interval.js";

/*
 * The domain check with bounded work. It evaluates the delay at every
 * `retried` in `0 … retries - 1` while that is cheap, exactly as it always
 * did. Past a budget it splits the domain into runs, asks interval analysis
 * (interval.ts) what each run can hold, and settles a run without visiting
 * each value when it can:
 *
 * - a run where the delay only rises or only falls has its unusable values
 *   at its ends (-∞, negative, usable, +∞ in order), found by binary search,
 *   and its extremes at known places;
 * - a run where the delay is always NaN is one NaN run;
 * - any other run is split in two.
 *
 * When the budget runs out, what is left is sampled and the findings say so.
 * The budget is counted in node visits, so the check costs the same few
 * milliseconds whatever `retries` is and however large the expression.
 */

/** Node visits the whole check may spend: about 7–10 ms on one core at 7 ns a visit (measured on a 1,999-node chain). */
const BUDGET = 1_000_000;
/** Share of the budget kept for sampling the runs analysis could not settle. */
const SAMPLE_SHARE = 0.25;
/**
 * Node visits the check may spend evaluating values. It evaluates every
 * value when they take at most half of it (all of it, for 64 values or
 * fewer); retry-delay/runtime's range, which has no analysis, evaluates
 * every value when they fit all of it (src/runtime/range.ts).
 */
export const EVALUATION_BUDGET = BUDGET * (1 - SAMPLE_SHARE);
/** One abstract visit costs about as much as this many closure-node visits (measured: 235–430 ns against 7 ns). */
const ANALYSIS_COST = 50;
/** Budget a monotone run needs beyond its analysis: a few binary searches over up to 2^20 values. */
const SEARCH_COST = 6 * 21;
/** What one call of the closure costs beyond its nodes, in node visits: call, classification, bookkeeping. */
export const CALL_COST = 10;
/** Runs this short are evaluated, not analysed, whenever the budget allows. */
const SHORT_RUN = 64;

interface Run {
  readonly first: number;
  readonly last: number;
  /** What an enclosing run's analysis found; it holds for this run too. */
  readonly known: Bounds;
}

/**
 * The unusable delays and the range over `retried` in `0 … retries - 1`,
 * exact when `retries` times the tree's size is within the budget. The
 * budget is a parameter for the tests, which shrink it to reach every path.
 */
export function scanDomain(tree: Expression, delay: DelayClosure, retries: number, budget = BUDGET): DomainFindings {
  return new DomainScan(foldConstants(tree), delay, budget).run(retries, Number.POSITIVE_INFINITY);
}

/**
 * {@link scanDomain} for a tree already folded, as the checks fold it once
 * for every stage. `sizeAtMost` bounds its count of nodes (the unfolded
 * tree's count does): when even that bound lets every value be evaluated,
 * the exact count is never needed.
 */
export function scanFolded(folded: Expression, delay: DelayClosure, retries: number, sizeAtMost: number): DomainFindings {
  return new DomainScan(folded, delay, BUDGET).run(retries, sizeAtMost);
}

class DomainScan {
  readonly findings = new DomainFindings();
  /** The tree's count of nodes, counted only when the budget does not cover every value anyway. */
  size = 0;
  /** What evaluating the closure once costs, in node visits. */
  evaluation = 0;
  remaining: number;
  sampleRemaining: number;

  constructor(
    readonly tree: Expression,
    readonly delay: DelayClosure,
    budget: number,
  ) {
    this.remaining = budget * (1 - SAMPLE_SHARE);
    this.sampleRemaining = budget * SAMPLE_SHARE;
  }

  run(retries: number, sizeAtMost: number): DomainFindings {
    if (retries === 0) return this.findings;
    // The common case: every value within the budget, even at the bound on
    // the size. The first visit would evaluate them all, with nothing to queue.
    const cost = retries * (sizeAtMost + CALL_COST);
    if (cost <= this.remaining / 2 || (retries - 1 < SHORT_RUN && cost <= this.remaining)) {
      for (let retried = 0; retried < retries; retried++) this.findings.addValue(retried, this.delay(retried));
      return this.findings;
    }
    this.size = countNodes(this.tree);
    this.evaluation = this.size + CALL_COST;
    const pending: Run[] = [{ first: 0, last: retries - 1, known: ANYTHING }];
    // Depth first, left before right: findings arrive in ascending `retried` order.
    for (let run = pending.pop(); run !== undefined; run = pending.pop()) this.visit(run, pending);
    return this.findings;
  }

  visit(run: Run, pending: Run[]): void {
    const { first, last } = run;
    const cost = (last - first + 1) * this.evaluation;
    if (cost <= this.remaining / 2 || (last - first < SHORT_RUN && cost <= this.remaining)) {
      this.remaining -= cost;
      for (let retried = first; retried <= last; retried++) this.findings.addValue(retried, this.delay(retried));
      return;
    }
    if (this.remaining < this.size * ANALYSIS_COST + this.evaluation * SEARCH_COST) {
      this.sample(run);
      return;
    }
    this.remaining -= this.size * ANALYSIS_COST;
    const known = boundsOver(this.tree, first, last);
    if (known.trend !== undefined) {
      this.monotone(first, last, known);
      return;
    }
    if (isNanOnly(known)) {
      this.findings.addRun("nan-delay", first, last + 1);
      return;
    }
    const middle = first + Math.floor((last - first) / 2);
    pending.push({ first: middle + 1, last, known }, { first, last: middle, known });
  }

  /** The first `retried` in `from … to` whose delay passes `test`, or `to + 1`; `test` must flip at most once, from false to true. */
  firstWhere(from: number, to: number, test: (value: number) => boolean): number {
    let low = from;
    let high = to + 1;
    while (low < high) {
      const middle = low + Math.floor((high - low) / 2);
      this.remaining -= this.evaluation;
      if (test(this.delay(middle))) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** A run where the delay never falls (or never rises): each kind is a contiguous stretch, found by binary search. */
  monotone(first: number, last: number, known: Bounds): void {
    const findings = this.findings;
    if (known.trend !== -1) {
      const finite = this.firstWhere(first, last, (v) => v > -Infinity);
      const usable = this.firstWhere(finite, last, (v) => v >= 0);
      const infinite = this.firstWhere(usable, last, (v) => v === Infinity);
      findings.addRun("infinite-delay", first, finite);
      findings.addRun("negative-delay", finite, usable);
      if (!known.integral)
        this.fractional(
          usable,
          this.firstWhere(usable, infinite - 1, (v) => v >= WHOLE_FROM),
        );
      findings.addRun("infinite-delay", infinite, last + 1);
      if (finite === infinite) return;
      findings.addFinite(finite, this.delay(finite));
      const max = this.delay(infinite - 1);
      findings.addFinite(
        this.firstWhere(finite, infinite - 1, (v) => v >= max),
        max,
      );
      return;
    }
    const finite = this.firstWhere(first, last, (v) => v < Infinity);
    const negative = this.firstWhere(finite, last, (v) => v < 0);
    const infinite = this.firstWhere(negative, last, (v) => v === -Infinity);
    findings.addRun("infinite-delay", first, finite);
    if (!known.integral)
      this.fractional(
        this.firstWhere(finite, negative - 1, (v) => v < WHOLE_FROM),
        negative,
      );
    findings.addRun("negative-delay", negative, infinite);
    findings.addRun("infinite-delay", infinite, last + 1);
    if (finite === infinite) return;
    findings.addFinite(finite, this.delay(finite));
    const min = this.delay(infinite - 1);
    findings.addFinite(
      this.firstWhere(finite, infinite - 1, (v) => v <= min),
      min,
    );
  }

  /** `start … end - 1` give finite, non-negative delays that may have a fraction: evaluate them if affordable, else sample. */
  fractional(start: number, end: number): void {
    const cost = (end - start) * this.evaluation;
    if (cost <= this.remaining / 2) {
      this.remaining -= cost;
      for (let retried = start; retried < end; retried++) {
        if (!Number.isInteger(this.delay(retried))) this.findings.addRun("fractional-delay", retried, retried + 1);
      }
      return;
    }
    this.findings.unsettle("fractional-delay");
    for (const retried of this.samplePoints(start, end - 1)) {
      if (!Number.isInteger(this.delay(retried))) this.findings.addRun("fractional-delay", retried, retried + 1);
    }
  }

  /** Out of budget: evaluate a few values spread over the run, and keep what analysis could not rule out. */
  sample(run: Run): void {
    const findings = this.findings;
    for (const retried of this.samplePoints(run.first, run.last)) findings.addValue(retried, this.delay(retried));
    for (const code of possibleKinds(run.known)) findings.unsettle(code);
    findings.rangeApproximate = true;
    findings.lowest = Math.min(findings.lowest, run.known.lo);
    findings.highest = Math.max(findings.highest, run.known.hi);
  }

  /** Evenly spread points of `first … last`, both ends included, ascending; each call takes an eighth of what sampling has left. */
  samplePoints(first: number, last: number): number[] {
    const length = last - first + 1;
    const count = Math.min(length, Math.max(2, Math.floor(this.sampleRemaining / 8 / this.evaluation)));
    this.sampleRemaining -= count * this.evaluation;
    this.findings.sampled += count;
    if (count === length) return Array.from({ length }, (_, i) => first + i);
    return Array.from({ length: count }, (_, i) => first + Math.round((i * (length - 1)) / (count - 1)));
  }
}

/** The unusable kinds that bounds leave possible. */
function possibleKinds(known: Bounds): DomainCode[] {
  const kinds: DomainCode[] = [];
  if (known.nan) kinds.push("nan-delay");
  if (isNanOnly(known)) return kinds;
  if (known.lo === -Infinity || known.hi === Infinity) kinds.push("infinite-delay");
  if (known.lo < 0 && known.hi > -Infinity) kinds.push("negative-delay");
  if (!known.integral && known.hi >= 0 && known.lo < Infinity) kinds.push("fractional-delay");
  return kinds;
}
