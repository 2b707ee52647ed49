import { describe, expect, it } from "vitest";
import { buildPublishRequest } from "../../src/index.js";
import { HeaderList } from "../../src/request/header-list.js";
import { Report } from "../../src/request/report.js";
import { checkHeaders, firstUnsafeCharacter, isHeaderName, isHeaderValue } from "../../src/request/safety.js";

/*
 * The header-safety invariant (src/request/safety.ts) and the header list
 * messages are assembled in (src/request/header-list.ts), unit by unit: the
 * builders validate names and values before they get here, so only a direct
 * test reaches every branch of the last check.
 */

describe("header names and values", () => {
  it("a name is an RFC 9110 token", () => {
    for (const name of ["X-A", "a", "!#$%&'*+.^_`|~-09AZaz"]) expect(isHeaderName(name)).toBe(true);
    for (const name of ["", "X A", "X:A", "é", "X\nA", "(x)", " X", "X "]) expect(isHeaderName(name)).toBe(false);
  });

  it("a value is tab, printable ASCII and Latin-1, without edge whitespace", () => {
    for (const value of ["", "a", "a\tb", "a b", "é\u00ff", "~\u0080"]) expect(isHeaderValue(value)).toBe(true);
    for (const value of [" a", "a ", "\ta", "a\t", "a\nb", "a\rb", "\u0000", "\u0100", "\u007f"]) expect(isHeaderValue(value)).toBe(false);
  });

  it("the first unsafe character is found with its offset and a name for messages", () => {
    expect(firstUnsafeCharacter("ok\t é\u00ff")).toBeUndefined();
    expect(firstUnsafeCharacter("a\u0000")).toEqual({ at: 1, shown: "NUL" });
    expect(firstUnsafeCharacter("ab\n")).toEqual({ at: 2, shown: "a line feed (LF)" });
    expect(firstUnsafeCharacter("\r")).toEqual({ at: 0, shown: "a carriage return (CR)" });
    expect(firstUnsafeCharacter("a\u007f")).toEqual({ at: 1, shown: "U+007F" });
    expect(firstUnsafeCharacter("\u001f")).toEqual({ at: 0, shown: "U+001F" });
    expect(firstUnsafeCharacter("x\u0100\u0000")).toEqual({ at: 1, shown: "U+0100" });
    expect(firstUnsafeCharacter("\u20ac")).toEqual({ at: 0, shown: "U+20AC" });
  });
});

describe("checkHeaders", () => {
  const check = (headers: { name: string; value: string }[]) => {
    const report = new Report();
    const safe = checkHeaders(headers, report, (name) => `at.${name}`);
    return { safe, diagnostics: report.diagnostics };
  };

  it("passes safe headers and reports nothing", () => {
    expect(
      check([
        { name: "X-A", value: "1" },
        { name: "X-B", value: "" },
      ]),
    ).toEqual({ safe: true, diagnostics: [] });
  });

  it("reports a name that is not a token, at most 80 characters of it, and checks the rest", () => {
    const long = `${"n".repeat(90)} x`;
    const { safe, diagnostics } = check([
      { name: "X A", value: "\n" },
      { name: long, value: "1" },
      { name: "X-B", value: " 1" },
    ]);
    expect(safe).toBe(false);
    expect(diagnostics).toEqual([
      {
        code: "unsafe-header",
        severity: "error",
        message: "`X A` cannot be sent as a header name",
        span: { start: 0, end: 3 },
        path: "at.X A",
        input: "X A",
        hint: "header names are letters, digits and `!#$%&'*+-.^_`|~`",
      },
      expect.objectContaining({ message: `\`${"n".repeat(80)}\` cannot be sent as a header name`, path: `at.${long}` }),
      {
        code: "unsafe-header",
        severity: "error",
        message: "`X-B` would start or end with whitespace, which HTTP strips",
        span: { start: 0, end: 2 },
        path: "at.X-B",
        input: " 1",
        hint: "trim the value",
      },
    ]);
  });

  it("points at the character a value cannot carry", () => {
    expect(check([{ name: "X-A", value: "ab\r\nc" }]).diagnostics).toEqual([
      {
        code: "unsafe-header",
        severity: "error",
        message: "`X-A` would carry a carriage return (CR), which a header cannot",
        span: { start: 2, end: 3 },
        path: "at.X-A",
        input: "ab\r\nc",
        hint: "header values cannot hold line breaks, NUL or characters above U+00FF",
      },
    ]);
    expect(
      check([
        { name: "X-A", value: "1" },
        { name: "X-B", value: "a\u0000" },
      ]).safe,
    ).toBe(false);
  });
});

describe("HeaderList", () => {
  it("names are case-insensitive: a later set replaces the value and keeps the first spelling", () => {
    const list = new HeaderList();
    list.set("X-A", "1");
    list.set("x-a", "2");
    list.set("X-B", "3");
    expect(list.get("X-A")).toBe("2");
    expect(list.get("x-b")).toBe("3");
    expect(list.get("X-C")).toBeUndefined();
    expect(list.has("x-A")).toBe(true);
    expect(list.has("X-C")).toBe(false);
    expect(list.toRecord()).toEqual({ "X-A": "2", "X-B": "3" });
    list.delete("x-a");
    expect(list.has("X-A")).toBe(false);
    expect([...list.entries()]).toEqual([{ name: "X-B", value: "3" }]);
  });

  it("keeps a header named __proto__ as a plain entry", () => {
    const list = new HeaderList();
    list.set("__proto__", "x");
    const record = list.toRecord();
    expect(Object.keys(record)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record, "__proto__")).toEqual({
      value: "x",
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });

  it("a raw Upstash-* header a qstash caller passes replaces the option's value, as Headers.set does", () => {
    const headers = buildPublishRequest({ url: "https://example.com/x", retries: 2, headers: { "upstash-retries": "5" } }).request?.headers;
    expect(headers?.["Upstash-Retries"]).toBe("5");
    expect(headers).not.toHaveProperty("upstash-retries");
  });
});

describe("Report", () => {
  it("spans the whole input unless told otherwise, and tracks errors since a mark", () => {
    const report = new Report();
    report.add("unknown-option", "warning", "m", "p", "abc");
    expect(report.diagnostics[0]).toEqual({
      code: "unknown-option",
      severity: "warning",
      message: "m",
      span: { start: 0, end: 3 },
      path: "p",
      input: "abc",
    });
    expect(report.ok).toBe(true);
    const mark = report.diagnostics.length;
    expect(report.failedSince(mark)).toBe(false);
    report.add("missing-url", "error", "m", "url", "", { span: { start: 0, end: 0 }, hint: "h" });
    expect(report.failedSince(mark)).toBe(true);
    expect(report.failedSince(mark + 1)).toBe(false);
    expect(report.ok).toBe(false);
    report.adopt([{ code: "invalid-input", severity: "info", message: "n", span: { start: 1, end: 2 } }], "q", "zz");
    expect(report.diagnostics[2]).toEqual({
      code: "invalid-input",
      severity: "info",
      message: "n",
      span: { start: 1, end: 2 },
      path: "q",
      input: "zz",
    });
  });
});
