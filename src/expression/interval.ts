/*
 * Interval arithmetic for the domain check. When `retries` is too large to
 * evaluate an expression at every `retried`, the check asks instead what a
 * subexpression can be over a run of `retried` values: bounds on its value,
 * whether it can be NaN, whether its finite values are whole numbers, and
 * whether it only rises or only falls as `retried` grows. Every rule here
 * over-approximates: what it rules out cannot happen, what it allows may.
 *
 * Each builtin's rule sits in its row of the builtin table; the operators'
 * rules are below. The rules reason about IEEE doubles, not reals: rounding
 * to nearest is monotone, so `+`, `-`, `*` and `/` keep the bounds found at
 * the corners. For `exp` and `pow` they assume what V8's implementations
 * (within one ulp) give in practice: that they are monotone where the real
 * functions are.
 */

/** How a value moves as `retried` grows by one inside a run: 1 never falls, -1 never rises, 0 constant, undefined unknown. */
type Trend = -1 | 0 | 1 | undefined;

/**
 * What a subexpression can be over a run of `retried` values.
 *
 * @example
 * ```ts
 * const retried: Bounds = retriedBounds(0, 9); // { lo: 0, hi: 9, nan: false, integral: true, trend: 1 }
 * ```
 */
export interface Bounds {
  /** Every value that is not NaN lies in `lo … hi`; `lo > hi` when there is none (the part is always NaN). */
  readonly lo: number;
  readonly hi: number;
  /** Whether some value may be NaN. */
  readonly nan: boolean;
  /** Whether every finite value is a whole number. */
  readonly integral: boolean;
  /** Never known while NaN is possible: a NaN breaks every order. */
  readonly trend: Trend;
}

/*
 * The operator and builtin tables name their rows' rules here (`bounds:
 * "addBounds"`) rather than import them, and domain-bounds.ts applies them:
 * so retry-delay/runtime, which bundles the tables but analyses no
 * interval, bundles none of this module (docs/packaging.md).
 */
type Rules = typeof import("./interval.js");
type RuleNamed<F> = { [K in keyof Rules]: Rules[K] extends F ? K : never }[keyof Rules];
/** The name of a rule here that bounds an operation on one operand, as a row of the builtin table gives it. */
export type SingleRule = RuleNamed<(x: Bounds) => Bounds>;
/** The name of a rule here that bounds an operation on two operands, as a row of either table gives it. */
export type PairRule = RuleNamed<(x: Bounds, y: Bounds) => Bounds>;

/** Every double of magnitude 2^52 or more is a whole number. */
export const WHOLE_FROM = 2 ** 52;

/** Anything at all. */
export const ANYTHING: Bounds = { lo: -Infinity, hi: Infinity, nan: true, integral: false, trend: undefined };
/** Always NaN: no number at all. */
const NAN_ONLY: Bounds = { lo: Infinity, hi: -Infinity, nan: true, integral: true, trend: undefined };

/** The one constructor: it normalizes, so no rule has to remember the invariants. A NaN bound allows anything. */
function bounds(lo: number, hi: number, nan: boolean, integral: boolean, trend: Trend): Bounds {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return ANYTHING;
  const whole = integral || (lo === hi && Number.isInteger(lo)) || lo >= WHOLE_FROM || hi <= -WHOLE_FROM;
  return { lo, hi, nan, integral: whole, trend: nan ? undefined : trend };
}

/**
 * The bounds of `f(x, y)` for a function monotone in each argument: its
 * extremes are at the four corners. A NaN corner makes them anything.
 */
function cornerBounds(f: (x: number, y: number) => number, a: Bounds, b: Bounds, nan: boolean, integral: boolean, trend: Trend): Bounds {
  const corners = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)];
  return bounds(Math.min(...corners), Math.max(...corners), nan, integral, trend);
}

/** Whether the bounds hold no number (the value is always NaN). */
export function isNanOnly(b: Bounds): boolean {
  return !(b.lo <= b.hi);
}

