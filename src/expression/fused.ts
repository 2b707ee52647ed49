import type { Expression } from "./ast.js";
import type { DelayClosure } from "./builtins.js";
import { heldConstant } from "./held-constant.js";
import { readRetried } from "./retried.js";

/*
 * Fused closures: a chain of operations with a constant operand, such as
 * `min(cap, max(floor, (x + a) * b / q + c))`, compiles to one closure
 * instead of one per operation.
 *
 * Why: a server calls every compiled delay through one call site, so V8
 * calls the root closure without inlining it, and each inner call of the
 * tree goes through a call site that the whole process shares (one per
 * function literal of operators.ts and builtins.ts). Once a process has
 * compiled many expressions those inner calls are megamorphic, about 5 ns
 * each, while the arithmetic around them costs a fraction of that. A fused
 * closure makes at most one such call (to its base, when the base is not
 * `retried` itself), whatever the length of its chain.
 *
 * The arithmetic is written out as the JavaScript operators and `Math`
 * functions that the tables' rows (operators.ts, builtins.ts) evaluate, not
 * called through the rows' `evaluate`: a module-level function called from
 * a closure's optimized code costs a load and a check of the call target
 * on every call (V8 cannot fold a binding of a context it does not know),
 * and `Math.min` costs neither. The rows say which operators and functions
 * exist; what `+` or `min` computes is JavaScript's, here as there.
 *
 * Steps are applied in one fixed order, `pow(base, x)` first (exponential
 * backoff's `pow(2, retried) * 1000` is one chain over `retried`, with no
 * inner call); a tree fuses only as far as its operations appear in that order,
 * so nothing is reassociated. The rewritings the peeling makes are exact in
 * IEEE-754 arithmetic, NaN, infinities and signed zeros included:
 *   x - k  =  x + (-k)          (subtraction is addition of the negation)
 *   k - x  =  (x * -1) + k      (negation is multiplication by -1, and + commutes)
 *   -x     =  x * -1
 *   k op x =  x op k            for +, *, min and max, which commute exactly.
 * `pow(x, k)` is no step: its constant is the exponent, not the base.
 * A fast-check property holds fused closures equal to the interpreter
 * (test/expression/fused.test.ts).
 */

/** The steps, in the order they are applied; peeling a tree from its root meets them in reverse. */
const POW = 0; // pow(base, x)
const ADD = 1; // x + add
const TIMES = 2; // x * times
const OVER = 3; // x / over
const PLUS = 4; // x + plus
const LOW = 5; // max(low, x)
const HIGH = 6; // min(high, x)
const NO_STEP = 7;

/**
 * One chain as peeling finds it: the steps present (bit `1 << STEP` each),
 * each step's constant (indexed by step), and the base below the chain.
 * The closures copy the constants out; none keeps the chain or the base's tree.
 */
interface Chain {
  steps: number;
  k: number[];
  base: Expression;
  /** How many tree nodes the steps stand for. */
  absorbed: number;
}

// The one chain, reused by every peel: compiling runs this for every node and must not allocate for it.
const scratch: Chain = { steps: 0, k: [0, 0, 1, 1, 0, 0, 0], base: { kind: "retried", span: { start: 0, end: 0 } }, absorbed: 0 };

/**
 * The base below the chain of steps at the root of `node`, or undefined
 * when fusing would not save a call: a chain needs two steps at least,
 * since one step over `retried` or over a node is already its row's
 * closure, with no inner call or one. Over `retried`, follow with
 * {@link fuseOverRetried}; over any other base, {@link takeChain}, compile
 * the base, then call {@link fuseOverNode}.
 */
export function chainBase(node: Expression): Expression | undefined {
  return peel(node) && scratch.absorbed >= 2 ? scratch.base : undefined;
}

/** The chain {@link chainBase} found, kept while its base is compiled (which peels its own nodes). */
export function takeChain(): Readonly<Chain> {
  return { ...scratch, k: scratch.k.slice() };
}

/*
 * Closures that apply a chain. The common chains of backoff expressions
 * (those of bench/shared-site.mjs) have a literal of their own with the
 * steps written out, each made by a function of its own so that its
 * closure context holds only its own constants; any other chain gets a
 * general literal that tests each step's bit. The general literal's
 * branches cost about a third of a short expression's time through a
 * shared call site (1.7 against 1.35 times the hand-written arrow for
 * `1000 * (1 + retried)`; `max(1000, pow(2, retried) * 100)` 469
 * instructions per call through it, 418 through its own), which the
 * written-out ones do not pay. Each written-out literal costs bundle size
 * (retry-delay/runtime), so only the chains the workload measures have one.
 */

