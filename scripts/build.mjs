// Builds the published package into dist/ (the layout: scripts/package-layout.mjs):
//
//   dist/*.js + chunk-*.js   ESM for Node (nodeGraph below): the entries in one esbuild build with
//                             shared chunks, retry-delay/runtime bundled alone, and the error
//                             classes in chunk-errors.js, which both import, so each class
//                             (RetryDelayError) exists once; chevrotain is inlined, tree-shaken,
//                             and its body runs on the first invalid expression only
//                             (lazyParserBody below)
//   dist/cjs/*.cjs           the same graph as CommonJS, with the chevrotain parser in
//                             dist/cjs/full-parser.cjs, required on the first invalid expression
//                             (requiredParserForCommonJs below), the error classes' drawing in
//                             dist/cjs/chunk-render.cjs, required on the first render
//                             (lazyRendererForCommonJs), each file's exports assigned once
//                             rather than defined as getters (plainCommonJs), and the root's
//                             exports requiring their chunks on first read
//                             (scripts/commonjs-facade.mjs)
//   dist/modules/**.js       per-module ESM for bundlers (the "module" condition): each import
//                             pulls in only the modules it uses
//   dist/types/**.d.ts/.d.cts declarations for both formats
//   dist/cli.js              the CLI's entry: it turns on Node's compile cache (Node 22+), then
//                             loads the CLI, dist/cli-main.js, whose chevrotain parser is in
//                             cli-full-parser.cjs
//
// Every JavaScript file made from src/ ships with a source map into src/ (shipped too; the
// CommonJS facades hold no code of src/ and have none). Identifiers are not minified, so stacks
// and errors show real names (RetryDelayError, compileTree); esbuild's keepNames is not used: it
// wraps every closure made at run time in a naming call.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { writeCjsDeclarations } from "./build-declarations.mjs";
import {
  CHEVROTAIN_MODULES,
  CLI_FULL_PARSER_FILE,
  hostShims,
  requiredFullParser,
  sharedModulesExternal,
  siblingsAsCommonJs,
} from "./esbuild-plugins.mjs";
import { buildLazyModule } from "./build-lazy-module.mjs";
import { compileCalledFunctionsEagerly } from "./eager-functions.mjs";
import { commonJsFacade } from "./commonjs-facade.mjs";
import { lazyModulesForCommonJs } from "./commonjs-lazy-modules.mjs";
import { inImportCycle, plainCommonJs, plainExportsFit } from "./commonjs-exports.mjs";
import { packageEntries, pkg, root } from "./package-layout.mjs";

const dist = `${root}dist`;
rmSync(dist, { recursive: true, force: true });

const entries = packageEntries();
const define = { __VERSION__: JSON.stringify(pkg.version) };

const common = {
  bundle: true,
  target: "es2022",
  // The library must run in browsers and edge runtimes: "neutral" refuses Node built-ins.
  platform: "neutral",
  mainFields: ["module", "main"],
  treeShaking: true,
  // Whitespace and syntax only: identifiers keep their names for stack traces (see the top).
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: false,
  sourcemap: "linked",
  // The maps point into src/, which ships; chevrotain's sources are not repeated in them.
  sourcesContent: false,
  legalComments: "eof",
  logLevel: "warning",
  define,
};

/**
 * The Node bundles' chevrotain parser: chevrotain and the modules that import it, bundled
 * (scripts/build-lazy-module.mjs) into one function body that runs on the first invalid
 * expression, every other module of src/ imported as the shared module it is. esbuild's own
 * lazy form (`lazyFullParser`, a `require` of an ES module) made every module the parser shares
 * with the fast path a lazily initialized closure too: 23 modules of the root's start, each
 * parsed twice by V8 (once at load, again when its initializer ran) and started through a
 * wrapper call. Measured on Node 20 with callgrind (`--single-threaded`, fixed seeds), `import`
 * + first compile of the root: 634.9M instructions before, 628.3M after, with a floor (an
 * `import()` of a one-line module) of 544.2M.
 */
