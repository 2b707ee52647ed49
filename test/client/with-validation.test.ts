import { Client as QStashClient } from "@upstash/qstash";
import { Client as WorkflowClient } from "@upstash/workflow";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { withValidation } from "../../src/client/index.js";
import { RetryDelayError } from "../../src/index.js";
import type { OptionDiagnostic } from "../../src/trigger/codes.js";

/*
 * The real SDKs with `fetch` replaced: every request they send is recorded
 * and answered with QStash's well-formed 200, so a test can show that invalid
 * options send nothing and valid ones go through unchanged.
 */
const BASE = "https://qstash.invalid";
let sent: { url: string; body: string | undefined }[] = [];
const realFetch = globalThis.fetch;

beforeEach(() => {
  sent = [];
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const body = typeof init?.body === "string" ? init.body : undefined;
    sent.push({ url, body });
    const path = new URL(url).pathname;
    const items = path === "/v2/batch" && body !== undefined ? (JSON.parse(body) as unknown[]) : [];
    const payload =
      path === "/v2/batch"
        ? items.map((_, i) => ({ messageId: `msg_${i}`, deduplicated: false }))
        : path.startsWith("/v2/schedules/")
          ? { scheduleId: "scd_1" }
          : { messageId: "msg_1" };
    return Promise.resolve(new Response(JSON.stringify(payload), { status: 200, headers: { "content-type": "application/json" } }));
  };
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

const config = { token: "t", baseUrl: BASE, retry: false as const, devMode: false, enableTelemetry: false };
const workflow = (options = {}) => withValidation(new WorkflowClient(config), options);
const qstash = (options = {}) => withValidation(new QStashClient(config), options);

async function refusal(call: Promise<unknown>): Promise<RetryDelayError> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RetryDelayError);
  return error as RetryDelayError;
}

describe("withValidation on @upstash/workflow's Client", () => {
  it("refuses an invalid retryDelay with the diagnostic drawn under the value, and sends nothing", async () => {
    const error = await refusal(workflow().trigger({ url: "https://example.com/wf", retryDelay: "pow(2, retryd) * 1000" }));
    expect(error.diagnostics.map((d) => d.code)).toEqual(["unknown-variable"]);
    expect(error.message).toContain("trigger: unknown variable `retryd`");
    expect(error.message).toContain(" --> retryDelay\n 1 | pow(2, retryd) * 1000\n   |        ^^^^^^ did you mean `retried`?");
    expect(error.render()).toContain("^^^^^^");
    expect(sent).toEqual([]);
  });

  it("sends valid options through unchanged", async () => {
    const result = await workflow().trigger({
      url: "https://example.com/wf",
      retries: 5,
      retryDelay: "pow(2, retried) * 1000",
      flowControl: { key: "user-1", rate: 10, period: "1m" },
      disableTelemetry: true,
    });
    expect(result).toEqual({ workflowRunId: expect.any(String) as string });
    expect(sent).toHaveLength(1);
    const item = (JSON.parse(sent[0]?.body ?? "[]") as { headers: Record<string, string> }[])[0];
    expect(item?.headers["upstash-retry-delay"]).toBe("pow(2, retried) * 1000");
  });

  it("checks every item of a batch trigger, naming the item", async () => {
    const error = await refusal(
      workflow().trigger([{ url: "https://example.com/a" }, { url: "https://example.com/b", flowControl: { key: "k", rate: 0 } }]),
    );
    expect((error.diagnostics as readonly OptionDiagnostic[]).map((d) => [d.path, d.index])).toEqual([["[1].flowControl.rate", 1]]);
    expect(sent).toEqual([]);
  });

  it("checks the plan's limits", async () => {
    await refusal(workflow({ plan: "free" }).trigger({ url: "https://example.com/wf", delay: "8d" }));
    expect(sent).toEqual([]);
    await workflow({ plan: "pay-as-you-go" }).trigger({ url: "https://example.com/wf", delay: "8d", disableTelemetry: true });
    expect(sent).toHaveLength(1);
  });

  it("hands warnings to onWarning and sends the request", async () => {
    const onWarning = vi.fn();
    await workflow({ onWarning }).trigger({ url: "https://example.com/wf", delay: 1.5, disableTelemetry: true });
    expect(onWarning).toHaveBeenCalledTimes(1);
    const [diagnostics, call] = onWarning.mock.calls[0] as [OptionDiagnostic[], string];
    expect(call).toBe("trigger");
    expect(diagnostics.map((d) => d.code)).toEqual(["rounded-value"]);
    expect(sent).toHaveLength(1);
  });

  it("leaves the client's other members alone, bound to the client", async () => {
    const client = workflow();
    expect(typeof client.logs).toBe("function");
    await client.notify({ eventId: "e", eventData: { a: 1 } });
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(["/v2/notify/e"]);
  });
});

