// The CommonJS conversion of the build's intermediate ESM files (scripts/build.mjs) where each
// file's exports are assigned once rather than defined as getters, and the import graph checks
// that decide where that, and the eager compilation of scripts/eager-functions.mjs, are safe.
import { build } from "esbuild";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";

/**
 * `esmFile` (an output of the intermediate ESM build), built with esbuild `options` as
 * CommonJS that assigns each export to `exports` as its body ends. esbuild's own conversion
 * defines each export as a getter, `name: () => name`, through helpers (`__export`,
 * `__copyProps`, `__toCommonJS`): one more function literal per export for V8 to compile at
 * every start (a chunk of the root exports 79), and a getter call at every use of the export
 * from another file. The package's modules export functions, classes and constants, never a
 * binding that changes, so a getter gains nothing. Node's cjs-module-lexer reads
 * `exports.name =`, so `import { compile } from` the file still names every export.
 */
export async function plainCommonJs(esmFile, outfile, options) {
  const scan = await build({ entryPoints: [esmFile], bundle: false, write: false, metafile: true, format: "esm", logLevel: "warning" });
  const names = Object.values(scan.metafile.outputs)[0].exports;
  const list = names.join(", ");
  await build({
    ...options,
    stdin: {
      contents: [
        `import { ${list} } from ${JSON.stringify(esmFile)};`,
        'Object.defineProperty(exports, "__esModule", { value: true });',
        ...names.map((name) => `exports.${name} = ${name};`),
      ].join("\n"),
      resolveDir: dirname(esmFile),
      sourcefile: `${basename(esmFile, ".js")}-commonjs.js`,
      loader: "js",
    },
    banner: { js: '"use strict";' },
    outfile,
    sourcesContent: true,
  });
  generatedSourcesInline(`${outfile}.map`);
}

/**
 * Keeps in the source map at `mapFile` the text of the sources that this build generated (the
 * export assignments above, the renderer's forwarding functions), which exist in no shipped
 * file, and drops the rest's, which ship in src/.
 */
function generatedSourcesInline(mapFile) {
  const map = JSON.parse(readFileSync(mapFile, "utf8"));
  map.sourcesContent = map.sources.map((source, i) => (source.startsWith("../../src/") ? null : map.sourcesContent[i]));
  writeFileSync(mapFile, JSON.stringify(map));
}

/** The sibling files that `file` imports (`from "./x.js"`, `import "./x.js"`) or requires (`require("./x.cjs")`). */
function siblingImports(file) {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/\b(?:from|import|require\()\s*"\.\/([\w.-]+\.c?js)"/g)].map((m) => `${dirname(file)}/${m[1]}`);
}

/** Whether a chain of `file`'s imports leads back to it. */
export function inImportCycle(file) {
  const seen = new Set();
  const pending = siblingImports(file);
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === file) return true;
    if (seen.has(next) || !existsSync(next)) continue;
    seen.add(next);
    pending.push(...siblingImports(next));
  }
  return false;
}

/**
 * Whether plainCommonJs may convert `esmFile`: it has no default export (whose CommonJS form
 * is esbuild's to decide), and no chain of its imports leads back to it. Its exports are
 * assigned as its body ends, so a file that a cycle re-entered would find them missing, where
 * esbuild's getters, defined first, would give each hoisted function.
 */
export function plainExportsFit(esmFile) {
  return !/\bas default\b|\bexport default\b/.test(readFileSync(esmFile, "utf8")) && !inImportCycle(esmFile);
}
