import { WHITESPACE } from "./operators.js";

/*
 * The token patterns: whitespace (from the table in operators.ts), numbers
 * and names. The chevrotain token types carry them as their definition, and
 * the two hand-written scanners (fast-scan.ts, chevrotain-lex.ts) are tested
 * against them. Kept free of chevrotain so that the fast path (and a cold
 * start) never loads it.
 */

/**
 * {@link WHITESPACE} as a chevrotain token pattern: the scanner's test builds chevrotain's `Lexer` with it.
 * Marked pure, so that a bundle without chevrotain's tokens (retry-delay/runtime) leaves it out.
 */
export const WHITESPACE_PATTERN = /* @__PURE__ */ new RegExp(/* @__PURE__ */ whitespaceClass());

function whitespaceClass(): string {
  return `[${WHITESPACE.map((w) => `\\u${w.text.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]+`;
}

/** {@link WHITESPACE} by character code, for the fast scanner's per-character test. */
const WHITESPACE_CODES = new Uint8Array(128);
for (const w of WHITESPACE) WHITESPACE_CODES[w.text.charCodeAt(0)] = 1;

/** Whether the UTF-16 code unit `c` is in {@link WHITESPACE}. */
export function isWhitespaceCode(c: number): boolean {
  return c < 128 && WHITESPACE_CODES[c] === 1;
}

/** A number as the lexer reads it: generously, so that `.5`, `5.` and `1_000` can be reported with a fix. */
export const NUMBER_PATTERN = /(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?/;

/** A name: `retried` or a function. */
export const IDENTIFIER_PATTERN = /[A-Za-z_][A-Za-z0-9_]*/;

/** A number the language accepts as written. */
export const VALID_NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The value of a number token, read leniently (`.5` as 0.5, `1_000` as 1000)
 * so that parsing can go on after the lexer has reported it.
 */
export function numberValue(image: string): number {
  const direct = Number(image);
  if (!Number.isNaN(direct)) return direct;
  let text = image.replace(/_/g, "");
  if (text.startsWith(".")) text = `0${text}`;
  text = text.replace(/\.(?=[eE]|$)/, ".0");
  const value = Number(text);
  return Number.isNaN(value) ? 0 : value;
}
