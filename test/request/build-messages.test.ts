import { describe, expect, it } from "vitest";
import {
  buildBatchRequest,
  buildBatchTriggerRequest,
  buildEnqueueRequest,
  buildPublishRequest,
  buildScheduleRequest,
  buildTriggerRequest,
  type RequestBuildResult,
} from "../../src/index.js";

/*
 * Assembling messages and requests (src/request/message.ts, requests.ts,
 * api.ts): the builder's own options, unknown and missing options, batches,
 * and the header-safety check where headers are assembled.
 */

const url = "https://example.com/wf";

describe("the build options", () => {
  it("a base URL loses its trailing slashes; a token is sent as given", () => {
    const { request } = buildPublishRequest({ url }, { baseUrl: "http://localhost:8080///", token: "t0k!" });
    expect(request?.url).toBe("http://localhost:8080/v2/publish/https://example.com/wf");
    expect(request?.headers.Authorization).toBe("Bearer t0k!");
    expect(buildPublishRequest({ url }).request?.url).toBe("https://qstash.upstash.io/v2/publish/https://example.com/wf");
    expect(buildPublishRequest({ url }).request?.headers.Authorization).toBe("Bearer <QSTASH_TOKEN>");
  });

  it("are programming errors: a wrong one throws, naming it", () => {
    const cases: [unknown, string][] = [
      [5, "the build options must be an object, not a number"],
      [{ baseUrl: 5 }, "build.baseUrl must be a string, not a number"],
      [{ baseUrl: "ftp://x" }, "build.baseUrl must be an http:// or https:// URL, not `ftp://x`"],
      [{ baseUrl: "https://a b" }, "build.baseUrl must be an http:// or https:// URL, not `https://a b`"],
      [{ baseUrl: "https://" }, "build.baseUrl must be an http:// or https:// URL, not `https://`"],
      [{ baseUrl: " https://x" }, "build.baseUrl must be an http:// or https:// URL, not ` https://x`"],
      [{ token: 5 }, "build.token must be a string, not a number"],
      [{ token: "a b" }, "build.token must be printable ASCII, as a header value"],
      [{ token: "" }, "build.token must be printable ASCII, as a header value"],
      [{ plan: "gold" }, 'build.plan must be one of "free", "pay-as-you-go", "fixed"'],
      [{ now: "1" }, "build.now must be a finite number of Unix milliseconds, not 1"],
      [{ now: Number.POSITIVE_INFINITY }, "build.now must be a finite number of Unix milliseconds, not Infinity"],
    ];
    for (const [build, message] of cases) expect(() => buildPublishRequest({ url }, build as never)).toThrow(message);
    expect(() => buildPublishRequest({ url }, { baseUrl: `https://${"x".repeat(100)} ` })).toThrow(`not \`https://${"x".repeat(72)}\``);
  });

  it("`now` decides what is in the past", () => {
    expect(buildPublishRequest({ url, notBefore: 2000 }, { now: 1_000_000 }).diagnostics).toEqual([]);
    expect(buildPublishRequest({ url, notBefore: 2000 }, { now: 3_000_000 }).diagnostics.map((d) => d.code)).toEqual([
      "not-before-in-past",
    ]);
  });
});

