import { describe, expect, it } from "vitest";
import { buildPublishRequest, buildTriggerRequest, type BuildOptions, type RequestBuildResult } from "../../src/index.js";

/*
 * The payload options (src/request/values/payload.ts): forwarded headers and
 * the body, with the plan's message-size limit.
 */

const url = "https://example.com/wf";
const publish = (options: object, build: BuildOptions = {}): RequestBuildResult => buildPublishRequest({ url, ...options }, build);

describe("forwarded headers", () => {
  it("are sent as Upstash-Forward-<name> (lower-cased by qstash-js), each value trimmed with a warning", () => {
    const result = publish({ headers: { "X-A": " 1\t", "X-B": "2" } });
    expect(result.request?.headers).toMatchObject({ "Upstash-Forward-x-a": "1", "Upstash-Forward-x-b": "2" });
    expect(result.diagnostics).toEqual([
      {
        code: "header-value-trimmed",
        severity: "warning",
        message: "the value of `X-A` has leading or trailing whitespace, which HTTP strips",
        span: { start: 0, end: 3 },
        path: "headers.X-A",
        input: " 1\t",
        hint: "it arrives as `1`",
      },
    ]);
  });

  it("joins names that differ only in case with `, `, under the first spelling, as fetch does", () => {
    const result = buildTriggerRequest({ url, headers: { "X-A": "1", "x-a": "2", "X-a": "3" } });
    expect(result.request?.headers["Upstash-Forward-X-A"]).toBe("1, 2, 3");
    expect(result.diagnostics).toEqual([
      {
        code: "duplicate-header",
        severity: "warning",
        message: "`x-a` and `X-A` are the same header; their values are joined with `, `",
        span: { start: 0, end: 3 },
        path: "headers.x-a",
        input: "x-a",
      },
      {
        code: "duplicate-header",
        severity: "warning",
        message: "`X-a` and `X-A` are the same header; their values are joined with `, `",
        span: { start: 0, end: 3 },
        path: "headers.X-a",
        input: "X-a",
      },
    ]);
  });

  it("refuses a name that is not a token (naming at most 80 characters of it) and a value that is not a string", () => {
    const long = `${"x".repeat(80)} y`;
    const result = publish({ headers: { "B C": "3", D: 4, [long]: "5" } });
    expect(result.diagnostics).toEqual([
      {
        code: "invalid-header",
        severity: "error",
        message: "`B C` is not a valid header name",
        span: { start: 0, end: 3 },
        path: "headers.B C",
        input: "B C",
        hint: "header names are letters, digits and `!#$%&'*+-.^_`|~`",
      },
      {
        code: "invalid-header",
        severity: "error",
        message: "the value of `D` must be a string, not 4",
        span: { start: 0, end: 1 },
        path: "headers.D",
        input: "4",
      },
      expect.objectContaining({
        code: "invalid-header",
        message: `\`${"x".repeat(80)}\` is not a valid header name`,
        path: `headers.${long}`,
      }),
    ]);
  });

  it("must be an object", () => {
    expect(publish({ headers: 5 }).diagnostics).toEqual([
      {
        code: "invalid-header",
        severity: "error",
        message: "`headers` must be an object of header names to values",
        span: { start: 0, end: 1 },
        path: "headers",
        input: "5",
      },
    ]);
    expect(publish({ headers: ["X-A"] }).diagnostics.map((d) => d.code)).toEqual(["invalid-header"]);
  });
});

describe("body", () => {
  it("a string is sent as is; anything else as JSON with its Content-Type", () => {
    const text = publish({ body: "{not json" });
    expect(text.request?.body).toBe("{not json");
    expect(text.request?.headers).not.toHaveProperty("Content-Type");
    for (const [body, json] of [
      [{ a: 1 }, '{"a":1}'],
      [null, "null"],
      [0, "0"],
      [false, "false"],
      ["", ""],
    ] as const) {
      const result = publish({ body });
      expect(result.request?.body).toBe(json);
    }
    expect(publish({ body: null }).request?.headers["Content-Type"]).toBe("application/json");
  });

  it("refuses what has no JSON form, saying why", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const refused = publish({ body: cycle });
    expect(refused.diagnostics).toEqual([expect.objectContaining({ code: "invalid-body", severity: "error", path: "body", input: "" })]);
    expect(refused.diagnostics[0]?.message).toMatch(/^`body` cannot be serialized to JSON: .*circular/i);
    expect(publish({ body: 1n }).diagnostics[0]?.message).toMatch(/^`body` cannot be serialized to JSON: .*BigInt/);
    expect(publish({ body: () => 1 }).diagnostics).toEqual([
      {
        code: "invalid-body",
        severity: "error",
        message: "`body` of type function has no JSON form",
        span: { start: 0, end: 0 },
        path: "body",
        input: "",
      },
    ]);
    expect(publish({ body: Symbol("s") }).diagnostics[0]?.message).toBe("`body` of type symbol has no JSON form");
  });

  it("a thrown non-Error while serializing is shown as it is", () => {
    const body = {
      toJSON() {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a caller's toJSON may throw is not ours to choose
        throw "nope";
      },
    };
    expect(publish({ body }).diagnostics[0]?.message).toBe("`body` cannot be serialized to JSON: nope");
  });

  it("is measured in UTF-8 bytes against the plan's maximum message size", () => {
    const limit = 1_000_000;
    expect(publish({ body: "a".repeat(limit) }, { plan: "free" }).ok).toBe(true);
    expect(publish({ body: "a".repeat(limit + 1) }, { plan: "free" }).diagnostics).toEqual([
      {
        code: "body-over-plan-limit",
        severity: "error",
        message: `the body is ${limit + 1} bytes; the free plan's maximum message size is ${limit} bytes`,
        span: { start: 0, end: 0 },
        path: "body",
        input: "",
        hint: "Upstash answers 412 for a larger message (upstash.com/pricing/qstash)",
      },
    ]);
    // é is 2 bytes, € 3, an astral character (a surrogate pair) 4.
    expect(publish({ body: "é".repeat(limit / 2) }, { plan: "free" }).ok).toBe(true);
    expect(publish({ body: `${"é".repeat(limit / 2)}a` }, { plan: "free" }).diagnostics[0]?.message).toContain(`${limit + 1} bytes`);
    expect(publish({ body: `${"€".repeat(333_333)}ab` }, { plan: "free" }).diagnostics[0]?.message).toContain("the body is 1000001 bytes");
    expect(publish({ body: `${"😀".repeat(250_000)}a` }, { plan: "free" }).diagnostics[0]?.message).toContain("the body is 1000001 bytes");
    expect(publish({ body: "😀".repeat(250_000) }, { plan: "free" }).ok).toBe(true);
    // A lone high surrogate at the end is written as U+FFFD: 3 bytes.
    expect(publish({ body: `${"a".repeat(limit - 3)}\ud800` }, { plan: "free" }).ok).toBe(true);
    expect(publish({ body: `${"a".repeat(limit - 2)}\ud800` }, { plan: "free" }).diagnostics[0]?.message).toContain(
      "the body is 1000001 bytes",
    );
    // A JSON body is measured as sent; without a plan nothing is measured.
    expect(publish({ body: { a: "a".repeat(limit) } }, { plan: "free" }).ok).toBe(false);
    expect(publish({ body: "a".repeat(limit + 1) }).ok).toBe(true);
    expect(publish({ body: "a".repeat(limit + 1) }, { plan: "pay-as-you-go" }).ok).toBe(true);
  });
});
