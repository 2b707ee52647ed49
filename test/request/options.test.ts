import { describe, expect, it } from "vitest";
import {
  buildBatchRequest,
  buildBatchTriggerRequest,
  buildEnqueueRequest,
  buildPublishRequest,
  buildScheduleRequest,
  buildTriggerRequest,
  OPTION_TABLE,
  parseRequestHeaders,
  parseTriggerHeaders,
  toCurl,
  type OptionDiagnostic,
} from "../../src/index.js";

const url = "https://example.com/wf";
const codes = (diagnostics: readonly OptionDiagnostic[]) => diagnostics.map((d) => [d.path, d.code]);

describe("issue 12: what the old builder dropped or got wrong", () => {
  it("sends redact as the SDKs write it", () => {
    expect(
      buildTriggerRequest({ url, redact: { body: true, header: ["Authorization", "X-Key"] } }).request?.headers["Upstash-Redact-Fields"],
    ).toBe("body,header[Authorization],header[X-Key]");
    expect(buildPublishRequest({ url, redact: { header: true } }).request?.headers["Upstash-Redact-Fields"]).toBe("header");
    const empty = buildPublishRequest({ url, redact: { header: [] } });
    expect(empty.request?.headers["Upstash-Redact-Fields"]).toBeUndefined();
    expect(codes(empty.diagnostics)).toEqual([["redact", "empty-value-omitted"]]);
    expect(codes(buildPublishRequest({ url, redact: { headers: true } as never }).diagnostics)).toContainEqual([
      "redact.headers",
      "unknown-option",
    ]);
  });

  it("sends rate ?? ratePerSecond, with a deprecation warning, and warns about unknown flowControl fields", () => {
    const alias = buildTriggerRequest({ url, flowControl: { key: "k", ratePerSecond: 5 } });
    expect(alias.request?.headers["Upstash-Flow-Control-Value"]).toBe("rate=5");
    expect(codes(alias.diagnostics)).toEqual([["flowControl.ratePerSecond", "deprecated-option"]]);
    const both = buildTriggerRequest({ url, flowControl: { key: "k", rate: 2, ratePerSecond: 5 } });
    expect(both.request?.headers["Upstash-Flow-Control-Value"]).toBe("rate=2");
    expect(both.diagnostics[0]?.message).toContain("ignored");
    const unknown = buildTriggerRequest({ url, flowControl: { key: "k", rate: 1, burst: 3 } as never });
    expect(codes(unknown.diagnostics)).toEqual([["flowControl.burst", "unknown-option"]]);
  });

  it("trims values the way Headers does, and says so", () => {
    const result = buildTriggerRequest({ url, retryDelay: " 1000" });
    expect(result.request?.headers["Upstash-Retry-Delay"]).toBe("1000");
    expect(codes(result.diagnostics)).toEqual([["retryDelay", "header-value-trimmed"]]);
  });

  it('failureUrl: "" sends no failure callback, as @upstash/workflow does', () => {
    const result = buildTriggerRequest({ url, failureUrl: "", retries: 5 });
    expect(result.ok).toBe(true);
    expect(Object.keys(result.request?.headers ?? {}).filter((h) => h.startsWith("Upstash-Failure"))).toEqual([]);
    expect(codes(result.diagnostics)).toEqual([["failureUrl", "empty-value-omitted"]]);
  });

  it("refuses an empty batch", () => {
    for (const result of [buildBatchTriggerRequest([]), buildBatchRequest([])]) {
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.code)).toEqual(["empty-batch"]);
    }
  });
});

