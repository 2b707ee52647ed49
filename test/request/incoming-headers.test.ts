import { describe, expect, it } from "vitest";
import { MAX_HEADER_VALUE_LENGTH, parseRequestHeaders, parseTriggerHeaders, type HeaderInput } from "../../src/index.js";

/*
 * Reading incoming headers (src/request/collect.ts, parse.ts,
 * parse-header.ts): the shapes taken, the limits, query-parameter
 * configuration, forwards, callback copies and unknown headers.
 */

const publish = (headers: unknown, query?: string) =>
  parseRequestHeaders(headers as HeaderInput, query === undefined ? { endpoint: "publish" } : { endpoint: "publish", query });

describe("the shapes of incoming headers", () => {
  it("takes a Headers, a record, or name/value pairs", () => {
    expect(publish(new Headers({ "Upstash-Retries": "2" })).options.retries).toBe(2);
    expect(publish({ "Upstash-Retries": "2" }).options.retries).toBe(2);
    expect(publish([["Upstash-Retries", "2"]]).options.retries).toBe(2);
    expect(publish(new Map([["upstash-retries", "2"]])).options.retries).toBe(2);
  });

  it("joins a record's array value with `, ` (as Node gives repeated headers), skipping what is not a string", () => {
    expect(publish({ "upstash-label": ["a", 5, "b"] }).options.label).toEqual(["a", " b"]);
  });

  it("ignores what is not a header: non-string names and values, non-pairs, non-objects", () => {
    for (const input of [
      null,
      undefined,
      5,
      "upstash-retries: 2",
      [["upstash-retries"]],
      [5, ["upstash-retries", 2]],
      { "upstash-retries": 2 },
    ]) {
      const result = publish(input);
      expect(result.ok).toBe(true);
      expect(result.options).toEqual({ url: "" });
    }
    const odd = { forEach: "not a function", "upstash-retries": "2" };
    expect(publish(odd).options.retries).toBe(2);
  });

  it("an input that throws while read is a diagnostic", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no");
        },
      },
    );
    expect(publish(hostile).diagnostics).toEqual([
      {
        code: "invalid-header-value",
        severity: "error",
        message: "the headers could not be read",
        span: { start: 0, end: 0 },
        path: "",
        input: "",
      },
    ]);
    const throwingForEach = {
      forEach: () => {
        throw new Error("no");
      },
    };
    expect(publish(throwingForEach).ok).toBe(false);
  });
});

describe("limits on incoming headers", () => {
  it("refuses a value over the length limit, naming the header", () => {
    const name = "upstash-retry-delay";
    expect(publish({ [name]: "1".repeat(MAX_HEADER_VALUE_LENGTH) }).diagnostics.map((d) => d.code)).not.toContain("invalid-header-value");
    expect(publish({ [name]: "1".repeat(MAX_HEADER_VALUE_LENGTH + 1) }).diagnostics).toEqual([
      {
        code: "invalid-header-value",
        severity: "error",
        message: `\`${name}\` is ${MAX_HEADER_VALUE_LENGTH + 1} characters long; the limit is ${MAX_HEADER_VALUE_LENGTH}`,
        span: { start: 0, end: 0 },
        path: name,
        input: "",
      },
    ]);
    const long = `x-${"n".repeat(100)}`;
    expect(publish({ [long]: "1".repeat(MAX_HEADER_VALUE_LENGTH + 1) }).diagnostics[0]?.message).toMatch(
      new RegExp(`^\`${long.slice(0, 80)}\` is`),
    );
  });

  it("refuses a value no HTTP header can carry, pointing at the character", () => {
    expect(publish({ "upstash-retries": "1\u0000" }).diagnostics).toEqual([
      {
        code: "invalid-header-value",
        severity: "error",
        message: "`upstash-retries` holds NUL, which no HTTP header can carry",
        span: { start: 1, end: 2 },
        path: "upstash-retries",
        input: "1\u0000",
      },
    ]);
  });

  it("warns about a header given twice, keeping the last value", () => {
    const result = publish([
      ["Upstash-Retries", "1"],
      ["upstash-retries", "2"],
    ]);
    expect(result.options.retries).toBe(2);
    expect(result.diagnostics).toEqual([
      {
        code: "duplicate-header",
        severity: "warning",
        message: "`upstash-retries` is given more than once; the last value is used",
        span: { start: 0, end: 1 },
        path: "upstash-retries",
        input: "2",
      },
    ]);
  });

  it("reads 10,000 headers and refuses the 10,001st", () => {
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => [`x-h${i}`, "1"] as const);
    expect(publish(pairs(10_000)).ok).toBe(true);
    expect(publish(pairs(10_001)).diagnostics).toEqual([
      {
        code: "invalid-header-value",
        severity: "error",
        message: "the request has more than 10000 headers; the rest are not read",
        span: { start: 0, end: 0 },
        path: "",
        input: "",
      },
    ]);
  });
});

