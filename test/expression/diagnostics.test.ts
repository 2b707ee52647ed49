import { describe, expect, it } from "vitest";
import {
  checkExpression,
  compile,
  EXPRESSION_CODES,
  parse,
  RetryDelayError,
  tabulate,
  tryCompile,
  type ExpressionCode,
  type Span,
} from "../../src/index.js";

interface Case {
  readonly source: string;
  readonly code: ExpressionCode;
  readonly span: Span;
  readonly message?: RegExp;
  readonly hint?: RegExp;
  readonly retries?: number;
}

const deep = "(".repeat(65) + "1" + ")".repeat(65);

// One or more cases for every code, each with its exact span.
const cases: readonly Case[] = [
  {
    source: "1".repeat(8193),
    code: "source-too-long",
    span: { start: 8192, end: 8193 },
    message: /8193 characters long; the limit is 8192/,
  },
  { source: deep, code: "too-deeply-nested", span: { start: 64, end: 65 } },
  { source: "-".repeat(65) + "retried", code: "too-deeply-nested", span: { start: 64, end: 65 } },
  { source: "2^".repeat(65) + "2", code: "too-deeply-nested", span: { start: 129, end: 130 } },
  {
    source: Array.from({ length: 1025 }, () => "1").join("+"),
    code: "expression-too-large",
    span: { start: 2048, end: 2049 },
    message: /more than 2048 operands/,
  },
  {
    source: Array.from({ length: 52 }, () => "zz").join("+"),
    code: "too-many-errors",
    span: { start: 150, end: 155 },
    message: /^and 2 more errors, not shown$/,
  },
  { source: "", code: "empty-expression", span: { start: 0, end: 0 }, hint: /e\.g\. `1000`/ },
  { source: "   \t", code: "empty-expression", span: { start: 4, end: 4 } },
  { source: "1000 $ 2", code: "unexpected-character", span: { start: 5, end: 6 }, message: /unexpected character `\$`/ },
  { source: '"1000"', code: "unexpected-character", span: { start: 0, end: 1 }, hint: /remove the quotes/ },
  { source: "2 × retried", code: "unexpected-character", span: { start: 2, end: 3 }, hint: /write `\*`/ },
  { source: "retried > 3", code: "unexpected-character", span: { start: 8, end: 9 }, hint: /no comparisons/ },
  { source: "1000\r\n+ retried", code: "unexpected-character", span: { start: 4, end: 6 }, hint: /HTTP header/ },
  { source: "1\u001b[31m", code: "unexpected-character", span: { start: 1, end: 3 }, message: /characters U\+001B U\+005B$/ },
  { source: ".5 * retried", code: "malformed-number", span: { start: 0, end: 2 }, hint: /write `0\.5`/ },
  { source: "5. * retried", code: "malformed-number", span: { start: 0, end: 2 }, hint: /write `5` or `5\.0`/ },
  { source: "1_000 * retried", code: "malformed-number", span: { start: 0, end: 5 }, hint: /write `1000`/ },
  { source: "1e400", code: "number-out-of-range", span: { start: 0, end: 5 } },
  { source: "retried % 2", code: "unsupported-operator", span: { start: 8, end: 9 }, hint: /retried - floor\(retried \/ 2\) \* 2/ },
  { source: "2 ^ retried * 1000", code: "unsupported-operator", span: { start: 0, end: 11 }, hint: /write `pow\(2, retried\)`/ },
  { source: "1000 * 2 ** retried", code: "unsupported-operator", span: { start: 7, end: 19 }, hint: /write `pow\(2, retried\)`/ },
  { source: "1 * / 2", code: "unexpected-token", span: { start: 4, end: 5 }, message: /expected an operand, found `\/`/ },
  { source: "pow(2 3)", code: "missing-operator", span: { start: 6, end: 7 }, hint: /`2 \* 3`/ },
  { source: "max(1, 2; 3)", code: "unexpected-character", span: { start: 8, end: 9 } },
  { source: "(1, 2)", code: "unexpected-token", span: { start: 2, end: 3 }, message: /expected `\)`, found `,`/ },
  { source: "pow(2,)", code: "unexpected-token", span: { start: 6, end: 7 }, hint: /trailing comma/ },
  { source: "()", code: "unexpected-token", span: { start: 0, end: 2 }, message: /empty parentheses/ },
  { source: "1, 2", code: "unexpected-token", span: { start: 1, end: 2 }, message: /outside a function call/ },
  { source: "1000 *", code: "unexpected-end", span: { start: 6, end: 6 }, message: /after `\*`/ },
  { source: "2 retried", code: "missing-operator", span: { start: 2, end: 9 }, hint: /`2 \* retried`/ },
  { source: "(1 + 2)(3)", code: "missing-operator", span: { start: 7, end: 8 }, hint: /`\(…\) \* \(…\)`/ },
  { source: "pow(2, retried * 1000", code: "unclosed-paren", span: { start: 21, end: 21 } },
  { source: "(retried + 1", code: "unclosed-paren", span: { start: 12, end: 12 } },
  { source: "retried + 1)", code: "unmatched-paren", span: { start: 11, end: 12 } },
  { source: "retries * 1000", code: "unknown-variable", span: { start: 0, end: 7 }, hint: /did you mean `retried`\?/ },
  { source: "e * retried", code: "unknown-variable", span: { start: 0, end: 1 }, hint: /exp\(1\)/ },
  { source: "Pow(2, retried) * 1000", code: "unknown-function", span: { start: 0, end: 3 }, hint: /did you mean `pow`\?/ },
  { source: "log(retried)", code: "unknown-function", span: { start: 0, end: 3 }, hint: /no logarithm/ },
  { source: "pow * 2", code: "missing-call", span: { start: 0, end: 3 }, hint: /pow\(x, y\)/ },
  { source: "retried(2)", code: "not-a-function", span: { start: 0, end: 7 } },
  { source: "1 + pow(2)", code: "wrong-arity", span: { start: 4, end: 10 }, message: /`pow` takes 2 arguments, but 1 was given/ },
  { source: "sqrt(4, 9)", code: "wrong-arity", span: { start: 0, end: 10 }, message: /takes 1 argument, but 2 were given/ },
  { source: "min()", code: "wrong-arity", span: { start: 0, end: 5 }, message: /but 0 were given/ },
  { source: "1000 / 0", code: "division-by-zero", span: { start: 7, end: 8 } },
  { source: "retried / (60 - 60)", code: "division-by-zero", span: { start: 10, end: 19 } },
  {
    source: "30s",
    code: "unit-in-expression",
    span: { start: 0, end: 3 },
    hint: /^expressions are in milliseconds and have no units: write `30000`$/,
  },
  { source: "pow(2, retried) * 1m30s", code: "unit-in-expression", span: { start: 18, end: 23 }, hint: /write `90000`/ },
  { source: "exponential", code: "strategy-name", span: { start: 0, end: 11 }, hint: /default backoff/ },
  { source: "1000", code: "invalid-option", span: { start: 0, end: 0 }, retries: -1, message: /`retries` must be a whole number/ },
  { source: "1000", code: "invalid-option", span: { start: 0, end: 0 }, retries: 1.5 },
  {
    source: "1000 - 600 * retried",
    code: "negative-delay",
    span: { start: 0, end: 20 },
    message: /negative when `retried` is 2 \(-200 ms at 2\)/,
  },
  { source: "sqrt(retried - 1) * 1000", code: "nan-delay", span: { start: 0, end: 17 }, message: /NaN when `retried` is 0$/ },
  { source: "1000 / (retried - 1) + 1", code: "infinite-delay", span: { start: 0, end: 20 }, message: /infinite when `retried` is 1$/ },
  { source: "exp(retried * 1000)", code: "infinite-delay", span: { start: 0, end: 19 }, message: /infinite when `retried` is 1, 2$/ },
  { source: "1000 / 3 * retried", code: "fractional-delay", span: { start: 0, end: 18 }, hint: /round/ },
  {
    source: "pow(2, retried)",
    code: "short-delay",
    span: { start: 0, end: 15 },
    message: /^every delay is at most 100 ms: 1 ms, 2 ms, 4 ms for `retried` = 0 … 2$/,
  },
  {
    source: "max(1000, pow(2, retried) * 100)",
    code: "flat-delay",
    span: { start: 0, end: 32 },
    message: /is 1000 ms \(1s\) for every `retried` from 0 to 2/,
    hint: /first changes at `retried` = 4 \(1600 ms\)/,
  },
  // An info after two warnings (negative-delay, fractional-delay): the harness finds it among all diagnostics.
  { source: "retried - 2 * floor(retried / 2) - 0.5", code: "domain-check-sampled", span: { start: 0, end: 38 }, retries: 1_000_000 },
];

