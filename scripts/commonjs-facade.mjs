// The CommonJS twin of an entry that only re-exports its chunks (dist/cjs/index.cjs): each export
// is a getter that requires its chunk on first read, so `require("retry-delay")` loads no chunk
// until the application reads an export, and then only that export's chunks. The root re-exports
// ~110 names from six chunks; `const { compile } = require("retry-delay")` needs three of them.
//
// In CommonJS a `require` inside a function is synchronous and every bundler follows its literal
// path, so this costs no bundler anything; esbuild's own conversion (which the entries with code
// of their own keep) requires every chunk up front.
//
// The getters are made by one loop over a string that names every export, not written out one
// function literal each: V8 compiles the facade at every start, and ~110 getter literals in an
// object literal cost `require("retry-delay")` 3.2M instructions (callgrind, Node 20, over a
// one-line `require`) where the loop costs 1.3M.
import { readFileSync } from "node:fs";
import ts from "typescript";

/**
 * The facade for the ESM file `esmFile` (an output of the intermediate ESM build), whose
 * `./x.js` imports become `./x.cjs` requires; undefined when the file has code of its own
 * besides its imports and one `export { … }` of them.
 */
export function commonJsFacade(esmFile) {
  const text = readFileSync(esmFile, "utf8").replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n");
  const file = ts.createSourceFile(esmFile, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** Each local name: the chunk it comes from and its name there. */
  const locals = new Map();
  let exported;
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      const from = statement.moduleSpecifier.text;
      // A chunk imported for its evaluation alone: the package declares `"sideEffects": false`,
      // and each chunk that uses it requires it, so the facade need not.
      if (statement.importClause === undefined && /^\.\/[\w.-]+\.js$/.test(from)) continue;
      if (statement.importClause?.name !== undefined || bindings === undefined || !ts.isNamedImports(bindings)) return undefined;
      if (!/^\.\/[\w.-]+\.js$/.test(from)) return undefined;
      for (const element of bindings.elements)
        locals.set(element.name.text, { chunk: from.replace(/\.js$/, ".cjs"), name: (element.propertyName ?? element.name).text });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier === undefined && exported === undefined) {
      const clause = statement.exportClause;
      if (clause === undefined || !ts.isNamedExports(clause)) return undefined;
      exported = clause.elements.map((element) => ({ as: element.name.text, local: (element.propertyName ?? element.name).text }));
    } else return undefined;
  }
  if (exported === undefined) return undefined;

  const chunks = [...new Set(exported.map((e) => locals.get(e.local)?.chunk))];
  if (chunks.includes(undefined)) return undefined;
  // One string lists every export, in order: `i:as`, or `i:as:name` where chunk i names it otherwise.
  const list = exported
    .map(({ as, local }) => {
      const { chunk, name } = locals.get(local);
      return [chunks.indexOf(chunk), as, ...(name === as ? [] : [name])].join(":");
    })
    .join(" ");
  if (/[^\w$: ]/.test(list)) return undefined;
  const lines = [
    '"use strict";',
    "// Each export requires its chunk on first read (scripts/commonjs-facade.mjs says why).",
    `let ${chunks.map((_, i) => `loaded${i}`).join(", ")};`,
    `const chunks = [${chunks.map((chunk, i) => `() => (loaded${i} ??= require(${JSON.stringify(chunk)}))`).join(", ")}];`,
    'Object.defineProperty(exports, "__esModule", { value: true });',
    `for (const entry of ${JSON.stringify(list)}.split(" ")) {`,
    '  const [i, as, name = as] = entry.split(":");',
    "  const chunk = chunks[i];",
    "  Object.defineProperty(exports, as, { enumerable: true, get: () => chunk()[name] });",
    "}",
  ];
  return `${lines.join("\n")}\n`;
}
