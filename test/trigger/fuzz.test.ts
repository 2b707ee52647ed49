import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildBatchTriggerRequest,
  buildTriggerRequest,
  parseFlowControlValue,
  parseTriggerHeaders,
  type TriggerOptions,
} from "../../src/index.js";
import { nameOf } from "../../src/request/rows.js";
import { rowsFor } from "../../src/request/table.js";
import { cpuTime } from "../support/cpu-time.js";
import { optionSets } from "./option-generators.js";

describe("hostile input never throws", () => {
  /** A value of any type for a row; flow control also as an object whose fields are anything. */
  const hostile = (option: string): fc.Arbitrary<unknown> =>
    option === "flowControl"
      ? fc.oneof(
          fc.record({ key: fc.anything(), rate: fc.anything(), parallelism: fc.anything(), period: fc.anything() }, { requiredKeys: [] }),
          fc.anything(),
        )
      : fc.oneof(fc.string(), fc.double(), fc.anything());
  // Anything at all; every trigger row of the table holding anything; and the differential tests' option sets, edges included.
  const anyOptions = fc.oneof(
    fc.anything(),
    fc.record(Object.fromEntries(rowsFor("trigger").map((row) => [nameOf(row, "trigger"), hostile(row.option)])), { requiredKeys: [] }),
    optionSets("trigger"),
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
