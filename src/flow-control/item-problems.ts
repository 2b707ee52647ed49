import type { Fix, Span } from "../diagnostics/diagnostic.js";
import { closestName } from "../diagnostics/suggest.js";
import { flowDiagnostic, type FlowControlDiagnostic } from "./codes.js";
import { FIELD_NAMES, fieldNamed, listNames, PERIOD_FIELD } from "./fields.js";
import { emptyItemRemoval, removalSpan, type Item, type Pair } from "./items.js";

/*
 * The diagnostics of one item's shape, each with its repair as data where
 * one exists: a `fix` when the repair is certain and keeps the intent
 * (a stray comma, spaces around `=`, `Rate` for `rate`), `suggestions` when
 * the user must choose (which of two repeated keys to keep).
 */

export function emptyItem(item: Item, index: number): FlowControlDiagnostic {
  const at = { start: item.span.start, end: item.span.start };
  const fix: Fix = { span: emptyItemRemoval(item, index), text: "", message: "remove the extra comma" };
  return flowDiagnostic("empty-item", "empty item between commas", at, { hint: "remove the extra comma", fix });
}

export function spacedEquals(item: Item, pair: Pair): FlowControlDiagnostic {
  const written = `${pair.key}=${pair.value}`;
  const fix: Fix = { span: item.span, text: written, message: `write \`${written}\`` };
  return flowDiagnostic("spaces-around-equals", "spaces around `=`", item.span, { hint: `write \`${written}\``, fix });
}

export function missingEquals(raw: string, span: Span): FlowControlDiagnostic {
  // A bare word is most often a key without its value; `rate` is the field most values set.
  const field = fieldNamed(closestName(raw, FIELD_NAMES) ?? PERIOD_FIELD.shapes) ?? PERIOD_FIELD;
  return flowDiagnostic("missing-equals", `expected \`key=value\`, found \`${raw}\``, span, {
    hint: `write e.g. \`${field.name}=${field.example}\``,
  });
}

/** `Rate` is certainly `rate` (a fix); `paralellism` is probably `parallelism` (a suggestion). */
export function unknownKey(pair: Pair): FlowControlDiagnostic {
  const suggestion = closestName(pair.key, FIELD_NAMES);
  if (suggestion === undefined)
    return flowDiagnostic("unknown-key", `unknown key \`${pair.key}\``, pair.keySpan, { hint: `the keys are ${listNames(FIELD_NAMES)}` });
  const edit: Fix = { span: pair.keySpan, text: suggestion, message: `replace \`${pair.key}\` with \`${suggestion}\`` };
  const caseOnly = suggestion.toLowerCase() === pair.key.toLowerCase();
  return flowDiagnostic("unknown-key", `unknown key \`${pair.key}\``, pair.keySpan, {
    hint: `did you mean \`${suggestion}\`?`,
    ...(caseOnly ? { fix: edit } : { suggestions: [edit] }),
  });
}

/** The second `rate=`: keep either one; which is meant, only the user knows. */
export function repeatedKey(
  text: string,
  items: readonly Item[],
  at: { readonly index: number; readonly first: number },
  name: string,
): FlowControlDiagnostic {
  const shown = (i: number): string => {
    const span = items[i]?.span ?? { start: 0, end: 0 };
    return `\`${text.slice(span.start, span.end)}\``;
  };
  const keySpan = items[at.index]?.pair?.keySpan ?? { start: 0, end: 0 };
  const firstKeySpan = items[at.first]?.pair?.keySpan ?? { start: 0, end: 0 };
  const suggestions: Fix[] = [
    { span: removalSpan(items, at.index), text: "", message: `remove ${shown(at.index)}, keep ${shown(at.first)}` },
    { span: removalSpan(items, at.first), text: "", message: `remove ${shown(at.first)}, keep ${shown(at.index)}` },
  ];
  return flowDiagnostic("repeated-key", `\`${name}\` is given more than once`, keySpan, {
    hint: "keep one",
    related: [{ span: firstKeySpan, message: "first given here" }],
    suggestions,
  });
}
