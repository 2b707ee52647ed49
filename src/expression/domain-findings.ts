import type { ExpressionCode } from "./codes.js";

/** The unusable kinds of delay, in the order the check reports them. */
export const DOMAIN_CODES = [
  "nan-delay",
  "infinite-delay",
  "negative-delay",
  "fractional-delay",
] as const satisfies readonly ExpressionCode[];

/**
 * A kind of unusable delay.
 *
 * @example
 * ```ts
 * const code: DomainCode = "negative-delay";
 * ```
 */
export type DomainCode = (typeof DOMAIN_CODES)[number];

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
   * Present only when `retries` was too large to check every value and the
   * range is not settled: the root's analysis could not settle it (a
   * `domain-check-sampled` info says so), or retry-delay/runtime, which has
   * no such analysis, did not evaluate every value. `min` and `max` are then
   * the extremes of the values checked, and every finite delay lies within
   * `lowest … highest`: the root narrows them by interval analysis, and
   * retry-delay/runtime's are `-Infinity … Infinity`.
   */
  readonly bounds?: { readonly lowest: number; readonly highest: number };
}

/** How many `retried` values a warning names before it only counts. */
const LISTED_VALUES = 5;

/** The `retried` values that give one kind of unusable delay: the first few, and how many. */
export interface Offenders {
  readonly first: number[];
  count: number;
}

/** The kind of unusable delay a value is, if any. */
export function classify(value: number): DomainCode | undefined {
  if (Number.isNaN(value)) return "nan-delay";
  if (!Number.isFinite(value)) return "infinite-delay";
  if (value < 0) return "negative-delay";
  if (!Number.isInteger(value)) return "fractional-delay";
  return undefined;
}

/** No kind is unsettled: shared, and never added to (only `unsettle` adds, to a set of its own). */
const SETTLED: ReadonlySet<DomainCode> = new Set();

/**
 * The smallest and largest finite delays among the values given, filled in
 * ascending `retried` order: that order makes `minAt`/`maxAt` the first
 * `retried` giving each. The domain check's findings are one; so is
 * retry-delay/runtime's range, which has no findings (src/runtime/range.ts).
 */
export class FiniteRange {
  found = false;
  min = 0;
  max = 0;
  minAt = 0;
  maxAt = 0;

  /** A finite delay at `retried`. */
  addFinite(retried: number, value: number): void {
    if (!this.found) {
      this.found = true;
      this.min = this.max = value;
      this.minAt = this.maxAt = retried;
    } else if (value < this.min) {
      this.min = value;
      this.minAt = retried;
    } else if (value > this.max) {
      this.max = value;
      this.maxAt = retried;
    }
  }

  /** The range, with `bounds` when it is only that of the values given; undefined when none was finite. */
  range(bounds?: { readonly lowest: number; readonly highest: number }): DelayRange | undefined {
    if (!this.found) return undefined;
    const { min, max, minAt, maxAt } = this;
    if (bounds === undefined) return { min, max, minAt, maxAt };
    return { min, max, minAt, maxAt, bounds: { lowest: Math.min(min, bounds.lowest), highest: Math.max(max, bounds.highest) } };
  }
}

/**
 * What the domain check found, filled in ascending `retried` order: that
 * order is what makes `first` the first offenders and `minAt`/`maxAt` the
 * first `retried` giving the extremes.
 */
export class DomainFindings extends FiniteRange {
  /** Allocated only when a value is unusable: the common case makes no garbage here. */
  offenders: Map<DomainCode, Offenders> | undefined;
  /** Allocated only when the check samples. */
  private unsettledKinds: Set<DomainCode> | undefined;
  /** Values evaluated by sampling; 0 when the check is exact. */
  sampled = 0;
  /** Whether min and max are only the extremes of the values checked. */
  rangeApproximate = false;
  /** Bounds on every finite delay, kept when the range is approximate. */
  lowest = Infinity;
  highest = -Infinity;

  /** One evaluated value: its kind, and its part in the range. */
  addValue(retried: number, value: number): void {
    const kind = classify(value);
    if (kind !== undefined) this.addRun(kind, retried, retried + 1);
    if (Number.isFinite(value)) this.addFinite(retried, value);
  }

  /** `retried` from `start` to `end` (exclusive) all give `kind`. */
  addRun(kind: DomainCode, start: number, end: number): void {
    if (end <= start) return;
    this.offenders ??= new Map();
    let list = this.offenders.get(kind);
    if (list === undefined) this.offenders.set(kind, (list = { first: [], count: 0 }));
    for (let retried = start; retried < end && list.first.length < LISTED_VALUES; retried++) list.first.push(retried);
    list.count += end - start;
  }

  /** Kinds whose offenders may be incomplete: the check sampled where analysis could not rule them out. */
  get unsettled(): ReadonlySet<DomainCode> {
    return this.unsettledKinds ?? SETTLED;
  }

  /** Marks a kind whose offenders may be incomplete. */
  unsettle(code: DomainCode): void {
    (this.unsettledKinds ??= new Set()).add(code);
  }

  /** Whether any answer is approximate. */
  get approximate(): boolean {
    return this.rangeApproximate || this.unsettled.size > 0;
  }
}
