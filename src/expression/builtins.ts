import { expectNumber } from "../diagnostics/arguments.js";
import type { PairRule, SingleRule } from "./interval.js";
import { readRetried } from "./retried.js";

/**
 * The one table of built-in functions. The parser's hints, the checker, the
 * constant folder, the closure compiler, the reference interpreter, the
 * printer and the docs all read it; nothing else lists the functions.
 *
 * Each entry carries its own closure factories. They are separate function
 * literals on purpose: V8 keeps type and call-target feedback per literal, so
 * one generic `(r) => fn(a(r))` shared by every builtin goes megamorphic as
 * soon as a process compiles a few different expressions.
 */

/**
 * A compiled expression: the delay in milliseconds for a given `retried`.
 *
 * @example
 * ```ts
 * const delay: DelayClosure = compileExpression({ kind: "retried", span: { start: 0, end: 7 } });
 * delay(4); // 4
 * ```
 */
export type DelayClosure = (retried: number) => number;

interface BuiltinDocs {
  /** The name as written in expressions. Names are case-sensitive. */
  readonly name: string;
  /** How the call reads, e.g. `pow(x, y)`. */
  readonly signature: string;
  /** One line for the language reference. */
  readonly doc: string;
}

/**
 * A built-in function of one argument.
 *
 * @example
 * ```ts
 * const round = lookupBuiltin("round");
 * if (round?.arity === 1) round.evaluate(-2.5); // -3, half away from zero
 * ```
 */
export interface UnaryBuiltin extends BuiltinDocs {
  readonly arity: 1;
  /** The function itself. It checks that its argument is a number; the compiled closures call their own unchecked copy. */
  readonly evaluate: (x: number) => number;
}

/**
 * A built-in function of two arguments.
 *
 * @example
 * ```ts
 * const max = lookupBuiltin("max");
 * if (max?.arity === 2) max.evaluate(1000, 1600); // 1600
 * ```
 */
export interface BinaryBuiltin extends BuiltinDocs {
  readonly arity: 2;
  /** The function itself. It checks that its arguments are numbers; the compiled closures call their own unchecked copy. */
  readonly evaluate: (x: number, y: number) => number;
}

/**
 * One entry of {@link BUILTINS}, discriminated by `arity`.
 *
 * @example
 * ```ts
 * for (const builtin of BUILTINS) console.log(`${builtin.signature}: ${builtin.doc}`);
 * ```
 */
export type Builtin = UnaryBuiltin | BinaryBuiltin;

/*
 * The table's entries as the compiler sees them: the public fields, the
 * unchecked implementation, and one closure factory per argument shape. The
 * factories are compiler internals, so they stay out of the public type.
 */
interface UnaryDefinition extends Omit<UnaryBuiltin, "signature"> {
  /**
   * What the result can be, given what the argument can be: a rule of
   * interval.ts by name, or `rising` for a function that never falls as its
   * argument grows (its bounds are its values at the ends), which may keep
   * whole numbers whole. Named, not imported, so that retry-delay/runtime
   * bundles no interval analysis (domain-bounds.ts applies the rules).
   */
  readonly bounds: SingleRule | { readonly rising: { readonly keepsWhole: boolean } };
  readonly closures: {
    /** `f(arg(r))` */
    readonly of: (arg: DelayClosure) => DelayClosure;
    /** `f(r)`: the argument is `retried` itself. */
    readonly ofRetried: () => DelayClosure;
  };
}

interface BinaryDefinition extends Omit<BinaryBuiltin, "signature"> {
  /** As a unary builtin's `bounds`; `rising` never falls as either argument grows. */
  readonly bounds: PairRule | "rising";
  readonly closures: {
    /** `f(a(r), b(r))` */
    readonly of: (a: DelayClosure, b: DelayClosure) => DelayClosure;
    /** `f(c, b(r))` */
    readonly constantLeft: (c: number, b: DelayClosure) => DelayClosure;
    /** `f(a(r), c)` */
    readonly constantRight: (a: DelayClosure, c: number) => DelayClosure;
    /** `f(c, r)` */
    readonly constantRetried: (c: number) => DelayClosure;
    /** `f(r, c)` */
    readonly retriedConstant: (c: number) => DelayClosure;
  };
}

/** One entry of the table, with the compiler's closure factories. */
export type BuiltinDefinition = UnaryDefinition | BinaryDefinition;

/**
 * Rounds half away from zero, like Go's `math.Round` and C's `round`:
 * `round(2.5) = 3`, `round(-2.5) = -3`. JavaScript's `Math.round` rounds half
 * up instead (`Math.round(-2.5) = -2`); the Upstash server is written in Go.
 * Keeps the sign of zero (`round(-0.4) = -0`), as Go does.
 *
 * @example
 * ```ts
 * roundHalfAwayFromZero(2.5); // 3
 * roundHalfAwayFromZero(-2.5); // -3 (Math.round gives -2)
 * ```
 */
export function roundHalfAwayFromZero(x: number): number {
  return roundHalf(expectNumber(x, "the value to round"));
}

/** The implementation the table uses, on values the compiler guarantees are numbers. */
function roundHalf(x: number): number {
  const truncated = Math.trunc(x);
  return Math.abs(x - truncated) >= 0.5 ? truncated + Math.sign(x) : truncated;
}

