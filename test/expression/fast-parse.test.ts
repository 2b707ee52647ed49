import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printExpression } from "../../src/index.js";
import { parseFast, recognize } from "../../src/expression/fast-parse.js";
import { parseWithChevrotain } from "../../src/expression/chevrotain-parse.js";
import { OPERATORS, PUNCTUATION } from "../../src/expression/operators.js";
import { arbitraryExpression } from "../support/ast.js";
import type { Expression } from "../../src/expression/ast.js";
import { checkAndCompile } from "../../src/expression/check.js";
import { countNodes } from "../../src/expression/domain-bounds.js";
import { plainTreeNodes } from "../../src/expression/fast-recognizer.js";
import { foldConstants } from "../../src/expression/fold.js";
import { ROOT_WORDING } from "../../src/expression/root-wording.js";

/*
 * The fast path must accept exactly what the chevrotain parser accepts, and
 * build the same tree, spans included. Inputs: printed random trees (valid),
 * those with random whitespace and redundant parentheses, and token soup
 * (mostly invalid).
 */

function agree(source: string): void {
  const fast = parseFast(source);
  const full = parseWithChevrotain(source);
  if (full.ok) {
    expect(fast, `fast path declined valid input ${JSON.stringify(source)}`).toBeDefined();
    expect(fast).toEqual(full.value);
  } else {
    expect(fast, `fast path accepted invalid input ${JSON.stringify(source)}`).toBeUndefined();
  }
  // Where the fast path answers with name problems, they are the full parser's diagnostics, in its order.
  const recognized = recognize(source);
  if (recognized !== undefined && recognized.problems.length > 0) {
    expect(full.ok, `fast path found problems in valid input ${JSON.stringify(source)}`).toBe(false);
    expect(recognized.problems).toEqual(full.diagnostics);
  }
}

const decorated = arbitraryExpression.chain((tree) =>
  fc.array(fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", ""), { minLength: 1, maxLength: 40 }).map((gaps) => {
    const printed = printExpression(tree);
    let out = "";
    let g = 0;
    for (const char of printed) out += char === " " ? (gaps[g++ % gaps.length] ?? " ") || " " : char;
    return out;
  }),
);

const soup = fc
  .array(
    fc.constantFrom(
      // Every operator and punctuation text of the table, so a new row is fuzzed without a new case here.
      ...OPERATORS.map((row) => row.text),
      ...Object.values(PUNCTUATION).map((p) => p.text),
      ...[
        "pow",
        "exp",
        "max",
        "min",
        "round",
        "retried",
        "retries",
        "Pow",
        ".",
        "_",
        "e",
        "1e3",
        ".5",
        "5.",
        "1_0",
        "0",
        "7",
        "2.5",
        "1e400",
        "1e",
        " ",
        "\t",
        "\n",
        '"',
        "$",
        "é",
        "__proto__",
        "log",
        "linear",
        "exponential",
        "Math",
      ],
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

describe("the fast path agrees with the chevrotain parser", () => {
  it("on printed random trees", () => {
    fc.assert(
      fc.property(arbitraryExpression, (tree) => {
        agree(printExpression(tree));
      }),
    );
  });

  it("with random whitespace, tabs and newlines", () => {
    fc.assert(fc.property(decorated, agree));
  });

  it("with redundant parentheses (which widen spans)", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.integer({ min: 1, max: 3 }), (tree, n) => {
        agree(`${"(".repeat(n)}${printExpression(tree)}${")".repeat(n)}`);
      }),
    );
  });

  it("on numbers of every length, where the scanner sums integer digits itself", () => {
    // Up to 15 digits the scanner's own sum is exact; past that it must defer to Number().
    const digits = fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), minLength: 1, maxLength: 24 });
    const number = fc
      .tuple(digits, fc.option(digits), fc.option(fc.tuple(fc.constantFrom("e", "E", "e+", "e-"), digits)))
      .map(
        ([integer, fraction, exponent]) =>
          `${integer}${fraction === null ? "" : `.${fraction}`}${exponent === null ? "" : exponent.join("")}`,
      );
    fc.assert(
      fc.property(number, (image) => {
        agree(image);
        agree(`retried * ${image}`);
        const parsed = parseFast(image);
        if (parsed !== undefined) expect(parsed).toMatchObject({ kind: "number", value: Number(image) });
      }),
    );
    for (const image of ["999999999999999", "9007199254740993", "12345678901234567890", "0000000000000000000001"]) {
      expect(parseFast(image)).toMatchObject({ kind: "number", value: Number(image) });
    }
  });

  it("on the problems of names, which the fast path reports itself", () => {
    for (const source of [
      "pow(2, retries) * 1000",
      "retries + Pow(2, retried) + log(retried)",
      "pow(retried) + max(1, 2, 3) * exponential",
      "linear(1000)",
      "pow + retried(2)",
      "f(g(h(1)), k)",
    ]) {
      expect(recognize(source)?.problems.length, source).toBeGreaterThan(0);
      agree(source);
    }
  });

  it("on nesting around the depth limit, which the recognizer counts as it goes rather than in a pre-scan", () => {
    // Each wrapper opens levels that the size check counts: parentheses, calls, signs (released by the next operator).
    const wrappers: readonly (readonly [string, string])[] = [
      ["(", ")"],
      ["-", ""],
      ["+", ""],
      ["- (", ")"],
      ["abs(", ")"],
      ["max(1, ", ")"],
      ["pow(retried, ", ") * 2"],
      ["-", " * 3"],
      ["(-", ") + -1"],
    ];
    const nested = fc
      .array(fc.constantFrom(...wrappers), { minLength: 50, maxLength: 66 })
      .map((around) => around.reduceRight((inner, [open, close]) => `${open}${inner}${close}`, "retried"));
    fc.assert(fc.property(nested, agree), { numRuns: 300 });
  });

  it("on token soup and random strings", () => {
    fc.assert(fc.property(fc.oneof(soup, fc.string({ maxLength: 30 })), agree));
  });

  it.each([
    "pow(2, retried) * 1000",
    "1e3",
    "1E+3",
    "2retried",
    "1e",
    "1.5e",
    "1e+",
    "1e+2e",
    "1.5.3",
    "0x10",
    "1E-2 * retried",
    "1e5_",
    "2.",
    "retried1",
    "_retried",
    "- -retried",
    "((1))",
    "max()",
    "pow(1)",
    "retried(1)",
    "pow",
    "2 ** 3",
    "1_000",
    "1 % 2",
    "",
    "   ",
    "(".repeat(64) + "1" + ")".repeat(64),
    "(".repeat(65) + "1" + ")".repeat(65),
    Array.from({ length: 1024 }, () => "1").join("+"),
    Array.from({ length: 1025 }, () => "1").join("+"),
  ])("on the edge case %j", (source) => {
    agree(source);
  });
});

