import type { Expression } from "./ast.js";
import { lookupDefinition, type DelayClosure } from "./builtins.js";
import { infixArithmetic } from "./operators.js";
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
 * The arithmetic is the tables': each step calls its row's `evaluate`
 * (operators.ts, builtins.ts) from a call site of its own that only ever
 * sees that one function, which V8 inlines. Steps are applied in one fixed
 * order; a tree fuses only as far as its operations appear in that order,
 * so nothing is reassociated. The rewritings the peeling makes are exact in
 * IEEE-754 arithmetic, NaN, infinities and signed zeros included:
 *   x - k  =  x + (-k)          (subtraction is addition of the negation)
 *   k - x  =  (x * -1) + k      (negation is multiplication by -1, and + commutes)
 *   -x     =  x * -1
 *   k op x =  x op k            for +, *, min and max, which commute exactly.
 * A fast-check property holds fused closures equal to the interpreter
 * (test/expression/fused.test.ts).
 */

/** The steps, in the order they are applied; peeling a tree from its root meets them in reverse. */
const ADD = 0; // x + add
const TIMES = 1; // x * times
const OVER = 2; // x / over
const PLUS = 3; // x + plus
const LOW = 4; // max(low, x)
const HIGH = 5; // min(high, x)
const NO_STEP = 6;

function infix(operator: "+" | "*" | "/"): (a: number, b: number) => number {
  return infixArithmetic(operator)?.evaluate ?? unavailable;
}

function binaryBuiltin(name: string): (a: number, b: number) => number {
  const definition = lookupDefinition(name);
  return definition?.arity === 2 ? definition.evaluate : unavailable;
}

/** Stands in for a row the tables do not have; {@link FUSABLE} is then false and nothing calls it. */
const unavailable = (): number => Number.NaN;

const add = infix("+");
const multiply = infix("*");
const divide = infix("/");
const smaller = binaryBuiltin("min");
const larger = binaryBuiltin("max");
const FUSABLE = [add, multiply, divide, smaller, larger].every((f) => f !== unavailable);

/** One fused chain: the steps present, bit `1 << STEP` each, and each step's constant. */
export interface Chain {
  readonly steps: number;
  readonly constants: readonly [number, number, number, number, number, number];
}

/** What peeling found: the steps' constants, how many tree nodes they replace, and the base below them. */
interface Peeled {
  steps: number;
  constants: [number, number, number, number, number, number];
  absorbed: number;
  base: Expression;
}

// Reused by every peel: compiling must not allocate for the many nodes that do not fuse.
const scratch: Peeled = { steps: 0, constants: [0, 1, 1, 0, 0, 0], absorbed: 0, base: { kind: "retried", span: { start: 0, end: 0 } } };

/**
 * The chain of steps at the root of `node`, with the base below it, or
 * undefined when fusing would not save a call: a chain needs two steps at
 * least, since one step over `retried` or over a node is already its row's
 * closure, with no inner call or one.
 */
export function peelChain(node: Expression): { readonly chain: Chain; readonly base: Expression } | undefined {
  if (!FUSABLE || !peel(node) || scratch.absorbed < 2) return undefined;
  const [a, t, o, p, l, h] = scratch.constants;
  return { chain: { steps: scratch.steps, constants: [a, t, o, p, l, h] }, base: scratch.base };
}

/*
 * Closures that apply a chain. The common chains of backoff expressions
 * have a literal of their own with the steps written out; any other chain
 * gets a general literal that tests each step's bit. Both capture the
 * constants as variables (a closure context holds them more compactly than
 * an object, and reads them without a map check). The general literal's
 * branches cost about a third of a short expression's time through a
 * shared call site, which the written-out ones do not pay
 * (bench/shared-site.mjs).
 */

type Constants = Chain["constants"];
const bit = (step: number): number => 1 << step;

/** Chains over `retried` with a literal of their own: `(r + a) * t`, `r * t + p`, `min(h, r * t)`, `min(h, (r + a) * t)`. */
const RETRIED_CHAINS: ReadonlyMap<number, (c: Constants) => DelayClosure> = new Map<number, (c: Constants) => DelayClosure>([
  [bit(ADD) | bit(TIMES), ([a, t]) => (r) => multiply(add(readRetried(r), a), t)],
  [bit(TIMES) | bit(PLUS), ([, t, , p]) => (r) => add(multiply(readRetried(r), t), p)],
  [bit(TIMES) | bit(HIGH), ([, t, , , , h]) => (r) => smaller(h, multiply(readRetried(r), t))],
  [bit(ADD) | bit(TIMES) | bit(HIGH), ([a, t, , , , h]) => (r) => smaller(h, multiply(add(readRetried(r), a), t))],
]);

