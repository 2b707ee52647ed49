/*
 * Plain data as JavaScript source: what `toSdkCode` pastes into an SDK call.
 * The output is both JavaScript and TypeScript. Objects and arrays are read
 * through their own enumerable properties only (src/diagnostics/own.ts), a
 * `__proto__` key is written as a computed key (a literal `__proto__:` would
 * set the prototype instead), and the work is bounded: nesting is capped, and
 * each attempt to fit a value on one line stops once the line is full.
 */
import { isArraySafe, isPlainObjectLike, snapshotArray, snapshotOwn } from "../diagnostics/own.js";

/** Deeper values are refused: no option of a request is nested anywhere near this. */
export const MAX_LITERAL_DEPTH = 64;
/** A value whose one-line form fits this many characters (after its indentation) stays on one line. */
const LINE_WIDTH = 80;

/** Why a value has no literal: a function, a symbol, a bigint, too deep, or unreadable. */
export class Unprintable extends Error {}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A property name as an object literal writes it: bare, quoted, or `["__proto__"]`. */
export function propertyKey(name: string): string {
  if (name === "__proto__") return '["__proto__"]';
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

function number(n: number): string {
  if (Object.is(n, -0)) return "-0";
  return String(n);
}

/** A primitive's source text, or undefined for an object or array. */
function primitive(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      // JSON's escapes are JavaScript's; U+2028/U+2029 are legal in string literals since ES2019.
      return JSON.stringify(value);
    case "number":
      return number(value);
    case "boolean":
      return String(value);
    case "undefined":
      return "undefined";
    case "object":
      return value === null ? "null" : undefined;
    default:
      throw new Unprintable(`a ${typeof value} has no literal`);
  }
}

type Entries =
  | { readonly array: true; readonly items: readonly unknown[] }
  | { readonly array: false; readonly items: readonly (readonly [string, unknown])[] };

/** An object's or array's own entries, read once; object entries whose value is undefined are left out, as JSON leaves them. */
function entries(value: object): Entries {
  if (isArraySafe(value)) {
    const read = snapshotArray(value);
    if (!read.ok) throw new Unprintable(read.reason);
    return { array: true, items: read.items };
  }
  if (!isPlainObjectLike(value)) throw new Unprintable("not plain data");
  const read = snapshotOwn(value);
  if (!read.ok) throw new Unprintable(read.reason);
  const pairs: (readonly [string, unknown])[] = [];
  for (const name of read.keys) if (read.value[name] !== undefined) pairs.push([name, read.value[name]]);
  return { array: false, items: pairs };
}

/**
 * A copy of `value` in which every object and array is a fresh plain one,
 * read once through its own properties; primitives (and anything else) as
 * they are. Throws {@link Unprintable} for what cannot be read or is nested
 * deeper than {@link MAX_LITERAL_DEPTH}.
 *
 * @example
 * ```ts
 * copyData({ key: "a", rate: 1 }); // { key: "a", rate: 1 }, a new object
 * ```
 */
export function copyData(value: unknown, depth = 0): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth > MAX_LITERAL_DEPTH) throw new Unprintable(`nested deeper than ${MAX_LITERAL_DEPTH}`);
  const read = entries(value);
  if (read.array) return read.items.map((item) => copyData(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [name, field] of read.items)
    Object.defineProperty(copy, name, { value: copyData(field, depth + 1), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The value on one line, or undefined as soon as it passes `budget` characters. */
function oneLine(value: unknown, budget: number, depth: number): string | undefined {
  if (depth > MAX_LITERAL_DEPTH) throw new Unprintable(`nested deeper than ${MAX_LITERAL_DEPTH}`);
  const simple = primitive(value);
  if (simple !== undefined) return simple.length <= budget ? simple : undefined;
  const read = entries(value as object);
  const [open, close] = read.array ? ["[", "]"] : ["{ ", " }"];
  if (read.items.length === 0) return read.array ? "[]" : "{}";
  let text = open;
  for (const [i, item] of read.items.entries()) {
    const [prefix, inner] = read.array
      ? ["", item]
      : [`${propertyKey((item as readonly [string, unknown])[0])}: `, (item as readonly [string, unknown])[1]];
    const part = oneLine(inner, budget - text.length - prefix.length, depth + 1);
    if (part === undefined) return undefined;
    text += `${i === 0 ? "" : ", "}${prefix}${part}`;
    if (text.length > budget) return undefined;
  }
  text += close;
  return text.length <= budget ? text : undefined;
}

/**
 * `value` as source text, indented by `indent`: on one line when it fits,
 * else one entry a line. Throws {@link Unprintable} for what plain data
 * cannot hold.
 *
 * @example
 * ```ts
 * toLiteral({ key: "user-42", rate: 10 }, ""); // '{ key: "user-42", rate: 10 }'
 * ```
 */
export function toLiteral(value: unknown, indent: string, depth = 0): string {
  const simple = primitive(value);
  if (simple !== undefined) return simple;
  const fits = oneLine(value, Math.max(0, LINE_WIDTH - indent.length), depth);
  if (fits !== undefined) return fits;
  const read = entries(value as object);
  const inner = `${indent}  `;
  const lines = read.items.map((item) => {
    if (read.array) return `${inner}${toLiteral(item, inner, depth + 1)},`;
    const [name, field] = item as readonly [string, unknown];
    return `${inner}${propertyKey(name)}: ${toLiteral(field, inner, depth + 1)},`;
  });
  return read.array ? `[\n${lines.join("\n")}\n${indent}]` : `{\n${lines.join("\n")}\n${indent}}`;
}
