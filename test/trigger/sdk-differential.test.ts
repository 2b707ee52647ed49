import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildBatchTriggerRequest,
  buildTriggerRequest,
  parseTriggerHeaders,
  type OptionDiagnostic,
  type TriggerOptions,
} from "../../src/index.js";
import { CAPTURE_BASE_URL, captureWorkflowTrigger, type CapturedBatchItem, type WorkflowTriggerOptions } from "../support/sdk-capture.js";
import {
  compareHeaders,
  expectAllowedRefusal,
  expectParsesClean,
  isDocumentedSdkOnly,
  lowerCased,
  NOW,
  RUNS,
  SHARED_REFUSALS,
  type RefusalAllowList,
} from "./differential-support.js";
import { optionSets } from "./option-generators.js";

/*
 * Differential test against @upstash/workflow 1.3.3's `Client.trigger`, run
 * with `fetch` intercepted (test/support/sdk-capture.ts). For every generated
 * option set: when our builder accepts it, every header we send equals the
 * SDK's and every SDK-only header is documented below; when it refuses, each
 * error is in WORKFLOW_REFUSALS with the dubious value the SDK would send.
 *
 * Intentional differences, asserted here:
 * - the path: we send `POST /v2/trigger/{url}` (one run) and `/v2/batch/trigger`,
 *   the SDK always `/v2/batch`; the item's destination, headers and body are
 *   compared instead (`expectSameItem`);
 * - an empty `retryDelay`: neither sends it, we add an `empty-value-omitted` note;
 * - `failureUrl` left out: the SDK defaults it to `url` and sends the whole
 *   failure-callback block; we send none (`isDocumentedSdkOnly`).
 */

const flowOf = (o: Record<string, unknown>): Record<string, unknown> => (o.flowControl ?? {}) as Record<string, unknown>;
const LABEL = /^[a-zA-Z0-9\-_.]+$/;

/** Refusals on a trigger, each for a value @upstash/workflow sends dubiously or throws on. */
const WORKFLOW_REFUSALS: RefusalAllowList = {
  ...SHARED_REFUSALS,
  // No key: the SDK sends `Upstash-Flow-Control-Key: undefined`; `""` makes it throw.
  "keyless-flow-control": (o) => flowOf(o).key === undefined || flowOf(o).key === "",
  // 2.5, -1, 1e21: the SDK writes String(retries) unrounded ("2.5", "1e+21").
  "invalid-retries": (o) => typeof o.retries === "number" && !(Number.isInteger(o.retries) && o.retries >= 0 && o.retries <= 1_000_000),
  // "", [], "a,b", " lab ": the SDK's own label check throws.
  "invalid-label": (o) => {
    const labels = Array.isArray(o.label) ? (o.label as unknown[]) : [o.label];
    return labels.length === 0 || labels.some((l) => typeof l !== "string" || !LABEL.test(l));
  },
};

/** Every trigger row of the option table (disableTelemetry too: the SDK then sends no telemetry, we never do). */
const triggerOptions = optionSets<TriggerOptions>("trigger");

/** The SDK's items, or undefined when it threw (a bad label or key). */
async function sdkItems(options: TriggerOptions | TriggerOptions[]): Promise<CapturedBatchItem[] | undefined> {
  try {
    const requests = await captureWorkflowTrigger(options as WorkflowTriggerOptions, { telemetry: true });
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0]?.url ?? "").pathname).toBe("/v2/batch");
    return requests[0]?.items;
  } catch {
    return undefined;
  }
}

/** One run: destination, headers and body of our message against the SDK's batch item. */
function expectSameItem(
  options: TriggerOptions,
  ours: { destination: string; headers: Record<string, string>; body?: string },
  theirs: CapturedBatchItem,
): void {
  expect(ours.destination).toBe(theirs.destination);
  expect(ours.body).toBe(theirs.body);
  compareHeaders(ours.headers, theirs.headers, (h) => isDocumentedSdkOnly(h, options));
  // The SDK's own request, read back by the parse side.
  expectParsesClean(theirs.headers, "trigger", options.url, true);
  const parsed = parseTriggerHeaders(theirs.headers, { url: options.url });
  expect(parsed.diagnostics.filter((d) => d.severity === "error" || d.code === "unknown-upstash-header")).toEqual([]);
}

function expectRefused(diagnostics: readonly OptionDiagnostic[], options: TriggerOptions): void {
  expectAllowedRefusal(diagnostics, WORKFLOW_REFUSALS, options as unknown as Record<string, unknown>);
}

