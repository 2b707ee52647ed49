import type { Rule } from "eslint";
import type { Fix } from "../diagnostics/diagnostic.js";
import { editDistance } from "../diagnostics/suggest.js";
import { escapeFor } from "./literal.js";
import { rangeIn, type Place } from "./locate.js";

/*
 * A diagnostic's repairs as ESLint edits. A fix's span points into the
 * diagnostic's input, like the diagnostic's own; inside a string literal the
 * replacement is escaped for the literal's quotes, so the value reads back
 * as the fix says. A key or a number is replaced whole.
 */

/** What the diagnostics carry that a repair needs. */
export interface Repairable {
  readonly input: string;
  readonly hint?: string;
  readonly fix?: Fix;
  readonly suggestions?: readonly Fix[];
  readonly span: { readonly start: number; readonly end: number };
}

/**
 * The repairs a diagnostic offers, best first: its certain fix, its
 * suggestions, and, where it carries neither, the name of a "did you mean
 * `x`?" hint in place of the misspelt word the span covers.
 */
export function repairsOf(d: Repairable): readonly Fix[] {
  const given = [...(d.fix === undefined ? [] : [d.fix]), ...(d.suggestions ?? [])];
  if (given.length > 0) return given;
  const named = didYouMean(d.hint);
  const word = d.input.slice(d.span.start, d.span.end);
  return named !== undefined && /^[A-Za-z_][\w.-]*$/.test(word) ? [{ span: d.span, text: named, message: `write \`${named}\`` }] : [];
}

/** The name in a hint of exactly the form "did you mean `name`?". */
function didYouMean(hint: string | undefined): string | undefined {
  return hint === undefined ? undefined : /^did you mean `([^`\n]+)`\?$/.exec(hint)?.[1];
}

/** Whether `name` is a likely typo of `suggested`: a case-only difference or a small edit distance, not a mere shared prefix (`urlGroup` is not `url`). */
export function isTypoOf(name: string, suggested: string): boolean {
  const a = name.toLowerCase();
  return editDistance(a, suggested.toLowerCase()) <= Math.max(1, Math.floor(a.length / 3));
}

/** An ESLint fixer edit for `fix` at `place`, or undefined when the edit cannot be placed exactly. */
export function edit(fix: Fix, place: Place, input: string): ((fixer: Rule.RuleFixer) => Rule.Fix) | undefined {
  const { literal } = place;
  if (literal !== undefined) {
    const range = rangeIn(literal, input, fix.span, { widen: false });
    if (range === undefined) return undefined;
    const text = escapeFor(fix.text, literal.quote);
    return (fixer) => fixer.replaceTextRange([range[0], range[1]], text);
  }
  // Not a string: only a fix of the whole input can replace the node.
  if (fix.span.start !== 0 || fix.span.end !== input.length) return undefined;
  const node = place.node;
  const text =
    node.type === "Identifier" && !/^[A-Za-z_$][\w$]*$/.test(fix.text)
      ? JSON.stringify(fix.text)
      : node.type === "Literal" && typeof node.value === "string"
        ? JSON.stringify(fix.text)
        : fix.text;
  return (fixer) => fixer.replaceText(node, text);
}
