// Issue 11, header safety: no header name or value that buildTriggerRequest
// (or buildBatchTriggerRequest) emits may hold CR, LF, NUL or any character
// that fetch's `Headers` or node:http refuses. Arbitrary strings (control
// characters, U+2028, lone surrogates, code points above U+00FF) are injected
// into every string field of a generated valid options object; the result
// must either be refused (`ok: false`) or carry only headers that
// `new Headers(...)`, `http.validateHeaderName` and `http.validateHeaderValue`
// accept.
//
// On main as of ae8b613 this FAILS: `retryDelay: "1000\r\n\r\n+ retried"`
// (and `flowControl.period: "1m\r\n"`, `delay`) come back ok with the CR/LF in
// `Upstash-Retry-Delay` / `Upstash-Flow-Control-Value` (the reported
// header-splitting bug); the fixed examples below pin those cases.
import http from "node:http";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildBatchTriggerRequest, buildTriggerRequest, type HttpRequest, type TriggerOptions } from "../../src/index.js";
import { HOSTILE_CHARS } from "./generators.mjs";

/** Every header the request carries, including each batch item's. */
function emittedHeaders(request: HttpRequest): [string, string][] {
  const all = Object.entries(request.headers);
  if (request.url.endsWith("/v2/batch/trigger") && request.body !== undefined) {
    for (const message of JSON.parse(request.body) as { headers: Record<string, string> }[]) all.push(...Object.entries(message.headers));
  }
  return all;
}

/** Undefined when every header is transport-safe, else what was refused. */
function unsafeHeader(request: HttpRequest): string | undefined {
  for (const [name, value] of emittedHeaders(request)) {
    try {
      http.validateHeaderName(name);
      http.validateHeaderValue(name, value);
      new Headers([[name, value]]);
    } catch (error) {
      return `${name}: ${JSON.stringify(value)} (${(error as Error).message})`;
    }
  }
  try {
    new Headers(request.headers);
  } catch (error) {
    return `new Headers(request.headers): ${(error as Error).message}`;
  }
  return undefined;
}

/** A string that is valid for its field, with hostile characters spliced in. */
const injected = (valid: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      valid,
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.oneof(
            fc.constantFrom(...HOSTILE_CHARS),
            fc.string({ unit: "binary", minLength: 1, maxLength: 3 }),
            fc.string({
              unit: fc.constantFrom("\r", "\n", "\0", "\u2028", "\ud800", "\u0101", "\x7f", "\x1f"),
              minLength: 1,
              maxLength: 3,
            }),
          ),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([text, inserts]) => {
      let out = text;
      for (const [at, piece] of inserts) {
        const i = at % (out.length + 1);
        out = out.slice(0, i) + piece + out.slice(i);
      }
      return out;
    });

const FIELDS = [
  "url",
  "workflowRunId",
  "retryDelay",
  "delay",
  "flowControl.key",
  "flowControl.period",
  "failureUrl",
  "label",
  "labels[]",
  "header name",
  "header value",
  "body",
] as const;
type Field = (typeof FIELDS)[number];

const VALID: Record<Field, fc.Arbitrary<string>> = {
  url: fc.constantFrom("https://a.example/wf", "http://localhost:3000/api/workflow"),
  workflowRunId: fc.constantFrom("run-1", "abc"),
  retryDelay: fc.constantFrom("pow(2, retried) * 1000", "1000", "1000 + retried", "max(1000, retried * 200)"),
  delay: fc.constantFrom("10s", "1m", "1h30m"),
  "flowControl.key": fc.constantFrom("user-42", "k"),
  "flowControl.period": fc.constantFrom("1m", "10s", "1h"),
  failureUrl: fc.constantFrom("https://f.example/fail"),
  label: fc.constantFrom("l1", "my-label"),
  "labels[]": fc.constantFrom("l1", "l2"),
  "header name": fc.constantFrom("x-trace", "X-Request-Id"),
  "header value": fc.constantFrom("abc", "1"),
  body: fc.constantFrom('{"a":1}', "hello"),
};

/** A valid options object with one or more of its string fields injected. */
const options = fc
  .record({
    fields: fc.record(VALID),
    hit: fc.subarray([...FIELDS], { minLength: 1, maxLength: 3 }),
  })
  .chain(({ fields, hit }) =>
    fc.tuple(fc.constant(fields), fc.constant(hit), fc.tuple(...hit.map((f) => injected(fc.constant(fields[f]))))),
  )
  .map(([fields, hit, values]) => {
    const v = { ...fields };
    hit.forEach((f, i) => (v[f] = values[i] as string));
    const result: TriggerOptions = {
      url: v.url,
      workflowRunId: v.workflowRunId,
      retries: 5,
      retryDelay: v.retryDelay,
      delay: v.delay,
      flowControl: { key: v["flowControl.key"], rate: 10, period: v["flowControl.period"] },
      failureUrl: v.failureUrl,
      label: hit.includes("labels[]") ? [v.label, v["labels[]"]] : v.label,
      headers: { [v["header name"]]: v["header value"] },
      body: v.body,
    };
    return result;
  });

describe("header safety (issue 11)", () => {
  it.each([
    ["retryDelay", { url: "https://a.example/wf", retryDelay: "1000\r\n\r\n+ retried" }],
    ["flowControl.period", { url: "https://a.example/wf", flowControl: { key: "k", rate: 10, period: "1m\r\n" } }],
    ["delay", { url: "https://a.example/wf", delay: "10s\r\n" }],
  ] as [string, TriggerOptions][])("a CR/LF in %s is refused, never emitted", (_field, input) => {
    const result = buildTriggerRequest(input);
    expect(result.ok && unsafeHeader(result.request)).toBe(false);
  });

  it("buildTriggerRequest: injected strings are refused or emitted header-safe", () => {
    fc.assert(
      fc.property(options, (input) => {
        const result = buildTriggerRequest(input);
        if (result.ok) expect(unsafeHeader(result.request)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it("buildBatchTriggerRequest: injected strings are refused or emitted header-safe", () => {
    fc.assert(
      fc.property(fc.array(options, { minLength: 1, maxLength: 3 }), (items) => {
        const result = buildBatchTriggerRequest(items);
        if (result.ok) expect(unsafeHeader(result.request)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });
});
