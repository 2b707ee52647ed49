import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDuration, type DurationMode } from "../../src/index.js";

// Durations travel in `Upstash-Delay` and the flow-control value: a CR or LF
// that got through would split the header (issue 11).
const MODES: readonly DurationMode[] = ["strict", "go"];

describe.each(MODES)("control characters (%s mode)", (mode) => {
  it.each([
    ["1m\r\n", 2, "a line break (CR, U+000D)"],
    ["1m\n", 2, "a line break (LF, U+000A)"],
    ["\r\n1m", 0, "a line break (CR, U+000D)"],
    ["1\r\nm", 1, "a line break (CR, U+000D)"],
    ["1m\u0000", 2, "a NUL character (U+0000)"],
    ["1m\u001b[31m", 2, "a control character (U+001B)"],
    ["1m\u007f", 2, "a control character (U+007F)"],
    ["1m\u0085", 2, "a line break (NEL, U+0085)"],
    ["1m\u2028", 2, "a line break (U+2028 LINE SEPARATOR)"],
  ])("%j is refused with a span on the character", (text, at, name) => {
    const result = parseDuration(text, { mode });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      {
        code: "control-character",
        severity: "error",
        message: `a duration cannot contain ${name}`,
        span: { start: at, end: at + 1 },
        hint: expect.stringContaining("a header value cannot carry line breaks") as string,
      },
    ]);
  });

  it("names the control character even when something else is wrong first", () => {
    for (const text of ["-1m\r\n", "1.5x\n", "h\r", "1mm\u0000", "99999999999999999999d\n"]) {
      expect(
        parseDuration(text, { mode }).diagnostics.map((d) => d.code),
        JSON.stringify(text),
      ).toEqual(["control-character"]);
    }
  });

  it("keeps a tab an ordinary misplaced space", () => {
    expect(parseDuration("1m\t", { mode }).diagnostics[0]?.code).toBe("unexpected-character");
  });

  it("never accepts a value that could split a header", () => {
    const dangerous = fc.constantFrom("\r", "\n", "\u0000", "\u000b", "\u001f", "\u007f", "\u0085", "\u2028", "\u2029");
    const valid = fc.constantFrom("1m", "1d10h30m", "50s", "0s", "7d");
    fc.assert(
      fc.property(valid, dangerous, fc.nat(), (text, c, at) => {
        const i = at % (text.length + 1);
        const result = parseDuration(text.slice(0, i) + c + text.slice(i), { mode });
        expect(result.ok).toBe(false);
        expect(result.diagnostics[0]).toMatchObject({ code: "control-character", span: { start: i, end: i + 1 } });
      }),
    );
  });
});
