// The package's layout, read from package.json's `exports`: the one list of entries that the
// build (scripts/build.mjs), the bundle-size report (bench/bundle-size.mjs) and the package
// tests read. Each subpath names its four files:
//
//   "module"   per-module ESM for bundlers (dist/modules/…), so each import pulls only its modules
//   "import"   one ESM bundle per entry with shared chunks, for Node (fast cold start)
//   "require"  the same chunks as CommonJS (dist/cjs/…), with `.d.cts` types
//
// and the source file is found from the types path: dist/types/adapters/bullmq.d.ts is
// src/adapters/bullmq.ts.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** package.json, parsed. */
export const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8"));

/**
 * Every entry of the package: its subpath (`.`, `./bullmq`), its name in
 * dist (`index`, `bullmq`), its source file, and the four targets.
 */
export function packageEntries() {
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target !== "object" || target === null) continue;
    const esm = target.import;
    const cjs = target.require;
    if (typeof esm?.default !== "string" || typeof cjs?.default !== "string")
      throw new Error(`exports["${subpath}"] needs import and require`);
    const source = esm.types.replace(/^\.\/dist\/types\//, "src/").replace(/\.d\.ts$/, ".ts");
    entries.push({
      subpath,
      specifier: subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`,
      name: basename(esm.default, ".js"),
      source,
      module: target.module,
      import: esm.default,
      types: esm.types,
      require: cjs.default,
      requireTypes: cjs.types,
    });
  }
  return entries;
}
