import { describeThrow, isArraySafe, isPlainObjectLike } from "../diagnostics/own.js";

/*
 * Whether a value is an expression tree, for telling a caller's malformed
 * hand-built tree (their mistake: `invalid-input`) from a failure of ours
 * (`internal-error`). It runs only after a tree walk has failed, so valid
 * trees never pay for it. It walks with its own stack and a visited set, so
 * neither a deep nor a cyclic tree can hang or overflow it.
 */

const MAX_NODES = 1_000_000;
const BINARY = new Set(["+", "-", "*", "/"]);
const UNARY = new Set(["+", "-"]);

/** What is wrong with `tree` as an expression tree, or undefined when nothing is. */
export function malformedTree(tree: unknown): string | undefined {
  try {
    return walk(tree);
  } catch (error) {
    // A Proxy trap or getter of the caller's threw while the tree was read.
    return `the tree could not be read: ${describeThrow(error)}`;
  }
}

function walk(tree: unknown): string | undefined {
  const pending: unknown[] = [tree];
  const seen = new Set<unknown>();
  for (let node = pending.pop(); node !== undefined || pending.length > 0; node = pending.pop()) {
    if (seen.has(node)) return "the tree contains a cycle";
    seen.add(node);
    if (seen.size > MAX_NODES) return `the tree has more than ${MAX_NODES} nodes`;
    const problem = nodeProblem(node, pending);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The problem with one node, or undefined after pushing its children. */
function nodeProblem(node: unknown, pending: unknown[]): string | undefined {
  if (!isPlainObjectLike(node)) return "a node is not an object";
  const n = node as { readonly [key: string]: unknown };
  if (!isSpan(n.span)) return "a node has no `span` of two numbers";
  switch (n.kind) {
    case "number":
      return typeof n.value === "number" ? undefined : "a number node's `value` is not a number";
    case "retried":
      return undefined;
    case "unary":
      if (typeof n.operator !== "string" || !UNARY.has(n.operator)) return "a unary node's `operator` is not `+` or `-`";
      pending.push(n.operand);
      return undefined;
    case "binary":
      if (typeof n.operator !== "string" || !BINARY.has(n.operator)) return "a binary node's `operator` is not one of `+ - * /`";
      pending.push(n.left, n.right);
      return undefined;
    case "call":
      if (typeof n.name !== "string" || !isSpan(n.nameSpan) || !isArraySafe(n.args))
        return "a call node needs a `name`, a `nameSpan` and an `args` array";
      pending.push(...n.args);
      return undefined;
    default:
      return "a node's `kind` is not number, retried, unary, binary or call";
  }
}

function isSpan(value: unknown): boolean {
  if (!isPlainObjectLike(value)) return false;
  const span = value as { readonly start?: unknown; readonly end?: unknown };
  return typeof span.start === "number" && typeof span.end === "number";
}
