import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DURATION, mathMembers, mayHoldDuration } from "../../src/expression/mistakes.js";
import { compile, DEFAULT_BACKOFF_EXPRESSION, EXPRESSION_CODES, tryCompile, type Diagnostic, type Fix } from "../../src/index.js";

/** The source with one fix applied. */
const apply = (source: string, fix: Fix): string => source.slice(0, fix.span.start) + fix.text + source.slice(fix.span.end);

function only(source: string, retries?: number): Diagnostic {
  const { diagnostics } = tryCompile(source, retries === undefined ? {} : { retries });
  expect(diagnostics, JSON.stringify(diagnostics)).toHaveLength(1);
  return diagnostics[0] as Diagnostic;
}

describe("units inside an expression (unit-in-expression)", () => {
  // Real values: headers seen in public code (`30s`, `"5s"`, `'2s'` with "wait 2 seconds between retries").
  it.each([
    ["30s", 0, 3, "30000"],
    ['"5s"', 0, 4, "5000"],
    ["'2s'", 0, 4, "2000"],
    ["1m30s", 0, 5, "90000"],
    ["500ms", 0, 5, "500"],
    ["10m", 0, 3, "600000"],
    ["2h", 0, 2, "7200000"],
    ["1d", 0, 2, "86400000"],
    ["1.5s", 0, 4, "1500"],
    ["30 s", 0, 4, "30000"],
    ["5 seconds", 0, 9, "5000"],
    ["1h 30m", 0, 6, "5400000"],
    ["  45s ", 2, 5, "45000"],
    ["pow(2, retried) * 1s", 18, 20, "1000"],
    ["max(2s, pow(2, retried) * 1000)", 4, 6, "2000"],
  ] as const)("%j → write %s", (source, start, end, ms) => {
    const d = only(source);
    expect(d).toMatchObject({ code: "unit-in-expression", severity: "error", span: { start, end } });
    expect(d.hint).toBe(`expressions are in milliseconds and have no units: write \`${ms}\``);
    expect(d.fix).toEqual({ span: { start, end }, text: ms, message: `replace \`${source.slice(start, end)}\` with \`${ms}\`` });
    expect(d.suggestions).toBeUndefined();
    // The fix is the whole repair: the result compiles.
    expect(tryCompile(apply(source, d.fix as Fix)).ok).toBe(true);
  });

  it("replaces the parser's `30 * s` advice instead of adding to it", () => {
    const { diagnostics } = tryCompile("30s");
    expect(diagnostics.map((d) => d.code)).toEqual(["unit-in-expression"]);
    expect(JSON.stringify(diagnostics)).not.toContain("30 * s");
  });

  it("reports each literal of several, and keeps unrelated errors", () => {
    expect(tryCompile("max(1s, 500ms)").diagnostics.map((d) => [d.code, d.fix?.text])).toEqual([
      ["unit-in-expression", "1000"],
      ["unit-in-expression", "500"],
    ]);
  });

  it.each(["2 retried", "5 min(1, 2)", "2 e", "3 foo", "1000 * 2x", "30ns", "5us"])(
    "leaves %j to the parser: not a duration of milliseconds or more",
    (source) => {
      expect(tryCompile(source).diagnostics.map((d) => d.code)).not.toContain("unit-in-expression");
    },
  );
});

describe("the look before the duration search", () => {
  it("says no only where the search finds nothing", () => {
    const text = fc.string({
      unit: fc.constantFrom("1", "0", ".", " ", "\t", "s", "m", "e", "\u00b5", "\u03bc", "*", "(", "_", "x"),
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, (source) => {
        if (!mayHoldDuration(source)) expect([...source.matchAll(DURATION)]).toEqual([]);
      }),
    );
    expect(mayHoldDuration("1000 * ")).toBe(false);
    expect(mayHoldDuration("30 s")).toBe(true);
  });
});

