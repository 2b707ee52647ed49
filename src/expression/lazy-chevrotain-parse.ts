import { parseWithChevrotain } from "./chevrotain-parse.js";

/**
 * The chevrotain parser, reached through a function so that it can load on
 * first use. The library bundle replaces this module with a lazily
 * initialized one (`lazyFullParser` in scripts/esbuild-plugins.mjs), so a
 * process that only meets valid expressions never evaluates chevrotain; the
 * CLI goes further and `require`s chevrotain from a file of its own
 * (`requiredFullParser`), so it never even parses it. In tests and type
 * checks it is this plain import.
 */
export function fullParser(): typeof parseWithChevrotain {
  return parseWithChevrotain;
}