describe("options", () => {
  it("must be an object", () => {
    expect(buildPublishRequest(5 as never).diagnostics).toEqual([
      {
        code: "invalid-options",
        severity: "error",
        message: "the publish options must be an object such as `{ url }`",
        span: { start: 0, end: 0 },
        path: "",
        input: "",
      },
    ]);
    expect(buildTriggerRequest(null as never).diagnostics[0]?.message).toBe("the trigger options must be an object such as `{ url }`");
  });

  it("unknown ones get a warning, with the option meant when one is close", () => {
    const result = buildPublishRequest({ url, retires: 1, zzzzzzzz: 1 } as never);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([
      {
        code: "unknown-option",
        severity: "warning",
        message: "unknown option `retires`; it is ignored",
        span: { start: 0, end: 7 },
        path: "retires",
        input: "retires",
        hint: "did you mean `retries`?",
      },
      {
        code: "unknown-option",
        severity: "warning",
        message: "unknown option `zzzzzzzz`; it is ignored",
        span: { start: 0, end: 8 },
        path: "zzzzzzzz",
        input: "zzzzzzzz",
      },
    ]);
  });

  it("the first 20 unknown options are named, the rest counted", () => {
    const many = (n: number): Record<string, unknown> =>
      Object.fromEntries<unknown>([["url", url], ...Array.from({ length: n }, (_, i): [string, unknown] => [`zz${i}`, 1])]);
    const one = buildPublishRequest(many(21) as never).diagnostics;
    expect(one).toHaveLength(21);
    expect(one.at(-1)).toEqual({
      code: "unknown-option",
      severity: "warning",
      message: "and 1 more unknown option; they are ignored",
      span: { start: 0, end: 0 },
      path: "",
      input: "",
    });
    expect(buildPublishRequest(many(25) as never).diagnostics.at(-1)?.message).toBe("and 5 more unknown options; they are ignored");
    expect(buildBatchRequest([many(21)] as never).diagnostics.at(-1)).toMatchObject({ path: "[0]", index: 0 });
  });

  it("a missing required option is named with why it is needed", () => {
    expect(buildPublishRequest({} as never).diagnostics.map((d) => [d.code, d.message, d.path])).toEqual([
      ["missing-url", expect.stringMatching(/^`url` is required: /), "url"],
    ]);
    expect(buildScheduleRequest({ cron: "* * * * *" } as never).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["missing-url", "destination"],
    ]);
    expect(buildScheduleRequest({ destination: url } as never).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["missing-cron", "cron"],
    ]);
    expect(buildEnqueueRequest({ url } as never).diagnostics.map((d) => [d.code, d.path])).toEqual([["missing-queue", "queueName"]]);
  });

  it("both delay and notBefore: notBefore wins, with a warning", () => {
    const result = buildPublishRequest({ url, delay: 1, notBefore: 1_900_000_000 }, { now: 1_800_000_000_000 });
    expect(result.diagnostics).toEqual([
      {
        code: "not-before-overrides-delay",
        severity: "warning",
        message: "both `delay` and `notBefore` are given; `notBefore` takes precedence",
        span: { start: 0, end: 10 },
        path: "notBefore",
        input: "1900000000",
        hint: "drop one of them",
      },
    ]);
  });
});