describe("query-parameter configuration", () => {
  it("reads upstash-* parameters as headers, decoding + and percent escapes", () => {
    const result = publish({}, "?upstash-retries=2&upstash-delay=10s&Upstash-Label=a%2Cb&other=1&&upstash-redact-fields=header+");
    expect(result.options).toMatchObject({ retries: 2, delay: "10s", label: ["a", "b"] });
    expect(publish({}, "upstash-retries=3").options.retries).toBe(3);
    expect(publish({}, "upstash-method").diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid-method", "Upstash-Method"]]);
  });

  it("the header wins over the parameter, with a warning", () => {
    const result = publish({ "upstash-retries": "1" }, "?upstash-retries=2");
    expect(result.options.retries).toBe(1);
    expect(result.diagnostics).toEqual([
      {
        code: "duplicate-header",
        severity: "warning",
        message: "`upstash-retries` is given as a header and as a query parameter; the header is used",
        span: { start: 0, end: 1 },
        path: "query.upstash-retries",
        input: "2",
      },
    ]);
  });

  it("refuses bad percent-encoding, and values a header cannot carry or too long", () => {
    expect(publish({}, "?upstash-x=%E0").diagnostics).toEqual([
      {
        code: "invalid-header-value",
        severity: "error",
        message: "the query parameter `upstash-x=%E0` is not valid percent-encoding",
        span: { start: 0, end: 13 },
        path: "query",
        input: "upstash-x=%E0",
      },
    ]);
    expect(publish({}, "?%E0=1").diagnostics.map((d) => d.path)).toEqual(["query"]);
    expect(publish({}, "?upstash-retries=1%00").diagnostics.map((d) => d.code)).toEqual(["invalid-header-value"]);
    expect(publish({}, `?upstash-retries=${"1".repeat(MAX_HEADER_VALUE_LENGTH + 1)}`).options).not.toHaveProperty("retries");
    expect(publish({}, `?upstash-retry-delay=${"1".repeat(MAX_HEADER_VALUE_LENGTH)}`).options).toHaveProperty("retryDelay");
  });

  it("ignores an empty forward name and parameters that are not upstash-*", () => {
    const result = publish({}, "?upstash-forward-=x&x-upstash-retries=2&retries=2");
    expect(result.options).toEqual({ url: "" });
    expect(result.diagnostics).toEqual([]);
    // Other parameters are the destination's business: neither checked nor compared with the headers.
    expect(publish({ "x-trace": "1" }, "?x-trace=2&other=%00").diagnostics).toEqual([]);
  });
});

describe("forwards, callback copies and unknown headers", () => {
  it("unwraps Upstash-Forward-*, leaving out the SDK's own protocol headers", () => {
    const result = publish({
      "upstash-forward-X-Trace": "abc",
      "upstash-forward-upstash-label": "l",
      "Upstash-Forward-Upstash-Workflow-Sdk-Version": "1",
    });
    expect(result.options.headers).toEqual({ "X-Trace": "abc" });
    expect(result.diagnostics).toEqual([]);
  });

  it("refuses a forward that names no valid header", () => {
    expect(publish({ "upstash-forward-a b": "1" }).diagnostics).toEqual([
      {
        code: "invalid-header",
        severity: "error",
        message: "`upstash-forward-a b` forwards no valid header name",
        span: { start: 0, end: 19 },
        path: "upstash-forward-a b",
        input: "upstash-forward-a b",
      },
    ]);
  });

  it("checks callback copies with the row's language, reporting under the copy's own header", () => {
    const result = publish({
      "upstash-callback-retries": "x",
      "upstash-failure-callback-delay": "x",
      "upstash-callback-retry-delay": "pow(2, retried) * 1000",
    });
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["invalid-header-value", "Upstash-Callback-Retries"],
      ["missing-number", "Upstash-Failure-Callback-Delay"],
    ]);
    // A copy's retry delay is checked over the copy's own retries.
    const own = publish({ "upstash-callback-retries": "6", "upstash-callback-retry-delay": "1000 - 250 * retried" });
    expect(own.diagnostics.map((d) => d.path)).toEqual(["Upstash-Callback-Retry-Delay"]);
    expect(publish({ "upstash-callback-retries": "5", "upstash-callback-retry-delay": "1000 - 250 * retried" }).diagnostics).toEqual([]);
    // The message's own retries do not count for the copy.
    expect(publish({ "upstash-retries": "6", "upstash-callback-retry-delay": "1000 - 250 * retried" }).diagnostics).toEqual([]);
  });

  it("qstash endpoints give callback-family headers back in `headers` under their own names; a trigger does not", () => {
    const headers = { "upstash-callback-retries": "2", "upstash-callback-forward-z": "1", "upstash-failure-callback-forward-y": "2" };
    expect(publish(headers).options.headers).toEqual(headers);
    expect(parseTriggerHeaders(headers).options).toEqual({ url: "" });
  });

  it("warns about unknown Upstash-* headers with a suggestion, the first 20 one by one", () => {
    expect(publish({ "upstash-retires": "1", "x-other": "1" }).diagnostics).toEqual([
      {
        code: "unknown-upstash-header",
        severity: "warning",
        message: "unknown header `upstash-retires`",
        span: { start: 0, end: 15 },
        path: "upstash-retires",
        input: "upstash-retires",
        hint: "did you mean `Upstash-Retries`?",
      },
    ]);
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`upstash-zz${i}`, "1"]));
    expect(publish(many(21)).diagnostics.at(-1)).toEqual({
      code: "unknown-upstash-header",
      severity: "warning",
      message: "and 1 more unknown `Upstash-*` header",
      span: { start: 0, end: 0 },
      path: "",
      input: "",
    });
    expect(publish(many(22)).diagnostics.at(-1)?.message).toBe("and 2 more unknown `Upstash-*` headers");
    const long = `upstash-${"z".repeat(100)}`;
    expect(publish({ [long]: "1" }).diagnostics[0]?.message).toBe(`unknown header \`${long.slice(0, 80)}\``);
  });

  it("knows the documented families: forwards, protocol headers, and nested callback copies", () => {
    for (const name of [
      "upstash-forward-x",
      "upstash-callback-forward-x",
      "upstash-failure-callback-forward-x",
      "upstash-workflow-init",
      "upstash-callback-workflow-runid",
      "upstash-failure-callback-feature-set",
      "upstash-callback-failure-callback-retries",
    ]) {
      expect(publish({ [name]: "1" }).diagnostics.filter((d) => d.code === "unknown-upstash-header")).toEqual([]);
    }
    for (const name of ["upstash-callback-nothing", "upstash-callback-", "upstash-failure-callback-x"]) {
      expect(publish({ [name]: "1" }).diagnostics.map((d) => d.code)).toContain("unknown-upstash-header");
    }
  });
});
