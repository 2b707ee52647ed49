import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readNumber, type NumberRead } from "../../src/expression/fast-number.js";

/*
 * The fast path's number reader computes most values itself (a sum of the
 * digits, scaled by an exact power of ten) instead of asking `Number`: its
 * value must be `Number(image)`'s, bit for bit, for every number the
 * grammar accepts, and it must stop where the lexer's pattern stops.
 */

const digits = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), minLength: 1, maxLength });

/** A number in the strict form, weighted toward the fast path's edges: 15 and 16 digits, scales of ±22 and ±23. */
const image = fc
  .tuple(
    fc.oneof(digits(24), digits(3)),
    fc.option(fc.oneof(digits(24), digits(3))),
    fc.option(fc.tuple(fc.constantFrom("e", "E", "e+", "e-", "E-"), fc.oneof(digits(4), fc.integer({ min: 0, max: 40 }).map(String)))),
  )
  .map(
    ([integer, fraction, exponent]) => `${integer}${fraction === null ? "" : `.${fraction}`}${exponent === null ? "" : exponent.join("")}`,
  );

function read(source: string, start = 0): NumberRead | undefined {
  const into: NumberRead = { end: -1, value: -1 };
  return readNumber(source, start, into) ? into : undefined;
}

describe("readNumber", () => {
  it("reads every number of the strict form as Number() does, bit for bit", () => {
    fc.assert(
      fc.property(image, (text) => {
        const expected = Number(text);
        const got = read(text);
        if (!Number.isFinite(expected)) {
          expect(got, text).toBeUndefined();
          return;
        }
        expect(got?.end, text).toBe(text.length);
        expect(Object.is(got?.value, expected), `${text}: ${got?.value} is not ${expected}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a number inside a source, from its offset, up to what follows it", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 3 }),
        image,
        fc.constantFrom("", " ", ")", "*2", ",", "x", "e", "e+", "E-x"),
        (before, text, after) => {
          const source = `${before}${text}${after}`;
          const got = read(source, before.length);
          const finite = Number.isFinite(Number(text));
          expect(got === undefined, source).toBe(!finite);
          if (got !== undefined) {
            expect(got.end, source).toBe(before.length + text.length);
            expect(Object.is(got.value, Number(text)), source).toBe(true);
          }
        },
      ),
    );
  });

  it.each([
    ["0", 0],
    ["2.5", 2.5],
    ["0.1", 0.1],
    ["0.3", 0.3],
    ["1e22", 1e22],
    ["1e23", 1e23],
    ["123456789012345e-22", 123456789012345e-22],
    ["123456789012345e-23", 123456789012345e-23],
    // Past 2^53, where a literal here would round too: `Number` is the reference.
    ["9007199254740993", Number("9007199254740993")],
    // Summed digit by digit, these would round twice and miss `Number`'s value.
    ["80615150148835917", Number("80615150148835917")],
    ["99601132507746936", Number("99601132507746936")],
    ["999999999999999.9", 999999999999999.9],
    ["0.000000000000000000001", 1e-21],
    ["1e-400", 0],
    ["4.35", 4.35],
    ["1.7976931348623157e308", 1.7976931348623157e308],
  ])("reads %j as %j", (text, value) => {
    expect(read(text)).toEqual({ end: text.length, value });
  });

  it.each(["1_000", "1.", "1.e5", "1.5.3", "5._", "1e400", "1.8e308"])("declines %j", (text) => {
    expect(read(text)).toBeUndefined();
  });

  it("stops before an `e` with no digits after it: `1e` is 1, then the name `e`", () => {
    expect(read("1e")).toEqual({ end: 1, value: 1 });
    expect(read("1e+")).toEqual({ end: 1, value: 1 });
    expect(read("2.5E-x")).toEqual({ end: 3, value: 2.5 });
  });
});