describe("every diagnostic code", () => {
  it.each(cases.map((c) => [c.code, JSON.stringify(c.source.length > 40 ? `${c.source.slice(0, 40)}…` : c.source), c] as const))(
    "%s: %s",
    (_code, _label, c) => {
      const result = tryCompile(c.source, c.retries === undefined ? {} : { retries: c.retries });
      const found = result.diagnostics.find((d) => d.code === c.code);
      expect(found, JSON.stringify(result.diagnostics)).toBeDefined();
      expect(found?.span).toEqual(c.span);
      expect(found?.severity).toBe(EXPRESSION_CODES[c.code].severity);
      if (c.message) expect(found?.message).toMatch(c.message);
      if (c.hint) expect(found?.hint).toMatch(c.hint);
      expect(result.ok).toBe(EXPRESSION_CODES[c.code].severity !== "error");
    },
  );

  it("has a case for each code in the table", () => {
    // invalid-input and internal-error come from the API, not from a source: their cases are below.
    const covered = new Set([...cases.map((c) => c.code), "invalid-input", "internal-error"]);
    expect([...Object.keys(EXPRESSION_CODES)].filter((code) => !covered.has(code as ExpressionCode))).toEqual([]);
  });
});

describe("several problems in one pass", () => {
  it("reports every unknown name and bad operator, in source order", () => {
    const result = tryCompile("Pow(2, retries) + foo(1) * 2 ^ 3");
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      "unknown-function",
      "unknown-variable",
      "unknown-function",
      "unsupported-operator",
    ]);
  });

  it("reports every malformed number", () => {
    expect(tryCompile(".5 + 5. + 1_000").diagnostics.map((d) => d.span)).toEqual([
      { start: 0, end: 2 },
      { start: 5, end: 7 },
      { start: 10, end: 15 },
    ]);
  });

  it("reports every unexpected character, and no cascade of syntax errors after them", () => {
    expect(tryCompile("1 $ 2 # 3").diagnostics.map((d) => d.code)).toEqual(["unexpected-character", "unexpected-character"]);
  });

  it("points an unclosed paren at where it opened", () => {
    const [d] = tryCompile("max(1000, (retried * 2)").diagnostics;
    expect(d?.related).toEqual([{ span: { start: 3, end: 4 }, message: "this `(` is not closed" }]);
  });
});

