import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compile as rootCompile,
  printExpression,
  RetryDelayError,
  tryCompile as rootTryCompile,
  type Diagnostic,
} from "../../src/index.js";
import { compile, tryCompile } from "../../src/runtime.js";
import { EXPRESSION_CODES, EXPRESSION_LIMITS } from "../../src/tables.js";
import { OPERATORS, PUNCTUATION } from "../../src/expression/operators.js";
import { arbitraryExpression } from "../support/ast.js";

/*
 * retry-delay/runtime is the root's compile without the chevrotain parser:
 * on valid input it must give the root's closure values, range and tree,
 * and the root's warnings' codes, severities and spans, each in one short
 * line; on invalid input it must answer with one short
 * diagnostic where the recognizer stopped (or, when only names are wrong,
 * one per name, with the root's codes and spans), never a throw from
 * tryCompile, and never accept what the root refuses.
 */

/** How every diagnostic the runtime words itself ends. */
const FULL_REPORT = /; compile it with `retry-delay` \(not `retry-delay\/runtime`\) for the full diagnostics$/;

/** The codes name resolution decides (name-problems.ts); the runtime words them short, with the root's code and span. */
const NAME_CODES: readonly string[] = [
  "missing-call",
  "not-a-function",
  "strategy-name",
  "wrong-arity",
  "unknown-variable",
  "unknown-function",
];

/** A diagnostic the runtime words itself: one line that says where the full one is, and no hint, fix or suggestions. */
function expectShort(d: Diagnostic): void {
  expect(d.message).toMatch(FULL_REPORT);
  expect(Object.keys(d)).toEqual(["code", "severity", "message", "span"]);
}

/** What the entries must agree on, whatever their wording: code, severity and span. */
const decided = (diagnostics: readonly Diagnostic[]): unknown[] =>
  diagnostics.map(({ code, severity, span }) => ({ code, severity, span }));

/** The same answer for `retried` 0 … 20 and a few odd ones (NaN compared with Object.is). */
function sameClosure(a: (r: number) => number, b: (r: number) => number): void {
  for (const retried of [...Array.from({ length: 21 }, (_, i) => i), 0.5, -1, 1e6])
    expect(Object.is(a(retried), b(retried)), `retried ${retried}`).toBe(true);
}

function agreesWithRoot(source: string, options: { retries?: number } = {}): void {
  const root = rootTryCompile(source, options);
  const runtime = tryCompile(source, options);
  expect(runtime.ok, JSON.stringify(source)).toBe(root.ok);
  if (root.ok && runtime.ok) {
    sameClosure(runtime.value, root.value);
    expect(decided(runtime.diagnostics)).toEqual(decided(root.diagnostics));
    for (const d of runtime.diagnostics) expectShort(d);
    // Found again by the delay's getter, in the runtime's wording too.
    expect(runtime.value.diagnostics).toEqual(runtime.diagnostics);
    expect(runtime.value.range).toEqual(root.value.range);
    expect(runtime.value.expression).toEqual(root.value.expression);
    expect(runtime.value.source).toBe(source);
  } else if (runtime.diagnostics.every((d) => NAME_CODES.includes(d.code))) {
    // Problems with names alone (`A/A`: two unknown variables): the root's codes and spans, each in one short line.
    expect(decided(runtime.diagnostics)).toEqual(decided(root.diagnostics));
    for (const d of runtime.diagnostics) expectShort(d);
  } else {
    expect(runtime.diagnostics).toHaveLength(1);
    const [d] = runtime.diagnostics;
    expect(d?.severity).toBe("error");
    expect(Object.keys(EXPRESSION_CODES)).toContain(d?.code);
    expect(d?.span.start).toBeGreaterThanOrEqual(0);
    expect(d?.span.end).toBeGreaterThanOrEqual(d?.span.start ?? 0);
    expect(d?.span.end).toBeLessThanOrEqual(typeof source === "string" ? source.length : 0);
  }
}

