import { describe, expect, it } from "vitest";
import {
  CAPTURE_BASE_URL,
  captureBatchJSON,
  captureEnqueue,
  captureEnqueueJSON,
  capturePublish,
  capturePublishJSON,
  captureScheduleCreate,
  captureWorkflowTrigger,
  withoutTelemetry,
} from "./sdk-capture.js";

const url = "https://example.com/api";

describe("sdk-capture: qstash", () => {
  it("publish: method, path, serialized options, no telemetry", async () => {
    const [request, ...rest] = await capturePublish({
      url,
      body: "hi",
      delay: 1.5,
      retries: 2.5,
      timeout: 1.5,
      headers: { "X-Trace": "a", "x-trace": " b " },
    });
    expect(rest).toEqual([]);
    expect(request).toEqual({
      method: "POST",
      url: `${CAPTURE_BASE_URL}/v2/publish/${url}`,
      headers: {
        authorization: "Bearer capture-token",
        "upstash-method": "POST",
        "upstash-delay": "2s",
        "upstash-retries": "3",
        "upstash-timeout": "1.5s",
        "upstash-forward-x-trace": "a, b",
      },
      body: "hi",
    });
  });

  it("publishJSON: JSON body and content type; the caller's options are left alone", async () => {
    const options = { url, body: { a: 1 }, headers: { "Content-Type": "text/plain" } };
    const [request] = await capturePublishJSON(options);
    expect(request?.body).toBe('{"a":1}');
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(options).toEqual({ url, body: { a: 1 }, headers: { "Content-Type": "text/plain" } });
  });

  it("enqueue and enqueueJSON: the queue in the path", async () => {
    const [plain] = await captureEnqueue("my-queue", { url, body: "x", retryDelay: "" });
    expect(plain?.url).toBe(`${CAPTURE_BASE_URL}/v2/enqueue/my-queue/${url}`);
    expect(plain?.headers["upstash-retry-delay"]).toBe("");
    const [json] = await captureEnqueueJSON("my-queue", { url, body: [1] });
    expect(json?.body).toBe("[1]");
    expect(json?.headers["content-type"]).toBe("application/json");
  });

  it("batchJSON: one /v2/batch request with its items unpacked", async () => {
    const items = [
      { url, body: { a: 1 }, queueName: "q1", flowControl: { key: "k", rate: 0, ratePerSecond: 5, period: 1.5 } },
      { url: "https://example.com/b", label: ["x", "y"], redact: { header: ["A", "B"] as string[] } },
    ];
    const [request, ...rest] = await captureBatchJSON(items);
    expect(rest).toEqual([]);
    expect(request?.url).toBe(`${CAPTURE_BASE_URL}/v2/batch`);
    expect(request?.headers).toEqual({ authorization: "Bearer capture-token", "content-type": "application/json" });
    expect(request?.items).toEqual([
      {
        destination: url,
        headers: {
          "content-type": "application/json",
          "upstash-method": "POST",
          "upstash-flow-control-key": "k",
          "upstash-flow-control-value": "rate=0, period=1.5s",
        },
        body: '{"a":1}',
        queue: "q1",
      },
      {
        destination: "https://example.com/b",
        headers: {
          "content-type": "application/json",
          "upstash-method": "POST",
          "upstash-label": "x,y",
          "upstash-redact-fields": "header[A],header[B]",
        },
      },
    ]);
    expect(items[0]?.body).toEqual({ a: 1 });
  });

  it("schedules.create: cron, default content type, no Upstash-Method unless given", async () => {
    const [request] = await captureScheduleCreate({ destination: url, cron: "*/5 * * * *", scheduleId: "s-1", queueName: "q" });
    expect(request?.url).toBe(`${CAPTURE_BASE_URL}/v2/schedules/${url}`);
    expect(request?.headers).toEqual({
      authorization: "Bearer capture-token",
      "content-type": "application/json",
      "upstash-cron": "*/5 * * * *",
      "upstash-schedule-id": "s-1",
      "upstash-queue-name": "q",
    });
  });
});

describe("sdk-capture: workflow trigger", () => {
  it("a single run is one /v2/batch item with the wfr_ prefix and the failure callback", async () => {
    const [request] = await captureWorkflowTrigger({ url, workflowRunId: "r1", retries: 3, retryDelay: "", body: { a: 1 } });
    expect(request?.url).toBe(`${CAPTURE_BASE_URL}/v2/batch`);
    const [item, ...rest] = request?.items ?? [];
    expect(rest).toEqual([]);
    expect(item?.destination).toBe(url);
    expect(item?.body).toBe('{"a":1}');
    expect(item?.headers["upstash-workflow-runid"]).toBe("wfr_r1");
    expect(item?.headers["upstash-failure-callback"]).toBe(url);
    expect(item?.headers).not.toHaveProperty("upstash-retries");
    expect(item?.headers).not.toHaveProperty("upstash-retry-delay");
    expect(Object.keys(item?.headers ?? {}).filter((name) => name.startsWith("upstash-telemetry-"))).toEqual([]);
  });

  it("an array is one request with one item per run; failureUrl '' drops every failure-callback header", async () => {
    const [request, ...rest] = await captureWorkflowTrigger([
      { url, workflowRunId: "a" },
      { url, workflowRunId: "b", failureUrl: "", retries: 1, headers: { "X-A": "1" } },
    ]);
    expect(rest).toEqual([]);
    expect(request?.items?.map((item) => item.headers["upstash-workflow-runid"])).toEqual(["wfr_a", "wfr_b"]);
    const second = request?.items?.[1]?.headers ?? {};
    expect(Object.keys(second).filter((name) => name.startsWith("upstash-failure-callback"))).toEqual([]);
    expect(second["upstash-retries"]).toBe("1");
    expect(second["upstash-forward-x-a"]).toBe("1");
  });
});

describe("sdk-capture: harness", () => {
  it("keeps telemetry on request, and withoutTelemetry strips it", async () => {
    const [publish] = await capturePublish({ url }, { telemetry: true });
    expect(publish?.headers["upstash-telemetry-sdk"]).toBe("upstash-qstash-js@2.12.0");
    expect(withoutTelemetry(publish?.headers ?? {})).toEqual({ authorization: "Bearer capture-token", "upstash-method": "POST" });
    const [trigger] = await captureWorkflowTrigger({ url, workflowRunId: "t" }, { telemetry: true });
    expect(trigger?.items?.[0]?.headers["upstash-telemetry-sdk"]).toBe("@upstash/workflow@v1.3.2, upstash-qstash-js@2.12.0");
    expect(Object.keys(withoutTelemetry(trigger?.items?.[0]?.headers ?? {})).some((name) => name.includes("telemetry"))).toBe(false);
  });

  it("rethrows the SDK's error and restores fetch", async () => {
    const before = globalThis.fetch;
    await expect(captureWorkflowTrigger({ url, label: "a,b" })).rejects.toThrow(/Invalid label/);
    await expect(capturePublish({ url, flowControl: { key: "k" } as never })).rejects.toThrow(/at least one of parallelism/);
    expect(globalThis.fetch).toBe(before);
  });

  it("concurrent captures do not mix their requests", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => capturePublish({ url: `https://example.com/${i}`, delay: i })));
    results.forEach((requests, i) => {
      expect(requests).toHaveLength(1);
      expect(requests[0]?.url).toBe(`${CAPTURE_BASE_URL}/v2/publish/https://example.com/${i}`);
      expect(requests[0]?.headers["upstash-delay"]).toBe(`${i}s`);
    });
  });
});
