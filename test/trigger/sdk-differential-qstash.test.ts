import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildBatchRequest,
  buildEnqueueRequest,
  buildPublishRequest,
  buildScheduleRequest,
  parseRequestHeaders,
  type RequestBuildResult,
} from "../../src/index.js";
import {
  CAPTURE_BASE_URL,
  captureBatchJSON,
  captureEnqueue,
  captureEnqueueJSON,
  capturePublish,
  capturePublishJSON,
  captureScheduleCreate,
  type CapturedRequest,
  type QStashPublishOptions,
  type QStashScheduleOptions,
} from "../support/sdk-capture.js";
import {
  compareHeaders,
  expectAllowedRefusal,
  expectParsesClean,
  isTelemetry,
  lowerCased,
  NOW,
  RUNS,
  SHARED_REFUSALS,
  type RefusalAllowList,
} from "./differential-support.js";
import { anyBody, optionSets, stringBody } from "./option-generators.js";

/*
 * Differential test against @upstash/qstash 2.12.0: publish, publishJSON,
 * enqueue, enqueueJSON, batchJSON and schedules.create, run with `fetch`
 * intercepted (test/support/sdk-capture.ts). For every generated option set:
 * when our builder accepts it, every header we send equals the SDK's, and the
 * URL (after the SDK's own `new URL`) and body are the same; when it refuses,
 * each error is in QSTASH_REFUSALS with the dubious value the SDK would send.
 * The SDK's own request is then read back by parseRequestHeaders.
 *
 * Intentional differences, asserted here:
 * - publishJSON, enqueueJSON and batchJSON set `Content-Type: application/json`,
 *   replacing the caller's; we keep the caller's (`jsonContentType`);
 * - telemetry is the SDK's alone (`isTelemetry`).
 */

type Options = Record<string, unknown>;

/** Refusals on qstash requests, each for a value qstash-js sends as it is (or rounds) without a word. */
const QSTASH_REFUSALS: RefusalAllowList = {
  ...SHARED_REFUSALS,
  // 2.5 → "3", -1 → "-1": toFixed(0) rounds silently.
  "invalid-retries": (o) => typeof o.retries === "number" && !(Number.isInteger(o.retries) && o.retries >= 0 && o.retries <= 1_000_000),
  // An empty Upstash-Retry-Delay header.
  "empty-expression": (o) => o.retryDelay === "",
  // "get" or "" is sent verbatim as Upstash-Method.
  "invalid-method": (o) => o.method === "get" || o.method === "",
  // An empty Upstash-Callback / Upstash-Failure-Callback header.
  "invalid-url": (o, d) => /allback$/.test(d.path) && (o.callback === "" || o.failureCallback === ""),
  // An empty Upstash-Deduplication-Id header.
  "invalid-option-type": (o) => o.deduplicationId === "",
  // "" and [] send an empty Upstash-Label; "a,b" reads as two labels.
  "invalid-label": (o) => o.label === "" || (Array.isArray(o.label) && o.label.length === 0) || o.label === "a,b",
  // An empty Upstash-Schedule-Id / queue name.
  "invalid-name": (o) => o.scheduleId === "" || o.queueName === "",
};

/*
 * Option sets from the table's rows for each endpoint (optionSets); a test
 * of one call narrows the body it takes: publish a string, enqueue either
 * (enqueueJSON for a JSON one). publishJSON, batchJSON and schedules.create
 * take the endpoint's own generator.
 */
const publishOptions = optionSets<Options>("publish");
const enqueueOptions = optionSets<Options>("enqueue", { body: anyBody });
const batchItem = optionSets<Options>("batch");
const scheduleOptions = optionSets<Options>("schedule");

/** The call's SDK capture, or undefined when the SDK threw. */
async function sdk(call: () => Promise<CapturedRequest[]>): Promise<CapturedRequest | undefined> {
  try {
    const requests = await call();
    expect(requests).toHaveLength(1);
    return requests[0];
  } catch {
    return undefined;
  }
}

/** The SDK's JSON variants replace the caller's Content-Type with JSON: the one header allowed to differ. */
const jsonContentType =
  (theirs: Readonly<Record<string, string>>) =>
  (header: string): boolean => {
    if (header !== "content-type") return false;
    expect(theirs["content-type"]).toBe("application/json");
    return true;
  };

/** Our result against the SDK's request: refusal allowed, or URL, headers and body equal. */
function expectSame(
  built: RequestBuildResult,
  theirs: CapturedRequest | undefined,
  options: Options,
  json: boolean,
  endpoint: "publish" | "enqueue" | "schedule",
): void {
  const url = String(options.url ?? options.destination);
  if (!built.ok) {
    expectAllowedRefusal(built.diagnostics, QSTASH_REFUSALS, options);
    if (theirs !== undefined) expectParsesClean(theirs.headers, endpoint, url, false);
    return;
  }
  expect(theirs, "the SDK threw on options we accept").toBeDefined();
  const sent = theirs as CapturedRequest;
  // The SDK joins its path and parses it with `new URL`; ours is the same text unparsed.
  expect(new URL(built.request.url).href).toBe(new URL(sent.url).href);
  expect(built.request.body).toBe(sent.body);
  compareHeaders(
    built.request.headers,
    sent.headers,
    (h) => isTelemetry(h) || (json && h === "content-type"),
    json ? jsonContentType(sent.headers) : undefined,
  );
  expectParsesClean(sent.headers, endpoint, url, true);
}

