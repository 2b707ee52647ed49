import { describe, expect, it } from "vitest";
import {
  buildPublishRequest,
  buildScheduleRequest,
  buildTriggerRequest,
  parseRequestHeaders,
  type RequestBuildResult,
} from "../../src/index.js";

/*
 * The list-valued options (src/request/values/lists.ts): label, redact and
 * cron, built and parsed.
 */

const url = "https://example.com/wf";
const publish = (options: object): RequestBuildResult => buildPublishRequest({ url, ...options });
const sent = (result: RequestBuildResult, header: string) => result.request?.headers[header];
const parse = (headers: Record<string, string>) => parseRequestHeaders(headers, { endpoint: "publish" });

describe("label", () => {
  it("joins several with `,`; an empty array is refused", () => {
    expect(sent(buildTriggerRequest({ url, label: ["a", "b"] }), "Upstash-Label")).toBe("a,b");
    expect(sent(publish({ label: ["only"] }), "Upstash-Label")).toBe("only");
    expect(publish({ label: [] }).diagnostics).toEqual([
      {
        code: "invalid-label",
        severity: "error",
        message: "`label` is an empty array",
        span: { start: 0, end: 0 },
        path: "label",
        input: "",
        hint: "give at least one label, or leave the option out",
      },
    ]);
  });

  it("checks each label of an array under its index, coded invalid-label", () => {
    const result = publish({ label: ["a", "b c", 5] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.path, d.input])).toEqual([
      ["invalid-label", "label[1]", "b c"],
      ["invalid-label", "label[2]", "5"],
    ]);
    expect(result.diagnostics[0]).toMatchObject({ severity: "error", span: { start: 1, end: 2 } });
  });

  it("a qstash string label is trimmed as Headers trims it; a trigger's is refused, as the SDK throws", () => {
    const trimmed = publish({ label: " a " });
    expect(sent(trimmed, "Upstash-Label")).toBe("a");
    expect(trimmed.diagnostics.map((d) => d.code)).toEqual(["header-value-trimmed"]);
    const refused = buildTriggerRequest({ url, label: " a " });
    expect(refused.diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid-label", "label"]]);
    // An array item is never trimmed, on either side.
    expect(publish({ label: [" a"] }).diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid-label", "label[0]"]]);
  });

  it("an incoming Upstash-Label is one label or several", () => {
    expect(parse({ "upstash-label": "a" }).options.label).toBe("a");
    expect(parse({ "upstash-label": "a,b" }).options.label).toEqual(["a", "b"]);
    expect(parse({ "upstash-label": "a,b c" }).diagnostics.map((d) => [d.code, d.input])).toEqual([["invalid-label", "b c"]]);
  });
});

describe("redact", () => {
  it("writes body, header and header[Name] as the SDKs do", () => {
    expect(sent(publish({ redact: { body: true, header: true } }), "Upstash-Redact-Fields")).toBe("body,header");
    expect(sent(publish({ redact: { header: ["Authorization", "X-Key"] } }), "Upstash-Redact-Fields")).toBe(
      "header[Authorization],header[X-Key]",
    );
    expect(sent(publish({ redact: { body: true } }), "Upstash-Redact-Fields")).toBe("body");
  });

  it("must be an object", () => {
    expect(publish({ redact: 5 }).diagnostics).toEqual([
      {
        code: "invalid-redact",
        severity: "error",
        message: '`redact` must be an object such as `{ body: true, header: ["Authorization"] }`',
        span: { start: 0, end: 1 },
        path: "redact",
        input: "5",
      },
    ]);
    expect(publish({ redact: ["body"] }).diagnostics.map((d) => d.code)).toEqual(["invalid-redact"]);
  });

  it("says when it redacts nothing, and sends nothing", () => {
    const result = publish({ redact: { header: false, body: false } });
    expect(result.request?.headers).not.toHaveProperty("Upstash-Redact-Fields");
    expect(result.diagnostics).toEqual([
      {
        code: "empty-value-omitted",
        severity: "info",
        message: "`redact` redacts nothing, so `Upstash-Redact-Fields` is not sent",
        span: { start: 0, end: 0 },
        path: "redact",
        input: "",
      },
    ]);
  });

  it("warns about unknown fields, suggesting `header` for the docs' `headers`", () => {
    const result = publish({ redact: { headers: true, body: true, other: 1 } });
    expect(sent(result, "Upstash-Redact-Fields")).toBe("body");
    expect(result.diagnostics).toEqual([
      {
        code: "unknown-option",
        severity: "warning",
        message: "unknown option `redact.headers`; it is ignored",
        span: { start: 0, end: 7 },
        path: "redact.headers",
        input: "headers",
        hint: "did you mean `header`?",
      },
      {
        code: "unknown-option",
        severity: "warning",
        message: "unknown option `redact.other`; it is ignored",
        span: { start: 0, end: 5 },
        path: "redact.other",
        input: "other",
      },
    ]);
  });

  it("refuses a body that is not a boolean, and a header that is neither true nor names", () => {
    expect(publish({ redact: { body: "yes", header: true } }).diagnostics).toEqual([
      {
        code: "invalid-redact",
        severity: "error",
        message: "`redact.body` must be true or false, not yes",
        span: { start: 0, end: 3 },
        path: "redact.body",
        input: "yes",
      },
    ]);
    expect(publish({ redact: { body: true, header: "x" } }).diagnostics).toEqual([
      {
        code: "invalid-redact",
        severity: "error",
        message: "`redact.header` must be true or an array of header names, not x",
        span: { start: 0, end: 1 },
        path: "redact.header",
        input: "x",
      },
    ]);
    expect(publish({ redact: { body: true, header: ["A", "b c", 5] } }).diagnostics).toEqual([
      {
        code: "invalid-redact",
        severity: "error",
        message: "`redact.header[1]` must be a header name, not b c",
        span: { start: 0, end: 3 },
        path: "redact.header[1]",
        input: "b c",
      },
      {
        code: "invalid-redact",
        severity: "error",
        message: "`redact.header[2]` must be a header name, not 5",
        span: { start: 0, end: 1 },
        path: "redact.header[2]",
        input: "5",
      },
    ]);
  });

  it("reads Upstash-Redact-Fields back, the docs' `headers` spelling too, with a warning on its span", () => {
    expect(parse({ "upstash-redact-fields": "body,header" }).options.redact).toEqual({ body: true, header: true });
    expect(parse({ "upstash-redact-fields": "header[A], header[B]" }).options.redact).toEqual({ header: ["A", "B"] });
    expect(parse({ "upstash-redact-fields": "header,header[A]" }).options.redact).toEqual({ header: true });
    const docs = parse({ "upstash-redact-fields": "body,headers[A]" });
    expect(docs.options.redact).toEqual({ body: true, header: ["A"] });
    expect(docs.diagnostics).toEqual([
      {
        code: "undocumented-spelling",
        severity: "warning",
        message: "the SDKs write `header`, although Upstash's docs say `headers`",
        span: { start: 5, end: 15 },
        path: "Upstash-Redact-Fields",
        input: "body,headers[A]",
        hint: "write `header`, which the server is shown to accept",
      },
    ]);
    expect(parse({ "upstash-redact-fields": "headers" }).options.redact).toEqual({ header: true });
  });

  it("refuses a field it cannot redact, pointing at it", () => {
    const result = parse({ "upstash-redact-fields": "body,cookies" });
    expect(result.diagnostics).toEqual([
      {
        code: "invalid-redact",
        severity: "error",
        message: "`cookies` is not a redactable field",
        span: { start: 5, end: 12 },
        path: "Upstash-Redact-Fields",
        input: "body,cookies",
        hint: "use `body`, `header` or `header[Name]`",
      },
    ]);
    expect(parse({ "upstash-redact-fields": "header[]" }).diagnostics.map((d) => d.code)).toEqual(["invalid-redact"]);
    expect(parse({ "upstash-redact-fields": "xheader[A]" }).diagnostics.map((d) => d.code)).toEqual(["invalid-redact"]);
    expect(parse({ "upstash-redact-fields": "header[A]x" }).diagnostics.map((d) => d.code)).toEqual(["invalid-redact"]);
  });
});

describe("cron", () => {
  const schedule = (cron: unknown) => buildScheduleRequest({ destination: url, cron } as never);
  const hint = "e.g. `*/5 * * * *`, or `CRON_TZ=Europe/Berlin 0 9 * * *`";

  it("is five fields, optionally after CRON_TZ=<zone>", () => {
    for (const cron of ["*/5 * * * *", "CRON_TZ=Europe/Berlin 0 9 * * *", "0 9 * JAN MON-FRI", "0 0 L * ?", "0  9 * * *"])
      expect(schedule(cron).ok).toBe(true);
    expect(sent(schedule("CRON_TZ=America/Argentina/Buenos_Aires 0 9 * * *"), "Upstash-Cron")).toBe(
      "CRON_TZ=America/Argentina/Buenos_Aires 0 9 * * *",
    );
  });

  it("says a sixth field is seconds, and what five fields are", () => {
    expect(schedule("* * * * * *").diagnostics).toEqual([
      {
        code: "invalid-cron",
        severity: "error",
        message: "a cron with 6 fields has seconds; Upstash's resolution is one minute",
        span: { start: 0, end: 11 },
        path: "cron",
        input: "* * * * * *",
        hint,
      },
    ]);
    for (const cron of ["* * *", "0 9 * * $", "", "CRON_TZ=Europe/Berlin", "0 9 * * * * *", "$0 9 * * *", "0 9 * * 1$"]) {
      expect(schedule(cron).diagnostics).toEqual([
        {
          code: "invalid-cron",
          severity: "error",
          message: "`cron` must have 5 fields (minute hour day month weekday)",
          span: { start: 0, end: cron.length },
          path: "cron",
          input: cron,
          hint,
        },
      ]);
    }
  });

  it("is not trimmed: edge spaces are refused where the headers are assembled", () => {
    expect(schedule(" 0 9 * * *").diagnostics.map((d) => [d.code, d.path])).toEqual([["unsafe-header", "cron"]]);
  });

  it("must be a string", () => {
    expect(schedule(5).diagnostics).toEqual([
      {
        code: "invalid-cron",
        severity: "error",
        message: "`cron` must be a cron expression such as `*/5 * * * *`, not 5",
        span: { start: 0, end: 1 },
        path: "cron",
        input: "5",
      },
    ]);
  });

  it("an incoming Upstash-Cron is checked the same way", () => {
    const result = parseRequestHeaders({ "upstash-cron": "* * *" }, { endpoint: "schedule" });
    expect(result.options.cron).toBe("* * *");
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid-cron", "Upstash-Cron"]]);
  });
});
