// esbuild plugins shared by the build (scripts/build.mjs) and the bundle-size benchmark.
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's src/ folder, absolute. */
const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/**
 * What every build that bundles chevrotain replaces in it: its Lexer
 * (parserOnlyChevrotain) and its lodash-es (lodashSubset). Besides size and
 * start-up time, the second keeps out lodash-es's host probes
 * (`Function("return this")()` for the global object, `module.require` for
 * Node's `util`): neither runs where `globalThis` exists, but a strict
 * Content-Security-Policy audit flags the string, and the bundle promises no
 * eval of any kind. Those two lodash modules are shimmed too, should anything
 * reach lodash-es by another path.
 */
export const hostShims = {
  name: "host-shims",
  setup(build) {
    build.onLoad({ filter: /[\\/]lodash-es[\\/]_root\.js$/ }, () => ({ contents: "export default globalThis;", loader: "js" }));
    build.onLoad({ filter: /[\\/]lodash-es[\\/]_nodeUtil\.js$/ }, () => ({ contents: "export default undefined;", loader: "js" }));
    parserOnlyChevrotain.setup(build);
    lodashSubset.setup(build);
    fastMixins.setup(build);
    noGrammarAnalysis.setup(build);
  },
};

/**
 * chevrotain's grammar-analysis modules that this parser's configuration
 * never runs, by their path under chevrotain/lib/src/parse/grammar/, with
 * every name each exports: checks.js (the grammar validations, skipped with
 * `skipValidations: true`), llk_lookahead.js and lookahead.js (the default
 * LL(k) strategy, replaced by chevrotain-lookahead.ts's `lookaheadStrategy`,
 * and the lookahead paths of chevrotain's own error messages, which
 * grammar.ts's raiseNoAltException and raiseEarlyExitException replace), and
 * interpreter.js (the walkers of error recovery, off with
 * `recoveryEnabled: false`, and of content assist, never asked). Their
 * code still came along, since the parser's modules import them, and ran at
 * every first invalid expression: ~16 % of the bundled chevrotain. `PROD_TYPE`
 * is data the engine reads, so it keeps chevrotain 11's values;
 * test/expression/chevrotain-bundle.test.ts holds these lists to
 * chevrotain's modules and the bundled parser to the source's answers.
 */
export const UNUSED_GRAMMAR_MODULES = {
  "checks.js": {
    functions: [
      "validateLookahead",
      "validateGrammar",
      "identifyProductionForDuplicates",
      "validateRuleDoesNotAlreadyExist",
      "validateRuleIsOverridden",
      "validateNoLeftRecursion",
      "getFirstNoneTerminal",
      "validateEmptyOrAlternative",
      "validateAmbiguousAlternationAlternatives",
      "validateTooManyAlts",
      "validateSomeNonEmptyLookaheadPath",
      "checkPrefixAlternativesAmbiguities",
    ],
    classes: ["OccurrenceValidationCollector", "RepetitionCollector"],
  },
  "llk_lookahead.js": { functions: [], classes: ["LLkLookaheadStrategy"] },
  "lookahead.js": {
    functions: [
      "getProdType",
      "getLookaheadPaths",
      "buildLookaheadFuncForOr",
      "buildLookaheadFuncForOptionalProd",
      "buildAlternativesLookAheadFunc",
      "buildSingleAlternativeLookaheadFunction",
      "lookAheadSequenceFromAlternatives",
      "getLookaheadPathsForOr",
      "getLookaheadPathsForOptionalProd",
      "containsPath",
      "isStrictPrefixOfPath",
      "areTokenCategoriesNotUsed",
    ],
    classes: [],
    values: {
      PROD_TYPE: {
        0: "OPTION",
        1: "REPETITION",
        2: "REPETITION_MANDATORY",
        3: "REPETITION_MANDATORY_WITH_SEPARATOR",
        4: "REPETITION_WITH_SEPARATOR",
        5: "ALTERNATION",
        OPTION: 0,
        REPETITION: 1,
        REPETITION_MANDATORY: 2,
        REPETITION_MANDATORY_WITH_SEPARATOR: 3,
        REPETITION_WITH_SEPARATOR: 4,
        ALTERNATION: 5,
      },
    },
  },
  "interpreter.js": {
    functions: ["possiblePathsFrom", "nextPossibleTokensAfter"],
    classes: [
      "AbstractNextPossibleTokensWalker",
      "NextAfterTokenWalker",
      "AbstractNextTerminalAfterProductionWalker",
      "NextTerminalAfterManyWalker",
      "NextTerminalAfterManySepWalker",
      "NextTerminalAfterAtLeastOneWalker",
      "NextTerminalAfterAtLeastOneSepWalker",
    ],
  },
};