describe("withValidation on @upstash/qstash's Client", () => {
  it("refuses publish and publishJSON with invalid options, sending nothing", async () => {
    const client = qstash();
    const error = await refusal(client.publishJSON({ url: "https://example.com/hook", body: { a: 1 }, timeout: "10x" as never }));
    expect(error.diagnostics[0]?.code).toBe("unknown-unit");
    await refusal(client.publish({ url: "example.com/hook" }));
    expect(sent).toEqual([]);
  });

  it("publishes valid options", async () => {
    await qstash().publishJSON({ url: "https://example.com/hook", body: { a: 1 }, retries: 2, retryDelay: "1000 * (1 + retried)" });
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(["/v2/publish/https://example.com/hook"]);
  });

  it("lets urlGroup stand in for url (an SDK option the table does not know), with a warning", async () => {
    const onWarning = vi.fn();
    await qstash({ onWarning }).publishJSON({ urlGroup: "group", body: {} });
    expect(sent).toHaveLength(1);
    expect((onWarning.mock.calls[0]?.[0] as OptionDiagnostic[]).map((d) => d.code)).toEqual(["unknown-option"]);
  });

  it("checks queue enqueues with the queue's name", async () => {
    const client = qstash();
    await refusal(client.queue({ queueName: "bad name" }).enqueueJSON({ url: "https://example.com/send", body: {} }));
    await refusal(client.queue({ queueName: "emails" }).enqueue({ url: "https://example.com/send", retryDelay: "1000 *" }));
    expect(sent).toEqual([]);
    await client.queue({ queueName: "emails" }).enqueueJSON({ url: "https://example.com/send", body: {} });
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(["/v2/enqueue/emails/https://example.com/send"]);
  });

  it("checks batches item by item", async () => {
    const client = qstash();
    const error = await refusal(
      client.batchJSON([
        { url: "https://example.com/a", body: {} },
        { url: "https://example.com/b", body: {}, delay: "-1s" },
      ]),
    );
    expect((error.diagnostics as readonly OptionDiagnostic[])[0]?.path).toBe("[1].delay");
    expect(sent).toEqual([]);
    await client.batch([{ url: "https://example.com/a" }]);
    expect(sent).toHaveLength(1);
  });

  it("checks schedules.create", async () => {
    const client = qstash();
    const error = await refusal(client.schedules.create({ destination: "https://example.com/nightly", cron: "0 3 * * * *" }));
    expect(error.diagnostics[0]?.code).toBe("invalid-cron");
    expect(sent).toEqual([]);
    await client.schedules.create({ destination: "https://example.com/nightly", cron: "0 3 * * *" });
    expect(sent).toHaveLength(1);
  });
});

describe("withValidation's type", () => {
  it("is the client's own type", () => {
    expectTypeOf(withValidation(new WorkflowClient(config))).toEqualTypeOf<WorkflowClient>();
    expectTypeOf(withValidation(new QStashClient(config), { plan: "free" })).toEqualTypeOf<QStashClient>();
  });
});

describe("withValidation's arguments", () => {
  it("refuses what is not an SDK client, and bad options, with invalid-argument", () => {
    expect(() => withValidation({})).toThrow(RetryDelayError);
    expect(() => withValidation(null as unknown as object)).toThrow(RetryDelayError);
    expect(() => withValidation(new WorkflowClient(config), { plan: "gold" as never })).toThrow(/plan/);
    expect(() => withValidation(new WorkflowClient(config), { onWarning: 1 as never })).toThrow(/onWarning/);
  });
});
