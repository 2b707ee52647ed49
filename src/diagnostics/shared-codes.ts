/**
 * The diagnostic codes every language of the package shares, with their
 * severity and meaning. Each language's own table (EXPRESSION_CODES,
 * DURATION_CODES, …) lists the codes only it reports; these two mean the same
 * wherever they appear, and each guide's codes table documents them.
 *
 * @example
 * ```ts
 * SHARED_CODES["invalid-input"].severity; // "error"
 * ```
 */
export const SHARED_CODES = {
  "invalid-input": { severity: "error", summary: "The text given to a parser is not a string, or is missing." },
  "invalid-argument": {
    severity: "error",
    summary: "An argument other than the parsed text has the wrong type or shape; thrown as a RetryDelayError.",
  },
} as const;

/**
 * A code from {@link SHARED_CODES}.
 *
 * @example
 * ```ts
 * const code: SharedCode = "invalid-input";
 * ```
 */
export type SharedCode = keyof typeof SHARED_CODES;

/** The code of the diagnostic thrown when a public function gets an argument of the wrong type or shape. */
export const INVALID_ARGUMENT = "invalid-argument" satisfies SharedCode;

/** The code every parser reports when the text it was given is not a string (or is missing). */
export const INVALID_INPUT = "invalid-input" satisfies SharedCode;
