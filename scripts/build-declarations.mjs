// The CommonJS twin of each declaration file: for `require`, TypeScript reads `.d.cts` files,
// and their relative imports must name `.cjs` files (which resolve to the `.d.cts` twins) or
// a CommonJS consumer would be handed ESM types. Used by scripts/build.mjs.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** `from "./x.js"`, `import("../y.js")`, `import "./z.js"`: a relative specifier of a declaration file. */
const RELATIVE_SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"']*?)\.js\2/g;

/** The declaration text for CommonJS: relative `.js` specifiers become `.cjs`. */
export function toCjsDeclaration(text, { defaultAsExportEquals = false } = {}) {
  const converted = text.replace(RELATIVE_SPECIFIER, (_, lead, quote, path) => `${lead}${quote}${path}.cjs${quote}`);
  if (!defaultAsExportEquals) return converted;
  // The CommonJS file assigns the default export to module.exports (scripts/build.mjs); the types say so.
  const match = /^export default (\w+);$/m.exec(converted);
  if (match === null) throw new Error("expected `export default <name>;` in a declaration file converted to `export =`");
  return converted.replace(match[0], `export = ${match[1]};`);
}

/**
 * Writes `x.d.cts` beside every `x.d.ts` under `dir`. The files named in
 * `defaultAsExportEquals` (as their `.d.cts` path) get `export =` for their
 * default export.
 */
export function writeCjsDeclarations(dir, { defaultAsExportEquals = [] } = {}) {
  const pending = new Set(defaultAsExportEquals.map((file) => resolve(file)));
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
    const path = resolve(join(entry.parentPath, entry.name));
    const target = path.replace(/\.d\.ts$/, ".d.cts");
    const text = toCjsDeclaration(readFileSync(path, "utf8"), { defaultAsExportEquals: pending.delete(target) });
    writeFileSync(target, text);
  }
  if (pending.size > 0) throw new Error(`no declaration file for ${[...pending].join(", ")}`);
}
