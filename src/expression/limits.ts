/**
 * The bounds every expression is held to. They keep hostile input from
 * exhausting memory or the call stack: each is checked before the stage it
 * protects, and going past one gives a diagnostic, never a `RangeError`.
 *
 * @example
 * ```ts
 * tryCompile("1".repeat(EXPRESSION_LIMITS.maxSourceLength + 1)).diagnostics[0]?.code; // "source-too-long"
 * ```
 */
export const EXPRESSION_LIMITS = Object.freeze({
  /** Longest accepted source, in UTF-16 code units. Real expressions are under 100. */
  maxSourceLength: 8192,
  /**
   * Deepest nesting of parentheses, calls, prefix signs and `^`. Measured on
   * Node 20 with the default stack: a cold process overflows inside chevrotain
   * at about 230 nested parentheses (~4 KiB of stack a level), so 64 leaves
   * over two thirds of the stack to the caller. Real expressions nest under 10.
   */
  maxNestingDepth: 64,
  /** Most operands and operators in one expression; bounds the AST's size and depth. */
  maxTerms: 2048,
  /** Largest `retries` the domain check evaluates. */
  maxRetries: 1_000_000,
  /** Largest precomputed table `tabulate` builds (8 MiB of doubles). */
  maxTableSize: 1 << 20,
  /** Most errors reported one by one; one `too-many-errors` diagnostic counts the rest. */
  maxReportedErrors: 50,
});