const ADD_TIMES = (1 << ADD) | (1 << TIMES);
const POW_TIMES = (1 << POW) | (1 << TIMES);
const POW_TIMES_LOW = POW_TIMES | (1 << LOW);
const TIMES_HIGH = (1 << TIMES) | (1 << HIGH);
const TIMES_LOW = (1 << TIMES) | (1 << LOW);
const LOW_HIGH = (1 << LOW) | (1 << HIGH);

/** The chain {@link chainBase} found, over `retried`: no inner call. */
export function fuseOverRetried(): DelayClosure {
  const { steps, k } = scratch;
  const w = held(k, POW);
  const t = held(k, TIMES);
  switch (steps) {
    case ADD_TIMES:
      return retriedAddTimes(held(k, ADD), t);
    case POW_TIMES:
      return retriedPowTimes(w, t);
    case POW_TIMES_LOW:
      return retriedPowTimesLow(w, t, held(k, LOW));
    default:
      return anyChain(steps, k);
  }
}

/** The chain {@link takeChain} kept, over `inner`, the base's closure: one inner call. */
export function fuseOverNode({ steps, k }: Readonly<Chain>, inner: DelayClosure): DelayClosure {
  // Each case reads only its own constants, so that its closure's context holds only those.
  const t = held(k, TIMES);
  const l = held(k, LOW);
  const h = held(k, HIGH);
  switch (steps) {
    case TIMES_HIGH:
      return nodeTimesHigh(inner, t, h);
    case TIMES_LOW:
      return nodeTimesLow(inner, t, l);
    case LOW_HIGH:
      return nodeLowHigh(inner, l, h);
    default:
      return anyChain(steps, k, inner);
  }
}

/** The constant of `step`, as a closure keeps it (held-constant.ts: `k` is often an array of doubles). */
function held(k: readonly number[], step: number): number {
  return heldConstant(k[step] as number);
}

// `retried` is tested inline, not through readRetried's call, for the reason the header gives.
const retriedAddTimes =
  (a: number, t: number): DelayClosure =>
  (r) =>
    ((typeof r === "number" ? r : readRetried(r)) + a) * t;
const retriedPowTimes =
  (w: number, t: number): DelayClosure =>
  (r) =>
    Math.pow(w, typeof r === "number" ? r : readRetried(r)) * t;
const retriedPowTimesLow =
  (w: number, t: number, l: number): DelayClosure =>
  (r) =>
    Math.max(l, Math.pow(w, typeof r === "number" ? r : readRetried(r)) * t);
const nodeTimesHigh =
  (x: DelayClosure, t: number, h: number): DelayClosure =>
  (r) =>
    Math.min(h, x(r) * t);
const nodeTimesLow =
  (x: DelayClosure, t: number, l: number): DelayClosure =>
  (r) =>
    Math.max(l, x(r) * t);
const nodeLowHigh =
  (x: DelayClosure, l: number, h: number): DelayClosure =>
  (r) =>
    Math.min(h, Math.max(l, x(r)));

/** Any chain, over `inner`, the base's closure, or over `retried` when there is none. */
function anyChain(steps: number, k: readonly number[], inner?: DelayClosure): DelayClosure {
  return chainClosure(steps, held(k, POW), held(k, ADD), held(k, TIMES), held(k, OVER), held(k, PLUS), held(k, LOW), held(k, HIGH), inner);
}

/**
 * The closure of any chain, its steps tested one by one: two literals, so
 * that the one over `retried` makes no call at all. The steps are written
 * inside each literal rather than in a helper both call: a helper's
 * arguments are evaluated on every call, so each of the seven constants was
 * loaded and spilled whether its step was there or not (21 of the long
 * bench expression's instructions per call); here a constant is read from
 * the closure's context only on its step's branch. The constants are
 * parameters, which the closure reads with no check; a captured `const`
 * would cost a hole check for each.
 *
 * `y` starts as `+x`, a number to the optimizer: started from the raw
 * argument or a call's result, its type is "anything", and every present
 * step then boxed its result in a new heap number (a chain over `retried`
 * cost 83 instructions per call with the boxes, 53 without).
 *
 * The bits are written as numbers, not as `1 << ADD`: a bundler turns the
 * module's `const`s into `var`s, which optimized code must load and check
 * on every call. fused.test.ts fails on a wrong one.
 */
