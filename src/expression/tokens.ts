import { createToken, Lexer, type TokenType } from "chevrotain";
import { IDENTIFIER_PATTERN, NUMBER_PATTERN, WHITESPACE_PATTERN } from "./lexical.js";

/*
 * The tokens of the expression language. Some exist only to be reported well:
 * `%`, `^` and `**` are not operators of the language, but lexing them lets
 * the parser place them in the tree and suggest `pow(x, y)` with the actual
 * operands. A number token is lexed generously (`.5`, `5.`, `1_000`) and
 * checked afterwards, so each malformed number gets its own hint.
 */

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: WHITESPACE_PATTERN, group: Lexer.SKIPPED });

export const NumberToken = createToken({
  name: "Number",
  pattern: NUMBER_PATTERN,
  start_chars_hint: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "."],
});
export const Identifier = createToken({ name: "Identifier", pattern: IDENTIFIER_PATTERN });

/*
 * Operator categories let one CONSUME match any operator of a precedence
 * level, so the grammar needs no OR (and no lookahead) to pick an operator.
 */
export const AdditiveOperator = createToken({ name: "AdditiveOperator", pattern: Lexer.NA, label: "`+` or `-`" });
export const MultiplicativeOperator = createToken({ name: "MultiplicativeOperator", pattern: Lexer.NA, label: "`*` or `/`" });
export const PowerOperator = createToken({ name: "PowerOperator", pattern: Lexer.NA, label: "`^` or `**`" });

export const Plus = createToken({ name: "Plus", pattern: "+", label: "`+`", categories: [AdditiveOperator] });
export const Minus = createToken({ name: "Minus", pattern: "-", label: "`-`", categories: [AdditiveOperator] });
export const StarStar = createToken({ name: "StarStar", pattern: "**", label: "`**`", categories: [PowerOperator] });
export const Star = createToken({ name: "Star", pattern: "*", label: "`*`", categories: [MultiplicativeOperator] });
export const Slash = createToken({ name: "Slash", pattern: "/", label: "`/`", categories: [MultiplicativeOperator] });
export const Caret = createToken({ name: "Caret", pattern: "^", label: "`^`", categories: [PowerOperator] });
export const Percent = createToken({ name: "Percent", pattern: "%", label: "`%`", categories: [MultiplicativeOperator] });
export const LParen = createToken({ name: "LParen", pattern: "(", label: "`(`" });
export const RParen = createToken({ name: "RParen", pattern: ")", label: "`)`" });
export const Comma = createToken({ name: "Comma", pattern: ",", label: "`,`" });

/** Order matters where one pattern is a prefix of another: `**` before `*`. */
export const ALL_TOKENS: readonly TokenType[] = [
  WhiteSpace,
  AdditiveOperator,
  MultiplicativeOperator,
  PowerOperator,
  NumberToken,
  Identifier,
  Plus,
  Minus,
  StarStar,
  Star,
  Slash,
  Caret,
  Percent,
  LParen,
  RParen,
  Comma,
];
