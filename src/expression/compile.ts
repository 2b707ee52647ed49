import type { BinaryExpression, CallExpression, Expression } from "./ast.js";
import { lookupDefinition, type DelayClosure } from "./builtins.js";
import { foldConstants } from "./fold.js";
import { chainBase, fuseOverNode, fuseOverRetried, takeChain } from "./fused.js";
import { heldConstant } from "./held-constant.js";
import { guardTreeWalk, JSC_STACK_MESSAGE, preparedStackError, V8_STACK_MESSAGE } from "./guard.js";
import { infixArithmetic, type OperatorClosures } from "./operators.js";
import { readRetried } from "./retried.js";

/*
 * The closure compiler: a folded tree becomes nested closures, with no
 * `eval` and no `new Function`, so it runs under a strict CSP and on edge
 * runtimes.
 *
 * Speed comes from specialization. Each operator and each operand shape
 * (constant, `retried`, subtree) has its own function literal (the
 * operator's row in operators.ts, the builtin's in builtins.ts), because V8
 * keeps type and call-target feedback per literal: one shared `(r) => a(r) +
 * b(r)` would see every expression of the process and go megamorphic. With
 * a constant or `retried` operand inlined into the literal, the common
 * shapes (`retried + 1`, `x * 1000`, `pow(2, retried)`) make no inner call.
 * Every constant a closure keeps goes through `heldConstant`, so that a
 * whole number is a small integer, not a boxed double: that feedback, too,
 * is the literal's, shared by every expression of its shape.
 *
 * `retried` is read through `readRetried`: a caller passing a numeric string
 * gets arithmetic, never string concatenation, and a value that is no number
 * at all gets a RetryDelayError. On numbers it costs nothing measurable.
 */

/**
 * Compiles a tree (as `parseExpression` returns it) into a closure
 * `(retried) => milliseconds`, after folding its constants. It performs no
 * checks; `compile` parses, checks and compiles in one call.
 *
 * @example
 * ```ts
 * const parsed = parse("60 * 60 * 1000 + retried");
 * if (parsed.ok) {
 *   const delay = compileExpression(parsed.value); // the constant part is folded to 3600000
 *   delay(5); // 3600005
 * }
 * ```
 */
export function compileExpression(tree: Expression): DelayClosure {
  return guardTreeWalk(() => compileTree(tree), tree);
}

/** The compiler itself, for callers inside the package that hold a checked tree. */
export function compileTree(tree: Expression): DelayClosure {
  return compileFolded(foldConstants(tree));
}

/** The compiler for a tree already folded by `foldConstants`, which the checks fold once for every stage. */
export function compileFolded(folded: Expression): DelayClosure {
  const height: Height = { max: 0 };
  const closure = build(folded, 1, height);
  return height.max > GUARDED_HEIGHT ? guardStack(closure) : closure;
}

/*
 * A closure calls one closure per level of its tree, so a deep tree (a long
 * flat chain such as `retried+retried+…`, a thousand levels) needs tens of
 * KiB of stack per call, and a caller with less left would get a RangeError.
 * Trees deeper than this get one wrapper that turns stack exhaustion into a
 * `too-deeply-nested` RetryDelayError. Shallower trees, every real
 * expression, stay unwrapped: the wrapper's inner call is one function
 * literal shared by every wrapped closure, which V8 would make megamorphic.
 */
const GUARDED_HEIGHT = 32;

/** The deepest level `build` reached. */
interface Height {
  max: number;
}

function guardStack(closure: DelayClosure): DelayClosure {
  const tooDeep = preparedStackError();
  return (r) => {
    try {
      return closure(r);
    } catch (error) {
      // Tested inline and answered without a call: see guard.ts.
      if (
        (error instanceof RangeError && (error.message === V8_STACK_MESSAGE || error.message === JSC_STACK_MESSAGE)) ||
        (error as { name?: unknown } | null)?.name === "InternalError"
      )
        throw tooDeep;
      throw error;
    }
  };
}

function build(node: Expression, depth: number, height: Height): DelayClosure {
  if (depth > height.max) height.max = depth;
  const next = depth + 1;
  switch (node.kind) {
    case "number": {
      const value = heldConstant(node.value);
      return () => value;
    }
    case "retried":
      return (r) => readRetried(r);
    case "unary": {
      // After folding, only `-` remains, and only over a non-constant operand.
      if (node.operand.kind === "retried") return node.operator === "-" ? (r) => -readRetried(r) : (r) => readRetried(r);
      const fused = node.operator === "-" ? buildChain(node, next, height) : undefined;
      if (fused !== undefined) return fused;
      const operand = build(node.operand, next, height);
      return node.operator === "-" ? (r) => -operand(r) : operand;
    }
    case "binary": {
      const arithmetic = infixArithmetic(node.operator);
      // Unreachable for checked trees; NaN matches the reference interpreter.
      if (arithmetic === undefined) return () => Number.NaN;
      return buildBinary(arithmetic.closures, node, next, height);
    }
    case "call":
      return buildCall(node, next, height);
  }
}

/*
 * A node with one constant operand over a node that is itself such a step
 * may start a chain, which becomes one fused closure (fused.ts). Only those
 * nodes are looked at: the look costs a compile more than the fusing saves
 * on the rest.
 */
function buildChain(node: Expression, depth: number, height: Height): DelayClosure | undefined {
  const base = chainBase(node);
  if (base === undefined) return undefined;
  if (base.kind === "retried") return fuseOverRetried();
  const chain = takeChain();
  return fuseOverNode(chain, build(base, depth, height));
}

function buildBinary(closures: OperatorClosures, node: BinaryExpression, depth: number, height: Height): DelayClosure {
  const { left, right } = node;
  if (left.kind === "retried") {
    if (right.kind === "number") return closures.retriedConstant(heldConstant(right.value));
    return closures.retriedNode(build(right, depth, height));
  }
  if (left.kind === "number") {
    if (right.kind === "retried") return closures.constantRetried(heldConstant(left.value));
    return buildChain(node, depth, height) ?? closures.constantNode(heldConstant(left.value), build(right, depth, height));
  }
  if (right.kind === "number")
    return buildChain(node, depth, height) ?? closures.nodeConstant(build(left, depth, height), heldConstant(right.value));
  if (right.kind === "retried") return closures.nodeRetried(build(left, depth, height));
  return closures.nodes(build(left, depth, height), build(right, depth, height));
}

function buildCall(node: CallExpression, depth: number, height: Height): DelayClosure {
  const { name, args } = node;
  const builtin = lookupDefinition(name);
  const [first, second] = args;
  if (builtin === undefined || first === undefined || builtin.arity !== args.length) {
    // Unreachable for checked trees; NaN matches the reference interpreter.
    return () => Number.NaN;
  }
  if (builtin.arity === 1) {
    return first.kind === "retried" ? builtin.closures.ofRetried() : builtin.closures.of(build(first, depth, height));
  }
  if (second === undefined) return () => Number.NaN;
  const closures = builtin.closures;
  if (first.kind === "number") {
    return second.kind === "retried"
      ? closures.constantRetried(heldConstant(first.value))
      : (buildChain(node, depth, height) ?? closures.constantLeft(heldConstant(first.value), build(second, depth, height)));
  }
  if (second.kind === "number") {
    return first.kind === "retried"
      ? closures.retriedConstant(heldConstant(second.value))
      : (buildChain(node, depth, height) ?? closures.constantRight(build(first, depth, height), heldConstant(second.value)));
  }
  return closures.of(build(first, depth, height), build(second, depth, height));
}
