import fc from "fast-check";
import { asText, chevrotainAnswer, expectRootAsThroughChevrotain, parseThroughChevrotain } from "../support/chevrotain-reference.js";
import { describe, expect, it, vi } from "vitest";
import { parseExpression } from "../../src/expression/api.js";
import { readToken, tokenRecord } from "../../src/expression/fast-scan.js";
import { EXPRESSION_LIMITS } from "../../src/expression/limits.js";
import { lexSource, parseReporting } from "../../src/expression/refused-parse.js";

/*
 * The reporting parser (refused-parse.ts) stands in for the chevrotain
 * parser on every source the fast path declines: refused operators, bad
 * numbers, syntax errors among them and in long sources. Wherever it
 * answers, it must give chevrotain's diagnostics (capped at the report
 * limit, as parse.ts caps them), to the last field and in the same key
 * order; where it does not, chevrotain must accept the source. The full
 * parser is counted, so a source that should not reach it and does fails here.
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

/** Operands, operators (refused ones among them), bad numbers and punctuation: soups of these are often well formed. */
// `$` and `@` start no token: the reporting parser must stop at them whatever token came before.
const PIECES = "pow|max|floor|retried|retries|e|exponential|(|)|,|1|2.5|1000|1_000|.5|5.|1e999|1.e3|+|-|*|/|^|**|%|$|@| ".split("|");
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(" "));

/** Well-formed trees with refused operators in them, printed: `x ^ y`, `-(a % b)`, `pow(a ** b, c)`. */
const operand = fc.letrec<{ tree: string }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("1", "2.5", "retried", "retries", "x", "pow", "1_000", ".5", "5.", "1e999", "2.e-1"),
    fc.tuple(tie("tree"), fc.constantFrom("+", "-", "*", "/", "^", "**", "%"), tie("tree")).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom("-", "+"), tie("tree")).map(([sign, a]) => `${sign}${a}`),
    tie("tree").map((a) => `(${a})`),
    fc
      .tuple(fc.constantFrom("pow", "max", "floor", "log", "retried"), fc.array(tie("tree"), { maxLength: 3 }))
      .map(([name, args]) => `${name}(${args.join(", ")})`),
  ),
})).tree;

/** A tree with at least one refused operator at its top. */
const refusing = fc.tuple(operand, fc.constantFrom("^", "**", "%"), operand).map(([a, op, b]) => `${a} ${op} ${b}`);

/** A tree with a number the language does not accept as written, and at most one problem more. */
const badNumber = fc
  .tuple(operand, fc.constantFrom("1_000", ".5", "5.", "1e999", "1_0.5e1_0", "9".repeat(400)), fc.constantFrom("+", "*", "^", "%"))
  .map(([a, number, op]) => `${a} ${op} ${number}`);

/** Pieces that break a sentence: operators with nothing after them, parentheses and commas out of place, operands in a row. */
const BREAKERS = ["+", "*", "^", "**", "%", "-", "(", ")", ",", "()", "1", "retried", "pow(", "max(1,", " 30s", "1_0 (", ".5 ^"];

/** A source with a syntax error (or a few) put somewhere into it: cut short, a breaker put in, or both. */
function broken(sentence: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(sentence, fc.nat(), fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BREAKERS)), { maxLength: 3 }))
    .map(([source, cut, cutShort, inserts]) => {
      const kept = cutShort ? source.slice(0, cut % (source.length + 1)) : source;
      return inserts.reduce((text, [at, piece]) => {
        const where = at % (text.length + 1);
        return `${text.slice(0, where)} ${piece} ${text.slice(where)}`;
      }, kept);
    });
}

/** Sources over 64 tokens (the fast syntax diagnosis's reach), up to past the size limits: long sums of trees. */
const long = fc
  .tuple(
    fc.array(operand, { minLength: 12, maxLength: 40 }),
    fc.constantFrom(" + ", " * ", " % ", " ^ ", ", "),
    fc.integer({ min: 1, max: 30 }),
  )
  .map(([trees, joint, repeat]) =>
    Array.from({ length: repeat }, () => trees.join(joint))
      .join(" - ")
      .slice(0, EXPRESSION_LIMITS.maxSourceLength),
  );

/** Nested near the depth limit, with a problem inside. */
const deep = fc
  .tuple(
    fc.integer({ min: EXPRESSION_LIMITS.maxNestingDepth - 4, max: EXPRESSION_LIMITS.maxNestingDepth + 2 }),
    operand,
    fc.constantFrom("(", "max(1, ", "-", "2 ^ "),
  )
  .map(
    ([depth, inner, opener]) => `${opener.repeat(depth)}${inner}${(opener.endsWith("(") || opener.endsWith(" ") ? ")" : "").repeat(depth)}`,
  );

const sentences = fc.oneof(soup, operand, refusing, badNumber);
const sources = fc.oneof(sentences, broken(fc.oneof(operand, refusing, badNumber)), broken(long), long, broken(deep));

