import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { parse } from "../../expression/parse.js";
import { printExpression } from "../../expression/print.js";
import { toFlowControlOptions } from "../../flow-control/convert.js";
import { tryFormatFlowControlValue } from "../../flow-control/format.js";
import { parseFlowControlValue } from "../../flow-control/parse.js";
import { OPTION_TABLE } from "../../request/table.js";
import { itemsOf, objectsOf } from "../check-site.js";
import { escapeFor } from "../literal.js";
import { literalText } from "../locate.js";
import type { Static } from "../static.js";
import { visitSites } from "../visit.js";

/*
 * `retry-delay/canonical`: values written the way the library prints them,
 * fixed automatically. Only values with a printer whose output means the same
 * are touched: retry-delay expressions (`1000*(1+retried)` → `1000 * (1 +
 * retried)`) and flow-control header values (`rate=10,parallelism=5` →
 * `parallelism=5, rate=10`). An invalid value is left to valid-options.
 */

type Canonical = (text: string) => string | undefined;

function canonicalExpression(text: string): string | undefined {
  const parsed = parse(text);
  return parsed.ok && parsed.diagnostics.length === 0 ? printExpression(parsed.value) : undefined;
}

function canonicalFlowControl(text: string): string | undefined {
  const parsed = parseFlowControlValue(text);
  if (!parsed.ok || parsed.diagnostics.length > 0) return undefined;
  const formatted = tryFormatFlowControlValue(toFlowControlOptions(parsed.value));
  return formatted.ok ? formatted.value : undefined;
}

const row = (option: string) => OPTION_TABLE.find((r) => r.option === option);
const retryDelay = row("retryDelay");
const flowControl = row("flowControl");

/** The options written as expressions, by the table's option name. */
const BY_OPTION: ReadonlyMap<string, Canonical> = new Map(retryDelay === undefined ? [] : [[retryDelay.option, canonicalExpression]]);

/** Raw `Upstash-*` headers in `headers` (qstash passes them through as they are), lower-cased, by the table's header names. */
const BY_HEADER: ReadonlyMap<string, Canonical> = new Map([
  ...(retryDelay?.kind === "header" ? retryDelay.headers.map((h): [string, Canonical] => [h.toLowerCase(), canonicalExpression]) : []),
  ...(flowControl?.kind === "header" && flowControl.headers[1] !== undefined
    ? [[flowControl.headers[1].toLowerCase(), canonicalFlowControl] as [string, Canonical]]
    : []),
]);

export const canonical: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: {
      description: "Write retry-delay expressions and flow-control values in the library's canonical form (autofix)",
      recommended: false,
    },
    fixable: "code",
    schema: [],
    messages: { canonical: "write `{{canonical}}`, the canonical form" },
  },
  create(context) {
    const seen = new Set<ESTree.Node>();
    const sourceCode = context.sourceCode;
    const check = (value: Static, canonicalOf: Canonical): void => {
      if (value.kind !== "value" || typeof value.value !== "string") return;
      const literal = literalText(value.node, value.value, sourceCode);
      const wanted = literal === undefined ? undefined : canonicalOf(value.value);
      if (literal === undefined || wanted === undefined || wanted === value.value) return;
      const range: [number, number] = [literal.offsets[0] ?? 0, literal.offsets[literal.value.length] ?? 0];
      context.report({
        node: value.node,
        messageId: "canonical",
        data: { canonical: wanted },
        fix: (fixer) => fixer.replaceTextRange(range, escapeFor(wanted, literal.quote)),
      });
    };
    return visitSites(context, (site) => {
      for (const item of objectsOf(site, sourceCode, seen).flatMap(({ root }) => itemsOf(root))) {
        for (const [name, entry] of item.entries) {
          const byOption = BY_OPTION.get(name);
          if (byOption !== undefined) check(entry.value, byOption);
          if (name !== "headers" || entry.value.kind !== "object") continue;
          for (const [header, forwarded] of entry.value.entries) {
            const byHeader = BY_HEADER.get(header.toLowerCase());
            if (byHeader !== undefined) check(forwarded.value, byHeader);
          }
        }
      }
    });
  },
};
