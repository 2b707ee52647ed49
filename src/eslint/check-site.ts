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
  if (root.kind === "array") return checkCall(shape, root.items.map(valueOf), build);
  if (!shape.batch) return checkCall(shape, valueOf(root), build);
  // One object of a batch type (`satisfies PublishBatchRequest`) is checked as a batch of one, its `[0]` dropped.
  return checkCall(shape, [valueOf(root)], build).map((d) => {
    const { index: _index, ...rest } = d;
    return { ...rest, path: d.path.replace(/^\[0\]\.?/, "") };
  });
}

/** The value the builder checks: dynamic parts left out, a dynamic `retries` as RETRIES_WHEN_DYNAMIC. */
function valueOf(item: Static): unknown {
  const value = toValue(item);
  if (item.kind === "object" && item.entries.get("retries")?.value.kind === "dynamic") (value as Record<string, unknown>).retries = RETRIES_WHEN_DYNAMIC;
  return value;
}

/** An enqueue's options with the queue's `queueName`, which the SDK takes from `client.queue({ queueName })`. */
function withQueue(item: Static & { kind: "object" }, site: Site, sourceCode: SourceCode): Static & { kind: "object" } {
  if (site.queue === undefined) return item;
  const queue = site.queue === "unknown" ? undefined : readStatic(site.queue, sourceCode);
  const given = queue?.kind === "object" ? queue.entries.get("queueName") : undefined;
  // A queue whose options the source does not fix may have any name.
  const entry: Entry | undefined = given ?? (queue?.kind === "object" && !queue.open ? undefined : { key: item.node, value: { kind: "dynamic", node: item.node } });
  if (entry === undefined) return item;
  return { ...item, entries: new Map([...item.entries, ["queueName", entry]]) };
}
