import type { Plugin } from "esbuild";

/** chevrotain bundled without its Lexer (parserOnlyChevrotain), with scripts/lodash-subset.mjs for lodash-es (lodashSubset) and a linear applyMixins (fastMixins). */
export const hostShims: Plugin;
/** chevrotain's lexer_public.js replaced with its two marker constants. */
export const parserOnlyChevrotain: Plugin;
/** The modules that import chevrotain, and the one that loads them. */
export const CHEVROTAIN_MODULES: RegExp;
/** Loads the chevrotain parser on first use (a lazily initialized bundled module). */
export const lazyFullParser: Plugin;
/** For the per-module build's chevrotain module: every other module of src/ stays external. */
export const sharedModulesExternal: Plugin;
/** For the CommonJS build: an import of a sibling ESM file becomes a require of its `.cjs` twin. */
export const siblingsAsCommonJs: Plugin;
/** Where the CLI finds its chevrotain parser: a CommonJS file next to dist/cli.js. */
export const CLI_FULL_PARSER_FILE: string;
/** The CLI's variant of lazyFullParser: chevrotain is `require`d from CLI_FULL_PARSER_FILE. */
export const requiredFullParser: Plugin;
/** chevrotain's applyMixins replaced with scripts/chevrotain-apply-mixins.mjs (same result, linear time). */
export const fastMixins: Plugin;
/** lodash-es replaced with scripts/lodash-subset.mjs. */
export const lodashSubset: Plugin;
/** One of chevrotain's grammar-analysis modules the parser never runs: the names it exports, stubbed. */
export interface UnusedModule {
  readonly functions: readonly string[];
  readonly classes: readonly string[];
  readonly values?: Readonly<Record<string, unknown>>;
}
/** chevrotain's unused grammar-analysis modules (checks.js, llk_lookahead.js, lookahead.js, interpreter.js), by file name. */
export const UNUSED_GRAMMAR_MODULES: Readonly<Record<string, UnusedModule>>;
/** chevrotain's UNUSED_GRAMMAR_MODULES replaced with stubs that keep their names. */
export const noGrammarAnalysis: Plugin;