/** `retried` over `first … last`. */
export function retriedBounds(first: number, last: number): Bounds {
  return bounds(first, last, false, true, first === last ? 0 : 1);
}

/** A constant (after folding, possibly NaN or infinite). */
export function constantBounds(value: number): Bounds {
  return Number.isNaN(value) ? NAN_ONLY : bounds(value, value, false, Number.isInteger(value), 0);
}

/** 1 for a part never below 0, -1 never above, 0 both (always 0), undefined either. */
function signOf(b: Bounds): Trend {
  return b.lo >= 0 ? (b.hi <= 0 ? 0 : 1) : b.hi <= 0 ? -1 : undefined;
}

/** The trend of a function that moves with each argument in turn: both directions must agree. */
function combine(a: Trend, b: Trend): Trend {
  return a === undefined || b === undefined ? undefined : a === 0 ? b : b === 0 || a === b ? a : undefined;
}

/** A trend seen through a factor of known sign. */
function scale(trend: Trend, sign: Trend): Trend {
  return trend === 0 || sign === 0 ? 0 : trend === undefined || sign === undefined ? undefined : trend === sign ? 1 : -1;
}

/** The trend of `a·b`-like operations: a1·b1 − a0·b0 = (a1 − a0)·b1 + a0·(b1 − b0), each step scaled by the other's sign. */
function productTrend(aTrend: Trend, bSign: Trend, bTrend: Trend, aSign: Trend): Trend {
  return combine(scale(aTrend, bSign), scale(bTrend, aSign));
}

function flip(trend: Trend): Trend {
  return trend === undefined || trend === 0 ? trend : trend === 1 ? -1 : 1;
}

const hasZero = (b: Bounds): boolean => b.lo <= 0 && b.hi >= 0;
const hasInfinity = (b: Bounds): boolean => b.lo === -Infinity || b.hi === Infinity;
/** Whether either operand is always NaN, which makes every operation here NaN. */
const eitherNanOnly = (a: Bounds, b: Bounds): boolean => isNanOnly(a) || isNanOnly(b);

/** `-x` (an always-NaN `x` stays so: its bounds swap into themselves). */
export function negateBounds(x: Bounds): Bounds {
  return bounds(-x.hi, -x.lo, x.nan, x.integral, flip(x.trend));
}

/** `a + b`; `Infinity + -Infinity` is the NaN case. */
export function addBounds(a: Bounds, b: Bounds): Bounds {
  if (eitherNanOnly(a, b)) return NAN_ONLY;
  const opposite = (a.lo === -Infinity && b.hi === Infinity) || (a.hi === Infinity && b.lo === -Infinity);
  const lo = a.lo + b.lo;
  const hi = a.hi + b.hi;
  return bounds(
    Number.isNaN(lo) ? -Infinity : lo,
    Number.isNaN(hi) ? Infinity : hi,
    a.nan || b.nan || opposite,
    a.integral && b.integral,
    combine(a.trend, b.trend),
  );
}

/** `a - b` */
export function subtractBounds(a: Bounds, b: Bounds): Bounds {
  return addBounds(a, negateBounds(b));
}

/** `0 * Infinity` is the NaN case of a product, so a NaN corner counts as 0 for its bounds. */
function product(x: number, y: number): number {
  const value = x * y;
  return Number.isNaN(value) ? 0 : value;
}

/** `a * b` */
export function multiplyBounds(a: Bounds, b: Bounds): Bounds {
  if (eitherNanOnly(a, b)) return NAN_ONLY;
  const nan = a.nan || b.nan || (hasZero(a) && hasInfinity(b)) || (hasZero(b) && hasInfinity(a));
  return cornerBounds(product, a, b, nan, a.integral && b.integral, productTrend(a.trend, signOf(b), b.trend, signOf(a)));
}

const quotient = (x: number, y: number): number => x / y;

