import type { AST, SourceCode } from "eslint";
import type * as ESTree from "estree";
import type { Span } from "../diagnostics/diagnostic.js";
import { valueOffsets } from "./literal.js";
import { isFullyStatic, type Static } from "./static.js";

/*
 * From a diagnostic's option path and span to the source: the path
 * (`flowControl.period`, `headers.X-Trace`, `label[1]`) walks the literal
 * object, the span is carried through the string literal's escapes. A
 * diagnostic about a part the source does not fix (a variable, a spread) has
 * no place here and is not reported.
 */

/** Where a diagnostic lands: a node (whole), or a range of source offsets. */
export interface Place {
  readonly node: ESTree.Node;
  /** Source offsets; undefined to report the whole node. */
  readonly range?: readonly [number, number];
  /** When the node is a string literal: how its value maps onto the source, for fixes. */
  readonly literal?: LiteralText;
}

/** A string literal's value and the source offset of each of its UTF-16 units. */
export interface LiteralText {
  readonly node: ESTree.Node;
  readonly value: string;
  /** Absolute source offsets: `offsets[i]` starts unit `i`; `offsets[value.length]` is the closing quote. */
  readonly offsets: readonly number[];
  readonly quote: string;
}

type Found =
  | { readonly kind: "at"; readonly target: Static; readonly key: ESTree.Node | undefined; readonly name: string | undefined }
  | { readonly kind: "missing"; readonly owner: Static & { kind: "object" } };

/** Walks `path` through the read value. */
function walk(root: Static, path: string): Found | undefined {
  let current = root;
  let rest = path;
  let key: ESTree.Node | undefined;
  let name: string | undefined;
  while (rest !== "") {
    if (current.kind === "object") {
      const match = longestKey(current.entries.keys(), rest);
      if (match === undefined) return current.open ? undefined : { kind: "missing", owner: current };
      const entry = current.entries.get(match);
      if (entry === undefined) return undefined;
      ({ key } = entry);
      name = match;
      current = entry.value;
      rest = rest.slice(match.length).replace(/^\./, "");
    } else if (current.kind === "array") {
      const index = /^\[(\d+)\]\.?/.exec(rest);
      const item = index === null ? undefined : current.items[Number(index[1])];
      if (index === null || item === undefined) return undefined;
      current = item;
      key = undefined;
      rest = rest.slice(index[0].length);
    } else {
      return undefined;
    }
  }
  return { kind: "at", target: current, key, name };
}

/** The longest own key that `path` starts with as a whole segment: keys may hold dots (`headers.X.Trace`). */
function longestKey(keys: Iterable<string>, path: string): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    if (path !== key && !path.startsWith(`${key}.`) && !path.startsWith(`${key}[`)) continue;
    if (best === undefined || key.length > best.length) best = key;
  }
  return best;
}

/** Where to report a diagnostic with this path, input and span; undefined when the source does not fix it. */
export function place(root: Static, diagnostic: { path: string; input: string; span: Span }, sourceCode: SourceCode): Place | undefined {
  const found = walk(root, diagnostic.path);
  if (found === undefined) return undefined;
  if (found.kind === "missing") return { node: found.owner.node };
  const { target } = found;
  // `unknown-option` and its kin are about the key as written, not its value.
  if (found.key !== undefined && found.name === diagnostic.input && !(target.kind === "value" && target.value === diagnostic.input))
    return { node: found.key };
  if (target.kind === "dynamic" || !isFullyStatic(target)) return undefined;
  const literal =
    target.kind === "value" && typeof target.value === "string" ? literalText(target.node, target.value, sourceCode) : undefined;
  if (literal === undefined) return { node: target.node };
  const range = rangeIn(literal, diagnostic.input, diagnostic.span);
  return range === undefined ? { node: target.node, literal } : { node: target.node, range, literal };
}

export function literalText(node: ESTree.Node, value: string, sourceCode: SourceCode): LiteralText | undefined {
  if ((node.type !== "Literal" && node.type !== "TemplateLiteral") || node.range === undefined) return undefined;
  const [start, end] = node.range;
  const raw = sourceCode.text.slice(start, end);
  const offsets = valueOffsets(raw, node.type === "TemplateLiteral" ? "template" : "string");
  // A literal whose escapes this reader does not follow is reported whole rather than at a wrong column.
  if (offsets.length !== value.length + 1) return undefined;
  return { node, value, offsets: offsets.map((o) => start + o), quote: raw[0] ?? '"' };
}

/**
 * The source range of `span`, a span of `input`, when `input` and the
 * literal's value line up: the same text, the value trimmed (`input` inside
 * it), or the value inside a composed text (`rate=10, period=1x`).
 */
export function rangeIn(
  literal: LiteralText,
  input: string,
  span: Span,
  options: { readonly widen: boolean } = { widen: true },
): readonly [number, number] | undefined {
  const { value } = literal;
  let shift: number | undefined;
  if (input === value) shift = 0;
  else if (input !== "" && value.includes(input)) shift = value.indexOf(input);
  else if (value !== "" && input.includes(value)) shift = occurrenceHolding(input, value, span);
  if (shift === undefined || span.start < 0 || span.end > input.length || span.start > span.end) return undefined;
  let start = span.start + shift;
  let end = span.end + shift;
  if (start < 0 || end > value.length) return undefined;
  // An empty span marks a position: show the character there, if there is one.
  if (options.widen && start === end && end < value.length) end++;
  else if (options.widen && start === end && start > 0) start--;
  return [literal.offsets[start] ?? 0, literal.offsets[end] ?? 0];
}

/** Minus the offset of the occurrence of `value` in `input` that holds `span`. */
function occurrenceHolding(input: string, value: string, span: Span): number | undefined {
  for (let at = input.indexOf(value); at >= 0; at = input.indexOf(value, at + 1)) {
    if (at <= span.start && span.end <= at + value.length) return -at;
  }
  return undefined;
}

/** ESLint's `loc` for a range of source offsets. */
export function locOf(sourceCode: SourceCode, range: readonly [number, number]): AST.SourceLocation {
  return { start: sourceCode.getLocFromIndex(range[0]), end: sourceCode.getLocFromIndex(range[1]) };
}
