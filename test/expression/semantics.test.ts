import { describe, expect, it } from "vitest";
import { compile, interpret, parse, printExpression, roundHalfAwayFromZero, tryCompile, type Expression } from "../../src/index.js";

function tree(source: string): Expression {
  const parsed = parse(source);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.value;
}

const at = (source: string, retried = 0): number => compile(source)(retried);

describe("numbers", () => {
  it.each([
    ["0", 0],
    ["42", 42],
    ["2.5", 2.5],
    ["1e3", 1000],
    ["1E3", 1000],
    ["2.5e-1", 0.25],
    ["1e+2", 100],
    ["007", 7],
    ["86400000", 86_400_000],
  ])("%s is %d", (source, value) => {
    expect(at(source)).toBe(value);
  });
});

describe("precedence and associativity", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["10 - 4 - 3", 3],
    ["10 - (4 - 3)", 9],
    ["64 / 4 / 2", 8],
    ["64 / (4 / 2)", 32],
    ["2 * 3 + 4 * 5", 26],
    ["-2 * 3", -6],
    ["-(2 + 3)", -5],
    ["- -5", 5],
    ["+5", 5],
    ["2 * -3", -6],
    ["10 - -2", 12],
    ["1 - 2 + 3", 2],
    ["12 / 2 * 3", 18],
  ])("%s = %d", (source, value) => {
    expect(at(source)).toBe(value);
  });

  it("builds left-leaning trees for chains", () => {
    const t = tree("1 - 2 - 3");
    expect(t).toMatchObject({
      kind: "binary",
      operator: "-",
      left: { kind: "binary", operator: "-" },
      right: { kind: "number", value: 3 },
    });
  });

  it("ignores spaces and tabs", () => {
    expect(at(" pow(\t2 ,retried )\t \t*1000\t", 3)).toBe(8000);
  });

  it("refuses carriage returns and newlines as unexpected-character, with the span on the break", () => {
    const result = tryCompile("pow(\n\t2 ,retried )\r\n*1000", { retries: 3 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.span])).toEqual([
      ["unexpected-character", { start: 4, end: 5 }],
      ["unexpected-character", { start: 18, end: 20 }],
    ]);
    expect(() => compile("1000\r+ retried")).toThrowError(/unexpected character/);
  });
});

describe("built-in functions", () => {
  it.each([
    ["pow(2, 10)", 1024],
    ["exp(0)", 1],
    ["sqrt(16)", 4],
    ["abs(-3)", 3],
    ["floor(2.7)", 2],
    ["floor(-2.5)", -3],
    ["ceil(2.1)", 3],
    ["ceil(-2.5)", -2],
    ["min(3, 4)", 3],
    ["max(3, 4)", 4],
  ])("%s = %d", (source, value) => {
    expect(at(source)).toBe(value);
  });

  it("exp matches Math.exp", () => {
    expect(at("exp(2.5 * (retried + 1))", 1)).toBe(Math.exp(5));
  });

  it("sqrt of a negative number is NaN", () => {
    expect(at("sqrt(retried - 5)", 1)).toBeNaN();
  });
});

describe("round rounds half away from zero, like Go's math.Round", () => {
  it.each([
    [2.5, 3],
    [-2.5, -3],
    [0.5, 1],
    [-0.5, -1],
    [1.4999999999999998, 1],
    [0.49999999999999994, 0],
    [2.4, 2],
    [-2.6, -3],
    [4503599627370495.5, 4503599627370496],
    [1e300, 1e300],
    [Infinity, Infinity],
    [-Infinity, -Infinity],
  ])("round(%d) = %d", (x, expected) => {
    expect(roundHalfAwayFromZero(x)).toBe(expected);
  });

  it("differs from Math.round on negative halves", () => {
    expect(Math.round(-2.5)).toBe(-2);
    expect(at("round(0 - 2.5)")).toBe(-3);
    expect(at("round(retried / 2)", 5)).toBe(3);
  });

  it("keeps the sign of zero and NaN", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.4), -0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0), -0)).toBe(true);
    expect(roundHalfAwayFromZero(Number.NaN)).toBeNaN();
  });
});

describe("IEEE doubles", () => {
  it("computes in doubles, not integers", () => {
    expect(at("0.1 + 0.2")).toBe(0.1 + 0.2);
    expect(at("1 / 3 * 3")).toBe((1 / 3) * 3);
    expect(at("pow(2, retried)", 1024)).toBe(Infinity);
  });

  it("reads retried as a number even when a caller passes a numeric string", () => {
    const delay = compile("retried + 1");
    expect(delay("2" as unknown as number)).toBe(3);
    expect(interpret(tree("retried + 1"), "2" as unknown as number)).toBe(3);
  });
});

describe("constant folding", () => {
  it("does not change results", () => {
    for (const source of [
      "60 * 60 * 1000",
      "retried + 1 + 2",
      "1 + 2 + retried",
      "pow(2, 10) * retried",
      "-(-retried)",
      "+retried",
      "0.1 + 0.2 + retried",
    ]) {
      const t = tree(source);
      const delay = compile(source);
      for (const r of [0, 1, 2.5, 7]) expect(Object.is(delay(r), interpret(t, r))).toBe(true);
    }
  });

  it("does not reassociate", () => {
    // (r + 0.1) + 0.2 differs from r + 0.3 in doubles.
    expect(at("retried + 0.1 + 0.2", 0)).toBe(0.1 + 0.2);
  });
});

describe("printer", () => {
  it.each([
    ["((pow(2,retried)))*1e3", "pow(2, retried) * 1000"],
    ["1+(2+3)", "1 + (2 + 3)"],
    ["(1+2)+3", "1 + 2 + 3"],
    ["1-(2-3)", "1 - (2 - 3)"],
    ["(1*2)+3", "1 * 2 + 3"],
    ["1*(2+3)", "1 * (2 + 3)"],
    ["-(-retried)", "- -retried"],
    ["-(retried+1)", "-(retried + 1)"],
    ["(-retried)*2", "-retried * 2"],
    ["2*(-retried)", "2 * -retried"],
    ["max(1000,pow(2,retried)*100)", "max(1000, pow(2, retried) * 100)"],
    ["2.50", "2.5"],
    ["1e21", "1e+21"],
    ["0.000001", "0.000001"],
    ["1e-7", "1e-7"],
  ])("%s prints as %s", (source, printed) => {
    expect(printExpression(tree(source))).toBe(printed);
    expect(printExpression(tree(printed))).toBe(printed);
  });
});
