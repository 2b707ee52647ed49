import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/index.js";

// RFC 9110 §5.6.7: a recipient must accept all three HTTP-date formats.
const now = Date.UTC(2026, 9, 21, 7, 27, 0);
const delayOf = (value: string, at = now): number | string => {
  const result = parseRetryAfter(value, { now: at });
  return result.ok ? result.value.ms : (result.diagnostics[0]?.code ?? "none");
};

describe("leap seconds", () => {
  it("reads :60 as the last second of its minute", () => {
    expect(delayOf("Wed, 21 Oct 2026 07:28:60 GMT")).toBe(delayOf("Wed, 21 Oct 2026 07:28:59 GMT"));
    expect(delayOf("Wed, 21 Oct 2026 07:28:60 GMT")).toBe(119_000);
  });

  it("accepts the real leap second at the end of a month, in the right day", () => {
    const before = Date.UTC(2026, 11, 31, 23, 59, 0);
    expect(delayOf("Thu, 31 Dec 2026 23:59:60 GMT", before)).toBe(59_000);
    expect(delayOf("Tue, 30 Jun 2026 23:59:60 GMT", Date.UTC(2026, 5, 30, 23, 59, 30))).toBe(29_000);
  });

  it("still refuses seconds past 60", () => {
    expect(delayOf("Wed, 21 Oct 2026 07:28:61 GMT")).toBe("invalid-retry-after");
  });
});

describe("the obsolete formats", () => {
  it.each([
    ["Wednesday, 21-Oct-26 07:28:00 GMT", 60_000],
    ["Wed Oct 21 07:28:00 2026", 60_000],
    ["Sat Oct  3 07:27:00 2026", "date in the past"],
    ["Fri Oct 23 07:27:00 2026", 172_800_000],
  ])("%j", (value, expected) => {
    const result = parseRetryAfter(value, { now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.form).toBe("date");
    if (typeof expected === "number") expect(result.value.ms).toBe(expected);
    else expect(result.diagnostics.map((d) => d.code)).toEqual(["retry-after-in-past"]);
  });

  it("reads RFC 9110's own examples as 1994", () => {
    const rfc850 = parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", { now: Date.UTC(1994, 10, 6, 8, 49, 0) });
    const asctime = parseRetryAfter("Sun Nov  6 08:49:37 1994", { now: Date.UTC(1994, 10, 6, 8, 49, 0) });
    expect(rfc850.ok && rfc850.value.ms).toBe(37_000);
    expect(asctime.ok && asctime.value.ms).toBe(37_000);
    expect(delayOf("Sunday, 06-Nov-94 08:49:37 GMT")).toBe(0);
  });

  it("refuses dates that do not exist in them too", () => {
    expect(delayOf("Thursday, 32-Oct-26 07:28:00 GMT")).toBe("invalid-retry-after");
    expect(delayOf("Wed Oct 21 24:28:00 2026")).toBe("invalid-retry-after");
    expect(delayOf("Wednesday, 21-Oct-2026 07:28:00 GMT")).toBe("invalid-retry-after");
  });
});

describe("two-digit years (RFC 9110 §5.6.7)", () => {
  // Relative to `now` in 2026, the horizon is 2076: `76` is still ahead, `77` is 1977.
  const yearOf = (yy: string, at = now): number => {
    const result = parseRetryAfter(`Monday, 01-Jan-${yy} 00:00:00 GMT`, { now: at });
    if (!result.ok) return NaN;
    return new Date(at + result.value.ms).getUTCFullYear();
  };

  it("takes a year up to 50 years ahead as written, and a later one as the past century", () => {
    expect(yearOf("27")).toBe(2027);
    expect(yearOf("75")).toBe(2075);
    // 2076-01-01 is within 50 years of 2026-10-21; 2077-01-01 would not be.
    expect(yearOf("76")).toBe(2076);
    expect(parseRetryAfter("Monday, 01-Jan-77 00:00:00 GMT", { now }).diagnostics.map((d) => d.code)).toContain("retry-after-in-past");
  });

  it("decides the horizon year by the date itself", () => {
    // 2076-10-21 07:27 is exactly 50 years ahead: not more, so 2076. A day later is 1976.
    const exactly = parseRetryAfter("Wednesday, 21-Oct-76 07:27:00 GMT", { now });
    expect(exactly.ok && exactly.value.kind).toBe("ignore");
    const later = parseRetryAfter("Thursday, 22-Oct-76 07:27:00 GMT", { now });
    expect(later.ok).toBe(true);
    expect(later.diagnostics.map((d) => d.code)).toEqual(["retry-after-in-past"]);
  });

  it("slides with now: in 2099, `00` is 2100", () => {
    const in2099 = Date.UTC(2099, 0, 1);
    const result = parseRetryAfter("Saturday, 01-Jan-00 00:00:01 GMT", { now: in2099 });
    expect(result.ok && result.value).toMatchObject({ kind: "ignore", form: "date" });
    expect(new Date(in2099 + (result.ok ? result.value.ms : 0)).getUTCFullYear()).toBe(2100);
  });

  it("checks 29 February in the century it lands in", () => {
    // With now in 2030, `00` is 2000, a leap year.
    expect(parseRetryAfter("Tuesday, 29-Feb-00 00:00:00 GMT", { now: Date.UTC(2030, 0, 1) }).ok).toBe(true);
    // With now in 2060, `00` is 2100, which is no leap year.
    expect(delayOf("Monday, 29-Feb-00 00:00:00 GMT", Date.UTC(2060, 0, 1))).toBe("invalid-retry-after");
  });

  it("keeps four-digit years 0000–0099 as written (Date.UTC would make them 1900–1999)", () => {
    const result = parseRetryAfter("Sat, 01 Jan 0050 00:00:00 GMT", { now: Date.UTC(1960, 0, 1) });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["retry-after-in-past"]);
    const in0060 = new Date(0).setUTCFullYear(60, 0, 1);
    const ahead = parseRetryAfter("Sun, 01 Jan 0095 00:00:00 GMT", { now: in0060 });
    expect(ahead.ok && ahead.value).toMatchObject({ kind: "ignore", form: "date" });
    expect(new Date(in0060 + (ahead.ok ? ahead.value.ms : 0)).getUTCFullYear()).toBe(95);
  });
});

describe("any HTTP date", () => {
  it("reads the same instant in all three formats", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2039, 11, 31)), noInvalidDate: true }), (date) => {
        const d = new Date(Math.floor(date.getTime() / 1000) * 1000);
        const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
        const imf = d.toUTCString();
        const [, dd, mon, yyyy, time] = imf.split(" ");
        const rfc850 = `${days[d.getUTCDay()]}, ${dd}-${mon}-${yyyy?.slice(2)} ${time} GMT`;
        const asctime = `${imf.slice(0, 3)} ${mon} ${String(d.getUTCDate()).padStart(2, " ")} ${time} ${yyyy}`;
        // Within 50 years of now, so the two-digit year means the same century.
        const at = Date.UTC(1990, 0, 1);
        expect(delayOf(rfc850, at), rfc850).toBe(delayOf(imf, at));
        expect(delayOf(asctime, at), asctime).toBe(delayOf(imf, at));
        expect(delayOf(imf, at)).toBe(Math.max(0, d.getTime() - at));
      }),
    );
  });
});
