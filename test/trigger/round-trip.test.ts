import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTriggerRequest, formatDuration, parseTriggerHeaders, type TriggerOptions } from "../../src/index.js";

const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/);

const options = fc.record(
  {
    workflowRunId: name,
    headers: fc.dictionary(fc.stringMatching(/^x-[a-z][a-z0-9-]{0,8}$/), fc.stringMatching(/^[!-~]([ -~]{0,10}[!-~])?$/), { maxKeys: 3 }),
    retries: fc.integer({ min: 0, max: 50 }),
    retryDelay: fc.constantFrom("1000", "pow(2, retried) * 1000", "max(1000, pow(2, retried) * 100)"),
    delay: fc.oneof(fc.integer({ min: 0, max: 6 * 86_400 }).map((s) => formatDuration(s * 1000)), fc.integer({ min: 0, max: 86_400 })),
    notBefore: fc.integer({ min: 2_000_000_000, max: 2_100_000_000 }),
    flowControl: fc.record({ key: name, rate: fc.integer({ min: 1, max: 100 }), period: fc.constantFrom("1s", "1m", "1h") }),
    failureUrl: fc.constant("https://example.com/failed"),
    label: fc.oneof(name, fc.array(name, { minLength: 2, maxLength: 3 })),
  },
  { requiredKeys: [] },
);

/** What a header round trip can carry: numbers become their header form, the default retries are not sent. */
function normalize(input: Omit<TriggerOptions, "url">): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  if (typeof input.delay === "number") out.delay = `${input.delay}s`;
  if (input.retries === 3) delete out.retries;
  if (input.headers !== undefined && Object.keys(input.headers).length === 0) delete out.headers;
  return out;
}

describe("build then parse round-trips", () => {
  it("for generated options", () => {
    fc.assert(
      fc.property(options, (input) => {
        const built = buildTriggerRequest({ url: "https://example.com/wf", ...input }, { now: 1_900_000_000_000 });
        expect(built.ok).toBe(true);
        const parsed = parseTriggerHeaders(built.request?.headers ?? {});
        expect(parsed.diagnostics).toEqual([]);
        const { url, ...rest } = parsed.options;
        expect(url).toBe("");
        expect(rest).toEqual(normalize(input));
      }),
    );
  });
});
