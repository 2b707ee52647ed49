import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWithChevrotain } from "../../src/expression/chevrotain-parse.js";
import { capErrors } from "../../src/expression/error-limit.js";
import { EXPRESSION_LIMITS } from "../../src/expression/limits.js";
import { readToken, tokenRecord } from "../../src/expression/fast-scan.js";
import { parseReportingRefused } from "../../src/expression/refused-parse.js";

/*
 * The reporting parser (refused-parse.ts) stands in for the chevrotain
 * parser on a well-formed source with a refused operator. Wherever it
 * answers, it must give chevrotain's diagnostics (capped at the report
 * limit, as parse.ts caps them), to the last field and in the same key order.
 */

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

const asText = (value: unknown): string => JSON.stringify(value);

function chevrotainAnswer(source: string): string {
  const full = parseWithChevrotain(source);
  return asText(full.ok ? full : { ok: false, diagnostics: capErrors(full.diagnostics) });
}

describe("the reporting parser for refused operators and bad numbers", () => {
  it("gives exactly chevrotain's diagnostics wherever it answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(soup, operand, refusing, badNumber), (source) => {
        const fast = parseReportingRefused(source);
        if (fast === undefined) return;
        answered++;
        expect(asText(fast)).toBe(chevrotainAnswer(source));
      }),
    );
    expect(answered).toBeGreaterThan(0);
  });

  it("answers for the refused operators, with name problems found around them", () => {
    for (const source of ["max(1000, 2 ^ retried)", "2 ** retried * 1000", "retried % 2", "-2 ^ -retries % pow(1)", "2 ^ 3 ^ 4"]) {
      const fast = parseReportingRefused(source);
      expect(fast, source).toBeDefined();
      expect(asText(fast), source).toBe(chevrotainAnswer(source));
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
      const fast = parseReportingRefused(source);
      expect(fast, source).toBeDefined();
      expect(asText(fast), source).toBe(chevrotainAnswer(source));
    }
  });

  it("keeps only the report limit's number of errors, as chevrotain's answer is capped", () => {
    const source = Array.from({ length: EXPRESSION_LIMITS.maxReportedErrors + 5 }, () => "1_0").join(" + ");
    const fast = parseReportingRefused(source);
    expect(fast?.ok === false ? fast.diagnostics.at(-1)?.code : undefined).toBe("too-many-errors");
    expect(asText(fast)).toBe(chevrotainAnswer(source));
  });

  it("leaves everything else to chevrotain", () => {
    for (const source of [
      "pow(2, retried) * 1000",
      "pow(2, retries)",
      "2 ^",
      "2 ^ (3",
      "Math.pow(2, 3) ^ 2",
      "1_000 ^",
      "(.5",
      "30s ^ 2",
      "1e999 1",
    ])
      expect(parseReportingRefused(source), source).toBeUndefined();
  });

  it("stops at a character no token starts with, whatever fixed token came before it", () => {
    // readToken once left the previous token's row in `fixed` here, and the scan then read the same place forever.
    const token = tokenRecord();
    expect(readToken("+$", 0, token)).toBe(true);
    expect(readToken("+$", 1, token)).toBe(false);
    expect(token.fixed).toBeUndefined();
    for (const source of ["+$/%(", "2 ^ $", "retried % @", "(**$"]) expect(parseReportingRefused(source), source).toBeUndefined();
  });
});