/** `a / b`; a divisor that may be 0 allows anything, and so does a NaN corner (`Infinity / Infinity`). */
export function divideBounds(a: Bounds, b: Bounds): Bounds {
  if (eitherNanOnly(a, b)) return NAN_ONLY;
  if (hasZero(b)) return { ...ANYTHING, nan: a.nan || b.nan || hasZero(a) || (hasInfinity(a) && hasInfinity(b)) };
  // 1/b falls where b rises, on either side of 0.
  return cornerBounds(quotient, a, b, a.nan || b.nan, false, productTrend(a.trend, signOf(b), flip(b.trend), signOf(a)));
}

/**
 * The rule of a non-decreasing function `fn` of one argument (`exp`,
 * `floor`, `ceil`, `round`), applied to `x`: the bounds of the ends, the
 * argument's trend.
 */
export function risingBounds(fn: (x: number) => number, { keepsWhole }: { readonly keepsWhole: boolean }, x: Bounds): Bounds {
  return isNanOnly(x) ? NAN_ONLY : bounds(fn(x.lo), fn(x.hi), x.nan, keepsWhole, x.trend);
}

/** The rule of `min` or `max` (`fn`), applied to `x` and `y`: non-decreasing in both arguments, NaN if either is. */
export function risingPairBounds(fn: (x: number, y: number) => number, x: Bounds, y: Bounds): Bounds {
  return eitherNanOnly(x, y)
    ? NAN_ONLY
    : bounds(fn(x.lo, y.lo), fn(x.hi, y.hi), x.nan || y.nan, x.integral && y.integral, combine(x.trend, y.trend));
}

/** `sqrt(x)`: NaN below 0. */
export function sqrtBounds(x: Bounds): Bounds {
  if (isNanOnly(x) || x.hi < 0) return NAN_ONLY;
  return bounds(Math.sqrt(Math.max(x.lo, 0)), Math.sqrt(x.hi), x.nan || x.lo < 0, false, x.trend);
}

/** `abs(x)` */
export function absBounds(x: Bounds): Bounds {
  const sign = signOf(x);
  if (isNanOnly(x) || sign === -1) return negateBounds(x);
  return sign === undefined ? bounds(0, Math.max(-x.lo, x.hi), x.nan, x.integral, undefined) : x;
}

/** `pow(x, y)`. `pow(anything, 0)` is 1, even `pow(NaN, 0)`; `pow(1, Infinity)` is NaN. */
export function powBounds(x: Bounds, y: Bounds): Bounds {
  if (isNanOnly(y)) return NAN_ONLY;
  if (y.lo === 0 && y.hi === 0) return bounds(1, 1, y.nan, true, 0);
  if (isNanOnly(x)) return hasZero(y) ? bounds(1, 1, true, true, undefined) : NAN_ONLY;
  if (x.lo > 0 || (Object.is(x.lo, 0) && y.lo > 0)) return positiveBasePow(x, y);
  if (y.lo === y.hi && Number.isInteger(y.lo)) return integerPow(x, y.lo, y.nan);
  return ANYTHING;
}

function positiveBasePow(x: Bounds, y: Bounds): Bounds {
  const nan = x.nan || y.nan;
  if (hasInfinity(y)) return bounds(0, Infinity, nan || (x.lo <= 1 && x.hi >= 1), false, undefined);
  // x^y = e^(y·ln x) is monotone in each of y and ln x, so its extremes are at the corners.
  const logSign = x.lo >= 1 ? (x.hi <= 1 ? 0 : 1) : x.hi <= 1 ? -1 : undefined;
  return cornerBounds(Math.pow, x, y, nan, x.integral && y.integral && y.lo >= 0, productTrend(x.trend, signOf(y), y.trend, logSign));
}

/** `pow(x, n)` for a constant whole `n ≠ 0` and a base that may be 0 or negative: an even power is that of `abs(x)`. */
function integerPow(x: Bounds, n: number, nan: boolean): Bounds {
  if (n < 0) return { ...ANYTHING, nan: nan || x.nan };
  const base = n % 2 === 0 ? absBounds(x) : x;
  return bounds(Math.pow(base.lo, n), Math.pow(base.hi, n), nan || x.nan, x.integral, base.trend);
}