const table: readonly BuiltinDefinition[] = [
  {
    name: "pow",
    arity: 2,
    doc: "x raised to the power y.",
    evaluate: Math.pow,
    bounds: "powBounds",
    closures: {
      of: (a, b) => (r) => Math.pow(a(r), b(r)),
      constantLeft: (c, b) => (r) => Math.pow(c, b(r)),
      constantRight: (a, c) => (r) => Math.pow(a(r), c),
      constantRetried: (c) => (r) => Math.pow(c, readRetried(r)),
      retriedConstant: (c) => (r) => Math.pow(readRetried(r), c),
    },
  },
  {
    name: "exp",
    arity: 1,
    doc: "e raised to the power x.",
    evaluate: Math.exp,
    bounds: { rising: { keepsWhole: false } },
    closures: {
      of: (a) => (r) => Math.exp(a(r)),
      ofRetried: () => (r) => Math.exp(readRetried(r)),
    },
  },
  {
    name: "sqrt",
    arity: 1,
    doc: "The square root of x; NaN for negative x.",
    evaluate: Math.sqrt,
    bounds: "sqrtBounds",
    closures: {
      of: (a) => (r) => Math.sqrt(a(r)),
      ofRetried: () => (r) => Math.sqrt(readRetried(r)),
    },
  },
  {
    name: "abs",
    arity: 1,
    doc: "The absolute value of x.",
    evaluate: Math.abs,
    bounds: "absBounds",
    closures: {
      of: (a) => (r) => Math.abs(a(r)),
      ofRetried: () => (r) => Math.abs(readRetried(r)),
    },
  },
  {
    name: "floor",
    arity: 1,
    doc: "The greatest integer not above x.",
    evaluate: Math.floor,
    bounds: { rising: { keepsWhole: true } },
    closures: {
      of: (a) => (r) => Math.floor(a(r)),
      ofRetried: () => (r) => Math.floor(readRetried(r)),
    },
  },
  {
    name: "ceil",
    arity: 1,
    doc: "The least integer not below x.",
    evaluate: Math.ceil,
    bounds: { rising: { keepsWhole: true } },
    closures: {
      of: (a) => (r) => Math.ceil(a(r)),
      ofRetried: () => (r) => Math.ceil(readRetried(r)),
    },
  },
  {
    name: "round",
    arity: 1,
    doc: "x rounded to the nearest integer, halves away from zero (like Go's math.Round, unlike JavaScript's Math.round).",
    evaluate: roundHalf,
    bounds: { rising: { keepsWhole: true } },
    closures: {
      of: (a) => (r) => roundHalf(a(r)),
      ofRetried: () => (r) => roundHalf(readRetried(r)),
    },
  },
  {
    name: "min",
    arity: 2,
    doc: "The smaller of x and y; NaN if either is NaN.",
    evaluate: Math.min,
    bounds: "rising",
    closures: {
      of: (a, b) => (r) => Math.min(a(r), b(r)),
      constantLeft: (c, b) => (r) => Math.min(c, b(r)),
      constantRight: (a, c) => (r) => Math.min(a(r), c),
      constantRetried: (c) => (r) => Math.min(c, readRetried(r)),
      retriedConstant: (c) => (r) => Math.min(readRetried(r), c),
    },
  },
  {
    name: "max",
    arity: 2,
    doc: "The larger of x and y; NaN if either is NaN.",
    evaluate: Math.max,
    bounds: "rising",
    closures: {
      of: (a, b) => (r) => Math.max(a(r), b(r)),
      constantLeft: (c, b) => (r) => Math.max(c, b(r)),
      constantRight: (a, c) => (r) => Math.max(a(r), c),
      constantRetried: (c) => (r) => Math.max(c, readRetried(r)),
      retriedConstant: (c) => (r) => Math.max(readRetried(r), c),
    },
  },
];

/**
 * Every built-in function, in documentation order.
 *
 * @example
 * ```ts
 * BUILTINS.map((b) => b.name); // ["pow", "exp", "sqrt", "abs", "floor", "ceil", "round", "min", "max"]
 * ```
 */
export const BUILTINS: readonly Builtin[] = Object.freeze(table.map(publicEntry));

function publicEntry(definition: BuiltinDefinition): Builtin {
  const { name, doc } = definition;
  // The signature follows from the arity: the table does not spell it out again.
  const signature = `${name}(${definition.arity === 1 ? "x" : "x, y"})`;
  if (definition.arity === 1) {
    const evaluate = definition.evaluate;
    return Object.freeze({ name, signature, doc, arity: 1, evaluate: (x: number) => evaluate(expectNumber(x, `${name}'s argument`)) });
  }
  const evaluate = definition.evaluate;
  return Object.freeze({
    name,
    signature,
    doc,
    arity: 2,
    evaluate: (x: number, y: number) => evaluate(expectNumber(x, `${name}'s first argument`), expectNumber(y, `${name}'s second argument`)),
  });
}

// Maps, never plain objects: a user-written name such as `constructor` or
// `__proto__` must find nothing rather than something from Object.prototype.
const byName: ReadonlyMap<string, Builtin> = new Map(BUILTINS.map((entry) => [entry.name, entry]));
const definitionByName: ReadonlyMap<string, BuiltinDefinition> = new Map(table.map((entry) => [entry.name, Object.freeze(entry)]));

/** The table entry called `name`, with its closure factories: for the compiler only. */
export function lookupDefinition(name: string): BuiltinDefinition | undefined {
  return definitionByName.get(name);
}

/**
 * The built-in function called `name`, or undefined. Case-sensitive.
 *
 * @example
 * ```ts
 * lookupBuiltin("pow")?.arity; // 2
 * lookupBuiltin("Pow"); // undefined: names are case-sensitive
 * lookupBuiltin("constructor"); // undefined
 * ```
 */
export function lookupBuiltin(name: string): Builtin | undefined {
  return byName.get(name);
}

/** The one variable of the language. */
export const RETRIED = "retried";
