import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { buildPublishRequest, buildTriggerRequest, type PublishOptions, type TriggerOptions } from "../../src/index.js";
import { MAX_LITERAL_DEPTH, toLiteral } from "../../src/request/js-literal.js";
import { toSdkCode, type SdkCodeOptions, type SdkCodeResult, type SdkName } from "../../src/request/sdk-code.js";
import { optionName, rowsFor } from "../../src/request/table.js";
import { compareHeaders, isDocumentedSdkOnly, isTelemetry, NOW } from "../trigger/differential-support.js";
import { anyBody, optionSets } from "../trigger/option-generators.js";

/*
 * toSdkCode: the unit behaviour, and a differential test that runs the
 * printed code itself against the real SDKs (@upstash/workflow 1.3.3,
 * @upstash/qstash 2.12.0). The snippets are written into the project (so
 * that their imports resolve from node_modules) and run in one child Node
 * whose `fetch` records each request and answers 200; nothing reaches the
 * network. For every sampled option set the builder accepts, the SDK sends
 * the URL, body and headers the builder shows.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const BASE = "https://qstash.invalid";
const cache = join(root, "node_modules/.cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "retry-delay-sdk-code-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("toSdkCode", () => {
  it("prints the import, the client and the call, with the table's rows in its order", () => {
    const options = {
      flowControl: { key: "user-42", rate: 10, period: "1m" },
      retryDelay: "pow(2, retried) * 1000",
      url: "https://example.com/api/workflow",
      retries: 5,
    };
    const result = toSdkCode(options, { sdk: "workflow" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toBe(
      [
        'import { Client } from "@upstash/workflow";',
        "",
        "const client = new Client({ token: process.env.QSTASH_TOKEN });",
        "",
        "await client.trigger({",
        '  url: "https://example.com/api/workflow",',
        "  retries: 5,",
        '  retryDelay: "pow(2, retried) * 1000",',
        '  flowControl: { key: "user-42", rate: 10, period: "1m" },',
        "});",
        "",
      ].join("\n"),
    );
    // Every printed option is a row of the table for the endpoint, under the SDK's name.
    const names = rowsFor("trigger").map((row) => optionName(row, "trigger"));
    const printed = [...result.value.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    expect(printed).toEqual(names.filter((n) => n in options));
  });

  it("uses publishJSON for a JSON body, publish for a string body or none", () => {
    const code = (options: PublishOptions): string => {
      const result = toSdkCode(options, { sdk: "qstash" });
      return result.ok ? result.value : "";
    };
    expect(code({ url: "https://example.com/hook", body: { id: 1 } })).toContain(
      'await client.publishJSON({\n  url: "https://example.com/hook",\n  body: { id: 1 },\n});',
    );
    expect(code({ url: "https://example.com/hook", body: "hi" })).toContain("await client.publish({");
    expect(code({ url: "https://example.com/hook" })).toContain('import { Client } from "@upstash/qstash";');
    // publishJSON would replace the caller's Content-Type: the JSON text goes through publish instead.
    expect(code({ url: "https://example.com/hook", body: { id: 1 }, headers: { "content-type": "text/plain" } })).toContain(
      'await client.publish({\n  url: "https://example.com/hook",\n  body: "{\\"id\\":1}",',
    );
  });

  it("prints the body as JSON sends it", () => {
    const result = toSdkCode(
      { url: "https://example.com/wf", body: { at: new Date(0), gone: undefined, list: [1, "two"] } },
      { sdk: "workflow" },
    );
    expect(result.ok && result.value).toContain('body: { at: "1970-01-01T00:00:00.000Z", list: [1, "two"] },');
  });

  it("prints a base URL other than QStash's, never a token", () => {
    const result = toSdkCode({ url: "https://example.com/wf" }, {
      sdk: "workflow",
      baseUrl: "http://localhost:8080",
      token: "secret",
    } as never);
    expect(result.ok && result.value).toContain('new Client({ baseUrl: "http://localhost:8080", token: process.env.QSTASH_TOKEN })');
    expect(result.ok && result.value).not.toContain("secret");
    const plain = toSdkCode({ url: "https://example.com/wf" }, { sdk: "workflow", baseUrl: "https://qstash.upstash.io/" });
    expect(plain.ok && plain.value).toContain("new Client({ token: process.env.QSTASH_TOKEN })");
  });

  it("gives the builder's diagnostics and no code for options it refuses", () => {
    const result = toSdkCode({ url: "example.com", retries: -1 }, { sdk: "workflow" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(
      buildTriggerRequest({ url: "example.com", retries: -1 }).diagnostics.map((d) => d.code),
    );
    expect(toSdkCode(null as never, { sdk: "qstash" }).diagnostics.map((d) => d.code)).toEqual(["invalid-options"]);
  });

  it("leaves out an option the table does not know, with the builder's warning", () => {
    const result = toSdkCode({ url: "https://example.com/wf", retry: 3 } as never, { sdk: "workflow" });
    expect(result.ok && result.value).not.toContain("retry:");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["unknown-option"]);
  });

  it("reads each option once: a getter that changes its answer cannot make the code differ from the request", () => {
    let reads = 0;
    const options = {
      url: "https://example.com/wf",
      get retryDelay() {
        reads++;
        return reads === 1 ? "1000" : "2 ** retried";
      },
    };
    const result = toSdkCode(options, { sdk: "workflow" });
    expect(result.ok && result.value).toContain('retryDelay: "1000",');
    expect(reads).toBe(1);
  });

  it("writes keys that are not identifiers, and __proto__, so that they stay keys", () => {
    const body = JSON.parse('{"__proto__": {"x": 1}, "a-b": 2, "$ok": 3}') as unknown;
    expect(toLiteral(body, "")).toBe('{ ["__proto__"]: { x: 1 }, "a-b": 2, $ok: 3 }');
    expect(toLiteral([-0, Number.NaN, Infinity, null, undefined, "\u2028\n"], "")).toBe(
      '[-0, NaN, Infinity, null, undefined, "\u2028\\n"]',
    );
  });

  it("refuses, with a diagnostic, what has no literal or is nested too deep", () => {
    const fn = toSdkCode({ url: "https://example.com/wf", flowControl: { key: "k", rate: 1, extra: () => 1 } } as never, {
      sdk: "workflow",
    });
    expect(fn.ok).toBe(false);
    expect(fn.diagnostics.at(-1)?.message).toContain("cannot be printed as code");
    let deep: unknown = 1;
    for (let i = 0; i <= MAX_LITERAL_DEPTH + 1; i++) deep = { deep };
    const nested = toSdkCode({ url: "https://example.com/wf", headers: deep } as never, { sdk: "workflow" });
    expect(nested.ok).toBe(false);
    expect(nested.diagnostics.map((d) => d.code)).toEqual(["invalid-option-type"]);
  });

  it("throws invalid-argument for settings that name no SDK", () => {
    expect(() => toSdkCode({ url: "https://example.com/wf" }, { sdk: "bullmq" } as never)).toThrow(/settings\.sdk/);
    expect(() => toSdkCode({ url: "https://example.com/wf" }, undefined as never)).toThrow();
  });
});

// ---------------------------------------------------------------- the code, run against the SDKs

interface Sent {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const DRIVER = `
import { pathToFileURL } from "node:url";
let current = [];
globalThis.fetch = async (input, init = {}) => {
  const url = input instanceof Request ? input.url : String(input);
  const headers = {};
  new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined)).forEach((v, k) => { headers[k] = v; });
  const body = init.body == null ? undefined : typeof init.body === "string" ? init.body : await new Response(init.body).text();
  current.push(body === undefined ? { url, headers } : { url, headers, body });
  const payload = new URL(url).pathname === "/v2/batch" ? JSON.parse(body).map((_, i) => ({ messageId: "msg_" + i })) : { messageId: "msg", deduplicated: false };
  return new Response(JSON.stringify(payload), { status: 200, headers: { "content-type": "application/json" } });
};
const results = [];
for (const file of process.argv.slice(2)) {
  current = [];
  try {
    await import(pathToFileURL(file).href);
    results.push({ requests: current });
  } catch (error) {
    results.push({ error: String(error?.message ?? error), requests: current });
  }
}
process.stdout.write(JSON.stringify(results));
`;

/** Runs each snippet in one child Node, in order; what each one sent, or what it threw. */
function runSnippets(snippets: readonly string[]): { error?: string; requests: Sent[] }[] {
  const driver = join(dir, "driver.mjs");
  writeFileSync(driver, DRIVER);
  const files = snippets.map((code, i) => {
    const file = join(dir, `snippet-${String(i)}.mjs`);
    writeFileSync(file, code);
    return file;
  });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, QSTASH_TOKEN: "capture-token" };
  const out = execFileSync(process.execPath, [driver, ...files], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as { error?: string; requests: Sent[] }[];
}

