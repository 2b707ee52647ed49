// Builds the published JavaScript: one ESM bundle per entry with chevrotain
// inlined and tree-shaken (importing chevrotain 11 unbundled loads lodash-es's
// ~600 modules, about 0.5 s of cold start), then the .d.ts files with tsc.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

/**
 * lodash-es (inside chevrotain 11) finds the global object with
 * `Function("return this")()` and Node's `util` with `module.require`. Neither
 * runs where `globalThis`/`self` exist, but a strict Content-Security-Policy
 * audit flags the string, and the bundle promises no eval of any kind. Both
 * modules are replaced with their ES2020 equivalents.
 */
export const hostShims = {
  name: "host-shims",
  setup(build) {
    build.onLoad({ filter: /[\\/]lodash-es[\\/]_root\.js$/ }, () => ({ contents: "export default globalThis;", loader: "js" }));
    build.onLoad({ filter: /[\\/]lodash-es[\\/]_nodeUtil\.js$/ }, () => ({ contents: "export default undefined;", loader: "js" }));
  },
};

/**
 * Loads the chevrotain parser on first use instead of at import. Valid
 * expressions take the chevrotain-free fast path, so a cold start that never
 * meets an invalid one never evaluates chevrotain (~12 ms of import time on
 * Node 20 here). esbuild turns a `require` of a bundled ES module into a
 * lazily initialized closure, so the bundle stays one file with no `require`
 * left in it; the source keeps a plain static import for tests and types.
 */
export const lazyFullParser = {
  name: "lazy-full-parser",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]expression[\\/]full-parser\.ts$/ }, (args) => ({
      contents: `export function fullParser() { return require("./full-parse.ts").parseWithChevrotain; }`,
      loader: "ts",
      resolveDir: dirname(args.path),
    }));
  },
};

export const libraryOptions = {
  entryPoints: { index: `${root}/src/index.ts` },
  outdir: `${root}/dist`,
  bundle: true,
  format: "esm",
  // The core must run in browsers and edge runtimes: "neutral" refuses Node built-ins.
  platform: "neutral",
  mainFields: ["module", "main"],
  target: "es2022",
  treeShaking: true,
  minify: true,
  keepNames: false,
  legalComments: "eof",
  logLevel: "warning",
  plugins: [hostShims, lazyFullParser],
};

const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8"));

export const cliOptions = {
  ...libraryOptions,
  entryPoints: { cli: `${root}/src/cli/bin.ts` },
  // The CLI is the one part that runs on Node only.
  platform: "node",
  banner: { js: "#!/usr/bin/env node" },
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

await build(libraryOptions);
await build(cliOptions);
chmodSync(`${root}/dist/cli.js`, 0o755);
execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", `${root}/tsconfig.build.json`], { stdio: "inherit" });
