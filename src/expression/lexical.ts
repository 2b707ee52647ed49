/*
 * The lexical facts shared by both parsers, kept free of chevrotain so that
 * the fast path (and a cold start) never loads it.
 */

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

/** The token kinds that matter to the size and depth pre-scan, by the token types' names. */
export type TokenKind = "Number" | "Identifier" | "Plus" | "Minus" | "Star" | "StarStar" | "Slash" | "Caret" | "Percent" | "LParen" | "RParen" | "Comma";

/** The part of a token both parsers produce. */
export interface LexicalToken {
  readonly kind: TokenKind;
  readonly image: string;
  readonly startOffset: number;
  /** A number token's value, when the scanner has already read it. */
  readonly value?: number | undefined;
}
