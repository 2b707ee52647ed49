import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanDurationMs } from "../../src/duration/clean.js";
import { parseDuration } from "../../src/index.js";

/** parseDuration's answer to the question cleanDurationMs answers: Go mode, accepted with no diagnostics at all. */
function reference(text: string): number | undefined {
  const parsed = parseDuration(text, { mode: "go" });
  return parsed.ok && parsed.diagnostics.length === 0 ? parsed.value.ms : undefined;
}

const UNITS = ["ns", "us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h", "d"];

describe("cleanDurationMs", () => {
  it("gives the milliseconds of a duration parseDuration accepts without a word", () => {
    expect(cleanDurationMs("1m30s")).toBe(90_000);
    expect(cleanDurationMs("1.5h")).toBe(5_400_000);
    expect(cleanDurationMs("+2d")).toBe(172_800_000);
    expect(cleanDurationMs("0")).toBe(0);
    expect(cleanDurationMs(".5s")).toBe(500);
    expect(cleanDurationMs("1000000ns")).toBe(1);
  });

  it("gives undefined wherever parseDuration reports anything, warnings and dropped nanoseconds included", () => {
    for (const text of ["", "30", "-1s", "1s1s", "1s1m", "1ns", "1.5ms3ns", "1x", "1 s", "s", ".s", "1e3s", "1s\n", "9223372036855s"])
      expect([text, cleanDurationMs(text)]).toEqual([text, undefined]);
    expect(cleanDurationMs("1s".repeat(100))).toBeUndefined();
    expect(cleanDurationMs(30)).toBeUndefined();
  });

  const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{0,${max}}$`));
  const part = fc
    .record({ int: digits(20), dot: fc.boolean(), frac: digits(25), unit: fc.constantFrom(...UNITS) })
    .map((p) => `${p.int}${p.dot ? `.${p.frac}` : ""}${p.unit}`);
  const wellFormed = fc
    .tuple(fc.constantFrom("", "+", "-"), fc.array(part, { minLength: 1, maxLength: 4 }))
    .map(([sign, parts]) => sign + parts.join(""));
  // Units in falling order, so that most of these are clean and carry a value.
  const falling = fc
    .tuple(fc.constantFrom("", "+"), fc.subarray([...UNITS].reverse(), { minLength: 1 }), digits(6))
    .map(([sign, units, n]) => sign + units.map((u, i) => `${n.slice(i) || "1"}${u}`).join(""));
  const soup = fc
    .array(
      fc.constantFrom("0", "1", "9", "99999999999", ".", " ", "\t", "s", "m", "h", "d", "ms", "us", "\u00b5s", "ns", "-", "+", "x", "S"),
      {
        maxLength: 14,
      },
    )
    .map((p) => p.join(""));

  it("agrees with parseDuration on generated text", () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, falling, soup, fc.string({ maxLength: 140 })), (text) => {
        expect(cleanDurationMs(text), text).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});
