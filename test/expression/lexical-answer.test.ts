import fc from "fast-check";
import { asText, chevrotainAnswer, expectRootAsThroughChevrotain, parseThroughChevrotain } from "../support/chevrotain-reference.js";
import { describe, expect, it, vi } from "vitest";
import { parseExpression } from "../../src/expression/api.js";
import { describeCharacters } from "../../src/expression/describe-characters.js";
import { capErrors } from "../../src/expression/error-limit.js";
import { EXPRESSION_LIMITS } from "../../src/expression/limits.js";
import { lexSource } from "../../src/expression/refused-parse.js";
import { TEST_EXPRESSIONS, UPSTASH_DOCUMENTED } from "./corpus.js";

/*
 * parse.ts answers a source with characters no token starts with (and a
 * well-formed one with a refused operator or a bad number) without loading
 * chevrotain. Here it must give what chevrotain gives, to the last field and
 * in the same key order, on generated sources with such characters mixed in
 * and on the mistakes people make; and the root's parseExpression and
 * tryCompile must give what the path that sends every declined source to
 * chevrotain gives. The full parser is counted: no source reaches it.
 */

const fullParserCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/expression/lazy-chevrotain-parse.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/expression/lazy-chevrotain-parse.js")>();
  return {
    fullParser: () => {
      const parse = original.fullParser();
      return (source: string) => {
        fullParserCalls.count++;
        return parse(source);
      };
    },
  };
});

/** What people paste from JavaScript, prose and other languages: each holds a character no token starts with. */
const JS_ISMS = [
  "Math.pow(2, retried) * 1000",
  "Math.min(retried * 1000, 60000)",
  "Math.max(1000, Math.pow(2, retried) * 100)",
  "retried => 1000",
  "(retried) => pow(2, retried) * 1000",
  '"1000"',
  "'pow(2, retried) * 1000'",
  "`1000`",
  "\u201cpow(2, retried)\u201d",
  "retried > 3 && 1000",
  "a && b",
  "x ? y : z",
  "retried < 5 ? 1000 : 60000",
  "$",
  "${retried} * 1000",
  "1000;",
  "[1000, 2000][retried]",
  "{ delay: 1000 }",
  "2 \u00d7 retried",
  "1000 \u2212 retried",
  "1000 \u00f7 retried",
  "pow(2,\nretried)",
  "1000\r\n",
  "1000\0",
  "retried # comment",
  "retried !== 0",
  "1_000 * Math.floor(retried)",
  ".5 + 1e999 + $",
];

/** Pieces that make and break expressions; several start no token. */
const PIECES = [
  ..."pow|max|min|floor|retried|retries|Math|e|x|(|)|,|1|2.5|1000|1e3|+|-|*|/|^|**|%| |1_000|.5|5.|1e999".split("|"),
  ...".|$|'|\"|`|;|=>|&&|?|:|[|]|{|}|!|<|#|@|\n|\r|\0|\t|\u00a0|\u00d7|\u2212|\u2028|\u201c|é|😀|\ud800".split("|"),
];
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(""));

/** A valid expression with a stray character (or a few) put in somewhere. */
const VALID = ["pow(2, retried) * 1000", "max(1000, min(60000, pow(2, retried) * 500))", "-min(2, retried) / 3 - +1.5e3", "1000"];
const strayIn = fc
  .tuple(fc.constantFrom(...VALID), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 3 }))
  .map(([source, inserts]) =>
    inserts.reduce((text, [at, piece]) => {
      const where = at % (text.length + 1);
      return text.slice(0, where) + piece + text.slice(where);
    }, source),
  );

/** Many runs of stray characters: more than the report limit keeps. */
const many = fc
  .array(fc.constantFrom("$", "1_0", "?", "1", "+", "@@", "."), { minLength: EXPRESSION_LIMITS.maxReportedErrors, maxLength: 130 })
  .map((parts) => parts.join(" "));

/** Sources at and past the size limits (nesting, terms), some with a bad number, sign or stray character too. */
const sized = fc
  .tuple(
    fc.integer({ min: EXPRESSION_LIMITS.maxNestingDepth - 3, max: EXPRESSION_LIMITS.maxNestingDepth + 3 }),
    fc.integer({ min: EXPRESSION_LIMITS.maxTerms - 3, max: EXPRESSION_LIMITS.maxTerms + 3 }),
    fc.constantFrom("1", "1_0", "-1", "$", "foo", "2 ^ 3"),
    fc.boolean(),
  )
  .map(([depth, terms, operand, deep]) =>
    deep ? `${"(".repeat(depth)}${operand}${")".repeat(depth)}` : Array.from({ length: (terms >> 1) + 1 }, () => operand).join("+"),
  );

