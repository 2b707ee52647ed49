import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupDigits } from "../../src/diagnostics/show.js";

describe("groupDigits", () => {
  it("groups whole numbers by thousands, as limits are written in messages", () => {
    expect(groupDigits(0)).toBe("0");
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(1000)).toBe("1,000");
    expect(groupDigits(1000000)).toBe("1,000,000");
    expect(groupDigits(-12345)).toBe("-12,345");
  });

  it("writes any other number as String does", () => {
    expect(groupDigits(1.5)).toBe("1.5");
    expect(groupDigits(1e21)).toBe("1e+21");
    expect(groupDigits(Number.NaN)).toBe("NaN");
  });

  it("agrees with toLocaleString('en-US') on every safe integer", () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => groupDigits(n) === n.toLocaleString("en-US")));
  });
});
