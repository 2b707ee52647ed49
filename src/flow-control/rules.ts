import type { Fix, Span } from "../diagnostics/diagnostic.js";
import { formatDuration } from "../duration/format.js";
import { flowDiagnostic, SERVER_MISSING_LIMIT, type FlowControlDiagnostic } from "./codes.js";
import { COUNT_FIELDS, fieldNamed, FLOW_CONTROL_FIELDS, type FieldName, type FlowControlField } from "./fields.js";
import { countMeaning } from "./field-values.js";
import { removalSpan, type Item } from "./items.js";

/*
 * Rules over the fields of one value taken together: a value needs a limit,
 * and a field that only shapes another (the period shapes the rate) has no
 * effect without it.
 */

/** One field as written: its row, its item, and its value when the value parsed. */
export interface GivenField {
  readonly field: FlowControlField;
  readonly index: number;
  readonly keySpan: Span;
  readonly text: string;
  readonly value?: number;
}

/** What the rules read: the text, its items, the fields written, and the problems so far. */
export interface WrittenValue {
  readonly text: string;
  readonly items: readonly Item[];
  readonly given: ReadonlyMap<string, GivenField>;
  readonly problems: readonly FlowControlDiagnostic[];
}

/** The problems of the fields taken together. */
export function combinationProblems(written: WrittenValue): FlowControlDiagnostic[] {
  // Without any limit, the value is missing-limit's (or a misspelt key's) to explain.
  if (!COUNT_FIELDS.some((f) => written.given.has(f.name))) return missingLimit(written);
  const problems: FlowControlDiagnostic[] = [];
  for (const field of FLOW_CONTROL_FIELDS)
    if (field.kind === "period") problems.push(...shapingWithoutShaped(written, field.name, field.shapes));
  return problems;
}

/** Neither count is written: the server's error, unless an unknown key or a bare word may be the limit, misspelt (that diagnostic says more). */
function missingLimit({ text, problems }: WrittenValue): FlowControlDiagnostic[] {
  if (problems.some((p) => p.code === "unknown-key" || p.code === "missing-equals")) return [];
  const add = COUNT_FIELDS.map((f) => `\`${f.name}=<${countMeaning(f)}>\``).join(", ");
  return [flowDiagnostic("missing-limit", SERVER_MISSING_LIMIT, { start: 0, end: text.length }, { hint: `add ${add}, or both` })];
}

/**
 * `parallelism=2, period=1m`: the period is written, the rate it shapes is
 * not. Two repairs, neither certain: drop the period (nothing changes), or
 * make a written count the shaped one (`rate=2, period=1m`, a new meaning).
 */
function shapingWithoutShaped(written: WrittenValue, name: FieldName, shapes: string): FlowControlDiagnostic[] {
  const shaping = written.given.get(name);
  // An invalid period is refused already; a second diagnostic about it would be noise.
  if (shaping?.value === undefined || written.given.has(shapes)) return [];
  const item = written.items[shaping.index];
  if (item === undefined) return [];
  const shown = written.text.slice(item.span.start, item.span.end);
  const window = formatDuration(shaping.value);
  const suggestions: Fix[] = [
    { span: removalSpan(written.items, shaping.index), text: "", message: `remove \`${shown}\`: without \`${shapes}\` it changes nothing` },
    ...renamings(written, shapes, window),
  ];
  return [
    flowDiagnostic(
      "period-without-rate",
      `\`${shown}\` has no effect without \`${shapes}\`: \`${name}\` is only the window that \`${shapes}\` counts calls in`,
      item.span,
      {
        hint: `remove \`${name}\`, or add \`${shapes}=<calls per ${window}>\` to limit how many calls start per ${window}`,
        suggestions,
      },
    ),
  ];
}

/** Replace a written count's name with the shaped field's: `parallelism=2` → `rate=2`, "at most 2 calls started per 1m". */
function renamings(written: WrittenValue, shapes: string, window: string): Fix[] {
  const target = fieldNamed(shapes);
  if (target?.kind !== "count") return [];
  const fixes: Fix[] = [];
  for (const field of COUNT_FIELDS) {
    const given = written.given.get(field.name);
    if (given?.value === undefined || field.name === target.name) continue;
    const calls = given.value === 1 ? "call" : "calls";
    fixes.push({
      span: given.keySpan,
      text: target.name,
      message: `write \`${target.name}=${given.value}\`: at most ${given.value} ${calls} ${target.reading.replace("{period}", window)}, instead of ${given.value} ${calls} ${field.reading.replace("{period}", window)}`,
    });
  }
  return fixes;
}
