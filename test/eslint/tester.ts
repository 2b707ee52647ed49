import { RuleTester } from "@typescript-eslint/rule-tester";
import type { Rule } from "eslint";
import { afterAll, describe, it } from "vitest";

// @typescript-eslint/rule-tester runs its cases as vitest tests.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** typescript-eslint's RuleTester types its rules with its own module type; ours is ESLint's. */
export function asTested(rule: Rule.RuleModule): Parameters<RuleTester["run"]>[1] {
  return rule as unknown as Parameters<RuleTester["run"]>[1];
}

export const WORKFLOW = `import { Client } from "@upstash/workflow";\nconst client = new Client({ token: "t" });\n`;
export const QSTASH = `import { Client } from "@upstash/qstash";\nconst qstash = new Client({ token: "t" });\n`;

/**
 * Where `needle` sits in `code` (its first appearance right after `after`,
 * when given), as ESLint reports it: 1-based lines and columns, the end
 * exclusive. It finds the text in the source, so a report inside a literal
 * only matches when the rule stepped over every escape before it.
 */
export function at(code: string, needle: string, after = ""): { line: number; column: number; endLine: number; endColumn: number } {
  const anchor = code.indexOf(after);
  const index = anchor < 0 ? -1 : code.indexOf(needle, anchor + after.length);
  if (index < 0) throw new Error(`\`${needle}\` does not occur after \`${after}\``);
  const position = (offset: number) => {
    const before = code.slice(0, offset).split("\n");
    return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  };
  const start = position(index);
  const end = position(index + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