/** Strings built from the language's own pieces and some that are not: mostly invalid, sometimes valid. */
const pieces = fc
  .array(
    fc.constantFrom(
      ...OPERATORS.map((row) => row.text),
      ...Object.values(PUNCTUATION).map((p) => p.text),
      ...[
        "retried",
        "retries",
        "pow",
        "max",
        "floor",
        "Exp",
        "exponential",
        "2",
        "1000",
        "1e400",
        "1_0",
        ".5",
        "7.",
        "30s",
        "$",
        "\u{1F600}",
        " ",
      ],
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(""));

describe("retry-delay/runtime against the root entry", () => {
  it("gives the root's closures, warnings, range and tree on printed random trees", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.integer({ min: 0, max: 40 }), (tree, retries) => {
        agreesWithRoot(printExpression(tree), { retries });
      }),
    );
  });

  it("gives a strategy word the root's code and span, and leaves its suggestions to the root", () => {
    for (const source of ["pow+exponential", "1000+exponential", "exponential", "linear(1000)"]) agreesWithRoot(source);
    expect(tryCompile("exponential").diagnostics[0]?.suggestions).toBeUndefined();
    expect(rootTryCompile("exponential").diagnostics[0]?.suggestions).toHaveLength(1);
    expect(tryCompile("linear(1000)").diagnostics[0]?.span).toEqual({ start: 0, end: 12 });
  });

  it("accepts exactly what the root accepts, and answers the rest with one short diagnostic, on mostly invalid input", () => {
    fc.assert(
      fc.property(fc.oneof(pieces, fc.string({ maxLength: 30 })), (source) => {
        agreesWithRoot(source);
      }),
    );
  });

  it("gives the root's check errors, and the root's warnings' codes, severities and spans in one short line each", () => {
    for (const source of ["1000 / (retried - retried)", "1000 - 600 * retried", "pow(2, retried)", "0 * retried + 5", "retried / 2"])
      agreesWithRoot(source, { retries: 5 });
    for (const source of ["1000 / (2 - retried)", "max(1000, pow(2, retried) * 100)", "1000 - 600 * retried"])
      agreesWithRoot(source, { retries: 1_000_000 });
    // An error of the checks decides the result: the root's own diagnostic.
    expect(tryCompile("1000 / 0")).toEqual(rootTryCompile("1000 / 0"));
    expect(tryCompile("1000 - 600 * retried").diagnostics).toEqual([
      {
        code: "negative-delay",
        severity: "warning",
        message:
          "the delay is negative for some `retried`; compile it with `retry-delay` (not `retry-delay/runtime`) for the full diagnostics",
        span: { start: 0, end: 20 },
      },
    ]);
    // A non-finite part is pointed at as the root points at it.
    expect(tryCompile("1000 + 1 / (1 - retried)").diagnostics[0]).toMatchObject({ code: "infinite-delay", span: { start: 7, end: 24 } });
    expect(rootTryCompile("1000 + 1 / (1 - retried)").diagnostics[0]?.span).toEqual({ start: 7, end: 24 });
  });

  it("holds the root's limits and option checks", () => {
    const long = "1".repeat(EXPRESSION_LIMITS.maxSourceLength + 1);
    const deep = `${"(".repeat(EXPRESSION_LIMITS.maxNestingDepth + 1)}1${")".repeat(EXPRESSION_LIMITS.maxNestingDepth + 1)}`;
    for (const [source, options] of [
      [long, {}],
      [deep, {}],
      [Array.from({ length: EXPRESSION_LIMITS.maxTerms }, () => "1").join("+"), {}],
      ["retried", { retries: -1 }],
      ["retried", { retries: 1.5 }],
    ] as const) {
      expect(tryCompile(source, options)).toEqual(rootTryCompile(source, options));
    }
    expect(tryCompile(42 as unknown as string)).toEqual(rootTryCompile(42 as unknown as string));
  });
});

