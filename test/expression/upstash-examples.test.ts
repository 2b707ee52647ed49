import { describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";

// The examples Upstash documents for Upstash-Retry-Delay (shared/upstash-docs),
// with their delays in milliseconds for retried = 0 … 5.
const documented: ReadonlyArray<readonly [string, readonly number[]]> = [
  ["1000", [1000, 1000, 1000, 1000, 1000, 1000]],
  ["1000 * (1 + retried)", [1000, 2000, 3000, 4000, 5000, 6000]],
  ["pow(2, retried) * 1000", [1000, 2000, 4000, 8000, 16000, 32000]],
  ["max(1000, pow(2, retried) * 100)", [1000, 1000, 1000, 1000, 1600, 3200]],
];

describe("Upstash's documented examples", () => {
  it.each(documented)("%s", (source, expected) => {
    const delay = compile(source, { retries: 6 });
    expect([0, 1, 2, 3, 4, 5].map(delay)).toEqual(expected);
    expect(delay.diagnostics).toEqual([]);
    expect(delay.range).toEqual({
      min: Math.min(...expected),
      max: Math.max(...expected),
      minAt: expected.indexOf(Math.min(...expected)),
      maxAt: expected.indexOf(Math.max(...expected)),
    });
  });

  it("answers the docs' `retries` typo with a suggestion", () => {
    expect(() => compile("(1 + retries) * 1000")).toThrowError(/unknown variable `retries`/);
    try {
      compile("(1 + retries) * 1000");
    } catch (error) {
      expect((error as { diagnostics: unknown }).diagnostics).toEqual([
        expect.objectContaining({ code: "unknown-variable", span: { start: 5, end: 12 }, hint: "did you mean `retried`?" }),
      ]);
    }
  });

  it("checks the domain over Upstash's default of 3 retries", () => {
    expect(compile("1000 * (1 + retried)").range).toEqual({ min: 1000, max: 3000, minAt: 0, maxAt: 2 });
  });
});