/** Chains over a node with a literal of their own: `min(h, x * t)`, `max(l, x * t)`, `x * t + p`, `min(h, max(l, x))`. */
const NODE_CHAINS: ReadonlyMap<number, (c: Constants, x: DelayClosure) => DelayClosure> = new Map<
  number,
  (c: Constants, x: DelayClosure) => DelayClosure
>([
  [bit(TIMES) | bit(HIGH), ([, t, , , , h], x) => (r) => smaller(h, multiply(x(r), t))],
  [bit(TIMES) | bit(LOW), ([, t, , , l], x) => (r) => larger(l, multiply(x(r), t))],
  [bit(TIMES) | bit(PLUS), ([, t, , p], x) => (r) => add(multiply(x(r), t), p)],
  [bit(LOW) | bit(HIGH), ([, , , , l, h], x) => (r) => smaller(h, larger(l, x(r)))],
]);

/** A chain over `retried`: no inner call. */
export function chainOfRetried(chain: Chain): DelayClosure {
  const written = RETRIED_CHAINS.get(chain.steps);
  if (written !== undefined) return written(chain.constants);
  const { steps } = chain;
  const [a, t, o, p, l, h] = chain.constants;
  return (r) => {
    let x = readRetried(r);
    if ((steps & (1 << ADD)) !== 0) x = add(x, a);
    if ((steps & (1 << TIMES)) !== 0) x = multiply(x, t);
    if ((steps & (1 << OVER)) !== 0) x = divide(x, o);
    if ((steps & (1 << PLUS)) !== 0) x = add(x, p);
    if ((steps & (1 << LOW)) !== 0) x = larger(l, x);
    if ((steps & (1 << HIGH)) !== 0) x = smaller(h, x);
    return x;
  };
}

/** A chain over a compiled node: one inner call, whatever the chain's length. */
export function chainOfNode(chain: Chain, inner: DelayClosure): DelayClosure {
  const written = NODE_CHAINS.get(chain.steps);
  if (written !== undefined) return written(chain.constants, inner);
  const { steps } = chain;
  const [a, t, o, p, l, h] = chain.constants;
  return (r) => {
    let x = inner(r);
    if ((steps & (1 << ADD)) !== 0) x = add(x, a);
    if ((steps & (1 << TIMES)) !== 0) x = multiply(x, t);
    if ((steps & (1 << OVER)) !== 0) x = divide(x, o);
    if ((steps & (1 << PLUS)) !== 0) x = add(x, p);
    if ((steps & (1 << LOW)) !== 0) x = larger(l, x);
    if ((steps & (1 << HIGH)) !== 0) x = smaller(h, x);
    return x;
  };
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
  switch (node.kind) {
    case "unary":
      return node.operator === "-" ? record(TIMES, -1, node.operand, below) : NO_STEP;
    case "binary": {
      const { left, right } = node;
      if (left.kind === "number") return constantLeft(node.operator, left.value, right, below);
      if (right.kind !== "number") return NO_STEP;
      const k = right.value;
      switch (node.operator) {
        case "+":
          return record(below > PLUS ? PLUS : ADD, k, left, below);
        case "-":
          return record(below > PLUS ? PLUS : ADD, -k, left, below);
        case "*":
          return record(TIMES, k, left, below);
        case "/":
          return record(OVER, k, left, below);
      }
      return NO_STEP;
    }
    case "call": {
      const step = node.name === "min" ? HIGH : node.name === "max" ? LOW : NO_STEP;
      const [first, second] = node.args;
      if (step === NO_STEP || node.args.length !== 2 || first === undefined || second === undefined) return NO_STEP;
      if (first.kind === "number") return record(step, first.value, second, below);
      return second.kind === "number" ? record(step, second.value, first, below) : NO_STEP;
    }
    default:
      return NO_STEP;
  }
}

/** `k op x`, the constant on the left. */
function constantLeft(operator: string, k: number, operand: Expression, below: number): number {
  switch (operator) {
    case "+":
      return record(below > PLUS ? PLUS : ADD, k, operand, below);
    case "*":
      return record(TIMES, k, operand, below);
    case "-":
      // k - x = (x * -1) + k: two steps, so both must be free.
      if (below <= PLUS) return NO_STEP;
      record(PLUS, k, operand, below);
      return record(TIMES, -1, operand, PLUS);
    default:
      // k / x is no step.
      return NO_STEP;
  }
}

function record(step: number, k: number, operand: Expression, below: number): number {
  if (step >= below) return NO_STEP;
  scratch.steps |= 1 << step;
  scratch.constants[step] = k;
  scratch.base = operand;
  return step;
}
