import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { heldConstant } from "../../src/expression/held-constant.js";

describe("heldConstant", () => {
  it("keeps every number's value, the sign of zero and NaN included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 0, 2 ** 31, -(2 ** 31), 2 ** 31 - 1, 2 ** 53)), (k) => {
        expect(Object.is(heldConstant(k), k)).toBe(true);
      }),
    );
  });

  it.each([
    [-0, -0],
    [Number.NaN, Number.NaN],
    [2.5, 2.5],
    [2 ** 31, 2 ** 31],
    [-(2 ** 31), -(2 ** 31)],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  ])("holds %s as %s", (k, held) => {
    expect(Object.is(heldConstant(k), held)).toBe(true);
  });

  it("gives whole numbers read from an array of doubles back unchanged", () => {
    // An array that once held a fraction keeps doubles: reading 1000 from it is where a boxed constant comes from.
    const doubles = [2.5, 1000, -0, 1];
    expect(doubles.map(heldConstant)).toEqual([2.5, 1000, -0, 1]);
    expect(Object.is(heldConstant(doubles[2] as number), -0)).toBe(true);
  });
});