// Every row of the table for the endpoint toSdkCode prints; publish or publishJSON as the body asks.
const triggerOptions = optionSets<TriggerOptions>("trigger");
const publishOptions = optionSets<PublishOptions>("publish", { body: anyBody });

/** The playground's defaults, and the sampled option sets the builder accepts. */
function cases<T>(sdk: SdkName, arb: fc.Arbitrary<T>, seed: number): { options: T; code: string }[] {
  const fixed = {
    url: "https://example.com/api/workflow",
    retries: 5,
    retryDelay: "pow(2, retried) * 1000",
    delay: "10s",
    flowControl: { key: "user-42", rate: 10, period: "1m" },
    body: { hello: "world" },
  };
  const found: { options: T; code: string }[] = [];
  for (const options of [fixed as T, ...fc.sample(arb, { numRuns: 60, seed })]) {
    const result: SdkCodeResult = toSdkCode(options as never, { sdk, baseUrl: BASE, now: NOW } satisfies SdkCodeOptions);
    if (result.ok) found.push({ options, code: result.value });
  }
  return found;
}

/** Each case's code run in one child Node: it must send exactly one request, which is returned beside the case. */
function sentBy<T>(all: readonly { options: T; code: string }[]): { options: T; code: string; request: Sent }[] {
  const results = runSnippets(all.map((c) => c.code));
  return all.map(({ options, code }, i) => {
    const sent = results[i];
    expect(sent?.error, code).toBeUndefined();
    expect(sent?.requests).toHaveLength(1);
    return { options, code, request: sent?.requests[0] as Sent };
  });
}