describe("retry-delay/runtime's short diagnostic", () => {
  it.each([
    ["pow(2, retried * 1000", "unclosed-paren", { start: 3, end: 4 }],
    ["", "empty-expression", { start: 0, end: 0 }],
    ["  \t", "empty-expression", { start: 0, end: 3 }],
    ["1000 *", "unexpected-end", { start: 6, end: 6 }],
    ["2 % 3", "unsupported-operator", { start: 2, end: 3 }],
    ["2 ** 3", "unsupported-operator", { start: 2, end: 4 }],
    ["2 ^ retried", "unsupported-operator", { start: 2, end: 3 }],
    ["1e400 * retried", "number-out-of-range", { start: 0, end: 5 }],
    ["1_000", "malformed-number", { start: 0, end: 5 }],
    ["retried * .5", "malformed-number", { start: 10, end: 12 }],
    ["5.", "malformed-number", { start: 0, end: 2 }],
    ["retried $ 2", "unexpected-character", { start: 8, end: 9 }],
    ["2 * \u{1F600}", "unexpected-character", { start: 4, end: 6 }],
    ["30s", "missing-operator", { start: 2, end: 3 }],
    ["2 retried", "missing-operator", { start: 2, end: 9 }],
    ["pow(2 3)", "missing-operator", { start: 6, end: 7 }],
    ["(1))", "unmatched-paren", { start: 3, end: 4 }],
    ["pow(2,)", "unexpected-token", { start: 6, end: 7 }],
    ["* 2", "unexpected-token", { start: 0, end: 1 }],
  ] as const)("%j: %s at %j, and where the full diagnostics are", (source, code, span) => {
    const result = tryCompile(source);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code, severity: "error", span });
    expect(result.diagnostics[0]?.message).toMatch(
      /compile it with `retry-delay` \(not `retry-delay\/runtime`\) for the full diagnostics$/,
    );
    // The root reports the same source as invalid, in full.
    expect(rootTryCompile(source).ok).toBe(false);
  });

  it.each([
    ["retries", "unknown-variable", "unknown variable `retries`"],
    ["Pow(2, retried)", "unknown-function", "unknown function `Pow`"],
    ["pow(2)", "wrong-arity", "`pow` takes 2 arguments, but 1 was given"],
    ["exponential", "strategy-name", "`exponential` names a backoff strategy, but the header takes an expression"],
    ["retried(2)", "not-a-function", "`retried` is a variable, not a function"],
    ["pow", "missing-call", "`pow` is a function, but it is not called here"],
  ] as const)("gives a problem with a name (%j) the root's code and span, in one short line: %s", (source, code, what) => {
    const runtime = tryCompile(source);
    const root = rootTryCompile(source);
    expect(decided(runtime.diagnostics)).toEqual(decided(root.diagnostics));
    expect(runtime.diagnostics).toEqual([
      {
        code,
        severity: "error",
        message: `${what}; compile it with \`retry-delay\` (not \`retry-delay/runtime\`) for the full diagnostics`,
        span: root.diagnostics[0]?.span,
      },
    ]);
    // The root's own message is the same line, with its hint (and fix or suggestions) beside it.
    expect(root.diagnostics[0]?.message).toBe(what);
    expect(root.diagnostics[0]?.hint).toBeDefined();
  });

  it("is thrown by compile as the root's RetryDelayError, never any other error", () => {
    expect(() => compile("pow(2, retried * 1000")).toThrow(RetryDelayError);
    try {
      compile("retries * 1000");
    } catch (error) {
      expect(error).toBeInstanceOf(RetryDelayError);
      expect((error as RetryDelayError).diagnostics[0]).toMatchObject({ code: "unknown-variable", span: { start: 0, end: 7 } });
      expect((error as RetryDelayError).render()).toMatch(/^error\[unknown-variable\]: unknown variable `retries`; compile it with/);
    }
    expect(() => rootCompile("retries")).toThrow(RetryDelayError);
    fc.assert(
      fc.property(pieces, (source) => {
        try {
          compile(source);
        } catch (error) {
          expect(error).toBeInstanceOf(RetryDelayError);
        }
      }),
    );
  });

  it("throws the compact form: one line per diagnostic, with no source excerpt to draw (no renderer in the bundle)", () => {
    const thrown = (run: () => unknown): RetryDelayError => {
      try {
        run();
      } catch (error) {
        return error as RetryDelayError;
      }
      throw new Error("expected a throw");
    };
    const runtime = thrown(() => compile("pow(2, retried * 1000"));
    expect(runtime).toBeInstanceOf(RetryDelayError);
    expect(runtime.name).toBe("RetryDelayError");
    expect(runtime.source).toBe("pow(2, retried * 1000");
    expect(runtime.render()).toBe(`error[unclosed-paren]: ${runtime.diagnostics[0]?.message ?? ""}`);
    expect(runtime.message).toMatch(/for the full diagnostics$/);
    // The root's draws the source line and a caret under the span.
    expect(thrown(() => rootCompile("pow(2, retried * 1000")).render()).toContain("^");
  });
});