/** The stand-in for one of UNUSED_GRAMMAR_MODULES: its names, each of which throws if it is ever run. */
function unusedModuleStub(file, { functions, classes, values = {} }) {
  const message = (name) =>
    JSON.stringify(`chevrotain's ${name} (${file}) is left out of this build: retry-delay's parser configuration never runs it`);
  return [
    ...functions.map((name) => `export function ${name}() { throw new Error(${message(name)}); }`),
    ...classes.map((name) => `export class ${name} { constructor() { throw new Error(${message(name)}); } }`),
    ...Object.entries(values).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`),
  ].join("\n");
}

/**
 * Replaces chevrotain's UNUSED_GRAMMAR_MODULES with stubs that keep their
 * names. Part of hostShims.
 */
export const noGrammarAnalysis = {
  name: "no-grammar-analysis",
  setup(build) {
    build.onLoad(
      { filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]grammar[\\/](?:checks|llk_lookahead|lookahead|interpreter)\.js$/ },
      (args) => {
        const file = args.path.replace(/^.*[\\/]/, "");
        return { contents: unusedModuleStub(file, UNUSED_GRAMMAR_MODULES[file]), loader: "js" };
      },
    );
  },
};

/** scripts/chevrotain-apply-mixins.mjs, absolute. */
const APPLY_MIXINS_FILE = fileURLToPath(new URL("./chevrotain-apply-mixins.mjs", import.meta.url));

/**
 * chevrotain's applyMixins, which builds its Parser class from ten trait
 * classes when its module is evaluated, replaced with a copy that does the
 * same in linear time (scripts/chevrotain-apply-mixins.mjs says why): a fifth
 * of the first invalid expression. Part of hostShims.
 */
export const fastMixins = {
  name: "fast-mixins",
  setup(build) {
    build.onResolve({ filter: /[\\/]apply_mixins\.js$/ }, (args) =>
      /[\\/]chevrotain[\\/]lib[\\/]src[\\/]parse[\\/]parser$/.test(args.resolveDir) ? { path: APPLY_MIXINS_FILE } : undefined,
    );
  },
};

/** scripts/lodash-subset.mjs, absolute. */
const LODASH_SUBSET_FILE = fileURLToPath(new URL("./lodash-subset.mjs", import.meta.url));

/**
 * lodash-es, as chevrotain imports it, replaced with the few functions it
 * uses written on the built-ins (scripts/lodash-subset.mjs): lodash-es was a
 * quarter of the parser's bytes, and its module set-up (host and native
 * probes) ran on every first invalid expression. Part of hostShims; an
 * export chevrotain needs and the subset lacks fails the build.
 */
export const lodashSubset = {
  name: "lodash-subset",
  setup(build) {
    build.onResolve({ filter: /^lodash-es$/ }, () => ({ path: LODASH_SUBSET_FILE }));
  },
};

/**
 * chevrotain without its `Lexer`: the parser's tokens come from the scanner
 * in src/expression/chevrotain-lex.ts. chevrotain's parser modules still
 * import lexer_public.js, but only for the `Lexer.NA` marker of patternless
 * token types (its EOF, its recording-phase token; our level categories), and
 * an ES class cannot be tree-shaken method by method, so the whole lexer came
 * along: the Lexer class, its pattern analysis, and the regexp parser
 * (@chevrotain/regexp-to-ast) behind them, a fifth of the parser's bundle.
 * This module stands in for lexer_public.js with chevrotain's two marker
 * constants, the same values. Part of hostShims, so that every build that
 * bundles chevrotain gets it; test/expression/chevrotain-bundle.test.ts holds
 * the lexer's modules out of the bundle and the parser working.
 */
export const parserOnlyChevrotain = {
  name: "parser-only-chevrotain",
  setup(build) {
    build.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer_public\.js$/ }, () => ({
      contents: [
        "export class Lexer {",
        "  constructor() {",
        '    throw new Error("this build of chevrotain has no Lexer: retry-delay scans its tokens itself (src/expression/chevrotain-lex.ts)");',
        "  }",
        "}",
        `Lexer.SKIPPED = ${JSON.stringify(CHEVROTAIN_SKIPPED)};`,
        "Lexer.NA = /NOT_APPLICABLE/;",
        "export const LexerDefinitionErrorType = {};",
      ].join("\n"),
      loader: "js",
    }));
  },
};

/** chevrotain's `Lexer.SKIPPED`, the group of skipped token types, as chevrotain 11 defines it. */
const CHEVROTAIN_SKIPPED =
  "This marks a skipped Token pattern, this means each token identified by it will be consumed and then thrown into oblivion, this can be used to for example to completely ignore whitespace.";

/** src/expression/lazy-chevrotain-parse.ts, the one module the parser plugins replace. */
const FULL_PARSER_MODULE = /[\\/]src[\\/]expression[\\/]lazy-chevrotain-parse\.ts$/;

/**
 * The modules that import chevrotain, and the one that loads them: no other
 * module imports these (test/package/build.test.ts holds it so), which is
 * what lets the fast path and retry-delay/runtime leave chevrotain out.
 */
export const CHEVROTAIN_MODULES =
  /(?:^|[\\/])src[\\/]expression[\\/](?:chevrotain-lex|chevrotain-parse|chevrotain-engine|chevrotain-lookahead|grammar|syntax-errors|tokens|lazy-chevrotain-parse)\.ts$/;

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
    build.onLoad({ filter: FULL_PARSER_MODULE }, (args) => ({
      contents: `export function fullParser() { return require("./chevrotain-parse.ts").parseWithChevrotain; }`,
      loader: "ts",
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * For the per-module build's chevrotain module (scripts/build-lazy-module.mjs):
 * chevrotain and the modules that import it are bundled into it; every other
 * module of src/ stays a separate, shared module, imported by its path.
 */
export const sharedModulesExternal = {
  name: "shared-modules-external",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
      if (CHEVROTAIN_MODULES.test(target) || !target.startsWith(SRC)) return undefined;
      const path = relative(dirname(args.importer), target).replace(/\\/g, "/").replace(/\.ts$/, ".js");
      return { path: path.startsWith(".") ? path : `./${path}`, external: true };
    });
  },
};

/** For the CommonJS build: an import of a sibling ESM file (`./chunk-X.js`) becomes a require of its `.cjs` twin. */
export const siblingsAsCommonJs = {
  name: "siblings-as-commonjs",
  setup(build) {
    build.onResolve({ filter: /^\.\/[\w.-]+\.js$/ }, (args) => ({ path: args.path.replace(/\.js$/, ".cjs"), external: true }));
  },
};

/** Where the CLI finds its chevrotain parser: a CommonJS file next to dist/cli.js. */
export const CLI_FULL_PARSER_FILE = "cli-full-parser.cjs";

/**
 * The CLI's variant of `lazyFullParser`: chevrotain leaves the CLI bundle for
 * a file of its own, loaded with a synchronous `require` the first time an
 * expression fails the fast path. Even never evaluated, chevrotain's ~130 KB
 * cost ~9 ms of V8 parsing on every CLI start here (`compileSourceTextModule`
 * in `node --cpu-prof`), and `retry-delay check` on a valid expression never
 * needs it. Only the CLI does this: it is Node-only and always runs from
 * dist/, while the library bundle must survive being re-bundled anywhere,
 * where a file loaded by a runtime path would silently go missing.
 *
 * The file is CommonJS so that every Node can `require` it (no require(esm)
 * needed), and it carries its own copy of the helpers it shares with the CLI;
 * they exchange only the plain-data AST and diagnostics.
 */
export const requiredFullParser = {
  name: "required-full-parser",
  setup(build) {
    build.onLoad({ filter: FULL_PARSER_MODULE }, () => ({
      contents: [
        `import { createRequire } from "node:module";`,
        `let parseWithChevrotain;`,
        `export function fullParser() {`,
        `  parseWithChevrotain ??= createRequire(import.meta.url)(${JSON.stringify(`./${CLI_FULL_PARSER_FILE}`)}).parseWithChevrotain;`,
        `  return parseWithChevrotain;`,
        `}`,
      ].join("\n"),
      loader: "js",
    }));
  },
};