const sources = fc.oneof(soup, strayIn, many, sized, fc.constantFrom(...JS_ISMS));

describe("the lexical diagnostics without chevrotain", () => {
  it("are chevrotain's whole answer wherever a character starts no token", () => {
    let answered = 0;
    fc.assert(
      fc.property(sources, (source) => {
        const lexed = lexSource(source);
        if (lexed.characterDiagnostics.length === 0) return;
        answered++;
        const own = { ok: false, diagnostics: capErrors([...lexed.characterDiagnostics, ...lexed.numberDiagnostics]) };
        expect(asText(own)).toBe(asText(chevrotainAnswer(source)));
      }),
      { numRuns: 500 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it("leave the root's parseExpression and tryCompile exactly as they were, and never load chevrotain", () => {
    fc.assert(
      fc.property(sources, (source) => {
        expectRootAsThroughChevrotain(source, fullParserCalls);
      }),
      { numRuns: 300 },
    );
  });

  it.each([...JS_ISMS, ...[...UPSTASH_DOCUMENTED, ...TEST_EXPRESSIONS].map(([expression]) => expression)])(
    "gives %j what chevrotain gives",
    (source) => {
      fullParserCalls.count = 0;
      const parsed = parseExpression(source);
      expect(fullParserCalls.count).toBe(0);
      expect(asText(parsed)).toBe(asText(parseThroughChevrotain(source)));
    },
  );

  it("answers every JavaScript-ism with the character's diagnostic and hint", () => {
    for (const source of JS_ISMS) {
      fullParserCalls.count = 0;
      const parsed = parseExpression(source);
      expect(fullParserCalls.count, source).toBe(0);
      expect(parsed.ok ? [] : parsed.diagnostics.map((d) => d.code), source).toContain("unexpected-character");
    }
    const math = parseExpression("Math.pow(2, retried) * 1000");
    expect(math.ok ? undefined : math.diagnostics[0]).toMatchObject({
      code: "unexpected-character",
      message: "unexpected character `.`",
      span: { start: 4, end: 5 },
    });
  });

  it("reports a malformed number without chevrotain when the sentence is otherwise well formed", () => {
    for (const source of ["1_000 * retried", ".5 * retried", "1e999 * retried", "5. + retries"]) {
      fullParserCalls.count = 0;
      const parsed = parseExpression(source);
      expect(fullParserCalls.count, source).toBe(0);
      expect(asText(parsed), source).toBe(asText(parseThroughChevrotain(source)));
    }
  });

  it("refuses a source past the size limits without chevrotain", () => {
    const deep = `${"(".repeat(EXPRESSION_LIMITS.maxNestingDepth + 1)}1_0${")".repeat(EXPRESSION_LIMITS.maxNestingDepth + 1)}`;
    const long = Array.from({ length: EXPRESSION_LIMITS.maxTerms }, () => "1").join("+");
    for (const source of [deep, long, `-${long}`]) {
      fullParserCalls.count = 0;
      const parsed = parseExpression(source);
      expect(fullParserCalls.count).toBe(0);
      expect(parsed.ok).toBe(false);
      expect(asText(parsed)).toBe(asText(parseThroughChevrotain(source)));
    }
  });

  it("answers a syntax error with a refused operator or a bad number before it without chevrotain too", () => {
    for (const source of ["2 ^ retried +", "1_000 * (", "foo(1) + 2 ^", "max(1000, 2 ^ retried", "pow(2, retried) % 3 *"]) {
      fullParserCalls.count = 0;
      const parsed = parseExpression(source);
      expect(parsed.ok).toBe(false);
      expect(fullParserCalls.count, source).toBe(0);
      expect(asText(parsed), source).toBe(asText(parseThroughChevrotain(source)));
    }
  });
});

describe("describeCharacters", () => {
  /** Its answer with the Unicode test alone, as it was before printable ASCII skipped it. */
  const byUnicodeTest = (text: string): string => {
    const shown = text.length > 16 ? `${text.slice(0, 16)}…` : text;
    if (/^[^\p{C}\p{Z}]*$/u.test(shown.replace(/ /g, "x"))) return `\`${shown}\``;
    return Array.from(shown)
      .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`)
      .join(" ");
  };

  it("words ASCII and any other text as the Unicode test alone does", () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({ unit: "binary", maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 20 })), (text) => {
        expect(describeCharacters(text)).toBe(byUnicodeTest(text));
      }),
      { numRuns: 500 },
    );
    for (const text of ["\t", "\u007f", " ", "~", "a b", "\u00a0", "1\n"]) expect(describeCharacters(text), text).toBe(byUnicodeTest(text));
  });
});
