import type { SourceCode } from "eslint";
import type * as ESTree from "estree";
import { checkCall, type CallShape } from "../client/check.js";
import type { BuildOptions } from "../request/options.js";
import type { OptionDiagnostic } from "../trigger/codes.js";
import { place, type Place } from "./locate.js";
import type { Site } from "./sites.js";
import { readStatic, toValue, type Entry, type Static } from "./static.js";

/** One diagnostic and where it goes in the source. */
export interface Finding {
  readonly diagnostic: OptionDiagnostic;
  readonly place: Place;
}

/** One options object (or, for a batch, the array of them) as read, with the shape it is checked as. */
export interface CheckedObject {
  readonly shape: CallShape;
  readonly root: Static & { kind: "object" | "array" };
}

/**
 * `retryDelay` is checked over `retries` when that is a literal. When it is
 * not, the check covers the first retry (`retried = 0`) alone, which every
 * message that retries at all reaches: what is wrong there is wrong for any
 * `retries`.
 */
const RETRIES_WHEN_DYNAMIC = 1;

/** The literal options of a site, each read once (`seen` holds the ones already checked in this file). */
export function objectsOf(site: Site, sourceCode: SourceCode, seen: Set<ESTree.Node>): CheckedObject[] {
  const root = readStatic(site.options, sourceCode);
  if ((root.kind !== "object" && !(root.kind === "array" && site.shape.batch)) || seen.has(root.node)) return [];
  seen.add(root.node);
  if (root.kind === "array") {
    for (const item of root.items) seen.add(item.node);
    return [{ shape: site.shape, root }];
  }
  return [{ shape: site.shape, root: withQueue(root, site, sourceCode) }];
}

/** The option objects a checked root holds: itself, or a batch's items. */
export function itemsOf(root: CheckedObject["root"]): (Static & { kind: "object" })[] {
  return root.kind === "object" ? [root] : root.items.filter((item): item is Static & { kind: "object" } => item.kind === "object");
}

/** Every diagnostic the library finds in a site's literal options, placed in the source. */
export function checkSite(site: Site, sourceCode: SourceCode, build: BuildOptions, seen: Set<ESTree.Node>): Finding[] {
  const findings: Finding[] = [];
  for (const { shape, root } of objectsOf(site, sourceCode, seen)) {
    for (const diagnostic of checkRoot(shape, root, build)) {
      const at = place(root, diagnostic, sourceCode);
      if (at !== undefined) findings.push({ diagnostic, place: at });
    }
  }
  return findings;
}

function checkRoot(shape: CallShape, root: CheckedObject["root"], build: BuildOptions): readonly OptionDiagnostic[] {
  if (root.kind === "array") return remembered(shape, root.items.map(valueOf), build);
  if (!shape.batch) return remembered(shape, valueOf(root), build);
  // One object of a batch type (`satisfies PublishBatchRequest`) is checked as a batch of one, its `[0]` dropped.
  return remembered(shape, [valueOf(root)], build).map((d) => {
    const item: { -readonly [K in keyof OptionDiagnostic]: OptionDiagnostic[K] } = { ...d, path: d.path.replace(/^\[0\]\.?/, "") };
    delete item.index;
    return item;
  });
}

/**
 * The same literal options recur across a code base (a shared `retries` and
 * `retryDelay`, the same flow control with a dynamic key): their diagnostics
 * are kept, keyed by the shape, the plan and the value's text, for the rest of
 * the lint run. Bounded, oldest out first. Only `notBefore` depends on the
 * clock, and a time that was past stays past.
 */
const MEMO_SIZE = 4096;
const memo = new Map<string, readonly OptionDiagnostic[]>();

function remembered(shape: CallShape, value: unknown, build: BuildOptions): readonly OptionDiagnostic[] {
  const valueKey = keyOf(value);
  if (valueKey === undefined) return checkCall(shape, value, build);
  const key = `${shape.endpoint}|${String(shape.batch)}|${String(shape.partial)}|${build.plan ?? ""}|${valueKey}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const found = checkCall(shape, value, build);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value ?? "");
  memo.set(key, found);
  return found;
}

/**
 * The value as a key that tells apart what the builders tell apart: a string
 * from a number (`"10"`, `10`), `undefined` from a missing key, `-0`, `NaN`
 * and the infinities. toValue's values are literals and plain arrays and
 * objects of them, so a hand walk serves, with no replacer called per node;
 * anything else has no key and is checked without the memo.
 */
function keyOf(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "boolean":
      return value ? "t" : "f";
    case "undefined":
      return "u";
    case "object":
      return value === null ? "n" : Array.isArray(value) ? listKey(value) : objectKey(value);
    default:
      return undefined;
  }
}

function listKey(items: readonly unknown[]): string | undefined {
  let key = "[";
  for (const item of items) {
    const inner = keyOf(item);
    if (inner === undefined) return undefined;
    key += `${inner},`;
  }
  return `${key}]`;
}

function objectKey(value: object): string | undefined {
  let key = "{";
  for (const [name, item] of Object.entries(value)) {
    const inner = keyOf(item);
    if (inner === undefined) return undefined;
    key += `${JSON.stringify(name)}:${inner},`;
  }
  return `${key}}`;
}

/** The value the builder checks: dynamic parts left out, a dynamic `retries` as RETRIES_WHEN_DYNAMIC. */
function valueOf(item: Static): unknown {
  const value = toValue(item);
  if (item.kind === "object" && item.entries.get("retries")?.value.kind === "dynamic")
    (value as Record<string, unknown>).retries = RETRIES_WHEN_DYNAMIC;
  return value;
}

/** An enqueue's options with the queue's `queueName`, which the SDK takes from `client.queue({ queueName })`. */
function withQueue(item: Static & { kind: "object" }, site: Site, sourceCode: SourceCode): Static & { kind: "object" } {
  if (site.queue === undefined) return item;
  const queue = site.queue === "unknown" ? undefined : readStatic(site.queue, sourceCode);
  const given = queue?.kind === "object" ? queue.entries.get("queueName") : undefined;
  // A queue whose options the source does not fix may have any name.
  const entry: Entry | undefined =
    given ?? (queue?.kind === "object" && !queue.open ? undefined : { key: item.node, value: { kind: "dynamic", node: item.node } });
  if (entry === undefined) return item;
  return { ...item, entries: new Map([...item.entries, ["queueName", entry]]) };
}