function chainClosure(
  steps: number,
  w: number,
  a: number,
  t: number,
  o: number,
  p: number,
  l: number,
  h: number,
  inner: DelayClosure | undefined,
): DelayClosure {
  if (inner === undefined)
    return (r) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a number to the optimizer (see above)
      let y = +(typeof r === "number" ? r : readRetried(r));
      if ((steps & 1) !== 0) y = Math.pow(w, y); // POW
      if ((steps & 2) !== 0) y += a; // ADD
      if ((steps & 4) !== 0) y *= t; // TIMES
      if ((steps & 8) !== 0) y /= o; // OVER
      if ((steps & 16) !== 0) y += p; // PLUS
      if ((steps & 32) !== 0) y = Math.max(l, y); // LOW
      if ((steps & 64) !== 0) y = Math.min(h, y); // HIGH
      return y;
    };
  // The same steps again, on purpose: V8 keeps type feedback per function
  // literal, so the chain over `retried` and the chain over a node each get
  // their own (a shared helper cost a call and the constants' spills, 92 vs
  // 53 instructions per call). jscpd would count the copy as a clone.
  // jscpd:ignore-start
  return (r) => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a number to the optimizer (see above)
    let y = +inner(r);
    if ((steps & 1) !== 0) y = Math.pow(w, y); // POW
    if ((steps & 2) !== 0) y += a; // ADD
    if ((steps & 4) !== 0) y *= t; // TIMES
    if ((steps & 8) !== 0) y /= o; // OVER
    if ((steps & 16) !== 0) y += p; // PLUS
    if ((steps & 32) !== 0) y = Math.max(l, y); // LOW
    if ((steps & 64) !== 0) y = Math.min(h, y); // HIGH
    return y;
  }; // jscpd:ignore-end
}

/** Peels steps from the root of `node` into {@link scratch}; false if the chain would hold no step or its base would be a constant. */
function peel(node: Expression): boolean {
  scratch.steps = 0;
  scratch.absorbed = 0;
  scratch.base = node;
  let below = NO_STEP;
  for (;;) {
    const step = peelOne(scratch.base, below);
    if (step === NO_STEP) break;
    below = step;
    scratch.absorbed++;
  }
  return scratch.absorbed > 0 && scratch.base.kind !== "number";
}

/**
 * Records the step that `node`'s root operation is, if a step below `below`
 * can hold it, and moves {@link scratch}'s base to the operand under it.
 * Gives the lowest step it recorded, or NO_STEP.
 */
function peelOne(node: Expression, below: number): number {
  // An addition is the upper step when the lower one is still free.
  const sum = below > PLUS ? PLUS : ADD;
  switch (node.kind) {
    case "unary":
      return node.operator === "-" ? record(TIMES, -1, node.operand, below) : NO_STEP;
    case "binary": {
      const { left, right, operator } = node;
      if (right.kind === "number") {
        const k = right.value;
        if (operator === "*") return record(TIMES, k, left, below);
        if (operator === "/") return record(OVER, k, left, below);
        return record(sum, operator === "-" ? -k : k, left, below);
      }
      if (left.kind !== "number") return NO_STEP;
      if (operator === "*") return record(TIMES, left.value, right, below);
      if (operator === "+") return record(sum, left.value, right, below);
      // k - x = (x * -1) + k: two steps, so both must be free. k / x is no step.
      if (operator === "/" || below <= PLUS) return NO_STEP;
      record(PLUS, left.value, right, below);
      return record(TIMES, -1, right, PLUS);
    }
    case "call": {
      const step = node.name === "min" ? HIGH : node.name === "max" ? LOW : node.name === "pow" ? POW : NO_STEP;
      const [first, second] = node.args;
      if (step === NO_STEP || node.args.length !== 2 || first === undefined || second === undefined) return NO_STEP;
      if (first.kind === "number") return record(step, first.value, second, below);
      // pow(x, k) is no step: pow does not commute.
      if (step === POW) return NO_STEP;
      return second.kind === "number" ? record(step, second.value, first, below) : NO_STEP;
    }
    default:
      return NO_STEP;
  }
}

function record(step: number, k: number, operand: Expression, below: number): number {
  if (step >= below) return NO_STEP;
  scratch.steps |= 1 << step;
  scratch.k[step] = k;
  scratch.base = operand;
  return step;
}
