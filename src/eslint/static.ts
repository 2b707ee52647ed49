import type { Scope, SourceCode } from "eslint";
import type * as ESTree from "estree";

/*
 * What the source says for certain about an options object. Only literals
 * are read: strings, numbers, booleans, `null`, `undefined`, no-substitution
 * templates, negative numbers, objects and arrays of them, and `const`
 * bindings that hold them. Everything else is dynamic: it is left out of the
 * check, and nothing is reported about it.
 */

/** A read value, with the node each part came from. */
export type Static =
  | { readonly kind: "value"; readonly value: unknown; readonly node: ESTree.Node }
  | { readonly kind: "object"; readonly node: ESTree.Node; readonly entries: ReadonlyMap<string, Entry>; readonly open: boolean }
  | { readonly kind: "array"; readonly node: ESTree.Node; readonly items: readonly Static[] }
  | { readonly kind: "dynamic"; readonly node: ESTree.Node };

/** One property: its key's node, and its value. */
export interface Entry {
  readonly key: ESTree.Node;
  readonly value: Static;
}

/** How deep `const` bindings are followed: `const a = b` chains are short in real code. */
const MAX_HOPS = 4;

/** A node of typescript-eslint's tree that wraps an expression without changing its value. */
type Wrapper = {
  readonly type: "TSAsExpression" | "TSSatisfiesExpression" | "TSNonNullExpression" | "TSTypeAssertion" | "ParenthesizedExpression";
  readonly expression: ESTree.Expression;
};
const WRAPPERS: ReadonlySet<string> = new Set([
  "TSAsExpression",
  "TSSatisfiesExpression",
  "TSNonNullExpression",
  "TSTypeAssertion",
  "ParenthesizedExpression",
]);

/** The expression under `as const`, `satisfies T`, `!` and parentheses. */
export function unwrap(node: ESTree.Node): ESTree.Node {
  let current = node;
  while (WRAPPERS.has(current.type)) current = (current as unknown as Wrapper).expression;
  return current;
}

/** Reads `node` as far as the source fixes it. */
export function readStatic(node: ESTree.Node, sourceCode: SourceCode, hops = 0): Static {
  const inner = unwrap(node);
  switch (inner.type) {
    case "Literal":
      return "regex" in inner || "bigint" in inner ? { kind: "dynamic", node: inner } : { kind: "value", value: inner.value, node: inner };
    case "TemplateLiteral":
      return inner.expressions.length === 0
        ? { kind: "value", value: inner.quasis[0]?.value.cooked ?? "", node: inner }
        : { kind: "dynamic", node: inner };
    case "UnaryExpression":
      return readSigned(inner, sourceCode, hops);
    case "ObjectExpression":
      return readObject(inner, sourceCode, hops);
    case "ArrayExpression":
      return readArray(inner, sourceCode, hops);
    case "Identifier":
      return readBinding(inner, sourceCode, hops);
    default:
      return { kind: "dynamic", node: inner };
  }
}

function readSigned(node: ESTree.UnaryExpression, sourceCode: SourceCode, hops: number): Static {
  const operand = readStatic(node.argument, sourceCode, hops);
  if ((node.operator !== "-" && node.operator !== "+") || operand.kind !== "value" || typeof operand.value !== "number")
    return { kind: "dynamic", node };
  return { kind: "value", value: node.operator === "-" ? -operand.value : operand.value, node };
}

function readObject(node: ESTree.ObjectExpression, sourceCode: SourceCode, hops: number): Static {
  const entries = new Map<string, Entry>();
  let open = false;
  for (const property of node.properties) {
    const name = property.type === "Property" ? keyName(property) : undefined;
    if (property.type !== "Property" || name === undefined) {
      // A spread or a computed key may set any option.
      open = true;
      continue;
    }
    const value: Static =
      property.kind === "init" && !property.method
        ? readStatic(property.value, sourceCode, hops)
        : { kind: "dynamic", node: property.value };
    entries.set(name, { key: property.key, value });
  }
  return { kind: "object", node, entries, open };
}

function keyName(property: ESTree.Property): string | undefined {
  const key = property.key;
  if (!property.computed && key.type === "Identifier") return key.name;
  if (key.type === "Literal" && (typeof key.value === "string" || typeof key.value === "number")) return String(key.value);
  if (key.type === "TemplateLiteral" && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** An array is read only when every element is: a hole, a spread or a dynamic item would shift the indexes the diagnostics name. */
function readArray(node: ESTree.ArrayExpression, sourceCode: SourceCode, hops: number): Static {
  const items: Static[] = [];
  for (const element of node.elements) {
    if (element === null || element.type === "SpreadElement") return { kind: "dynamic", node };
    const item = readStatic(element, sourceCode, hops);
    if (item.kind === "dynamic") return { kind: "dynamic", node };
    items.push(item);
  }
  return { kind: "array", node, items };
}

/** `undefined`, or a `const` bound to something readable, read where it is written. */
function readBinding(node: ESTree.Identifier, sourceCode: SourceCode, hops: number): Static {
  const variable = findVariable(sourceCode.getScope(node), node.name);
  if (variable === undefined) return node.name === "undefined" ? { kind: "value", value: undefined, node } : { kind: "dynamic", node };
  const init = constInit(variable);
  if (init === undefined || hops >= MAX_HOPS) return { kind: "dynamic", node };
  return readStatic(init, sourceCode, hops + 1);
}

/** The variable `name` refers to from `scope`, or undefined for a global nobody declared. */
export function findVariable(scope: Scope.Scope, name: string): Scope.Variable | undefined {
  for (let current: Scope.Scope | null = scope; current !== null; current = current.upper) {
    const found = current.set.get(name);
    if (found !== undefined) return found.defs.length > 0 ? found : undefined;
  }
  return undefined;
}

/** The initializer of a `const` declared once without destructuring. */
export function constInit(variable: Scope.Variable): ESTree.Expression | undefined {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== "Variable") return undefined;
  const declarator = def.node;
  if (def.parent.kind !== "const" || declarator.id.type !== "Identifier") return undefined;
  return declarator.init ?? undefined;
}

/** Every part of the value is known: nothing dynamic, no spread. */
export function isFullyStatic(value: Static): boolean {
  switch (value.kind) {
    case "value":
      return true;
    case "dynamic":
      return false;
    case "array":
      return value.items.every(isFullyStatic);
    case "object":
      return !value.open && [...value.entries.values()].every((entry) => isFullyStatic(entry.value));
  }
}

/** The JavaScript value the builders check: dynamic parts are left out. */
export function toValue(value: Static): unknown {
  switch (value.kind) {
    case "value":
      return value.value;
    case "dynamic":
      return undefined;
    case "array":
      return value.items.map(toValue);
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [name, entry] of value.entries) {
        // defineProperty: a key named `__proto__` is an own property, as in the literal.
        if (entry.value.kind !== "dynamic")
          Object.defineProperty(out, name, { value: toValue(entry.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}
