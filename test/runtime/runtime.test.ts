import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compile as rootCompile,
  printExpression,
  RetryDelayError,
  tryCompile as rootTryCompile,
  type DelayRange,
  type Diagnostic,
} from "../../src/index.js";
import { compile, tryCompile } from "../../src/runtime.js";
import { EXPRESSION_CODES, EXPRESSION_LIMITS } from "../../src/tables.js";
import { OPERATORS, PUNCTUATION } from "../../src/expression/operators.js";
import { arbitraryExpression } from "../support/ast.js";

/*
 * retry-delay/runtime is the root's compile without the chevrotain parser
 * and without the checks that only warn. On valid input it must give the
 * root's closure values, range and tree, and no warnings; on invalid input
 * the root's own diagnostics wherever shared code decides the error (names,
 * the checks, the limits), and one short diagnostic where the recognizer
 * stopped on a syntax error; never a throw from tryCompile, and never
 * accept what the root refuses, nor refuse what it accepts.
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

/** The errors of the input checks, the limits and the checks: the root's own diagnostics in both entries. */
const SHARED_CODES: readonly string[] = [
  "invalid-input",
  "invalid-option",
  "source-too-long",
  "too-deeply-nested",
  "expression-too-large",
  "division-by-zero",
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

/** For sources and `retries` small enough that the root evaluates every value, as every test but the last's are. */
function agreesWithRoot(source: string, options: { retries?: number } = {}): void {
  const root = rootTryCompile(source, options);
  const runtime = tryCompile(source, options);
  expect(runtime.ok, JSON.stringify(source)).toBe(root.ok);
  if (root.ok && runtime.ok) {
    sameClosure(runtime.value, root.value);
    // The checks that only warn are the root's: the runtime reports nothing on a delay that compiles.
    expect(runtime.diagnostics).toEqual([]);
    expect(runtime.value.diagnostics).toEqual([]);
    expect(runtime.value.range).toEqual(root.value.range);
    expect(runtime.value.expression).toEqual(root.value.expression);
    expect(runtime.value.source).toBe(source);
    return;
  }
  const codes = runtime.diagnostics.map((d) => d.code);
  if (codes.every((code) => NAME_CODES.includes(code) || code === "too-many-errors")) {
    // Problems with names alone (`A/A`: two unknown variables): the root's codes and spans, each in one short
    // line, and past the error limit the root's own count of the rest.
    expect(decided(runtime.diagnostics)).toEqual(decided(root.diagnostics));
    for (const d of runtime.diagnostics) if (d.code !== "too-many-errors") expectShort(d);
  } else if (codes.every((code) => SHARED_CODES.includes(code))) {
    expect(runtime.diagnostics).toEqual(root.diagnostics);
  } else {
    // A syntax error: one short diagnostic where the recognizer stopped.
    expect(runtime.diagnostics).toHaveLength(1);
    const [d] = runtime.diagnostics;
    if (d === undefined) return;
    expectShort(d);
    expect(d.severity).toBe("error");
    expect(Object.keys(EXPRESSION_CODES)).toContain(d.code);
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(source.length);
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
  it("gives the root's closures, range and tree, and no warnings, on printed random trees", () => {
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

  it("gives the root's check errors as the root words them, and leaves the warnings to the root", () => {
    for (const source of ["1000 / (retried - retried)", "1000 - 600 * retried", "pow(2, retried)", "0 * retried + 5", "retried / 2"])
      agreesWithRoot(source, { retries: 5 });
    // An error of the checks decides the result: the root's own diagnostic, with its hint.
    expect(tryCompile("1000 / 0")).toEqual(rootTryCompile("1000 / 0"));
    // A warning does not: the root has one, the runtime compiles the same delay and says nothing.
    expect(rootTryCompile("1000 - 600 * retried").diagnostics.map((d) => d.code)).toEqual(["negative-delay"]);
    expect(tryCompile("1000 - 600 * retried")).toMatchObject({ ok: true, diagnostics: [] });
    expect(rootTryCompile("pow(2, retried)").diagnostics.map((d) => d.code)).toEqual(["short-delay"]);
    expect(compile("pow(2, retried)").diagnostics).toEqual([]);
  });

  it("gives the root's codes and spans past the error limit, with the root's count of the rest", () => {
    const names = Array.from({ length: EXPRESSION_LIMITS.maxReportedErrors + 5 }, (_, i) => `x${i}`).join(" + ");
    agreesWithRoot(names);
    expect(tryCompile(names).diagnostics.at(-1)).toEqual(rootTryCompile(names).diagnostics.at(-1));
    expect(tryCompile(names).diagnostics.at(-1)?.code).toBe("too-many-errors");
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

describe("retry-delay/runtime's range past the evaluation budget", () => {
  /** The range of every value, found one by one: the reference. */
  function everyValue(delay: (retried: number) => number, retries: number): DelayRange | undefined {
    let range: DelayRange | undefined;
    for (let retried = 0; retried < retries; retried++) {
      const value = delay(retried);
      if (!Number.isFinite(value)) continue;
      if (range === undefined) range = { min: value, max: value, minAt: retried, maxAt: retried };
      else if (value < range.min) range = { ...range, min: value, minAt: retried };
      else if (value > range.max) range = { ...range, max: value, maxAt: retried };
    }
    return range;
  }

  it("keeps the extremes of a monotone delay over a million retries, with bounds that say the range was sampled", () => {
    const root = rootCompile("1000 - 600 * retried", { retries: 1_000_000 }).range;
    expect(root).toEqual({ min: 1000 - 600 * 999_999, max: 1000, minAt: 999_999, maxAt: 0 });
    // The first and the last value are always among those evaluated. The runtime has no interval analysis
    // (the root's settles this delay exactly), so nothing bounds the values it did not evaluate.
    expect(compile("1000 - 600 * retried", { retries: 1_000_000 }).range).toEqual({
      ...root,
      bounds: { lowest: -Infinity, highest: Infinity },
    });
  });

  it("evaluates every value, and so has no bounds, while they fit the whole evaluation budget", () => {
    // 3 nodes and a call's cost of 10: 750,000 / 13 = 57,692 values fit; the root evaluates every value up to half that.
    expect(compile("1000 - retried", { retries: 57_692 }).range).toEqual({ min: 1000 - 57_691, max: 1000, minAt: 57_691, maxAt: 0 });
    expect(compile("1000 - retried", { retries: 57_693 }).range?.bounds).toEqual({ lowest: -Infinity, highest: Infinity });
  });

  it("is exact when it has no bounds, and otherwise holds the root's extremes within them", () => {
    fc.assert(
      fc.property(arbitraryExpression, fc.integer({ min: 65, max: 1_000_000 }), (tree, retries) => {
        const source = printExpression(tree);
        const root = rootTryCompile(source, { retries });
        const runtime = tryCompile(source, { retries });
        expect(runtime.ok).toBe(root.ok);
        if (!root.ok || !runtime.ok) return;
        sameClosure(runtime.value, root.value);
        expect(runtime.diagnostics).toEqual([]);
        const got = runtime.value.range;
        const want = root.value.range;
        if (got === undefined) {
          // Both ends are always evaluated.
          expect(Number.isFinite(runtime.value(0)) || Number.isFinite(runtime.value(retries - 1))).toBe(false);
          return;
        }
        expect(runtime.value(got.minAt)).toBe(got.min);
        expect(runtime.value(got.maxAt)).toBe(got.max);
        if (got.bounds === undefined) {
          expect(got).toEqual(everyValue(runtime.value, retries));
          if (want?.bounds === undefined) expect(got).toEqual(want);
          return;
        }
        expect(got.bounds.lowest).toBeLessThanOrEqual(got.min);
        expect(got.bounds.highest).toBeGreaterThanOrEqual(got.max);
        if (want === undefined) return;
        // The root's extremes are delays too: within the runtime's bounds, and outside its sampled extremes when exact.
        expect(got.bounds.lowest).toBeLessThanOrEqual(want.min);
        expect(got.bounds.highest).toBeGreaterThanOrEqual(want.max);
        if (want.bounds === undefined) {
          expect(want.min).toBeLessThanOrEqual(got.min);
          expect(want.max).toBeGreaterThanOrEqual(got.max);
        }
      }),
      { numRuns: 40 },
    );
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
    // A finite number is not too large: what follows it stopped the scanner, as the root says.
    ["1.2.3 * retried", "malformed-number", { start: 3, end: 5 }],
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

  it("calls a number too large only when it is, and then gives the root's code and span", () => {
    for (const source of ["1e400 * retried", "1.2.3 * retried", `${"9".repeat(400)} + 1`]) {
      const [root] = rootTryCompile(source).diagnostics;
      const [runtime] = tryCompile(source).diagnostics;
      expect(runtime && decided([runtime]), source).toEqual(root && decided([root]));
    }
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
