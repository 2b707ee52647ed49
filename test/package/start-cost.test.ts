import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * The shapes of the built files that decide what V8 does at every start of the
 * package (scripts/build.mjs, scripts/commonjs-facade.mjs). The costs they avoid are
 * measured with callgrind in bench/ and docs/packaging.md; these tests hold the shapes.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = `${root}dist`;

/** Every JavaScript file of dist/, as paths under dist/. */
function builtFiles(dir = ""): string[] {
  return readdirSync(`${dist}/${dir}`, { withFileTypes: true }).flatMap((entry) => {
    const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) return path === "types" ? [] : builtFiles(path);
    return /\.c?js$/.test(entry.name) ? [path] : [];
  });
}

/** The regular-expression literals of `text`. */
function regexLiterals(path: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(node.getText());
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS));
  return found;
}

describe("the built files' start cost", () => {
  if (!existsSync(`${dist}/cjs/index.cjs`)) throw new Error("dist/ is missing: run `npm run build` (npm test does)");

  it("holds no regular-expression literal with a Unicode property escape", () => {
    // V8 checks a literal's pattern while it parses the file, even inside a function never
    // called, and `\p{…}` makes that check build ICU's character sets: ~1.4M instructions of
    // every start that loads the file. Such a pattern is made with `new RegExp` on first use.
    const files = builtFiles();
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((path) => {
      const text = readFileSync(`${dist}/${path}`, "utf8");
      if (!/\\[pP]\{/.test(text)) return [];
      return regexLiterals(path, text)
        .filter((literal) => /\\[pP]\{/.test(literal))
        .map((literal) => `${path}: ${literal}`);
    });
    expect(offending).toEqual([]);
  });

  it("finds a property escape in a literal, and none in a string", () => {
    expect(regexLiterals("a.js", 'const a = /[\\p{Cc}]/u; const b = new RegExp("\\\\p{C}", "u");')).toEqual(["/[\\p{Cc}]/u"]);
  });

  it("makes the root's CommonJS getters with one function literal, not one per export", () => {
    // ~110 getter literals in an object literal cost `require("retry-delay")` 3.2M
    // instructions (Node 20) where one loop over a list of names costs 1.3M.
    const facade = readFileSync(`${dist}/cjs/index.cjs`, "utf8");
    const chunks = facade.match(/\brequire\(/g)?.length ?? 0;
    const functionLiterals = facade.match(/=>|\bfunction\b/g)?.length ?? 0;
    expect(chunks).toBeGreaterThan(1);
    expect(Object.keys(createRequire(import.meta.url)(`${dist}/cjs/index.cjs`) as object).length).toBeGreaterThan(50);
    expect(functionLiterals).toBeLessThanOrEqual(chunks + 1);
  });
});