describe("issue 11: the header-safety invariant at assembly", () => {
  it.each([
    ["retryDelay", { retryDelay: "1000\r\n\r\n+ retried" }],
    ["flowControl.period", { flowControl: { key: "k", rate: 1, period: "1m\r\n" } }],
    ["headers", { headers: { "X-A": "1\r\nInjected: 1" } }],
    ["label", { label: "a\nb" }],
    ["workflowRunId", { workflowRunId: "id\r\nX: 1" }],
  ])("refuses CR/LF in %s", (_label, options) => {
    const result = buildTriggerRequest({ url, ...options });
    expect(result.ok).toBe(false);
  });

  it("toCurl refuses a hand-made request that would split a header", () => {
    expect(() => toCurl({ method: "POST", url, headers: { "X-A": "1\r\nInjected: 1" } })).toThrow(/cannot be sent as a header/);
  });

  it("parseTriggerHeaders refuses values no HTTP header can carry", () => {
    const result = parseTriggerHeaders({ "upstash-retry-delay": "1000\r\n+ retried", "upstash-forward-x": "\u0000" });
    expect(result.ok).toBe(false);
    expect(result.options.retryDelay).toBeUndefined();
    expect(result.options.headers).toBeUndefined();
  });
});

describe("QStash builders", () => {
  it("publish always sends Upstash-Method, as qstash-js does", () => {
    const { request } = buildPublishRequest({
      url: "https://example.com/hook",
      body: { a: 1 },
      timeout: 1.5,
      deduplicationId: "d1",
      contentBasedDeduplication: true,
      callback: "https://example.com/cb",
    });
    expect(request?.url).toBe("https://qstash.upstash.io/v2/publish/https://example.com/hook");
    expect(request?.headers).toMatchObject({
      "Upstash-Method": "POST",
      "Upstash-Timeout": "1.5s",
      "Upstash-Deduplication-Id": "d1",
      "Upstash-Content-Based-Deduplication": "true",
      "Upstash-Callback": "https://example.com/cb",
      "Content-Type": "application/json",
    });
    expect(request?.body).toBe('{"a":1}');
  });

  it("enqueue puts the queue in the path; batch in the item", () => {
    expect(buildEnqueueRequest({ queueName: "emails", url }).request?.url).toBe(`https://qstash.upstash.io/v2/enqueue/emails/${url}`);
    expect(buildEnqueueRequest({ url } as never).diagnostics.map((d) => d.code)).toContain("missing-queue");
    const batch = buildBatchRequest([{ url, queueName: "q", retries: 0 }, { url }]);
    expect(JSON.parse(batch.request?.body ?? "[]")).toEqual([
      { destination: url, headers: { "upstash-method": "POST", "upstash-retries": "0" }, queue: "q" },
      { destination: url, headers: { "upstash-method": "POST" } },
    ]);
  });

  it("schedules need a cron and send Upstash-Method only when given", () => {
    const ok = buildScheduleRequest({
      destination: url,
      cron: "CRON_TZ=Europe/Berlin 0 9 * * 1-5",
      scheduleId: "daily.report",
      queueName: "q",
    });
    expect(ok.request?.headers).toMatchObject({
      "Upstash-Cron": "CRON_TZ=Europe/Berlin 0 9 * * 1-5",
      "Upstash-Schedule-Id": "daily.report",
      "Upstash-Queue-Name": "q",
      "Content-Type": "application/json",
    });
    expect(ok.request?.headers["Upstash-Method"]).toBeUndefined();
    expect(codes(buildScheduleRequest({ destination: url, cron: "* * * * * *" }).diagnostics)).toEqual([["cron", "invalid-cron"]]);
    expect(codes(buildScheduleRequest({ destination: url } as never).diagnostics)).toEqual([["cron", "missing-cron"]]);
  });

  it("checks raw Upstash-* headers that qstash-js passes through with the table's languages", () => {
    const result = buildPublishRequest({ url, headers: { "Upstash-Callback-Retry-Delay": "pow(2, retries)", "Upstash-Bogus": "1" } });
    expect(codes(result.diagnostics)).toEqual([
      ["headers.Upstash-Callback-Retry-Delay", "unknown-variable"],
      ["headers.Upstash-Bogus", "unknown-upstash-header"],
    ]);
  });
});

