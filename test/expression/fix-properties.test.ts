import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILTINS, tryCompile, type Fix } from "../../src/index.js";
import { STRATEGIES } from "../../src/expression/strategies.js";

/*
 * Invariants of the repair data, on random input built from the pieces the
 * mistake recognizers look for: every fix and suggestion replaces a span of
 * the source, carries nothing a header cannot, and a unit fix repairs what
 * it points at.
 */

const pieces = [
  ...BUILTINS.map((b) => b.name),
  ...STRATEGIES.flatMap((s) => s.words),
  "retried",
  "retries",
  "Pow",
  "30",
  "1",
  "2.5",
  "s",
  "ms",
  "m",
  "h",
  "d",
  "us",
  "seconds",
  "min",
  "(",
  ")",
  ",",
  "+",
  "-",
  "*",
  "/",
  " ",
  "\t",
  '"',
  "'",
  "\u201c",
  "\u201d",
  "\n",
  "\u0000",
  "$",
];
const soup = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(""));
const HEADER_BREAKING = /[\r\n\u0000]/;

function fixesOf(source: string): Fix[] {
  return tryCompile(source).diagnostics.flatMap((d) => [...(d.fix === undefined ? [] : [d.fix]), ...(d.suggestions ?? [])]);
}

describe("fixes and suggestions", () => {
  it("replace a span inside the source, with header-safe text and a message that names the text", () => {
    fc.assert(
      fc.property(soup, (source) => {
        for (const fix of fixesOf(source)) {
          expect(fix.span.start).toBeGreaterThanOrEqual(0);
          expect(fix.span.end).toBeLessThanOrEqual(source.length);
          expect(fix.span.start).toBeLessThanOrEqual(fix.span.end);
          expect(fix.text).not.toMatch(HEADER_BREAKING);
          expect(fix.message).toContain(`\`${fix.text}\``);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("a unit fix leaves no unit-in-expression at the place it repaired", () => {
    const duration = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom("ms", "s", "m", "h", "d", "seconds", "minutes"));
    fc.assert(
      fc.property(
        fc.constantFrom("", "pow(2, retried) * ", "max(", "1000 + "),
        duration,
        fc.constantFrom("", " ", "\t"),
        (prefix, [n, unit], gap) => {
          const source = `${prefix}${n}${gap}${unit}${prefix === "max(" ? ", 1000)" : ""}`;
          const fix = tryCompile(source).diagnostics.find((d) => d.code === "unit-in-expression")?.fix;
          expect(fix, source).toBeDefined();
          if (fix === undefined) return;
          const repaired = source.slice(0, fix.span.start) + fix.text + source.slice(fix.span.end);
          expect(
            tryCompile(repaired).diagnostics.filter((d) => d.severity === "error"),
            repaired,
          ).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
