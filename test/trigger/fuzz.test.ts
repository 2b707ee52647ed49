import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildBatchTriggerRequest,
  buildTriggerRequest,
  parseFlowControlValue,
  parseTriggerHeaders,
  type TriggerOptions,
} from "../../src/index.js";
import { cpuTime } from "../support/cpu-time.js";

describe("hostile input never throws", () => {
  const anyOptions = fc.oneof(
    fc.anything(),
    fc.record(
      {
        url: fc.oneof(fc.string(), fc.constant("https://example.com/wf"), fc.anything()),
        workflowRunId: fc.oneof(fc.string(), fc.anything()),
        body: fc.anything(),
        headers: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.anything()),
        retries: fc.oneof(fc.double(), fc.integer(), fc.anything()),
        retryDelay: fc.oneof(fc.string(), fc.anything()),
        delay: fc.oneof(fc.string(), fc.double(), fc.anything()),
        notBefore: fc.oneof(fc.double(), fc.anything()),
        flowControl: fc.oneof(
          fc.record({ key: fc.anything(), rate: fc.anything(), parallelism: fc.anything(), period: fc.anything() }, { requiredKeys: [] }),
          fc.anything(),
        ),
        failureUrl: fc.oneof(fc.string(), fc.anything()),
        label: fc.oneof(fc.string(), fc.array(fc.anything()), fc.anything()),
      },
      { requiredKeys: [] },
    ),
  );

  it("buildTriggerRequest and buildBatchTriggerRequest, on anything", () => {
    fc.assert(
      fc.property(anyOptions, (options) => {
        const single = buildTriggerRequest(options as TriggerOptions);
        expect(single.ok).toBe(single.request !== undefined);
        for (const d of single.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(d.input.length);
        }
        buildBatchTriggerRequest([options as TriggerOptions, options as TriggerOptions]);
      }),
    );
  });

  it("parseTriggerHeaders, on anything", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(
            fc.constantFrom(
              "upstash-retries",
              "upstash-delay",
              "upstash-retry-delay",
              "upstash-flow-control-value",
              "upstash-label",
              "upstash-x",
              "upstash-forward-__proto__",
            ),
            fc.string(),
          ),
        ),
        (headers) => {
          parseTriggerHeaders(headers as Record<string, string>);
        },
      ),
    );
  });

  it("rejects a 1 MB flow-control value quickly", () => {
    const { value, ms } = cpuTime(() => parseFlowControlValue("rate=1,".repeat(150_000)));
    expect(value.diagnostics[0]?.code).toBe("value-too-long");
    expect(ms).toBeLessThan(50);
  });
});