describe("compile", () => {
  it("throws a RetryDelayError carrying every diagnostic and the source", () => {
    let caught: unknown;
    try {
      compile("Pow(2, retries)");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RetryDelayError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as RetryDelayError;
    expect(error.diagnostics).toHaveLength(2);
    expect(error.source).toBe("Pow(2, retries)");
    expect(error.message).toBe("unknown function `Pow` (and 1 more error)");
    expect(error.render()).toContain("^^^ did you mean `pow`?");
  });

  it("returns warnings without throwing", () => {
    const delay = compile("1000 - 600 * retried");
    expect(delay.diagnostics.map((d) => d.code)).toEqual(["negative-delay"]);
    expect(delay(2)).toBe(-200);
  });

  it("lists at most five retried values in a domain warning", () => {
    const [d] = tryCompile("0 - retried - 1", { retries: 9 }).diagnostics;
    expect(d?.message).toMatch(/when `retried` is 0, 1, 2, 3, 4, … \(9 values\)/);
  });

  it("checks no values when retries is 0", () => {
    const delay = compile("0 - 1000", { retries: 0 });
    expect(delay.diagnostics).toEqual([]);
    expect(delay.range).toBeUndefined();
  });

  it("accepts only a string source", () => {
    expect(tryCompile(42 as unknown as string).diagnostics[0]).toMatchObject({
      code: "invalid-input",
      message: "the expression must be a string, not a number",
    });
    expect(() => compile(null as unknown as string)).toThrow(RetryDelayError);
  });

  it("rejects hand-built trees it cannot walk as the caller's invalid-input, saying what is wrong", () => {
    const report = checkExpression({
      kind: "call",
      name: "pow",
      nameSpan: { start: 0, end: 0 },
      args: null,
      span: { start: 0, end: 0 },
    } as never);
    expect(report.ok).toBe(false);
    expect(report.diagnostics[0]).toMatchObject({ code: "invalid-input", message: expect.stringMatching(/`args` array/) as unknown });
    const cyclic: { kind: string; operator: string; span: object; left?: unknown; right?: unknown } = {
      kind: "binary",
      operator: "+",
      span: { start: 0, end: 1 },
    };
    cyclic.left = cyclic;
    cyclic.right = { kind: "number", value: 1, span: { start: 0, end: 1 } };
    expect(checkExpression(cyclic as never).diagnostics[0]?.code).toBe("too-deeply-nested");
  });

  it("returns the one result shape: ok with the tree and its range, or not ok", () => {
    const parsed = parse("pow(2, retried) * 1000");
    if (!parsed.ok) throw new Error("unparsed");
    expect(checkExpression(parsed.value)).toEqual({
      ok: true,
      value: { expression: parsed.value, range: { min: 1000, max: 4000, minAt: 0, maxAt: 2 } },
      diagnostics: [],
    });
    const bad = checkExpression({
      kind: "binary",
      operator: "/",
      left: { kind: "number", value: 1, span: { start: 0, end: 1 } },
      right: { kind: "number", value: 0, span: { start: 4, end: 5 } },
      span: { start: 0, end: 5 },
    });
    expect(bad).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code: "division-by-zero" })] });
  });

  it("reads checkExpression's retries as an own field, once; a throwing or revoked options object is invalid-option", () => {
    const parsed = parse("0 - retried");
    if (!parsed.ok) throw new Error("unparsed");
    const retriesOf = (options: object): unknown => checkExpression(parsed.value, options);
    // Inherited: ignored, so the default 3 values are checked.
    expect(retriesOf(Object.create({ retries: 9 }) as object)).toMatchObject({
      diagnostics: [{ code: "negative-delay", message: expect.stringMatching(/when `retried` is 1, 2 \(/) as unknown }],
    });
    // An own getter runs exactly once.
    let reads = 0;
    const counted = checkExpression(parsed.value, {
      get retries() {
        reads++;
        return 2;
      },
    });
    expect(reads).toBe(1);
    expect(counted.diagnostics[0]?.message).toMatch(/when `retried` is 1 \(/);
    const throwing = {
      get retries(): number {
        throw new Error("getter boom");
      },
    };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const trapping = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error("trap");
        },
        get: () => {
          throw new Error("trap");
        },
      },
    );
    for (const options of [throwing, proxy, trapping]) {
      const report = retriesOf(options) as ReturnType<typeof checkExpression>;
      expect(report.diagnostics).toEqual([
        expect.objectContaining({
          code: "invalid-option",
          severity: "error",
          message: expect.stringMatching(/^the options could not be read/) as unknown,
        }),
      ]);
    }
  });

  it("validates the table size", () => {
    expect(() => tabulate(compile("1"), -1)).toThrow(RetryDelayError);
    expect(() => tabulate(compile("1"), 2 ** 21)).toThrow(/table size/);
  });
});