describe("the printed code makes the real SDK send the builder's request", () => {
  it("@upstash/workflow client.trigger", () => {
    const all = cases("workflow", triggerOptions, 15);
    expect(all.length).toBeGreaterThan(10);
    for (const { options, code, request } of sentBy(all)) {
      // The SDK always triggers through /v2/batch: one item, compared with our /v2/trigger request.
      expect(new URL(request.url).pathname).toBe("/v2/batch");
      const [item] = JSON.parse(request.body ?? "[]") as { destination: string; headers: Record<string, string>; body?: string }[];
      const built = buildTriggerRequest(options, { baseUrl: BASE, now: NOW });
      if (!built.ok || item === undefined) throw new Error(code);
      expect(item.destination).toBe(built.value.url.slice(`${BASE}/v2/trigger/`.length));
      expect(item.body, code).toBe(built.value.body);
      compareHeaders(built.value.headers, item.headers, (h) => isDocumentedSdkOnly(h, options));
    }
  }, 60_000);

  it("@upstash/qstash client.publishJSON / publish", () => {
    const all = cases("qstash", publishOptions, 16);
    expect(all.filter((c) => c.code.includes("publishJSON")).length).toBeGreaterThan(3);
    for (const { options, code, request } of sentBy(all)) {
      const built = buildPublishRequest(options, { baseUrl: BASE, now: NOW });
      if (!built.ok) throw new Error(code);
      expect(new URL(request.url).href).toBe(new URL(built.value.url).href);
      expect(request.body, code).toBe(built.value.body);
      compareHeaders(built.value.headers, request.headers, isTelemetry);
    }
  }, 60_000);
});
