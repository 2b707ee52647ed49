// Builds the published JavaScript: one ESM bundle per entry with chevrotain
// inlined and tree-shaken (importing chevrotain 11 unbundled loads lodash-es's
// ~600 modules, about 0.5 s of cold start), then the .d.ts files with tsc.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, rmSync } from "node:fs";
import { CLI_FULL_PARSER_FILE, hostShims, lazyFullParser, requiredFullParser } from "./esbuild-plugins.mjs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

const libraryOptions = {
  // The root and its two data/tooling subpaths share chunks, so `RetryDelayError` and the tables are one copy.
  entryPoints: { index: `${root}/src/index.ts`, ast: `${root}/src/ast.ts`, tables: `${root}/src/tables.ts` },
  splitting: true,
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

const cliOptions = {
  ...libraryOptions,
  entryPoints: { cli: `${root}/src/cli/bin.ts` },
  splitting: false,
  // The CLI is the one part that runs on Node only.
  platform: "node",
  banner: { js: "#!/usr/bin/env node" },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  plugins: [hostShims, requiredFullParser],
};

// The CLI's chevrotain parser, required on its first invalid expression (see requiredFullParser).
const cliFullParserOptions = {
  ...libraryOptions,
  entryPoints: [`${root}/src/expression/chevrotain-parse.ts`],
  splitting: false,
  outdir: undefined,
  outfile: `${root}/dist/${CLI_FULL_PARSER_FILE}`,
  platform: "node",
  format: "cjs",
  plugins: [hostShims],
};

// retry-delay/bullmq: a separate entry that imports the core bundle (./index.js) rather than a copy of it.
const bullmqOptions = {
  ...libraryOptions,
  entryPoints: { bullmq: `${root}/src/adapters/bullmq.ts` },
  splitting: false,
  plugins: [
    ...libraryOptions.plugins,
    {
      name: "core-as-import",
      setup: (b) => b.onResolve({ filter: /^\.\.\/(index|tables)\.js$/ }, (args) => ({ path: `./${args.path.slice(3)}`, external: true })),
    },
  ],
};

// retry-delay/client: like bullmq, it imports the core bundle, so the RetryDelayError it throws is the one `retry-delay` exports.
const clientOptions = { ...bullmqOptions, entryPoints: { client: `${root}/src/client/index.ts` } };

// retry-delay/eslint: runs inside ESLint on Node only, and imports nothing from eslint at run time (its types only).
const eslintOptions = {
  ...libraryOptions,
  entryPoints: { eslint: `${root}/src/eslint/index.ts` },
  splitting: false,
  platform: "node",
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

await build(libraryOptions);
await build(bullmqOptions);
await build(clientOptions);
await build(eslintOptions);
await build(cliOptions);
await build(cliFullParserOptions);
chmodSync(`${root}/dist/cli.js`, 0o755);
execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", `${root}/tsconfig.build.json`], { stdio: "inherit" });
