import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDuration } from "../../src/index.js";

/*
 * A reference of Go's time.ParseDuration (src/time/format.go: leadingInt,
 * leadingFraction, ParseDuration), plus Upstash's `d`, written independently of
 * src/duration. Go's uint64 state is BigInt here, so every overflow guard is
 * checked exactly as Go checks it. Go's one float64 step,
 * `uint64(float64(f) * (float64(unit) / scale))`, is done with JavaScript
 * numbers, which are the same IEEE-754 doubles.
 */
const TWO_63 = 1n << 63n;
const GO_UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  "\u00b5s": 1_000n,
  "\u03bcs": 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
  d: 86_400_000_000_000n,
};
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Go's result in nanoseconds, or undefined where Go returns an error. */
function goParseDuration(orig: string): bigint | undefined {
  let s = orig;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") return undefined;
  let d = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigit(s[0]))) return undefined;
    let i = 0;
    let v = 0n;
    for (; isDigit(s[i]); i++) {
      if (v > TWO_63 / 10n) return undefined;
      v = v * 10n + BigInt(Number(s[i]));
      if (v > TWO_63) return undefined;
    }
    const pre = i > 0;
    s = s.slice(i);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === ".") {
      s = s.slice(1);
      let overflow = false;
      for (i = 0; isDigit(s[i]); i++) {
        if (overflow) continue;
        if (f > (TWO_63 - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(Number(s[i]));
        if (y > TWO_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = i > 0;
      s = s.slice(i);
    }
    if (!pre && !post) return undefined;
    for (i = 0; i < s.length && s[i] !== "." && !isDigit(s[i]); i++);
    if (i === 0) return undefined;
    const unit = GO_UNITS[s.slice(0, i)];
    s = s.slice(i);
    if (unit === undefined) return undefined;
    if (v > TWO_63 / unit) return undefined;
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return undefined;
    }
    d += v;
    if (d > TWO_63) return undefined;
  }
  if (neg) return -d;
  return d > TWO_63 - 1n ? undefined : d;
}

/** Nanoseconds to whole milliseconds, truncated toward zero, as docs/durations.md documents. */
const toMs = (ns: bigint): number => Number(ns / 1_000_000n) + 0;

const goMs = (text: string): number | undefined => {
  const parsed = parseDuration(text, { mode: "go", allowNegative: true });
  return parsed.ok ? parsed.value.ms : undefined;
};

describe("Go mode matches Go's time.ParseDuration to the millisecond", () => {
  it.each([
    // 16+ fraction digits: float64(f) rounds f, so Go lands on the next millisecond.
    ["0.9999999999999999s", 1000],
    ["0.99999999999999999s", 1000],
    ["0.9999999999999999h", 3_600_000],
    ["0.9999999999999999m", 60_000],
    ["0.9999999999999999d", 86_400_000],
    ["0.9999999999999999ms", 1],
    ["1.0000000000000001s", 1000],
    ["0.12345678901234567890123456789s", 123],
    // A negative duration can reach -2^63 ns, one more than a positive one.
    ["-9223372036854775808ns", -9_223_372_036_854],
  ])("%s = %d ms", (text, expected) => {
    expect(toMs(goParseDuration(text) ?? -1n)).toBe(expected);
    expect(goMs(text)).toBe(expected);
  });

  it("refuses what Go refuses at the int64 edge", () => {
    expect(goParseDuration("9223372036854775808ns")).toBeUndefined();
    expect(goMs("9223372036854775808ns")).toBeUndefined();
    expect(goMs("9223372036854775807ns")).toBe(9_223_372_036_854);
  });

  const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{0,${max}}$`));
  const unit = fc.constantFrom(...Object.keys(GO_UNITS));
  const part = fc
    .record({ int: digits(20), dot: fc.boolean(), frac: digits(30), unit })
    .map((p) => `${p.int}${p.dot ? `.${p.frac}` : ""}${p.unit}`);
  const wellFormed = fc
    .tuple(fc.constantFrom("", "+", "-"), fc.array(part, { minLength: 1, maxLength: 3 }))
    .map(([sign, parts]) => sign + parts.join(""));
  const soup = fc
    .array(fc.constantFrom("0", "1", "9", "99999999999", ".", "s", "m", "h", "d", "ms", "us", "\u00b5s", "ns", "-", "+", "x"), {
      maxLength: 12,
    })
    .map((p) => p.join(""));

  it("on generated durations: accepted exactly when Go accepts, with Go's value", () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, soup), (text) => {
        fc.pre(text.length <= 128);
        const reference = goParseDuration(text);
        expect(goMs(text), text).toBe(reference === undefined ? undefined : toMs(reference));
      }),
      { numRuns: 5000 },
    );
  });

  // A run of nines after a few digits puts the exact value just below a
  // millisecond, where Go's rounding of float64(f) crosses it.
  const nearBoundary = fc
    .tuple(digits(6), fc.integer({ min: 8, max: 30 }), digits(4))
    .map(([head, nines, tail]) => `${head}${"9".repeat(nines)}${tail}`);
  it("on long fractions in each unit, many of them just below a millisecond", () => {
    fc.assert(
      fc.property(digits(3), fc.oneof(fc.stringMatching(/^[0-9]{16,40}$/), nearBoundary), unit, (int, frac, u) => {
        const text = `${int}.${frac}${u}`;
        const reference = goParseDuration(text);
        expect(goMs(text), text).toBe(reference === undefined ? undefined : toMs(reference));
      }),
      { numRuns: 5000 },
    );
  });
});