async function lazyParserBody() {
  const outfile = `${dist}/.lazy-parser/expression/lazy-chevrotain-parse.js`;
  mkdirSync(dirname(outfile), { recursive: true });
  await buildLazyModule({
    entry: `${root}src/expression/chevrotain-parse.ts`,
    outfile,
    options: { ...common, plugins: [hostShims, sharedModulesExternal] },
  });
  // Its source map, inline and with absolute sources, so that the bundle's map still points into src/.
  const map = JSON.parse(readFileSync(`${outfile}.map`, "utf8"));
  map.sources = map.sources.map((source) => resolve(dirname(outfile), source));
  const inlineMap = `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}\n`;
  const contents = readFileSync(outfile, "utf8").replace(/\/\/# sourceMappingURL=.*\n?$/, inlineMap);
  rmSync(`${dist}/.lazy-parser`, { recursive: true, force: true });
  return {
    name: "lazy-parser-body",
    setup(build) {
      // Its imports of the shared modules are relative to src/expression, as the modules it bundles were.
      build.onLoad({ filter: /[\\/]src[\\/]expression[\\/]lazy-chevrotain-parse\.ts$/ }, () => ({
        contents,
        loader: "js",
        resolveDir: `${root}src/expression`,
      }));
    },
  };
}

/** The CommonJS build's chevrotain parser, dist/cjs/full-parser.cjs: chevrotain-parse.ts and what only it imports. */
const CJS_FULL_PARSER = "full-parser";
/** A free name in the intermediate ESM build that the CommonJS conversion turns into `require`. */
const REQUIRE_PLACEHOLDER = "__retryDelayCommonJsRequire";

/**
 * The CommonJS build's lazy-chevrotain-parse.ts: the parser is `require`d from its own file
 * on the first invalid expression, so `require("retry-delay")` neither evaluates nor even
 * pre-parses chevrotain's ~115 KB until an input needs it (the ESM bundle must carry it inline:
 * an ES module has no synchronous, bundler-safe way to load a file later). A literal
 * `require("./full-parser.cjs")` is what every bundler of CommonJS follows, so re-bundling
 * dist/cjs keeps the file. The intermediate ESM build writes the call through a placeholder
 * name (esbuild would wrap a bare `require` in an ESM shim); the conversion defines it as
 * `require` and keeps the path external.
 */
const requiredParserForCommonJs = {
  name: "required-parser-for-commonjs",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]expression[\\/]lazy-chevrotain-parse\.ts$/ }, () => ({
      contents: [
        "let parseWithChevrotain;",
        "export function fullParser() {",
        `  parseWithChevrotain ??= ${REQUIRE_PLACEHOLDER}(${JSON.stringify(`./${CJS_FULL_PARSER}.cjs`)}).parseWithChevrotain;`,
        "  return parseWithChevrotain;",
        "}",
      ].join("\n"),
      loader: "js",
    }));
  },
};

/**
 * The CommonJS build's drawing of errors, dist/cjs/chunk-render.cjs: draw.ts and shape.ts,
 * which only `RetryDelayError#render` reaches from the error classes' file. That file is
 * required by every entry, retry-delay/runtime included, so it keeps the classes and requires
 * this one on the first render (lazyRendererForCommonJs); in ESM, where no file loads later
 * without `await`, chunk-errors.js holds both.
 */
const CJS_RENDERER = "chunk-render";

/** The exports of draw.ts and shape.ts that error.ts imports, forwarded to CJS_RENDERER. */
const RENDERER_EXPORTS = ["drawAll", "checked", "readDiagnostics", "readRenderOptions"];

/**
 * For the CommonJS build's error classes: error.ts's imports of draw.ts and shape.ts become
 * functions that require CJS_RENDERER on first call. Measured with callgrind (Node 20,
 * `--single-threaded`, fixed seeds), `require("retry-delay/runtime")` + first compile over the
 * floor (a `require` of a one-line file): 19.8M instructions before, 17.5M after, with
 * chunk-errors.cjs 12.8 KB before and 2.9 KB after (and plainCommonJs below).
 */
const lazyRendererForCommonJs = {
  name: "lazy-renderer-for-commonjs",
  setup(build) {
    build.onResolve({ filter: /^\.\/(?:draw|shape)\.js$/ }, (args) =>
      /[\\/]src[\\/]diagnostics[\\/]error\.ts$/.test(args.importer) ? { path: CJS_RENDERER, namespace: "lazy-renderer" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-renderer" }, () => ({
      contents: [
        "let renderer;",
        `const load = () => (renderer ??= ${REQUIRE_PLACEHOLDER}(${JSON.stringify(`./${CJS_RENDERER}.cjs`)}));`,
        ...RENDERER_EXPORTS.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
      ].join("\n"),
      loader: "js",
    }));
  },
};

/** The one file of each Node build that defines the package's error classes (see errorsApart). */
const ERRORS_FILE = "chunk-errors.js";
/** src/diagnostics/compact-error.ts and error.ts: the classes whose identity `instanceof` tests. */
const ERROR_CLASS_MODULES = /[\\/]src[\\/]diagnostics[\\/](?:compact-error|error)\.ts$/;