describe("plan limits", () => {
  it.each([
    [{ timeout: "16m" }, "free", "timeout", "timeout-over-plan-limit"],
    [{ timeout: "3h" }, "pay-as-you-go", "timeout", "timeout-over-plan-limit"],
    [{ body: "x".repeat(1_000_001) }, "free", "body", "body-over-plan-limit"],
    [{ flowControl: { key: "k", parallelism: 11 } }, "free", "flowControl.parallelism", "parallelism-over-plan-limit"],
    [{ delay: "8d" }, "free", "delay", "delay-over-plan-limit"],
  ] as const)("%j on %s", (options, plan, path, code) => {
    expect(codes(buildPublishRequest({ url, ...options }, { plan }).diagnostics)).toContainEqual([path, code]);
  });

  it("the limits are the plan's, not lower", () => {
    expect(
      buildPublishRequest(
        { url, timeout: "15m", body: "x".repeat(1_000_000), flowControl: { key: "k", parallelism: 10 } },
        { plan: "free" },
      ).diagnostics,
    ).toEqual([]);
  });
});

describe("the parse side knows every documented header", () => {
  it.each([
    "Upstash-Callback-Timeout",
    "Upstash-Callback-Delay",
    "Upstash-Callback-Method",
    "Upstash-Callback-Retries",
    "Upstash-Callback-Forward-X-A",
    "Upstash-Callback-Flow-Control-Key",
    "Upstash-Callback-Flow-Control-Value",
    "Upstash-Failure-Callback-Timeout",
    "Upstash-Failure-Callback-Delay",
    "Upstash-Failure-Callback-Method",
    "Upstash-Redact-Fields",
    "Upstash-Header-Forward",
    "Upstash-Queue-Name",
  ])("%s", (name) => {
    const value = /Method/.test(name)
      ? "PUT"
      : /Timeout|Delay$/.test(name)
        ? "10s"
        : /Retries/.test(name)
          ? "2"
          : /Value/.test(name)
            ? "rate=1"
            : /Redact/.test(name)
              ? "body"
              : /Header-Forward/.test(name)
                ? "true"
                : "k";
    for (const endpoint of ["publish", "schedule", "trigger"] as const) {
      const result = parseRequestHeaders({ [name]: value }, { endpoint });
      expect(result.diagnostics, `${endpoint} ${name}`).toEqual([]);
    }
  });

  it("reads query-parameter configuration, the header winning over the parameter", () => {
    const result = parseRequestHeaders(
      { "Upstash-Retries": "5" },
      { endpoint: "publish", query: "?upstash-retries=3&upstash-delay=100s&other=1" },
    );
    expect(result.options).toMatchObject({ retries: 5, delay: "100s" });
    expect(codes(result.diagnostics)).toEqual([["query.upstash-retries", "duplicate-header"]]);
  });

  it("a run id without wfr_ is read as given, with a warning", () => {
    expect(codes(parseTriggerHeaders({ "upstash-workflow-runid": "abc" }).diagnostics)).toEqual([
      ["Upstash-Workflow-RunId", "run-id-without-prefix"],
    ]);
  });
});

describe("the table", () => {
  it("names each header once per endpoint, and documents every row", () => {
    for (const endpoint of ["trigger", "publish", "enqueue", "batch", "schedule"] as const) {
      const headers = OPTION_TABLE.filter((r) => r.endpoints.includes(endpoint) && r.kind === "header").flatMap((r) =>
        r.kind === "header" ? r.headers : [],
      );
      expect(new Set(headers).size, endpoint).toBe(headers.length);
    }
    for (const row of OPTION_TABLE) expect(row.doc.length, row.option).toBeGreaterThan(10);
  });
});

describe("bounded work on attacker-sized inputs", () => {
  it("reads at most 10,000 incoming headers, and says so", () => {
    const headers = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`X-H${i}`, "1"]));
    const result = parseTriggerHeaders(headers);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.message)).toContain("the request has more than 10000 headers; the rest are not read");
  });

  it("refuses a batch of more than 10,000 items before building any", () => {
    const result = buildBatchRequest(Array.from({ length: 10_001 }, () => ({ url })));
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: "invalid-options", hint: "it has 10001 elements; the limit is 10000" });
  });
});
