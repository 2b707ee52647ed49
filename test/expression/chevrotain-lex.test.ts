import { createToken, Lexer, type IToken } from "chevrotain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lex, scan } from "../../src/expression/chevrotain-lex.js";
import { WHITESPACE_PATTERN } from "../../src/expression/token-patterns.js";
import { Comma, Identifier, LEXICAL_OPERATORS, LParen, NumberToken, RParen } from "../../src/expression/tokens.js";

/*
 * The parser's tokens come from a hand-written scanner, not from chevrotain's
 * `Lexer` (whose construction and regexp analysis cost ~18 ms of the first
 * invalid expression, and whose code was a fifth of the parser's bundle).
 * chevrotain's `Lexer`, built from the same token types and patterns the
 * parser used to be fed by, is the reference it must agree with.
 */
const reference = new Lexer(
  [
    createToken({ name: "WhiteSpace", pattern: WHITESPACE_PATTERN, group: Lexer.SKIPPED }),
    NumberToken,
    Identifier,
    ...LEXICAL_OPERATORS.map((operator) => operator.type),
    LParen,
    RParen,
    Comma,
  ],
  { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: true },
);

/** What the parser and the diagnostics read of a token. */
const shape = (t: IToken) => ({ image: t.image, startOffset: t.startOffset, tokenTypeIdx: t.tokenTypeIdx, type: t.tokenType.name });

function referenceScan(source: string) {
  const result = reference.tokenize(source);
  return { tokens: result.tokens.map(shape), errors: result.errors.map((e) => ({ offset: e.offset, length: e.length })) };
}

function ownScan(source: string) {
  const result = scan(source);
  return { tokens: result.tokens.map(shape), errors: result.errors.map((e) => ({ offset: e.offset, length: e.length })) };
}

/** Characters that start, continue, end or break tokens, and some that start none. */
const ALPHABET = [
  ...Array.from("0123456789._eE+-*/%^(),ab zZ\t"),
  "**",
  "1_000",
  "retried",
  "pow",
  "$",
  "#",
  "\n",
  "\r",
  "\0",
  "\u00d7",
  "\u2212",
  "\u2028",
  "\u00a0",
  "\u201c",
  '"',
  "'",
  "😀",
  "\ud800",
  "é",
  "[",
  "<=",
  "Math.",
];
const soup = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 30 }).map((parts) => parts.join(""));
const anyText = fc.oneof(soup, fc.string({ maxLength: 30 }), fc.string({ unit: "binary", maxLength: 20 }));

describe("the scanner of the chevrotain parser", () => {
  it("tokenizes like chevrotain's Lexer over the same token types, on arbitrary text", () => {
    fc.assert(
      fc.property(anyText, (source) => {
        expect(ownScan(source)).toEqual(referenceScan(source));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["pow(2, retried) * 1000", ["pow", "(", "2", ",", "retried", ")", "*", "1000"]],
    ["2**3", ["2", "**", "3"]],
    ["2***3", ["2", "**", "*", "3"]],
    [".5e-3", [".5e-3"]],
    ["5.e", ["5.", "e"]],
    ["1e+", ["1", "e", "+"]],
    ["1_000.0_1E1_0", ["1_000.0_1E1_0"]],
    ["_x1 x_", ["_x1", "x_"]],
    ["..5", [".5"]],
    ["\t 1\t", ["1"]],
  ])("splits %j into %j", (source, images) => {
    expect(scan(source).tokens.map((t) => t.image)).toEqual(images);
    expect(ownScan(source)).toEqual(referenceScan(source));
  });

  it.each([
    ["1 $ 2", [{ offset: 2, length: 1 }]],
    ["$$ 2", [{ offset: 0, length: 2 }]],
    ["a.b", [{ offset: 1, length: 1 }]],
    ["a..5", [{ offset: 1, length: 1 }]],
    ["😀1", [{ offset: 0, length: 2 }]],
    ["1\n2", [{ offset: 1, length: 1 }]],
    ["#é#", [{ offset: 0, length: 3 }]],
  ])("reports the characters that start no token in %j as %j, and goes on", (source, errors) => {
    expect(scan(source).errors).toEqual(errors);
  });

  it("gives tokens that carry their type's index, as chevrotain's parser reads them", () => {
    for (const t of scan("max(1, 2 ^ -x) % 3").tokens) expect(t.tokenTypeIdx).toBe(t.tokenType.tokenTypeIdx);
  });

  it("keeps the lexical diagnostics: unexpected characters, malformed and out-of-range numbers", () => {
    const result = lex("1_000 + .5 + 1e999 + $x");
    expect(result.numberDiagnostics.map((d) => [d.code, d.span])).toEqual([
      ["malformed-number", { start: 0, end: 5 }],
      ["malformed-number", { start: 8, end: 10 }],
      ["number-out-of-range", { start: 13, end: 18 }],
    ]);
    expect(result.characterDiagnostics.map((d) => [d.code, d.message, d.span])).toEqual([
      ["unexpected-character", "unexpected character `$`", { start: 21, end: 22 }],
    ]);
  });
});
