import { createToken, Lexer, type TokenType } from "chevrotain";
import { IDENTIFIER_PATTERN, NUMBER_PATTERN } from "./token-patterns.js";
import { LEVELS, OPERATORS, PUNCTUATION, type Level, type LevelRule, type OperatorRow, type TokenKind } from "./operators.js";

/*
 * The chevrotain token types, built from the operator table. Refused
 * operators (`%`, `^`, `**`) are tokens too: lexing them lets the parser
 * place them in the tree and suggest the fix with the actual operands. A
 * number token is lexed generously (`.5`, `5.`, `1_000`) and checked
 * afterwards, so each malformed number gets its own hint.
 *
 * chevrotain's parser reads only the types; the tokens come from the scanner
 * in chevrotain-lex.ts, not from chevrotain's `Lexer`. The patterns stay on
 * the types as their definition: the scanner's test feeds them to a `Lexer`
 * and holds the scanner to what it gives. Whitespace has no type: the
 * scanner skips it.
 */

export const NumberToken = createToken({
  name: "Number",
  pattern: NUMBER_PATTERN,
  start_chars_hint: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "."],
});
export const Identifier = createToken({ name: "Identifier", pattern: IDENTIFIER_PATTERN });

const quoted = (text: string): string => `\`${text}\``;
const punctuation = (p: { readonly text: string; readonly token: string }): TokenType =>
  createToken({ name: p.token, pattern: p.text, label: quoted(p.text) });
export const LParen = punctuation(PUNCTUATION.open);
export const RParen = punctuation(PUNCTUATION.close);
export const Comma = punctuation(PUNCTUATION.comma);

/** The texts of a level's operators, for its label: the accepted ones, unless it has none. */
function levelLabel(level: Level): string {
  const roles = OPERATORS.map((row: OperatorRow) => ({ row, role: level.fixity === "prefix" ? row.prefix : row.infix })).filter(
    ({ role }) => role?.level === level.rule,
  );
  const accepted = roles.filter(({ role }) => role !== undefined && !("unsupported" in role));
  const texts = (accepted.length > 0 ? accepted : roles).map(({ row }) => quoted(row.text));
  return texts.length <= 1 ? texts.join("") : `${texts.slice(0, -1).join(", ")} or ${texts[texts.length - 1] ?? ""}`;
}

/*
 * One category per level lets one CONSUME match any operator of the level,
 * so the grammar needs no OR (and no lookahead) to pick an operator.
 */
const CATEGORIES: ReadonlyMap<LevelRule, TokenType> = new Map(
  LEVELS.map((level) => [
    level.rule,
    createToken({
      name: `${level.rule[0]?.toUpperCase() ?? ""}${level.rule.slice(1)}Operator`,
      pattern: Lexer.NA,
      label: levelLabel(level),
    }),
  ]),
);

/** The category token that matches every operator of the level `rule`. */
export function levelCategory(rule: LevelRule): TokenType {
  const category = CATEGORIES.get(rule);
  if (category === undefined) throw new Error(`no token category for the level ${rule}`);
  return category;
}

const ROW_BY_TYPE = new Map<TokenType, OperatorRow>();
const operatorTokens: TokenType[] = OPERATORS.map((row: OperatorRow) => {
  const levels = [row.infix?.level, row.prefix?.level].filter((rule) => rule !== undefined);
  const type = createToken({ name: row.token, pattern: row.text, label: quoted(row.text), categories: levels.map(levelCategory) });
  ROW_BY_TYPE.set(type, row);
  return type;
});

/** An operator's text and token type, as the scanner (chevrotain-lex.ts) matches them. */
export interface LexicalOperator {
  readonly text: string;
  readonly type: TokenType;
}

/** Every operator, refused ones too, longest text first: `**` must be tried before `*`. */
export const LEXICAL_OPERATORS: readonly LexicalOperator[] = OPERATORS.map((row: OperatorRow, i) => ({
  text: row.text,
  type: operatorTokens[i] as TokenType,
})).sort((a, b) => b.text.length - a.text.length);

/** The table row of an operator token. */
export function operatorRow(type: TokenType): OperatorRow | undefined {
  return ROW_BY_TYPE.get(type);
}

const KIND_BY_TYPE = new Map<TokenType, TokenKind>([
  [NumberToken, "Number"],
  [Identifier, "Identifier"],
  [LParen, PUNCTUATION.open.token],
  [RParen, PUNCTUATION.close.token],
  [Comma, PUNCTUATION.comma.token],
  ...OPERATORS.map((row, i): [TokenType, TokenKind] => [operatorTokens[i] as TokenType, row.token]),
]);

const TYPE_BY_KIND = new Map<TokenKind, TokenType>([...KIND_BY_TYPE].map(([type, kind]): [TokenKind, TokenType] => [kind, type]));

/** The token type of a kind: what the scanner (chevrotain-lex.ts) gives the parser for a token lex-scan.ts read. */
export function tokenTypeOf(kind: TokenKind): TokenType {
  const type = TYPE_BY_KIND.get(kind);
  if (type === undefined) throw new Error(`the token kind ${kind} has no type`);
  return type;
}

/** The kind of a lexed token, as the size pre-scan and the fast recognizer name it. */
export function tokenKind(type: TokenType): TokenKind {
  const kind = KIND_BY_TYPE.get(type);
  if (kind === undefined) throw new Error(`the token type ${type.name} has no kind`);
  return kind;
}

/**
 * The token types of the parser. With `unsupported: "omit"`, the operators
 * the language refuses are left out (the grammar the diagrams show).
 */
export function vocabulary(options: { readonly unsupported: "omit" | "report" }): TokenType[] {
  const operators = LEXICAL_OPERATORS.map((operator) => operator.type).filter(
    (type) => options.unsupported === "report" || hasAcceptedRole(operatorRow(type)),
  );
  return [...CATEGORIES.values(), NumberToken, Identifier, ...operators, LParen, RParen, Comma];
}

function hasAcceptedRole(row: OperatorRow | undefined): boolean {
  return [row?.infix, row?.prefix].some((role) => role !== undefined && !("unsupported" in role));
}