describe("the reporting parser", () => {
  it("gives exactly chevrotain's diagnostics, and leaves it only what chevrotain accepts", () => {
    let answered = 0;
    let syntaxErrors = 0;
    fc.assert(
      fc.property(sources, (source) => {
        const fast = parseReporting(source);
        const full = chevrotainAnswer(source);
        if (fast === undefined) {
          expect(full.ok, source).toBe(true);
          return;
        }
        answered++;
        if (!full.ok && full.diagnostics.some((d) => /unexpected|unclosed|unmatched|missing-operator|empty/.test(d.code))) syntaxErrors++;
        expect(asText(fast)).toBe(asText(full));
      }),
      { numRuns: 400 },
    );
    expect(answered).toBeGreaterThan(200);
    expect(syntaxErrors).toBeGreaterThan(100);
  });

  it("leaves the root's parseExpression and tryCompile exactly as they were, and never loads chevrotain for them", () => {
    fc.assert(
      fc.property(sources, (source) => {
        expectRootAsThroughChevrotain(source, fullParserCalls);
      }),
      { numRuns: 200 },
    );
  });

  it("answers a syntax error among refused operators and bad numbers without chevrotain", () => {
    const cases: [string, string[]][] = [
      ["2 ^ retried +", ["unsupported-operator", "unexpected-end"]],
      ["1_000 * (", ["malformed-number", "unexpected-end"]],
      ["max(1000, 2 ^ retried", ["unsupported-operator", "unclosed-paren"]],
      ["pow(2, retried) % 3 *", ["unsupported-operator", "unexpected-end"]],
      ["foo(1) + 2 ^", ["unknown-function", "unexpected-end"]],
      ["2 ^ 3 4", ["unsupported-operator", "missing-operator"]],
      ["(1 % 2", ["unsupported-operator", "unclosed-paren"]],
      ["max(1 % 2 3)", ["unsupported-operator", "missing-operator"]],
      ["1e999 )", ["number-out-of-range", "unmatched-paren"]],
      [".5 , 1", ["malformed-number", "unexpected-token"]],
      ["pow(2 ** 3, )", ["unsupported-operator", "unexpected-token"]],
      ["2 ^ ^ 3", ["unexpected-token"]],
    ];
    for (const [source, codes] of cases) {
      fullParserCalls.count = 0;
      const parsed = parseExpression(source);
      expect(fullParserCalls.count, source).toBe(0);
      expect(parsed.ok ? [] : parsed.diagnostics.map((d) => d.code), source).toEqual(codes);
      expect(asText(parseReporting(source)), source).toBe(asText(chevrotainAnswer(source)));
      expect(asText(parsed), source).toBe(asText(parseThroughChevrotain(source)));
    }
  });

  it("answers a syntax error in a source over 64 tokens without chevrotain", () => {
    const sum = Array.from({ length: 40 }, (_, i) => `pow(2, retried) * ${i + 1}`).join(" + ");
    for (const source of [`${sum} +`, `(${sum}`, `${sum} 30s`, `max(${sum}, )`, "1 + ".repeat(40), `${sum})`]) {
      fullParserCalls.count = 0;
      const parsed = parseExpression(source);
      expect(fullParserCalls.count, source).toBe(0);
      expect(parsed.ok, source).toBe(false);
      expect(asText(parsed), source).toBe(asText(parseThroughChevrotain(source)));
    }
  });

  it("answers for the refused operators, with name problems found around them", () => {
    for (const source of ["max(1000, 2 ^ retried)", "2 ** retried * 1000", "retried % 2", "-2 ^ -retries % pow(1)", "2 ^ 3 ^ 4"]) {
      const fast = parseReporting(source);
      expect(fast, source).toBeDefined();
      expect(asText(fast), source).toBe(asText(chevrotainAnswer(source)));
    }
  });

  it("answers for malformed and out-of-range numbers, with the problems around them", () => {
    for (const source of [
      "1_000 * retried",
      ".5 * pow(2, retried)",
      "5. + 1e999",
      "1_000 ^ 2",
      "max(1_000, retries)",
      "-.5e1_0 % foo(1)",
    ]) {
      const fast = parseReporting(source);
      expect(fast, source).toBeDefined();
      expect(asText(fast), source).toBe(asText(chevrotainAnswer(source)));
    }
  });

  it("keeps only the report limit's number of errors, as chevrotain's answer is capped", () => {
    const many = Array.from({ length: EXPRESSION_LIMITS.maxReportedErrors + 5 }, () => "1_0").join(" + ");
    // A chain of refused operators: only the kept ones' hints are worded, each printing its operands.
    const chain = Array.from({ length: 60 }, (_, i) => String(i)).join(" % ");
    for (const source of [many, `${many} +`, `${Array.from({ length: 60 }, () => "foo").join(" % ")} (`, chain, `(${chain}) ^ 2 % 3`]) {
      const fast = parseReporting(source);
      expect(fast?.ok === false ? fast.diagnostics.at(-1)?.code : undefined, source).toBe("too-many-errors");
      expect(asText(fast), source).toBe(asText(chevrotainAnswer(source)));
    }
  });

  it("answers characters no token starts with, and sources past the size limits, as chevrotain does", () => {
    const past = `${"(".repeat(EXPRESSION_LIMITS.maxNestingDepth + 1)}1_0 +`;
    for (const source of ["2 ^ $", "retried % @", "Math.pow(2, retried) +", past, Array.from({ length: 1100 }, () => "1 ^").join(" ")]) {
      const fast = parseReporting(source);
      expect(fast?.ok, source).toBe(false);
      expect(asText(fast), source).toBe(asText(chevrotainAnswer(source)));
    }
  });

  it("leaves a source with no problem to the full parser", () => {
    for (const source of ["pow(2, retried) * 1000", "-(1 + retried) / 2", "max(1, min(2, 3))"]) {
      expect(parseReporting(source), source).toBeUndefined();
      expect(lexSource(source).characterDiagnostics).toEqual([]);
    }
  });

  it("stops at a character no token starts with, whatever fixed token came before it", () => {
    // readToken once left the previous token's row in `fixed` here, and the scan then read the same place forever.
    const token = tokenRecord();
    expect(readToken("+$", 0, token)).toBe(true);
    expect(readToken("+$", 1, token)).toBe(false);
  });
});
