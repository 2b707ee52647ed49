import { Client } from "@upstash/workflow";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTriggerRequest, formatDuration, type TriggerOptions } from "../../src/index.js";

/*
 * Differential test against the official SDK: for generated option sets, the
 * real `Client.trigger` runs with `fetch` intercepted (no network), and every
 * header that both it and `buildTriggerRequest` produce must be equal. Every
 * header only this library produces is a failure; every header only the SDK
 * produces must be one of the documented SDK-only headers (docs/trigger.md).
 */

interface Captured {
  destination: string;
  headers: Record<string, string>;
  body?: string;
}

let captured: Captured[] = [];
const realFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const messages = JSON.parse(String(init?.body)) as Captured[];
    captured.push(...messages);
    return new Response(JSON.stringify(messages.map(() => ({ messageId: "msg", deduplicated: false }))), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

const client = new Client({ token: "test-token", baseUrl: "https://qstash.invalid" });

/** Headers the SDK sends that this library does not, each explained in docs/trigger.md. */
function isDocumentedSdkOnly(name: string, options: TriggerOptions): boolean {
  if (/^upstash-(method|feature-set|workflow-init|workflow-url|workflow-sdk-version|telemetry-.+)$/.test(name)) return true;
  if (name === "upstash-forward-upstash-workflow-sdk-version" || name === "upstash-forward-upstash-label") return true;
  if (name === "upstash-workflow-runid" && options.workflowRunId === undefined) return true;
  if (name === "content-type") return true;
  // The SDK's failure-callback protocol headers, and all copies when it defaults failureUrl to the workflow url.
  if (/^upstash-failure-callback-(feature-set|workflow-.+|forward-upstash-(workflow-failure-callback|workflow-is-failure|label))$/.test(name)) return true;
  if (options.failureUrl === undefined && name.startsWith("upstash-failure-callback")) return true;
  return false;
}

const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/);
const headerName = fc.stringMatching(/^X-[A-Za-z][A-Za-z0-9-]{0,10}$/);
const expressions = fc.constantFrom("1000", "1000 * (1 + retried)", "pow(2, retried) * 1000", "max(1000, pow(2, retried) * 100)", "min(86400000, exp(2.5 * (retried + 1)) * 1000)");
const strictDuration = fc.integer({ min: 0, max: 6 * 86_400 }).map((seconds) => formatDuration(seconds * 1000));

const arbitraryOptions: fc.Arbitrary<TriggerOptions> = fc.record(
  {
    url: fc.constantFrom("https://example.com/api/workflow", "http://localhost:3000/wf", "https://a.example/x?y=1"),
    workflowRunId: name,
    body: fc.oneof(fc.string({ maxLength: 20 }), fc.dictionary(name, fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 })),
    headers: fc.dictionary(headerName, fc.stringMatching(/^[ -~]{0,12}$/), { maxKeys: 3 }),
    retries: fc.integer({ min: 0, max: 10 }),
    retryDelay: expressions,
    delay: fc.oneof(strictDuration, fc.integer({ min: 0, max: 86_400 })),
    notBefore: fc.integer({ min: 2_000_000_000, max: 2_000_500_000 }),
    flowControl: fc
      .record({
        key: name,
        parallelism: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
        rate: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
        period: fc.option(fc.oneof(fc.constantFrom("1s", "10s", "1m", "1h", "7d"), fc.integer({ min: 1, max: 604_800 })), { nil: undefined }),
      })
      .filter((f) => f.parallelism !== undefined || f.rate !== undefined)
      .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined))),
    failureUrl: fc.constantFrom("https://example.com/failed", "http://localhost:3000/failure"),
    label: fc.oneof(name, fc.array(name, { minLength: 1, maxLength: 3 })),
  },
  { requiredKeys: ["url"] },
) as fc.Arbitrary<TriggerOptions>;

async function sdkHeaders(options: TriggerOptions): Promise<Record<string, string>> {
  captured = [];
  await client.trigger(options as unknown as Parameters<Client["trigger"]>[0] & object);
  expect(captured).toHaveLength(1);
  return captured[0]?.headers ?? {};
}

function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

describe("headers agree with the official SDK (@upstash/workflow Client.trigger)", () => {
  it("for generated option sets", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryOptions, async (options) => {
        const theirs = await sdkHeaders(options);
        const built = buildTriggerRequest(options, { now: 1_900_000_000_000 });
        expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const ours = lowerCased(built.request?.headers ?? {});
        delete ours.authorization; // the SDK authorizes the outer batch request instead
        for (const [header, value] of Object.entries(ours)) {
          expect(theirs, `SDK lacks ${header}`).toHaveProperty([header]);
          expect(theirs[header], header).toBe(value);
        }
        for (const header of Object.keys(theirs)) {
          if (!(header in ours)) expect(isDocumentedSdkOnly(header, options), `undocumented SDK-only header ${header}: ${theirs[header]}`).toBe(true);
        }
      }),
      { numRuns: process.env.CI ? 300 : 60 },
    );
  });

  it("joins headers whose names differ only in case, as the SDK's Headers does", async () => {
    const options = { url: "https://example.com/wf", headers: { "X-Trace": "a", "x-trace": " b " } };
    const theirs = await sdkHeaders(options);
    const built = buildTriggerRequest(options);
    expect(lowerCased(built.request?.headers ?? {})["upstash-forward-x-trace"]).toBe(theirs["upstash-forward-x-trace"]);
    expect(built.diagnostics.map((d) => d.code)).toEqual(["header-value-trimmed", "duplicate-header"]);
  });

  it("sends the body the SDK sends", async () => {
    for (const body of ["plain text", { hello: "world" }, [1, 2]]) {
      captured = [];
      await client.trigger({ url: "https://example.com/wf", body });
      expect(buildTriggerRequest({ url: "https://example.com/wf", body }).request?.body).toBe(captured[0]?.body);
    }
  });

  it("where the SDK is lax, this library gives a diagnostic", async () => {
    // The SDK doubles the prefix silently; this library warns (and sends the same header).
    const doubled = await sdkHeaders({ url: "https://example.com/wf", workflowRunId: "wfr_abc" });
    expect(doubled["upstash-workflow-runid"]).toBe("wfr_wfr_abc");
    expect(buildTriggerRequest({ url: "https://example.com/wf", workflowRunId: "wfr_abc" }).diagnostics[0]?.code).toBe("doubled-run-id-prefix");
    // The SDK sends `NaNs` for a NaN delay; this library refuses it.
    const nan = await sdkHeaders({ url: "https://example.com/wf", delay: Number.NaN });
    expect(nan["upstash-delay"]).toBe("NaNs");
    expect(buildTriggerRequest({ url: "https://example.com/wf", delay: Number.NaN }).diagnostics[0]?.code).toBe("invalid-delay");
    // The SDK sends an unparseable retry delay verbatim; this library refuses it.
    const bad = await sdkHeaders({ url: "https://example.com/wf", retryDelay: "2 ^ retried" });
    expect(bad["upstash-retry-delay"]).toBe("2 ^ retried");
    expect(buildTriggerRequest({ url: "https://example.com/wf", retryDelay: "2 ^ retried" }).ok).toBe(false);
  });
});