describe("buildTriggerRequest agrees with @upstash/workflow Client.trigger", () => {
  it("for generated option sets covering every trigger row", async () => {
    await fc.assert(
      fc.asyncProperty(triggerOptions, async (options) => {
        const theirs = await sdkItems(options);
        const built = buildTriggerRequest(options, { now: NOW, baseUrl: CAPTURE_BASE_URL });
        if (!built.ok) {
          expectRefused(built.diagnostics, options);
          if (theirs?.[0] !== undefined) expectParsesClean(theirs[0].headers, "trigger", options.url, false);
          return;
        }
        expect(theirs, "the SDK threw on options we accept").toBeDefined();
        expect(built.request.url).toBe(`${CAPTURE_BASE_URL}/v2/trigger/${options.url}`);
        expectSameItem(
          options,
          {
            destination: options.url,
            headers: lowerCased(built.request.headers),
            ...(built.request.body === undefined ? {} : { body: built.request.body }),
          },
          theirs?.[0] as CapturedBatchItem,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("for generated batches (buildBatchTriggerRequest vs trigger([...]))", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(triggerOptions, { minLength: 1, maxLength: 4 }), async (items) => {
        const theirs = await sdkItems(items);
        const built = buildBatchTriggerRequest(items, { now: NOW, baseUrl: CAPTURE_BASE_URL });
        if (!built.ok) {
          for (const d of built.diagnostics) if (d.severity === "error") expectRefused([d], items[d.index ?? -1] as TriggerOptions);
          return;
        }
        expect(theirs, "the SDK threw on a batch we accept").toHaveLength(items.length);
        expect(built.request.url).toBe(`${CAPTURE_BASE_URL}/v2/batch/trigger`);
        const ours = JSON.parse(built.request.body ?? "[]") as { destination: string; headers: Record<string, string>; body?: string }[];
        items.forEach((options, i) => {
          expectSameItem(
            options,
            { ...(ours[i] as (typeof ours)[number]), headers: lowerCased(ours[i]?.headers ?? {}) },
            theirs?.[i] as CapturedBatchItem,
          );
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses an empty batch, on which the SDK crashes", async () => {
    await expect(captureWorkflowTrigger([])).rejects.toThrow(TypeError);
    expect(buildBatchTriggerRequest([]).diagnostics.map((d) => d.code)).toEqual(["empty-batch"]);
  });

  it("joins headers whose names differ only in case, as the SDK's Headers does", async () => {
    const options = { url: "https://example.com/wf", headers: { "X-Trace": "a", "x-trace": " b " } };
    const [theirs] = (await sdkItems(options)) ?? [];
    const built = buildTriggerRequest(options);
    expect(lowerCased(built.request?.headers ?? {})["upstash-forward-x-trace"]).toBe(theirs?.headers["upstash-forward-x-trace"]);
    expect(built.diagnostics.map((d) => d.code)).toEqual(["header-value-trimmed", "duplicate-header"]);
  });

  it("an empty retryDelay: neither sends it; we say so", async () => {
    const [theirs] = (await sdkItems({ url: "https://example.com/wf", retryDelay: "" })) ?? [];
    expect(theirs?.headers).not.toHaveProperty(["upstash-retry-delay"]);
    const built = buildTriggerRequest({ url: "https://example.com/wf", retryDelay: "" });
    expect(built.request?.headers).not.toHaveProperty(["Upstash-Retry-Delay"]);
    expect(built.diagnostics.map((d) => d.code)).toEqual(["empty-value-omitted"]);
  });

  it("where the SDK is lax, this library gives a diagnostic", async () => {
    const [doubled] = (await sdkItems({ url: "https://example.com/wf", workflowRunId: "wfr_abc" })) ?? [];
    expect(doubled?.headers["upstash-workflow-runid"]).toBe("wfr_wfr_abc");
    expect(buildTriggerRequest({ url: "https://example.com/wf", workflowRunId: "wfr_abc" }).diagnostics[0]?.code).toBe(
      "doubled-run-id-prefix",
    );
    const [nan] = (await sdkItems({ url: "https://example.com/wf", delay: Number.NaN })) ?? [];
    expect(nan?.headers["upstash-delay"]).toBe("NaNs");
    expect(buildTriggerRequest({ url: "https://example.com/wf", delay: Number.NaN }).diagnostics[0]?.code).toBe("invalid-delay");
    const [keyless] = (await sdkItems({ url: "https://example.com/wf", flowControl: { rate: 1 } })) ?? [];
    expect(keyless?.headers["upstash-flow-control-key"]).toBe("undefined");
    expect(buildTriggerRequest({ url: "https://example.com/wf", flowControl: { rate: 1 } }).diagnostics[0]?.code).toBe(
      "keyless-flow-control",
    );
  });
});