const base = { now: NOW, baseUrl: CAPTURE_BASE_URL };
const run = <T>(arb: fc.Arbitrary<T>, check: (value: T) => Promise<void>) => fc.assert(fc.asyncProperty(arb, check), { numRuns: RUNS });

describe("our builders agree with @upstash/qstash", () => {
  it("publish (string body)", () =>
    run(optionSets<Options>("publish", { body: stringBody }), async (o) => {
      expectSame(buildPublishRequest(o as never, base), await sdk(() => capturePublish(o, { telemetry: true })), o, false, "publish");
    }));

  it("publishJSON (any JSON body, or none)", () =>
    run(publishOptions, async (o) => {
      expectSame(buildPublishRequest(o as never, base), await sdk(() => capturePublishJSON(o, { telemetry: true })), o, true, "publish");
    }));

  it("enqueue and enqueueJSON", () =>
    run(enqueueOptions, async (o) => {
      // The queue is the SDK's `client.queue({ queueName })`, not a field of the call.
      const { queueName, ...message } = o;
      const json = typeof o.body !== "string";
      const theirs = await sdk(() => (json ? captureEnqueueJSON : captureEnqueue)(String(queueName), message, { telemetry: true }));
      expectSame(buildEnqueueRequest(o as never, base), theirs, o, json, "enqueue");
    }));

  it("batchJSON", () =>
    run(fc.array(batchItem, { minLength: 1, maxLength: 3 }), async (items) => {
      const theirs = await sdk(() => captureBatchJSON(items, { telemetry: true }));
      const built = buildBatchRequest(items as never, base);
      if (!built.ok) {
        for (const d of built.diagnostics)
          if (d.severity === "error") expectAllowedRefusal([d], QSTASH_REFUSALS, items[d.index ?? -1] as Options);
        return;
      }
      expect(theirs, "the SDK threw on a batch we accept").toBeDefined();
      expect(new URL(built.request.url).href).toBe(new URL(theirs?.url ?? "").href);
      const ours = JSON.parse(built.request.body ?? "[]") as {
        destination: string;
        headers: Record<string, string>;
        body?: string;
        queue?: string;
      }[];
      expect(ours).toHaveLength(theirs?.items?.length ?? -1);
      ours.forEach((item, i) => {
        const sent = theirs?.items?.[i];
        expect(item.destination).toBe(sent?.destination);
        expect(item.body).toBe(sent?.body);
        expect(item.queue).toBe(sent?.queue);
        compareHeaders(
          item.headers,
          sent?.headers ?? {},
          (h) => isTelemetry(h) || h === "content-type",
          jsonContentType(sent?.headers ?? {}),
        );
        expectParsesClean(sent?.headers ?? {}, "batch", item.destination, true);
      });
    }));

  it("schedules.create", () =>
    run(scheduleOptions, async (o) => {
      expectSame(
        buildScheduleRequest(o as never, base),
        await sdk(() => captureScheduleCreate(o as unknown as QStashScheduleOptions, { telemetry: true })),
        o,
        false,
        "schedule",
      );
    }));

  it("keyless flow control: the SDK drops it, we drop it with a warning", async () => {
    const options = { url: "https://example.com/x", flowControl: { rate: 1 } } as unknown as QStashPublishOptions;
    const theirs = await sdk(() => capturePublish(options));
    expect(theirs?.headers).not.toHaveProperty(["upstash-flow-control-key"]);
    const built = buildPublishRequest(options as never);
    expect(built.request?.headers).not.toHaveProperty(["Upstash-Flow-Control-Key"]);
    expect(built.diagnostics.map((d) => [d.code, d.severity])).toEqual([["keyless-flow-control", "warning"]]);
  });

  it("publishJSON replaces the caller's Content-Type; we keep it", async () => {
    const options = { url: "https://example.com/x", body: { a: 1 }, headers: { "Content-Type": "text/plain" } };
    const theirs = await sdk(() => capturePublishJSON(options));
    expect(theirs?.headers["content-type"]).toBe("application/json");
    expect(buildPublishRequest(options).request?.headers["Content-Type"]).toBe("text/plain");
  });
});

describe("the parse side on an unknown raw Upstash-* header", () => {
  it("qstash-js sends it as it is; building and parsing both warn", async () => {
    const options = { url: "https://example.com/x", headers: { "Upstash-Foo": "1" } };
    const theirs = await sdk(() => capturePublish(options));
    expect(theirs?.headers["upstash-foo"]).toBe("1");
    expect(buildPublishRequest(options).diagnostics.map((d) => d.code)).toEqual(["unknown-upstash-header"]);
    expect(parseRequestHeaders(lowerCased(theirs?.headers ?? {}), { endpoint: "publish" }).diagnostics.map((d) => d.code)).toEqual([
      "unknown-upstash-header",
    ]);
  });
});
