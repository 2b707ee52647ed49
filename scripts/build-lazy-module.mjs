// The per-module build's chevrotain parser (dist/modules/expression/lazy-chevrotain-parse.js):
// chevrotain, its grammar and the parser bundled into one module whose body runs on the first
// call of fullParser(), the first invalid expression. esbuild's own lazy form (a `require` of
// an ES module) wraps every bundled module and costs ~4 KB gzipped of tree-shaking; this
// bundles them eagerly, tree-shaken, and moves the body into a function instead.
import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import ts from "typescript";

/**
 * Writes `outfile`: the ES module bundle of `entry` (which must export
 * `parseWithChevrotain`), its imports kept at the top and its body run on
 * the first call of the exported `fullParser()`.
 */
export async function buildLazyModule({ entry, outfile, options }) {
  const result = await build({ ...options, entryPoints: [entry], outfile, format: "esm", write: false });
  const code = result.outputFiles.find((f) => f.path.endsWith(".js"));
  const map = result.outputFiles.find((f) => f.path.endsWith(".js.map"));
  if (code === undefined || map === undefined) throw new Error(`${entry}: expected a .js file and its source map`);

  const text = code.text.replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n");
  const file = ts.createSourceFile(outfile, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const imports = file.statements.filter((s) => ts.isImportDeclaration(s));
  const exports = file.statements.filter((s) => ts.isExportDeclaration(s) || ts.isExportAssignment(s));
  const exported = exports.length === 1 && ts.isExportDeclaration(exports[0]) ? exports[0].exportClause : undefined;
  const element =
    exported !== undefined && ts.isNamedExports(exported)
      ? exported.elements.find((e) => e.name.text === "parseWithChevrotain")
      : undefined;
  if (element === undefined) throw new Error(`${entry}: expected one export statement, of parseWithChevrotain`);

  // Imports go to the top (they are hoisted anyway); each leaves its lines blank, so the body's lines keep their order.
  const blank = (node) => ({ start: node.getStart(), end: node.end, text: text.slice(node.getStart(), node.end).replace(/[^\n]/g, "") });
  const edits = [...imports.map(blank), { ...blank(exports[0]), text: `return ${(element.propertyName ?? element.name).text};\n}` }];
  let body = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
  const head = [
    ...imports.map((node) => text.slice(node.getStart(), node.end).replace(/\s*\n\s*/g, " ")),
    "",
    "// Evaluated on the first invalid expression: a process that meets only valid ones never runs chevrotain.",
    "let parser;",
    "export function fullParser() {",
    "  parser ??= load();",
    "  return parser;",
    "}",
    "function load() {",
  ];
  writeFileSync(outfile, `${head.join("\n")}\n${body}//# sourceMappingURL=${basename(outfile)}.map\n`);

  // Every line of the body moved down by the head's lines: as many empty lines lead the map.
  const parsed = JSON.parse(map.text);
  writeFileSync(`${outfile}.map`, JSON.stringify({ ...parsed, mappings: ";".repeat(head.length) + parsed.mappings }));
}