/**
 * For the Node builds: every import of the error classes' modules becomes an import of
 * ERRORS_FILE, the one file that defines them. That lets retry-delay/runtime be a bundle of
 * its own (nodeGraph) while `instanceof RetryDelayError` still holds across every entry.
 */
const errorsApart = {
  name: "errors-apart",
  setup(build) {
    build.onResolve({ filter: /(?:^|\/)(?:compact-)?error\.js$/ }, (args) =>
      ERROR_CLASS_MODULES.test(resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts"))
        ? { path: `./${ERRORS_FILE}`, external: true }
        : undefined,
    );
  },
};

/**
 * The ESM graph Node loads, written to `outdir`, in three builds:
 *
 * - every entry but the runtime, in one build with shared chunks, so root, bullmq, client and
 *   the rest share one copy of everything;
 * - retry-delay/runtime, bundled alone: in the shared build its chunk was every module the
 *   runtime's files reach, the root's explanations included (87.6 KB where the runtime uses
 *   56.7 KB), and V8 pre-parses every byte of it on `import`;
 * - ERRORS_FILE, the error classes, which both builds import (errorsApart).
 *
 * `parserPlugin` decides where the chevrotain parser goes; `extraEntries` and `sharedPlugins`
 * add entries and plugins to the shared build; `runtimeLazy` and `sharedLazyAlone`
 * (lazyModulesForCommonJs's) move modules of the runtime or of the shared build into a file
 * of their own, bundled alone, that the other files require on first call.
 */
async function nodeGraph({
  outdir,
  parserPlugin,
  extraEntries = {},
  sharedPlugins = [],
  errorsPlugins = [],
  runtimeLazy,
  sharedLazyAlone,
}) {
  const runtime = entries.find((e) => e.subpath === "./runtime");
  if (runtime === undefined) throw new Error("exports has no ./runtime");
  const shared = entries.filter((e) => e !== runtime);
  const plugins = [hostShims, errorsApart, parserPlugin];
  await build({
    ...common,
    entryPoints: { ...Object.fromEntries(shared.map((e) => [e.name, `${root}${e.source}`])), ...extraEntries },
    splitting: true,
    outdir,
    format: "esm",
    plugins: [...plugins, ...sharedPlugins, ...(sharedLazyAlone === undefined ? [] : [sharedLazyAlone.forwarding])],
  });
  if (sharedLazyAlone !== undefined) {
    await build({
      ...common,
      entryPoints: sharedLazyAlone.entry,
      outdir,
      format: "esm",
      plugins: [...plugins, sharedLazyAlone.entryPlugin, ...sharedPlugins],
    });
  }
  const runtimePlugins = runtimeLazy === undefined ? plugins : [...plugins, runtimeLazy.forwarding];
  await build({ ...common, entryPoints: { [runtime.name]: `${root}${runtime.source}` }, outdir, format: "esm", plugins: runtimePlugins });
  if (runtimeLazy !== undefined) {
    await build({ ...common, entryPoints: runtimeLazy.entry, outdir, format: "esm", plugins: [...plugins, runtimeLazy.entryPlugin] });
  }
  await build({
    ...common,
    stdin: {
      contents: 'export { CompactRetryDelayError } from "./compact-error.ts";\nexport { RetryDelayError } from "./error.ts";\n',
      resolveDir: `${root}src/diagnostics`,
      sourcefile: "error-classes.ts",
      loader: "ts",
    },
    outfile: `${outdir}/${ERRORS_FILE}`,
    format: "esm",
    plugins: errorsPlugins,
    // What the plugins generate exists in no shipped file: its text goes into the map (generatedSourcesInline).
    sourcesContent: errorsPlugins.length > 0,
  });
}

// 1. ESM for Node, chevrotain inlined and run on the first invalid expression.
await nodeGraph({ outdir: dist, parserPlugin: await lazyParserBody() });

// 2. CommonJS: the same graph built again as ESM with its chevrotain parser a file of its own,
// then each of its files converted on its own, so `require` loads one shared graph (one
// RetryDelayError class) and reaches chevrotain only through a `require` on the first invalid
// expression (requiredParserForCommonJs).
const eslint = entries.find((e) => e.subpath === "./eslint");
const cjsSource = `${dist}/.cjs-source`;
// What a valid expression's first compile never calls, in dist/cjs/explain.cjs, required on
// its first call: the explainers of invalid input and of bad arguments, the printer and value
// wording that only a warning's or an error's message uses, and what finds a problem that they
// then word (name-problems.ts, size.ts, error-limit.ts: on a valid compile 0.53M instructions
// fewer, on a first name problem or declined source 0.2–0.3M more; callgrind, Node 20).
const explainers = lazyModulesForCommonJs({
  name: "explain",
  modules: [
    "expression/mistakes",
    "expression/refused-parse",
    "expression/fast-syntax-error",
    "expression/names",
    "expression/tree-shape",
    "diagnostics/shape",
    "expression/print",
    "diagnostics/show",
    "expression/name-problems",
    "expression/error-limit",
    "expression/size",
  ].map((m) => `${root}src/${m}.ts`),
  requireName: REQUIRE_PLACEHOLDER,
});
// The root's checks of a delay's values (its domain and intent checks), which run on the first
// read of a result's diagnostics or a delay's diagnostics or range, never in a compile:
// dist/cjs/checks.cjs, required then. Bundled alone with what it reads (the tables, the
// interpreter; their explanations are explain.cjs's), as runtime-explain.cjs is: as one more
// entry of the shared build it split the compile's chunks into seven files where there are four.
// Measured with callgrind (Node 20, `--single-threaded`, fixed seeds), `require("retry-delay")`:
// + first compile 3.07M instructions fewer (24.9M → 21.8M over a one-line `require`); + first
// compile and its range read 3.7M more, + first warning read 4.4M more, for the file.
const valueChecks = lazyModulesForCommonJs({
  name: "checks",
  modules: ["expression/domain-report", "expression/delay-intent"].map((m) => `${root}src/${m}.ts`),
  requireName: REQUIRE_PLACEHOLDER,
});
// retry-delay/runtime's own such file, dist/cjs/runtime-explain.cjs: its short diagnostic for a
// source the fast recognizer declines (src/runtime/decline.ts, which the runtime hands the
// recognizer's rerun, so that the file carries no recognizer of its own), bundled alone with the
// small tables it reads: a chunk that both files loaded would be one more file at every start.
// Measured with callgrind (Node 20, `--single-threaded`, fixed seeds), `require` + first compile:
// 0.31M instructions fewer (runtime.cjs 42.7 KB → 40.5 KB); the first declined source pays
// 2.2–2.5M more, for the file.
const runtimeExplainers = lazyModulesForCommonJs({
  name: "runtime-explain",
  modules: [`${root}src/runtime/decline.ts`],
  requireName: REQUIRE_PLACEHOLDER,
});
await nodeGraph({
  outdir: cjsSource,
  parserPlugin: requiredParserForCommonJs,
  extraEntries: { [CJS_FULL_PARSER]: `${root}src/expression/chevrotain-parse.ts`, ...explainers.entry },
  sharedPlugins: [explainers.plugin],
  sharedLazyAlone: valueChecks,
  errorsPlugins: [lazyRendererForCommonJs],
  runtimeLazy: runtimeExplainers,
});
await build({
  ...common,
  stdin: {
    contents: 'export { drawAll } from "./draw.ts";\nexport { checked, readDiagnostics, readRenderOptions } from "./shape.ts";\n',
    resolveDir: `${root}src/diagnostics`,
    sourcefile: "renderer.ts",
    loader: "ts",
  },
  outfile: `${cjsSource}/${CJS_RENDERER}.js`,
  format: "esm",
  plugins: [errorsApart],
});
const toCommonJs = {
  ...common,
  format: "cjs",
  define: { ...define, [REQUIRE_PLACEHOLDER]: "require" },
  external: [`./${CJS_FULL_PARSER}.cjs`, `./${CJS_RENDERER}.cjs`, explainers.file, valueChecks.file, runtimeExplainers.file],
  plugins: [siblingsAsCommonJs],
};
const cjsSourceFiles = readdirSync(cjsSource).filter((f) => f.endsWith(".js") && f !== `${eslint?.name}.js`);
const plainFiles = cjsSourceFiles.filter((f) => plainExportsFit(`${cjsSource}/${f}`));
const gettersFiles = cjsSourceFiles.filter((f) => !plainFiles.includes(f));
if (gettersFiles.length > 0) {
  await build({
    ...toCommonJs,
    entryPoints: gettersFiles.map((f) => `${cjsSource}/${f}`),
    outdir: `${dist}/cjs`,
    outExtension: { ".js": ".cjs" },
  });
}
for (const file of plainFiles) await plainCommonJs(`${cjsSource}/${file}`, `${dist}/cjs/${file.replace(/\.js$/, ".cjs")}`, toCommonJs);
// The ESLint plugin is a default export; CommonJS users expect `require("retry-delay/eslint")` to be the plugin.
if (eslint !== undefined) {
  await build({
    ...toCommonJs,
    entryPoints: [`${cjsSource}/${eslint.name}.js`],
    outfile: `${root}${eslint.require}`,
    footer: { js: "module.exports = module.exports.default;" },
  });
}
// An entry that only re-exports chunks becomes getters that require each chunk on first read.
for (const entry of entries) {
  const facade = entry === eslint ? undefined : commonJsFacade(`${cjsSource}/${entry.name}.js`);
  if (facade === undefined && entry.subpath === ".") throw new Error("the root's CommonJS entry is no facade of its chunks");
  if (facade === undefined) continue;
  writeFileSync(`${root}${entry.require}`, facade);
  rmSync(`${root}${entry.require}.map`, { force: true });
}
rmSync(cjsSource, { recursive: true, force: true });

// 2b. Both Node builds compile at load the functions that `import` + a first compile call
// (scripts/eager-functions.mjs), for the runtime and for the root.
const FIRST_COMPILE = 'compile("pow(2, retried) * 1000")(3)';
const nodeFiles = [
  ...readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .map((f) => `${dist}/${f}`),
  ...readdirSync(`${dist}/cjs`)
    .filter((f) => f.endsWith(".cjs"))
    .map((f) => `${dist}/cjs/${f}`),
];
const acyclicFiles = nodeFiles.filter((file) => !inImportCycle(file));
for (const { name } of entries.filter((e) => e.subpath === "." || e.subpath === "./runtime")) {
  const esm = `${dist}/${name}.js`;
  const cjs = `${dist}/cjs/${name}.cjs`;
  compileCalledFunctionsEagerly(`const m = await import(${JSON.stringify(pathToFileURL(esm).href)}); m.${FIRST_COMPILE};`, {
    module: true,
    files: acyclicFiles,
  });
  compileCalledFunctionsEagerly(`require(${JSON.stringify(cjs)}).${FIRST_COMPILE};`, { files: acyclicFiles });
}

// 3. Per-module ESM for bundlers: src/ file for file, with chevrotain in the one lazily loaded module.
const sources = [];
const walk = (dir) => {
  for (const entry of readdirSync(`${root}${dir}`, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (path !== "src/cli") walk(path);
    } else if (path.endsWith(".ts") && !path.endsWith(".d.ts") && !CHEVROTAIN_MODULES.test(path)) {
      sources.push(`${root}${path}`);
    }
  }
};
walk("src");
await build({
  ...common,
  entryPoints: sources,
  bundle: false,
  outbase: `${root}src`,
  outdir: `${dist}/modules`,
  format: "esm",
  // Readable: the bundler that takes these modules minifies them with the application.
  minifyWhitespace: false,
  minifySyntax: false,
});
await buildLazyModule({
  entry: `${root}src/expression/chevrotain-parse.ts`,
  outfile: `${dist}/modules/expression/lazy-chevrotain-parse.js`,
  options: { ...common, minifyWhitespace: false, minifySyntax: false, plugins: [hostShims, sharedModulesExternal] },
});

// 4. The CLI: its entry (src/cli/bin.ts), its body (src/cli/start.ts: the entry imports it once the
// compile cache is on), and the chevrotain parser the body requires on its first invalid
// expression (see requiredFullParser).
const CLI_BODY_FILE = "cli-main.js";
await build({
  ...common,
  entryPoints: { cli: `${root}src/cli/bin.ts` },
  outdir: dist,
  format: "esm",
  // The CLI is the one part that runs on Node only.
  platform: "node",
  sourcemap: false,
  banner: { js: "#!/usr/bin/env node" },
  plugins: [
    {
      name: "cli-body-apart",
      setup(build) {
        build.onResolve({ filter: /^\.\/start\.js$/ }, () => ({ path: `./${CLI_BODY_FILE}`, external: true }));
      },
    },
  ],
});
await build({
  ...common,
  entryPoints: [`${root}src/cli/start.ts`],
  outfile: `${dist}/${CLI_BODY_FILE}`,
  format: "esm",
  platform: "node",
  minifyIdentifiers: true,
  sourcemap: false,
  plugins: [hostShims, requiredFullParser],
});
await build({
  ...common,
  entryPoints: [`${root}src/expression/chevrotain-parse.ts`],
  outfile: `${dist}/${CLI_FULL_PARSER_FILE}`,
  platform: "node",
  format: "cjs",
  minifyIdentifiers: true,
  sourcemap: false,
  plugins: [hostShims],
});
chmodSync(`${dist}/cli.js`, 0o755);

// 5. Declarations: tsc's .d.ts files, then a .d.cts twin of each for `require`.
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", `${root}tsconfig.build.json`], { stdio: "inherit" });
writeCjsDeclarations(`${dist}/types`, { defaultAsExportEquals: eslint === undefined ? [] : [resolve(root, eslint.requireTypes)] });