describe("assembling the headers", () => {
  it("qstash endpoints always send Upstash-Method on messages; schedules only when given", () => {
    expect(buildPublishRequest({ url }).request?.headers["Upstash-Method"]).toBe("POST");
    expect(buildEnqueueRequest({ url, queueName: "q" }).request?.headers["Upstash-Method"]).toBe("POST");
    expect(buildScheduleRequest({ destination: url, cron: "* * * * *" }).request?.headers).not.toHaveProperty("Upstash-Method");
    expect(buildScheduleRequest({ destination: url, cron: "* * * * *", method: "PUT" }).request?.headers["Upstash-Method"]).toBe("PUT");
    expect(buildTriggerRequest({ url }).request?.headers).not.toHaveProperty("Upstash-Method");
  });

  it("a schedule sends JSON's Content-Type unless the caller gave one; others only for a JSON body", () => {
    expect(buildScheduleRequest({ destination: url, cron: "* * * * *", body: "x" }).request?.headers["Content-Type"]).toBe(
      "application/json",
    );
    expect(
      buildScheduleRequest({ destination: url, cron: "* * * * *", headers: { "Content-Type": "text/plain" } }).request?.headers[
        "Content-Type"
      ],
    ).toBe("text/plain");
    expect(buildPublishRequest({ url, body: "x" }).request?.headers).not.toHaveProperty("Content-Type");
    expect(buildPublishRequest({ url, body: {}, headers: { "content-type": "text/plain" } }).request?.headers["Content-Type"]).toBe(
      "text/plain",
    );
  });

  it("a qstash Content-Type is sent as the header itself, not forwarded; a trigger's is both", () => {
    const publish = buildPublishRequest({ url, headers: { "Content-Type": "text/plain" } }).request?.headers;
    expect(publish?.["Content-Type"]).toBe("text/plain");
    expect(Object.keys(publish ?? {}).filter((h) => /forward/i.test(h))).toEqual([]);
    const trigger = buildTriggerRequest({ url, headers: { "Content-Type": "text/plain" } }).request?.headers;
    expect(trigger).toMatchObject({ "Content-Type": "text/plain", "Upstash-Forward-Content-Type": "text/plain" });
  });

  it("qstash-js passes Upstash-* headers through as they are, checked with their row's language", () => {
    const result = buildPublishRequest({ url, headers: { "Upstash-Retries": "x", "Upstash-Callback-Timeout": "10s" } });
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([["invalid-header-value", "headers.Upstash-Retries"]]);
    const ok = buildPublishRequest({ url, headers: { "Upstash-Callback-Timeout": "10s", "Upstash-Zzz": "1" } });
    expect(ok.request?.headers).toMatchObject({ "Upstash-Callback-Timeout": "10s", "Upstash-Zzz": "1" });
    expect(ok.diagnostics).toEqual([
      {
        code: "unknown-upstash-header",
        severity: "warning",
        message: "unknown header `Upstash-Zzz`; it is sent as it is",
        span: { start: 0, end: 11 },
        path: "headers.Upstash-Zzz",
        input: "Upstash-Zzz",
      },
    ]);
  });

  it("a trigger with a failure URL copies each setting and forwarded header to the failure callback", () => {
    const headers = buildTriggerRequest({ url, failureUrl: "https://example.com/f", retries: 5, headers: { "X-A": "1" } }).request?.headers;
    expect(headers).toMatchObject({
      "Upstash-Failure-Callback": "https://example.com/f",
      "Upstash-Failure-Callback-Retries": "5",
      "Upstash-Forward-X-A": "1",
      "Upstash-Failure-Callback-Forward-X-A": "1",
    });
    const none = buildTriggerRequest({ url, retries: 5, headers: { "X-A": "1" } }).request?.headers;
    expect(Object.keys(none ?? {}).filter((h) => h.startsWith("Upstash-Failure-Callback"))).toEqual([]);
  });

  it("enqueue and batch carry the queue in the path or item, not a header", () => {
    const enqueue = buildEnqueueRequest({ url, queueName: "q1" }).request;
    expect(enqueue?.url).toBe("https://qstash.upstash.io/v2/enqueue/q1/https://example.com/wf");
    expect(enqueue?.headers).not.toHaveProperty("Upstash-Queue-Name");
    const batch = buildBatchRequest([{ url, queueName: "q2" }, { url }]).request;
    const items = JSON.parse(batch?.body ?? "[]") as Record<string, unknown>[];
    expect(items.map((item) => item.queue)).toEqual(["q2", undefined]);
  });

  it("a header that would be unsafe is refused where the headers are assembled, under the option that made it", () => {
    const result = buildPublishRequest({ url, headers: { "Upstash-X": "a\u0100" } });
    expect(result.diagnostics.filter((d) => d.code === "unsafe-header")).toEqual([
      {
        code: "unsafe-header",
        severity: "error",
        message: "`Upstash-X` would carry U+0100, which a header cannot",
        span: { start: 1, end: 2 },
        path: "headers.Upstash-X",
        input: "a\u0100",
        hint: "header values cannot hold line breaks, NUL or characters above U+00FF",
      },
    ]);
    const cron = buildScheduleRequest({ destination: url, cron: " * * * * *" });
    expect(cron.diagnostics).toEqual([
      {
        code: "unsafe-header",
        severity: "error",
        message: "`Upstash-Cron` would start or end with whitespace, which HTTP strips",
        span: { start: 0, end: 10 },
        path: "cron",
        input: " * * * * *",
        hint: "trim the value",
      },
    ]);
  });
});

describe("batches", () => {
  const check = (result: RequestBuildResult) => result.diagnostics.map((d) => [d.code, d.path, d.index]);

  it("must be an array, and not empty", () => {
    expect(buildBatchRequest(5 as never).diagnostics).toEqual([
      {
        code: "invalid-options",
        severity: "error",
        message: "the batch must be an array of options",
        span: { start: 0, end: 0 },
        path: "",
        input: "",
      },
    ]);
    expect(buildBatchRequest([]).diagnostics).toEqual([
      {
        code: "empty-batch",
        severity: "error",
        message: "the batch is empty",
        span: { start: 0, end: 0 },
        path: "",
        input: "",
        hint: "give at least one item; @upstash/workflow fails on an empty trigger batch",
      },
    ]);
    expect(buildBatchTriggerRequest([]).ok).toBe(false);
  });

  it("tags each item's diagnostics with its index and path", () => {
    expect(check(buildBatchRequest([{ url, retries: -1 }, 5 as never, { url }]))).toEqual([
      ["invalid-retries", "[0].retries", 0],
      ["invalid-options", "[1]", 1],
    ]);
    expect(buildBatchRequest([5 as never]).diagnostics[0]?.message).toBe("the batch options must be an object such as `{ url }`");
  });

  it("sends a JSON array of the items, with the token and JSON's Content-Type", () => {
    const { request } = buildBatchRequest([{ url, retries: 2 }], { token: "t" });
    expect(request).toMatchObject({
      method: "POST",
      url: "https://qstash.upstash.io/v2/batch",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
    });
    expect(JSON.parse(request?.body ?? "")).toEqual([{ destination: url, headers: { "upstash-method": "POST", "upstash-retries": "2" } }]);
  });
});
