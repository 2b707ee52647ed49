import { isPlainObjectLike, snapshotOwn } from "../diagnostics/own.js";
import { showValue } from "../diagnostics/show.js";
import type { Span } from "../diagnostics/diagnostic.js";
import { FLOW_CONTROL_FIELDS, type FlowControlField } from "./fields.js";
import type { FlowControlOptions } from "./types.js";

/*
 * The object form → the header value, exactly as the official SDKs write it:
 * the table's order (`parallelism`, `rate`, `period`), joined by `", "`, each
 * field `name ?? alias` (`rate ?? ratePerSecond`), a numeric period `n`
 * written `ns`. No checks here; `check.ts` checks.
 */

/** One written part of the value: `rate=10` at `start`, and where its value begins. */
export interface Part {
  readonly field: FlowControlField;
  /** The option the value came from: the field's name, or a deprecated alias. */
  readonly option: string;
  readonly value: unknown;
  readonly span: Span;
  readonly valueSpan: Span;
}

/** The header value the SDK writes for these options, and where each part lies in it. */
export function flowControlParts(options: FlowControlOptions): { readonly text: string; readonly parts: readonly Part[] } {
  const parts: Part[] = [];
  let text = "";
  for (const field of FLOW_CONTROL_FIELDS) {
    const source = sourceOf(options, field);
    if (source === undefined) continue;
    if (text !== "") text += ", ";
    const start = text.length;
    const shown = field.kind === "period" && typeof source.value === "number" ? `${showValue(source.value)}s` : showValue(source.value);
    text += `${field.name}=${shown}`;
    parts.push({
      field,
      option: source.option,
      value: source.value,
      span: { start, end: text.length },
      valueSpan: { start: text.length - shown.length, end: text.length },
    });
  }
  return { text, parts };
}

/** The first of the field's name and its deprecated aliases that is set, as the SDKs pick it (`rate ?? ratePerSecond`). */
function sourceOf(options: FlowControlOptions, field: FlowControlField): { option: string; value: unknown } | undefined {
  const own = options as Readonly<Record<string, unknown>>;
  for (const option of [field.name, ...field.deprecatedOptions]) {
    // Table names only, never caller text; the object is the caller's own-field snapshot.
    const value = own[option];
    if (value !== undefined) return { option, value };
  }
  return undefined;
}

/** The caller's own fields, read once; undefined for a non-object or one that cannot be read (a revoked Proxy, a throwing getter). */
export function ownFields(options: unknown): FlowControlOptions | undefined {
  if (!isPlainObjectLike(options)) return undefined;
  const read = snapshotOwn(options);
  return read.ok ? read.value : undefined;
}
