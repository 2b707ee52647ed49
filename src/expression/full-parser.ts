import { parseWithChevrotain } from "./full-parse.js";

/**
 * The chevrotain parser, reached through a function so that it can load on
 * first use: the library bundle replaces this module with a lazy `require`
 * (see `lazyFullParser` in scripts/build.mjs), so a process that only meets
 * valid expressions never evaluates chevrotain. In tests and type checks it
 * is this plain import.
 */
export function fullParser(): typeof parseWithChevrotain {
  return parseWithChevrotain;
}
