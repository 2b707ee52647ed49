import { describe, expect, it } from "vitest";
import { compile, describeErrorCount, EXPRESSION_LIMITS, parse, tryCompile } from "../../src/index.js";
import { parseFast } from "../../src/expression/fast-parse.js";
import { parseWithChevrotain } from "../../src/expression/chevrotain-parse.js";

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe("limits on hostile input", () => {
  it("refuses 100,000 nested parentheses quickly, with a diagnostic", () => {
    const source = "(".repeat(100_000) + "1" + ")".repeat(100_000);
    const { value, ms } = timed(() => tryCompile(source));
    expect(value.ok).toBe(false);
    expect(value.diagnostics[0]?.code).toBe("source-too-long");
    expect(ms).toBeLessThan(500);
  });

  it("refuses nesting just past the depth limit, under the length limit", () => {
    const depth = EXPRESSION_LIMITS.maxNestingDepth;
    expect(tryCompile("(".repeat(depth) + "retried" + ")".repeat(depth)).ok).toBe(true);
    expect(tryCompile("abs(".repeat(depth) + "retried" + ")".repeat(depth)).ok).toBe(true);
    expect(tryCompile("-".repeat(depth) + "retried").ok).toBe(true);
    for (const source of [
      "(".repeat(depth + 1) + "1" + ")".repeat(depth + 1),
      "abs(".repeat(depth + 1) + "1" + ")".repeat(depth + 1),
      "-(".repeat(depth) + "1" + ")".repeat(depth),
      "(".repeat(4000),
    ]) {
      expect(tryCompile(source).diagnostics[0]?.code).toBe("too-deeply-nested");
    }
  });

  it("answers a 20,000-term sum quickly", () => {
    const source = Array.from({ length: 20_000 }, () => "retried").join(" + ");
    const { value, ms } = timed(() => tryCompile(source));
    expect(value.diagnostics[0]?.code).toBe("source-too-long");
    expect(ms).toBeLessThan(500);
  });

  it("compiles the longest flat chain that fits, without overflowing any stage", () => {
    // 1024 terms of `retried` fill the 8 KiB limit: a left-leaning tree 1023 deep.
    const source = Array.from({ length: 1024 }, () => "retried").join("+");
    expect(source.length).toBeLessThanOrEqual(EXPRESSION_LIMITS.maxSourceLength);
    const { value, ms } = timed(() => compile(source));
    expect(value(2)).toBe(2048);
    expect(ms).toBeLessThan(1000);
  });

  it("answers 1,000 unknown names in one pass, quickly, reporting 50 and counting the rest", () => {
    const source = Array.from({ length: 1000 }, (_, i) => `x${i % 10}`).join("+");
    const { value, ms } = timed(() => tryCompile(source));
    expect(value.diagnostics.length).toBe(51);
    expect(value.diagnostics[50]?.message).toBe("and 950 more errors, not shown");
    expect(ms).toBeLessThan(1000);
  });

  it("answers a run of 8 KiB of unlexable characters with one diagnostic", () => {
    const result = tryCompile("$".repeat(8192));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.span).toEqual({ start: 0, end: 8192 });
  });

  // Stack exhaustion is tested in test/expression/stack.test.ts, in a child
  // process with a small --stack-size: at the default size, in this process,
  // such a test could not fail.

  it("does not keep the last input alive in the shared parser", () => {
    parse("pow(2, retried)");
    // parse() resets the shared parser's input after each call; a second parse still works.
    expect(parse("1 + 1").ok).toBe(true);
  });
});

describe("characters an HTTP header cannot carry", () => {
  // The expression is sent as the `Upstash-Retry-Delay` header value: a CR or LF
  // in it splits the header, so neither lexer may skip one as whitespace.
  const breaking = [
    "\r",
    "\n",
    "\r\n",
    "\r\n\r\n",
    "\u0000",
    "\u0001",
    "\u000b",
    "\u000c",
    "\u001f",
    "\u007f",
    "\u0085",
    "\u2028",
    "\u2029",
  ];

  it.each(breaking.map((c) => [JSON.stringify(c), c]))("refuses %s between tokens, with a span on it and a hint", (_, c) => {
    const source = `1000${c}+ retried`;
    expect(parseFast(source)).toBeUndefined();
    for (const result of [tryCompile(source), parseWithChevrotain(source)]) {
      expect(result.ok).toBe(false);
      const [first] = result.diagnostics;
      expect(first?.code).toBe("unexpected-character");
      expect(first?.span).toEqual({ start: 4, end: 4 + c.length });
      expect(first?.hint).toMatch(/HTTP header.*line breaks or control characters/);
      expect(first?.message).not.toMatch(/[\r\n\u0000]/);
    }
  });

  it("refuses a trailing newline and a run that mixes a printable character with a line break", () => {
    expect(tryCompile("pow(2, retried) * 1000\n").diagnostics[0]).toMatchObject({
      code: "unexpected-character",
      span: { start: 22, end: 23 },
    });
    expect(tryCompile("1 $\n+ 2").diagnostics[0]?.hint).toMatch(/HTTP header/);
  });

  it("still skips spaces and tabs, the whitespace a header value may hold", () => {
    expect(tryCompile(" \tpow(2,\tretried) *  1000\t").ok).toBe(true);
    expect(parseFast("1\t+ 2")).toBeDefined();
  });
});

describe("the number of errors reported", () => {
  it("reports the first 50 errors and counts the rest in one too-many-errors", () => {
    const source = Array.from({ length: 120 }, (_, i) => `zz${i}`).join(" + ");
    const result = tryCompile(source);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(51);
    expect(result.diagnostics.slice(0, 50).every((d) => d.code === "unknown-variable")).toBe(true);
    const summary = result.diagnostics[50];
    expect(summary).toMatchObject({ code: "too-many-errors", severity: "error", message: "and 70 more errors, not shown" });
    // From the first name not shown to the last one.
    expect(source.slice(summary?.span.start, summary?.span.end)).toMatch(/^zz50 \+ .* \+ zz119$/);
  });

  it("reports exactly 50 errors without a summary", () => {
    const source = Array.from({ length: 50 }, (_, i) => `zz${i}`).join(" + ");
    expect(tryCompile(source).diagnostics.map((d) => d.code)).toEqual(Array(50).fill("unknown-variable"));
  });
});

describe("describeErrorCount", () => {
  it('counts errors, not warnings, and says "more than" once the report is capped', () => {
    expect(describeErrorCount(tryCompile("Pow(2, retries)").diagnostics)).toBe("2 errors");
    expect(describeErrorCount(tryCompile("1000 *").diagnostics)).toBe("1 error");
    expect(describeErrorCount(tryCompile("retried - 5").diagnostics)).toBe("0 errors");
    expect(describeErrorCount(tryCompile(Array.from({ length: 60 }, () => "zz").join("+")).diagnostics)).toBe("more than 50 errors");
  });
});
