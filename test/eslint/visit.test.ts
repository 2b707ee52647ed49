// Which node types the rules ask ESLint for: every call, and, only where a
// parser can produce them, the nodes that carry type annotations. Run under
// ESLint itself, with its default parser (espree) and typescript-eslint's.
import { Linter, type Rule } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { visitSites } from "../../src/eslint/visit.js";

const text = `import { Client } from "@upstash/workflow";\nnew Client().trigger({ url: "https://e.com" });\n`;

function listenersFor(parser: Linter.Parser | undefined, source = text): string[] {
  let keys: string[] = [];
  const rule: Rule.RuleModule = {
    create(context) {
      const listener = visitSites(context, () => undefined);
      keys = Object.keys(listener).sort();
      return listener;
    },
  };
  const config: Linter.Config = {
    plugins: { probe: { rules: { visit: rule } } },
    rules: { "probe/visit": "error" },
    ...(parser === undefined ? {} : { languageOptions: { parser } }),
  };
  const messages = new Linter().verify(source, config, { filename: "a.js" });
  expect(messages.filter((m) => m.fatal === true)).toEqual([]);
  return keys;
}

describe("visitSites", () => {
  it("asks espree's files for calls alone: they hold no type annotations", () => {
    expect(listenersFor(undefined)).toEqual(["CallExpression"]);
  });

  it("asks typescript-eslint's files for annotated declarations and `satisfies` too", () => {
    expect(listenersFor(tseslint.parser)).toEqual(["CallExpression", "TSSatisfiesExpression", "VariableDeclarator"]);
  });

  it("asks nothing of a file that names no SDK", () => {
    expect(listenersFor(undefined, "foo.trigger({ url: 1 });\n")).toEqual([]);
  });
});
