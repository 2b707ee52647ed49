import { describe, expect, it } from "vitest";
import {
  buildBatchTriggerRequest,
  buildTriggerRequest,
  parseTriggerHeaders,
  renderOptionDiagnostics,
  TRIGGER_CODES,
  type TriggerOptions,
} from "../../src/index.js";
import { cpuTime } from "../support/cpu-time.js";

const url = "https://example.com/api/workflow";
const now = Date.UTC(2026, 10, 23);
const build = (options: Partial<TriggerOptions>, extra = {}) => buildTriggerRequest({ url, ...options }, { now, ...extra });
const codes = (options: Partial<TriggerOptions>, extra = {}) => build(options, extra).diagnostics.map((d) => [d.path, d.code]);

describe("buildTriggerRequest", () => {
  it("builds the documented REST request", () => {
    const result = build({
      workflowRunId: "my-run",
      body: { hello: "world" },
      headers: { "X-Trace": "abc" },
      retries: 5,
      retryDelay: "pow(2, retried) * 1000",
      delay: "10s",
      flowControl: { key: "user-42", parallelism: 5, rate: 10, period: "1m" },
      failureUrl: "https://example.com/failed",
      label: "nightly",
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.request).toEqual({
      method: "POST",
      url: "https://qstash.upstash.io/v2/trigger/https://example.com/api/workflow",
      headers: {
        Authorization: "Bearer <QSTASH_TOKEN>",
        "Upstash-Workflow-RunId": "wfr_my-run",
        "Upstash-Retries": "5",
        "Upstash-Retry-Delay": "pow(2, retried) * 1000",
        "Upstash-Delay": "10s",
        "Upstash-Flow-Control-Key": "user-42",
        "Upstash-Flow-Control-Value": "parallelism=5, rate=10, period=1m",
        "Upstash-Failure-Callback": "https://example.com/failed",
        "Upstash-Label": "nightly",
        "Upstash-Forward-X-Trace": "abc",
        "Content-Type": "application/json",
        "Upstash-Failure-Callback-Retries": "5",
        "Upstash-Failure-Callback-Retry-Delay": "pow(2, retried) * 1000",
        "Upstash-Failure-Callback-Flow-Control-Key": "user-42",
        "Upstash-Failure-Callback-Flow-Control-Value": "parallelism=5, rate=10, period=1m",
        "Upstash-Failure-Callback-Forward-X-Trace": "abc",
      },
      body: '{"hello":"world"}',
    });
  });

  it("leaves out the default 3 retries, as the SDK does", () => {
    expect(build({ retries: 3 }).request?.headers["Upstash-Retries"]).toBeUndefined();
    expect(build({ retries: 0 }).request?.headers["Upstash-Retries"]).toBe("0");
  });

  it("sends a numeric delay as rounded seconds and a numeric notBefore rounded", () => {
    const result = build({ delay: 7.6, notBefore: now / 1000 + 60.4 });
    expect(result.request?.headers["Upstash-Delay"]).toBe("8s");
    expect(result.request?.headers["Upstash-Not-Before"]).toBe(String(now / 1000 + 60));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["rounded-value", "rounded-value", "not-before-overrides-delay"]);
  });

  it("uses a custom base URL and token, and a string body as is", () => {
    const result = buildTriggerRequest({ url, body: "plain" }, { baseUrl: "http://localhost:8080/", token: "t0k" });
    expect(result.request?.url).toBe("http://localhost:8080/v2/trigger/https://example.com/api/workflow");
    expect(result.request?.headers.Authorization).toBe("Bearer t0k");
    expect(result.request?.body).toBe("plain");
    expect(result.request?.headers["Content-Type"]).toBeUndefined();
  });

  it("joins several labels with a comma", () => {
    expect(build({ label: ["a", "b.c"] }).request?.headers["Upstash-Label"]).toBe("a,b.c");
  });

  it.each<[string, Partial<TriggerOptions>, Record<string, unknown>, string, string]>([
    ["missing url", { url: undefined as unknown as string }, {}, "url", "missing-url"],
    ["relative url", { url: "example.com/wf" }, {}, "url", "invalid-url"],
    ["ftp failure url", { failureUrl: "ftp://x.example" }, {}, "failureUrl", "invalid-url"],
    ["bad run id", { workflowRunId: "" }, {}, "workflowRunId", "invalid-run-id"],
    ["doubled prefix", { workflowRunId: "wfr_abc" }, {}, "workflowRunId", "doubled-run-id-prefix"],
    ["negative retries", { retries: -1 }, {}, "retries", "invalid-retries"],
    ["fractional retries", { retries: 1.5 }, {}, "retries", "invalid-retries"],
    ["unknown name in retryDelay", { retryDelay: "pow(2, retries)" }, {}, "retryDelay", "unknown-variable"],
    ["negative retryDelay over the retries", { retryDelay: "1000 - 500 * retried", retries: 4 }, {}, "retryDelay", "negative-delay"],
    // @upstash/workflow leaves an empty retryDelay out; so does this, and says so.
    ["empty retryDelay", { retryDelay: "" }, {}, "retryDelay", "empty-value-omitted"],
    ["NaN delay", { delay: Number.NaN }, {}, "delay", "invalid-delay"],
    ["bare number string delay", { delay: "10" }, {}, "delay", "missing-unit"],
    // Sent as given (the server's Go-style parser takes it), so parse → build is the identity.
    ["Go-only delay", { delay: "1.5h" }, {}, "delay", "undocumented-duration"],
    ["delay the SDK would write as 1e+21s", { delay: 1e21 }, {}, "delay", "invalid-delay"],
    ["notBefore past the last JavaScript date", { notBefore: 1e13 }, {}, "notBefore", "invalid-not-before"],
    ["delay over the free plan", { delay: "8d" }, { plan: "free" }, "delay", "delay-over-plan-limit"],
    ["numeric delay over the free plan", { delay: 8 * 86_400 }, { plan: "free" }, "delay", "delay-over-plan-limit"],
    ["notBefore in ms", { notBefore: now }, {}, "notBefore", "not-before-in-milliseconds"],
    ["notBefore in the past", { notBefore: 1_000_000 }, {}, "notBefore", "not-before-in-past"],
    ["negative notBefore", { notBefore: -1 }, {}, "notBefore", "invalid-not-before"],
    ["notBefore over the plan", { notBefore: now / 1000 + 8 * 86_400 }, { plan: "free" }, "notBefore", "delay-over-plan-limit"],
    ["flow control without limits", { flowControl: { key: "k", period: "1m" } }, {}, "flowControl", "missing-limit"],
    ["flow control bad period", { flowControl: { key: "k", rate: 1, period: "8d" } }, {}, "flowControl.period", "invalid-period"],
    ["flow control bad rate", { flowControl: { key: "k", rate: 0 } }, {}, "flowControl.rate", "invalid-count"],
    ["flow control bad key", { flowControl: { key: "a b", rate: 1 } }, {}, "flowControl.key", "invalid-key"],
    ["flow control without key", { flowControl: { rate: 1 } }, {}, "flowControl.key", "keyless-flow-control"],
    ["bad label", { label: "a b" }, {}, "label", "invalid-label"],
    ["empty label array", { label: [] }, {}, "label", "invalid-label"],
    ["bad label in array", { label: ["ok", "no!"] }, {}, "label[1]", "invalid-label"],
    ["bad header name", { headers: { "X Trace": "a" } }, {}, "headers.X Trace", "invalid-header"],
    ["bad header value", { headers: { "X-Trace": "a\r\nInjected: 1" } }, {}, "headers.X-Trace", "unsafe-header"],
    ["unserializable body", { body: { n: 1n } }, {}, "body", "invalid-body"],
    ["typo in an option", { retry: 5 } as Partial<TriggerOptions>, {}, "retry", "unknown-option"],
  ])("%s", (_label, options, extra, path, code) => {
    expect(codes(options, extra)).toContainEqual([path, code]);
    const result = build(options, extra);
    const found = result.diagnostics.find((d) => d.code === code);
    expect(found?.span.end).toBeLessThanOrEqual(found?.input.length ?? 0);
    if (found?.severity === "error") expect(result.request).toBeUndefined();
  });

  it("suggests the option meant", () => {
    expect(build({ retryDelays: "1000" } as Partial<TriggerOptions>).diagnostics[0]?.hint).toBe("did you mean `retryDelay`?");
  });

  it("checks retryDelay over the given retries, not the default 3", () => {
    expect(build({ retryDelay: "1000 - 500 * retried", retries: 2 }).diagnostics).toEqual([]);
    expect(build({ retryDelay: "1000 - 500 * retried", retries: 4 }).diagnostics[0]?.message).toMatch(/retried` is 3/);
  });

  it("renders option diagnostics against their own input, labelled with the path", () => {
    const text = renderOptionDiagnostics(build({ retryDelay: "pow(2, retries) * 1000" }).diagnostics);
    expect(text).toBe(
      [
        "error[unknown-variable]: unknown variable `retries`",
        " --> retryDelay",
        " 1 | pow(2, retries) * 1000",
        "   |        ^^^^^^^ did you mean `retried`?",
        "   = help: replace `retries` with `retried`",
      ].join("\n"),
    );
  });

  it("never throws on hostile options", () => {
    for (const options of [
      null,
      undefined,
      42,
      "x",
      [],
      { url: {} },
      { url, headers: null },
      { url, flowControl: null },
      { url, label: [1, 2] },
      { url, retryDelay: 42 },
      { url, delay: {} },
    ]) {
      expect(() => buildTriggerRequest(options as unknown as TriggerOptions)).not.toThrow();
      expect(buildTriggerRequest(options as unknown as TriggerOptions).ok).toBe(false);
    }
  });

  it("keeps every code it reports documented", () => {
    const all = build({ workflowRunId: "wfr_x", notBefore: 1, delay: 1.5, retry: 1 } as Partial<TriggerOptions>).diagnostics;
    for (const d of all) expect(Object.keys(TRIGGER_CODES)).toContain(d.code);
  });
});

describe("buildTriggerRequest on options from an untrusted body", () => {
  it("bounds the unknown-option warnings: 20 with suggestions, then one count", () => {
    const options = {
      url: "https://example.com/wf",
      ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`retryDelayy${i}`, 1])),
    };
    const { value, ms } = cpuTime(() => buildTriggerRequest(options));
    const { ok, diagnostics } = value;
    expect(ms).toBeLessThan(500);
    expect(ok).toBe(true);
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics[20]?.message).toBe("and 19980 more unknown options; they are ignored");
  });
});

describe("buildBatchTriggerRequest", () => {
  it("builds POST /v2/batch/trigger with one item per trigger", () => {
    const result = buildBatchTriggerRequest([
      { url, retries: 0 },
      { url: "https://b.example/wf", body: "x" },
    ]);
    expect(result.ok).toBe(true);
    expect(result.request?.url).toBe("https://qstash.upstash.io/v2/batch/trigger");
    expect(JSON.parse(result.request?.body ?? "")).toEqual([
      { destination: url, headers: { "Upstash-Retries": "0" } },
      { destination: "https://b.example/wf", body: "x", headers: {} },
    ]);
  });

  it("tags each diagnostic with its item's index", () => {
    const result = buildBatchTriggerRequest([{ url }, { url, retryDelay: "Pow(2, retried)" }]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ index: 1, path: "[1].retryDelay", code: "unknown-function" })]);
  });

  it("refuses a batch that is not an array", () => {
    expect(buildBatchTriggerRequest({} as unknown as TriggerOptions[]).diagnostics[0]?.code).toBe("invalid-options");
  });
});

describe("parseTriggerHeaders", () => {
  it("reads headers case-insensitively and unwraps forwarded ones", () => {
    const result = parseTriggerHeaders(
      new Headers({
        "upstash-workflow-runid": "wfr_my-run",
        "UPSTASH-RETRIES": "5",
        "Upstash-Retry-Delay": "pow(2, retried) * 1000",
        "upstash-delay": "1.5h",
        "upstash-flow-control-key": "k",
        "upstash-flow-control-value": "rate=10,period=1m",
        "upstash-forward-x-trace": "abc",
        "upstash-label": "a,b",
        "content-type": "application/json",
      }),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.options).toEqual({
      url: "",
      workflowRunId: "my-run",
      retries: 5,
      retryDelay: "pow(2, retried) * 1000",
      delay: "1.5h",
      flowControl: { key: "k", rate: 10, period: "1m" },
      label: ["a", "b"],
      headers: { "x-trace": "abc" },
    });
  });

  it("warns about unknown Upstash headers, with a suggestion", () => {
    const [d] = parseTriggerHeaders({ "Upstash-Retry": "3" }).diagnostics;
    expect(d).toMatchObject({ code: "unknown-upstash-header", hint: "did you mean `Upstash-Retries`?" });
  });

  it("reports values that do not parse", () => {
    const result = parseTriggerHeaders([
      ["Upstash-Retries", "three"],
      ["Upstash-Retry-Delay", "2 ^ retried"],
      ["Upstash-Flow-Control-Value", "period=1m"],
      ["Upstash-Not-Before", "soon"],
    ]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      "invalid-header-value",
      "unsupported-operator",
      "invalid-header-value",
      "missing-limit",
    ]);
  });

  it("checks the callback and failure-callback copies in the same languages, over their own retries", () => {
    const result = parseTriggerHeaders({
      "upstash-callback-retry-delay": "Pow(2, retried)",
      "upstash-failure-callback-retries": "1",
      // Negative for retried 0 and 1; the domain is the failure callback's own 1 retry, so only 0 is reported.
      "upstash-failure-callback-retry-delay": "retried - 2",
      "upstash-failure-callback-flow-control-key": "user 42",
      "upstash-failure-callback-flow-control-value": "rate=0",
      "upstash-callback-retries": "many",
    });
    expect(result.diagnostics.map((d) => [d.code, d.path]).sort()).toEqual(
      [
        ["invalid-header-value", "Upstash-Callback-Retries"],
        ["unknown-function", "Upstash-Callback-Retry-Delay"],
        ["negative-delay", "Upstash-Failure-Callback-Retry-Delay"],
        ["invalid-key", "Upstash-Failure-Callback-Flow-Control-Key"],
        ["invalid-count", "Upstash-Failure-Callback-Flow-Control-Value"],
      ].sort(),
    );
    expect(result.diagnostics.find((d) => d.code === "negative-delay")?.message).toContain("when `retried` is 0 (");
    // They are checked, not returned: trigger options have no field for them.
    expect(result.options).toEqual({ url: "" });
  });

  it("bounds the unknown-header warnings: 20 with suggestions, then one count", () => {
    const headers = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`upstash-failure-callback-flow-control-${i}`, "v"]));
    const { value, ms } = cpuTime(() => parseTriggerHeaders(headers));
    const { diagnostics } = value;
    expect(ms).toBeLessThan(500);
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics.every((d) => d.code === "unknown-upstash-header")).toBe(true);
    expect(diagnostics[20]?.message).toBe("and 4980 more unknown `Upstash-*` headers");
  });

  it("warns about a header given twice in different case", () => {
    expect(
      parseTriggerHeaders([
        ["upstash-retries", "1"],
        ["Upstash-Retries", "2"],
      ]).diagnostics[0]?.code,
    ).toBe("duplicate-header");
  });

  it("refuses a 1 MB header value quickly", () => {
    const { value: result, ms } = cpuTime(() => parseTriggerHeaders({ "upstash-retry-delay": "1+".repeat(500_000) + "1" }));
    expect(result.diagnostics[0]?.code).toBe("invalid-header-value");
    expect(ms).toBeLessThan(100);
  });

  it("keeps a forwarded header named __proto__ as a plain entry", () => {
    const result = parseTriggerHeaders([["Upstash-Forward-__proto__", "x"]]);
    expect(Object.getOwnPropertyDescriptor(result.options.headers, "__proto__")?.value).toBe("x");
    expect(Object.getPrototypeOf(result.options.headers)).toBe(Object.prototype);
  });
});
