import { describe, expect, it } from "vitest";
import {
  buildBatchRequest,
  buildEnqueueRequest,
  buildPublishRequest,
  buildScheduleRequest,
  buildTriggerRequest,
  parseRequestHeaders,
  parseTriggerHeaders,
  TRIGGER_CODES,
  type OptionDiagnostic,
  type TriggerCode,
} from "../../src/index.js";

/*
 * One case per request code: the input that produces it, the option path it
 * is reported under, and its severity from the code table. A code added to
 * TRIGGER_CODES without a case here fails the last test.
 */
const url = "https://example.com/wf";
const now = Date.parse("2026-12-01T00:00:00Z");
const cases: readonly [TriggerCode, string, () => { diagnostics: readonly OptionDiagnostic[] }][] = [
  ["invalid-options", "", () => buildTriggerRequest(null as never)],
  ["unknown-option", "retry", () => buildTriggerRequest({ url, retry: 5 } as never)],
  ["missing-url", "url", () => buildPublishRequest({} as never)],
  ["invalid-url", "failureUrl", () => buildTriggerRequest({ url, failureUrl: "example.com/f" })],
  ["invalid-run-id", "workflowRunId", () => buildTriggerRequest({ url, workflowRunId: "" })],
  ["doubled-run-id-prefix", "workflowRunId", () => buildTriggerRequest({ url, workflowRunId: "wfr_x" })],
  ["invalid-body", "body", () => buildTriggerRequest({ url, body: { n: 1n } })],
  ["invalid-header", "headers.X A", () => buildTriggerRequest({ url, headers: { "X A": "1" } })],
  ["header-value-trimmed", "retryDelay", () => buildTriggerRequest({ url, retryDelay: "1000 " })],
  ["invalid-retries", "retries", () => buildTriggerRequest({ url, retries: 1.5 })],
  ["invalid-delay", "delay", () => buildTriggerRequest({ url, delay: -1 })],
  ["rounded-value", "delay", () => buildTriggerRequest({ url, delay: 1.5 })],
  ["delay-over-plan-limit", "delay", () => buildTriggerRequest({ url, delay: "8d" }, { plan: "free" })],
  ["invalid-not-before", "notBefore", () => buildTriggerRequest({ url, notBefore: -1 })],
  ["not-before-in-milliseconds", "notBefore", () => buildTriggerRequest({ url, notBefore: now }, { now })],
  ["not-before-in-past", "notBefore", () => buildTriggerRequest({ url, notBefore: 1_000_000_000 }, { now })],
  ["not-before-overrides-delay", "notBefore", () => buildTriggerRequest({ url, delay: "1m", notBefore: now / 1000 + 60 }, { now })],
  ["invalid-label", "label", () => buildPublishRequest({ url, label: "a b" })],
  ["unknown-upstash-header", "Upstash-Retrys", () => parseTriggerHeaders({ "Upstash-Retrys": "1" })],
  ["invalid-header-value", "Upstash-Retries", () => parseTriggerHeaders({ "Upstash-Retries": "three" })],
  ["empty-batch", "", () => buildBatchRequest([])],
  ["unsafe-header", "headers.X-A", () => buildPublishRequest({ url, headers: { "X-A": "1\r\nY: 2" } })],
  ["invalid-option-type", "retryDelay", () => buildPublishRequest({ url, retryDelay: 1000 as never })],
  ["empty-value-omitted", "retryDelay", () => buildTriggerRequest({ url, retryDelay: "" })],
  ["undocumented-duration", "delay", () => buildTriggerRequest({ url, delay: "1.5h" })],
  ["deprecated-option", "flowControl.ratePerSecond", () => buildTriggerRequest({ url, flowControl: { key: "k", ratePerSecond: 1 } })],
  ["keyless-flow-control", "flowControl.key", () => buildTriggerRequest({ url, flowControl: { rate: 1 } })],
  ["invalid-redact", "redact.body", () => buildPublishRequest({ url, redact: { body: "yes" as never } })],
  [
    "undocumented-spelling",
    "Upstash-Redact-Fields",
    () => parseRequestHeaders({ "Upstash-Redact-Fields": "headers" }, { endpoint: "publish" }),
  ],
  ["invalid-method", "method", () => buildPublishRequest({ url, method: "post" as never })],
  ["invalid-cron", "cron", () => buildScheduleRequest({ destination: url, cron: "daily" })],
  ["missing-cron", "cron", () => buildScheduleRequest({ destination: url } as never)],
  ["missing-queue", "queueName", () => buildEnqueueRequest({ url } as never)],
  ["invalid-name", "queueName", () => buildEnqueueRequest({ url, queueName: "a/b" })],
  ["run-id-without-prefix", "Upstash-Workflow-RunId", () => parseTriggerHeaders({ "Upstash-Workflow-RunId": "x" })],
  ["timeout-over-plan-limit", "timeout", () => buildPublishRequest({ url, timeout: "1h" }, { plan: "free" })],
  ["body-over-plan-limit", "body", () => buildPublishRequest({ url, body: "x".repeat(1_000_001) }, { plan: "free" })],
  [
    "parallelism-over-plan-limit",
    "flowControl.parallelism",
    () => buildPublishRequest({ url, flowControl: { key: "k", parallelism: 11 } }, { plan: "free" }),
  ],
  ["duplicate-header", "headers.x-a", () => buildPublishRequest({ url, headers: { "X-A": "1", "x-a": "2" } })],
];

describe("every request code", () => {
  it.each(cases)("%s at %s", (code, path, run) => {
    const found = run().diagnostics.find((d) => d.code === code);
    expect(found, JSON.stringify(run().diagnostics.map((d) => [d.code, d.path]))).toBeDefined();
    expect(found?.path).toBe(path);
    expect(found?.severity).toBe(TRIGGER_CODES[code].severity);
    expect(found?.message.length).toBeGreaterThan(10);
    // A span always points into the diagnostic's own input.
    expect(found?.span.end).toBeLessThanOrEqual(found?.input.length ?? -1);
  });

  it("has a case for each code in the table", () => {
    const covered = new Set(cases.map(([code]) => code));
    expect(Object.keys(TRIGGER_CODES).filter((code) => !covered.has(code as TriggerCode))).toEqual([]);
  });
});