describe("the search for Math. members", () => {
  it("finds what /\\bMath\\.(name)/g finds", () => {
    const text = fc.string({ unit: fc.constantFrom("Math.", "Math", ".", "M", "a", "p", "_", "1", " ", "(", "x"), maxLength: 10 });
    fc.assert(
      fc.property(text, (source) => {
        const expected = [...source.matchAll(/\bMath\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => ({ index: m.index, text: m[0], name: m[1] }));
        expect(mathMembers(source)).toEqual(expected);
      }),
    );
  });
});

describe("strategy words (strategy-name)", () => {
  it.each([
    ["exponential", ["pow(2, retried) * 1000"]],
    ["Exponential", ["pow(2, retried) * 1000"]],
    ["linear", ["1000 * (1 + retried)"]],
    ["fixed", ["1000"]],
    ["constant", ["1000"]],
    ["default", [DEFAULT_BACKOFF_EXPRESSION]],
    ["backoff", [DEFAULT_BACKOFF_EXPRESSION, "pow(2, retried) * 1000"]],
  ] as const)("%s → %j", (source, offers) => {
    const d = only(source);
    expect(d).toMatchObject({ code: "strategy-name", severity: "error", span: { start: 0, end: source.length } });
    expect(d.message).toBe(`\`${source}\` names a backoff strategy, but the header takes an expression`);
    expect(d.hint).toMatch(/leave the header out to get Upstash's default backoff/);
    expect(d.fix).toBeUndefined();
    expect(d.suggestions?.map((s) => s.text)).toEqual(offers);
    for (const s of d.suggestions ?? []) {
      expect(s.span).toEqual({ start: 0, end: source.length });
      expect(s.message).toContain(`\`${s.text}\``);
      expect(tryCompile(apply(source, s)).diagnostics.filter((x) => x.severity !== "info")).toEqual([]);
    }
  });

  it("keeps the hint but offers no replacement when the word is only part of the expression", () => {
    const d = only("exponential * 1000");
    expect(d).toMatchObject({ code: "strategy-name", span: { start: 0, end: 11 } });
    expect(d.suggestions).toBeUndefined();
    expect(only("  linear ").suggestions?.[0]).toEqual({
      span: { start: 2, end: 8 },
      text: "1000 * (1 + retried)",
      message: "write `1000 * (1 + retried)`, linear backoff: 1s, 2s, 3s, …",
    });
  });

  it("no longer answers `exponential` with `exp`", () => {
    expect(JSON.stringify(tryCompile("exponential").diagnostics)).not.toContain("did you mean");
  });

  it("covers the whole quoted value, and a call such as linear(1000)", () => {
    expect(only('"exponential"')).toMatchObject({
      code: "strategy-name",
      span: { start: 0, end: 13 },
      suggestions: [{ span: { start: 0, end: 13 }, text: "pow(2, retried) * 1000" }],
    });
    expect(only("linear(1000)")).toMatchObject({ code: "strategy-name", span: { start: 0, end: 12 } });
  });

  it("offers the default backoff exactly as Upstash documents it: 12s, 2m28s, 30m8s, 6h7m6s, 24h", () => {
    expect([0, 1, 2, 3, 4, 5].map(compile(DEFAULT_BACKOFF_EXPRESSION))).toEqual([12000, 148000, 1808000, 22026000, 86400000, 86400000]);
  });
});

describe("seconds written as milliseconds (short-delay)", () => {
  it.each([
    ["pow(2, retried)", 3, "every delay is at most 100 ms: 1 ms, 2 ms, 4 ms for `retried` = 0 … 2", "pow(2, retried) * 1000", "1s, 2s, 4s"],
    // The SDK's own JSDoc example: a 10 ms floor.
    [
      "max(10, pow(2, retried))",
      3,
      "the delay is 10 ms for every retry: at most 100 ms",
      "max(10, pow(2, retried)) * 1000",
      "10s, 10s, 10s",
    ],
    ["5", 3, "the delay is 5 ms for every retry: at most 100 ms", "5 * 1000", "5s, 5s, 5s"],
    [
      "retried + 1",
      6,
      "every delay is at most 100 ms: 1 ms, 2 ms, 3 ms, 4 ms, 5 ms, … for `retried` = 0 … 5",
      "(retried + 1) * 1000",
      "1s, 2s, 3s, 4s, 5s, …",
    ],
    ["30 + retried", 1, "the delay is 30 ms for every retry: at most 100 ms", "(30 + retried) * 1000", "30s"],
  ] as const)("%s (retries %d)", (source, retries, message, scaled, delays) => {
    const d = only(source, retries);
    expect(d).toMatchObject({ code: "short-delay", severity: "warning", message, span: { start: 0, end: source.length } });
    expect(d.hint).toBe("the expression gives milliseconds, not seconds; for seconds, multiply by 1000");
    expect(d.suggestions).toEqual([{ span: { start: 0, end: source.length }, text: scaled, message: `write \`${scaled}\`: ${delays}` }]);
    const fixed = compile(apply(source, d.suggestions?.[0] as Fix), { retries });
    expect(fixed.diagnostics.filter((x) => x.severity !== "info")).toEqual([]);
    expect(fixed(0)).toBe(compile(source, { retries })(0) * 1000);
  });

  it.each([
    ["0", "retry at once is a choice"],
    ["100 + retried", "101 and 102 ms pass the threshold"],
    ["retried * 50", "0 ms first"],
    ["101", "over the threshold"],
    ["pow(2, retried) * 1000", "seconds"],
  ])("leaves %s alone (%s)", (source) => {
    expect(tryCompile(source).diagnostics.map((d) => d.code)).not.toContain("short-delay");
  });

  it("treats 100 ms as the threshold, inclusive", () => {
    expect(only("100").code).toBe("short-delay");
  });
});

describe("a flat delay written to grow (flat-delay)", () => {
  it("notes Upstash's own example over the default 3 retries, and says where it starts to grow", () => {
    const d = only("max(1000, pow(2, retried) * 100)");
    expect(d).toMatchObject({ code: "flat-delay", severity: "info", span: { start: 0, end: 32 } });
    expect(d.message).toBe("the delay is 1000 ms (1s) for every `retried` from 0 to 2, although it depends on `retried`");
    expect(d.hint).toBe("it first changes at `retried` = 4 (1600 ms), so more retries would see it grow");
    expect(d.suggestions).toEqual([
      { span: { start: 0, end: 32 }, text: "1000", message: "write `1000` if a fixed delay is what you want" },
    ]);
    expect(tryCompile("max(1000, pow(2, retried) * 100)").ok).toBe(true);
  });

  it("says when it never changes within the look-ahead", () => {
    expect(only("min(1000, pow(2, retried) * 1000)").hint).toMatch(/^it stays 1000 ms at least up to `retried` = \d+$/);
  });

  it.each([
    ["max(1000, pow(2, retried) * 100)", 6],
    ["1000", 3],
    ["pow(2, retried) * 1000", 3],
    ["max(1000, pow(2, retried) * 100)", 1],
  ] as const)("is silent for %s with %d retries", (source, retries) => {
    expect(tryCompile(source, { retries }).diagnostics).toEqual([]);
  });
});

describe("retries → retried, the model the others follow", () => {
  it("answers Upstash's docs typo with a certain fix", () => {
    const d = only("(1 + retries) * 1000");
    expect(d).toMatchObject({ code: "unknown-variable", hint: "did you mean `retried`?" });
    expect(d.fix).toEqual({ span: { start: 5, end: 12 }, text: "retried", message: "replace `retries` with `retried`" });
    expect(compile(apply("(1 + retries) * 1000", d.fix as Fix))(2)).toBe(3000);
  });

  it("makes a case-only difference a fix and any other near miss a suggestion", () => {
    expect(only("Pow(2, retried) * 1000").fix?.text).toBe("pow");
    const power = only("power(2, retried) * 1000");
    expect(power.fix).toBeUndefined();
    expect(power.suggestions).toEqual([{ span: { start: 0, end: 5 }, text: "pow", message: "replace `power` with `pow`" }]);
  });
});

describe("repairs for the domain warnings", () => {
  it.each([
    ["1000 - 600 * retried", "negative-delay", ["max(0, 1000 - 600 * retried)"]],
    ["1000 / 3 * retried", "fractional-delay", ["round(1000 / 3 * retried)", "floor(1000 / 3 * retried)", "ceil(1000 / 3 * retried)"]],
    ["exp(retried * 1000)", "infinite-delay", ["min(exp(retried * 1000), 86400000)"]],
  ] as const)("%s (%s)", (source, code, texts) => {
    const d = only(source);
    expect(d.code).toBe(code);
    expect(d.suggestions?.map((s) => s.text)).toEqual(texts);
    for (const s of d.suggestions ?? [])
      expect(tryCompile(apply(source, s)).diagnostics.filter((x) => x.severity === "warning" && x.code === code)).toEqual([]);
  });
});

describe("Math. before a builtin", () => {
  it("fixes each `Math.` member when the source without them is valid", () => {
    const { diagnostics } = tryCompile("Math.max(1000, Math.pow(2, retried) * 1000)");
    expect(diagnostics.map((d) => d.fix)).toEqual([
      { span: { start: 0, end: 8 }, text: "max", message: "replace `Math.max` with `max`" },
      { span: { start: 15, end: 23 }, text: "pow", message: "replace `Math.pow` with `pow`" },
    ]);
    const repaired = (diagnostics as Diagnostic[]).reduceRight(
      (text, d) => (d.fix === undefined ? text : apply(text, d.fix)),
      "Math.max(1000, Math.pow(2, retried) * 1000)",
    );
    expect(repaired).toBe("max(1000, pow(2, retried) * 1000)");
  });

  it("offers no fix when dropping `Math.` still leaves an invalid source", () => {
    expect(tryCompile("Math.log(retried)").diagnostics.map((d) => d.fix)).toEqual([undefined]);
  });
});

describe("quotes around a valid expression", () => {
  it("offers the fix that removes them", () => {
    const { diagnostics } = tryCompile('"pow(2, retried) * 1000"');
    expect(diagnostics.map((d) => d.code)).toEqual(["unexpected-character", "unexpected-character"]);
    for (const d of diagnostics)
      expect(d.fix).toEqual({
        span: { start: 0, end: 24 },
        text: "pow(2, retried) * 1000",
        message: "remove the quotes: `pow(2, retried) * 1000`",
      });
  });
});

it("documents a severity for every new code", () => {
  expect(
    ["unit-in-expression", "strategy-name", "short-delay", "flat-delay"].map(
      (c) => EXPRESSION_CODES[c as keyof typeof EXPRESSION_CODES].severity,
    ),
  ).toEqual(["error", "error", "warning", "info"]);
});