/*
 * The recognizer notes of its last tree what compile's walks would find
 * (fast-recognizer.ts, `plainTreeNodes`): its count of nodes, and that it
 * is plain, folding to itself with no constant division to check. When it
 * says plain, `compile` skips both walks; so plain must mean exactly that.
 */
describe("the recognizer's facts about its tree", () => {
  function factsHold(source: string): void {
    const recognized = recognize(source);
    if (recognized === undefined || recognized.problems.length > 0) return;
    const tree = recognized.tree;
    const nodes = plainTreeNodes(tree);
    const walked = checkAndCompile(tree, { retries: 0 }, ROOT_WORDING, { namesResolved: true });
    const dividesByZero = walked.diagnostics.some((d) => d.code === "division-by-zero");
    // Plain exactly when folding changes nothing and no divisor is a constant 0.
    expect(nodes !== undefined, `plain? ${JSON.stringify(source)}`).toBe(foldConstants(tree) === tree && !dividesByZero);
    if (nodes === undefined) return;
    expect(nodes).toBe(countNodes(tree));
    // The checks answer the same with the facts as with the walks.
    for (const retries of [0, 3, 40]) {
      const withFacts = checkAndCompile(tree, { retries }, ROOT_WORDING, { namesResolved: true, plainNodes: nodes });
      const withWalks = checkAndCompile(tree, { retries }, ROOT_WORDING, { namesResolved: true });
      expect(withFacts.diagnostics).toEqual(withWalks.diagnostics);
      expect(withFacts.range).toEqual(withWalks.range);
    }
  }

  it("on printed random trees, decorated, and token soup", () => {
    fc.assert(fc.property(fc.oneof(arbitraryExpression.map(printExpression), decorated, soup), factsHold));
  });

  it.each([
    ["pow(2, retried) * 1000", 5],
    ["max(1000, pow(2, retried) * 100)", 7],
    ["-retried", 2],
    ["(retried) / (4)", 3],
    ["1 + 2", undefined],
    ["retried + 60 * 1000", undefined],
    ["pow(2, 10) * retried", undefined],
    ["-1 + retried", undefined],
    ["+retried", undefined],
    ["retried / 0", undefined],
    ["retried / (0)", undefined],
    ["retried / 0.0", undefined],
  ])("%j: %j nodes when plain", (source, nodes) => {
    const tree = recognize(source)?.tree;
    expect(tree).toBeDefined();
    expect(plainTreeNodes(tree as Expression)).toBe(nodes);
    factsHold(source);
  });

  it("are asked for by identity: another tree, even an equal one, gets none", () => {
    const first = recognize("pow(2, retried)")?.tree as Expression;
    const second = recognize("pow(2, retried)")?.tree as Expression;
    expect(second).toEqual(first);
    expect(plainTreeNodes(first)).toBeUndefined();
    expect(plainTreeNodes(second)).toBe(3);
    expect(plainTreeNodes({ ...second })).toBeUndefined();
  });
});
