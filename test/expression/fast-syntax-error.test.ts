import fc from "fast-check";
import { asText, chevrotainAnswer, expectRootAsThroughChevrotain } from "../support/chevrotain-reference.js";
import { describe, expect, it } from "vitest";
import { parseWithChevrotain } from "../../src/expression/chevrotain-parse.js";
import { capErrors } from "../../src/expression/error-limit.js";
import { recognize } from "../../src/expression/fast-parse.js";
import { fastSyntaxErrors } from "../../src/expression/fast-syntax-error.js";

/*
 * The fast syntax diagnosis (fast-syntax-error.ts) stands in for the
 * chevrotain parser on the commonest syntax errors. Here it must give what
 * chevrotain gives, to the last field and in the same key order, on
 * generated invalid input; and the root's parse and tryCompile must give
 * what the path without it (every declined source to chevrotain) gives.
 */

/** Pieces people write, the mistakes among them: soups of these are mostly invalid. */
const PIECES =
  "pow|max|min|exp|floor|retried|retries|Pow|e|x|exponential|linear|(|)|,|1|2.5|1000|1e3|0|+|-|*|/| |s|30s|5 seconds|ms|1m30s|^|**|%|Math.|Math.pow|$|'|\"|1_000|.5|1.".split(
    "|",
  );

/** Valid expressions to break. */
const VALID = [
  "pow(2, retried) * 1000",
  "max(1000, min(60000, pow(2, retried) * 500))",
  "(1 + retried) * 1000",
  "-min(2, retried) / 3 - +1.5e3",
  "floor(exp(retried)) * 100",
  "1000",
];

const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(""));

/** A valid expression cut short, with a piece put in somewhere, or both. */
const broken = fc
  .tuple(fc.constantFrom(...VALID), fc.nat(), fc.nat(), fc.option(fc.constantFrom(...PIECES), { nil: undefined }))
  .map(([source, cut, at, piece]) => {
    const kept = source.slice(0, cut % (source.length + 1));
    const where = at % (kept.length + 1);
    return piece === undefined ? kept : kept.slice(0, where) + piece + kept.slice(where);
  });

const invalid = fc.oneof(soup, broken);

describe("the fast syntax diagnosis", () => {
  it("gives exactly chevrotain's diagnostic wherever it answers", () => {
    fc.assert(
      fc.property(invalid, (source) => {
        // It is asked only about what the fast path declined.
        const fast = recognize(source) === undefined ? fastSyntaxErrors(source) : undefined;
        if (fast !== undefined) expect(asText(chevrotainAnswer(source))).toBe(asText({ ok: false, diagnostics: capErrors(fast) }));
      }),
    );
  });

  it("answers for the common mistakes, and leaves the rest to chevrotain", () => {
    const answered = [
      "1000 * ",
      "pow(2, retried * 1000",
      "30s",
      "(1 2",
      "",
      "   ",
      "max(1, )",
      "1) + (2",
      "pow(*",
      "(1, 2)",
      "max(1, 2",
      "()",
      "1 ,",
      "pow(2, retried) retried",
    ];
    for (const source of answered) {
      expect(recognize(source), source).toBeUndefined();
      const fast = fastSyntaxErrors(source);
      expect(fast, source).toHaveLength(1);
      expect(asText(parseWithChevrotain(source)), source).toBe(asText({ ok: false, diagnostics: fast }));
    }
    // A refused operator, a stray character, a malformed number: chevrotain's to report; so is an input past the limits' reach.
    const left = ["max(1000, 2 ^ retried)", "Math.pow(2, retried)", "1_000 *", "2 ^ retried +", "1 + ".repeat(40)];
    for (const source of left) expect(fastSyntaxErrors(source), source).toBeUndefined();
  });

  it("finds the name problems chevrotain reports with the error, where its rules end", () => {
    const answered: [string, string[]][] = [
      ["foo * ", ["unknown-variable", "unexpected-end"]],
      ["foo(1) +", ["unknown-function", "unexpected-end"]],
      ["pow(1) +", ["wrong-arity", "unexpected-end"]],
      ["exp(1, 2) * (", ["wrong-arity", "unexpected-end"]],
      ["min(retried) + (", ["wrong-arity", "unexpected-end"]],
      ["pow(retries, foo(x)) 1", ["unknown-variable", "unknown-function", "unknown-variable", "missing-operator"]],
      ["exponential 2", ["strategy-name", "missing-operator"]],
      // The call is still open at the error: chevrotain has not resolved it, nor its name.
      ["foo(retries", ["unknown-variable", "unclosed-paren"]],
    ];
    for (const [source, codes] of answered) {
      expect(recognize(source), source).toBeUndefined();
      const fast = fastSyntaxErrors(source);
      expect(
        fast?.map((d) => d.code),
        source,
      ).toEqual(codes);
      expect(asText(chevrotainAnswer(source)), source).toBe(asText({ ok: false, diagnostics: capErrors(fast ?? []) }));
    }
  });

  it("leaves the root's parseExpression and tryCompile exactly as they were without it", () => {
    fc.assert(
      fc.property(invalid, (source) => {
        expectRootAsThroughChevrotain(source);
      }),
    );
  });
});
