// Which node types the rules ask ESLint for: every call, and, only where a
// parser can produce them, the nodes that carry type annotations.
import type { Rule } from "eslint";
import * as espree from "espree";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import { visitSites } from "../../src/eslint/visit.js";

const text = `import { Client } from "@upstash/workflow";\nnew Client().trigger({ url: "https://e.com" });\n`;

function listenersFor(parser: unknown, source = text): string[] {
  const ast = espree.parse(source, { ecmaVersion: "latest", sourceType: "module" });
  const context = { sourceCode: { text: source, ast, parserServices: {} }, languageOptions: { parser } } as unknown as Rule.RuleContext;
  return Object.keys(visitSites(context, () => undefined)).sort();
}

describe("visitSites", () => {
  it("asks espree's files for calls alone: they hold no type annotations", () => {
    expect(listenersFor(espree)).toEqual(["CallExpression"]);
  });

  it("asks other parsers' files for annotated declarations and `satisfies` too", () => {
    expect(listenersFor(tsParser)).toEqual(["CallExpression", "TSSatisfiesExpression", "VariableDeclarator"]);
    expect(listenersFor(undefined)).toEqual(["CallExpression", "TSSatisfiesExpression", "VariableDeclarator"]);
  });

  it("asks nothing of a file that names no SDK", () => {
    expect(listenersFor(espree, "foo.trigger({ url: 1 });\n")).toEqual([]);
  });
});
