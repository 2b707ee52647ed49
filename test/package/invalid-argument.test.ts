import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { retryDelayBackoffStrategy } from "../../src/adapters/bullmq.js";

/*
 * The API's rule for bad arguments, case by case: a wrong value from the
 * calling program throws RetryDelayError with one `invalid-argument`
 * diagnostic whose message names the argument (api-fuzz.test.ts only checks
 * that nothing else escapes). Values a message carries come back as
 * diagnostics instead; the last cases hold that side.
 */

function thrown(run: () => unknown): api.RetryDelayError {
  try {
    run();
  } catch (error) {
    if (error instanceof api.RetryDelayError) return error;
    throw error;
  }
  throw new Error("expected a RetryDelayError");
}

const delay = api.compile("pow(2, retried) * 1000");
const retriedTree = api.parse("retried");
if (!retriedTree.ok) throw new Error("the fixture must parse");

const cases: [string, () => unknown, RegExp][] = [
  ["a symbol as retried", () => delay(Symbol("x") as never), /^retried must be a number, not a symbol$/],
  ["a bigint as retried", () => api.interpret(retriedTree.value, 3n as never), /^retried must be a number, not a bigint$/],
  [
    "an object without a value as retried",
    () => delay(Object.create(null) as never),
    /^retried must be a number, not an object without a numeric value$/,
  ],
  ["a table over no function", () => api.tabulate(null as never, 4), /^tabulate takes a compiled delay, not null$/],
  [
    "a builtin's evaluate on a string",
    () => api.lookupBuiltin("pow")?.evaluate("2" as never, 3),
    /^pow's first argument must be a number, not a string$/,
  ],
  [
    "roundHalfAwayFromZero on an object",
    () => api.roundHalfAwayFromZero({} as never),
    /^the value to round must be a number, not an object$/,
  ],
  ["formatDuration on a string", () => api.formatDuration("1s" as never), /^the duration in milliseconds must be a number, not a string$/],
  [
    "a plan named toString",
    () => api.checkDelayForPlan(1000, "toString" as never),
    /^the plan must be one of "free", "pay-as-you-go", "fixed", not "toString"$/,
  ],
  [
    "a build plan named __proto__",
    () => api.buildTriggerRequest({ url: "https://example.com/wf" }, { plan: "__proto__" as never }),
    /^build\.plan must be one of/,
  ],
  [
    "a token with a line break",
    () => api.buildTriggerRequest({ url: "https://example.com/wf" }, { token: "t\r\nX-Evil: 1" }),
    /^build\.token must be printable ASCII/,
  ],
  [
    "a base URL that is not http(s)",
    () => api.buildTriggerRequest({ url: "https://example.com/wf" }, { baseUrl: "ftp://example.com" }),
    /^build\.baseUrl must be an http:\/\/ or https:\/\/ URL/,
  ],
  [
    "a curl method that needs quoting",
    () => api.toCurl({ method: "POST; rm -rf /", url: "https://example.com", headers: {} } as never),
    /^request\.method must be an HTTP method/,
  ],
  ["null render options", () => api.renderDiagnostics("x", [], null as never), /^the render options must be an object, not null$/],
  [
    "a diagnostic without a span",
    () => api.renderDiagnostic("x", { code: "c", severity: "error", message: "m" } as never),
    /^the diagnostic\.span must be an object, not undefined$/,
  ],
  ["hasErrors on an object", () => api.hasErrors({} as never), /^diagnostics must be an array, not an object$/],
  ["a null duration options", () => api.parseDuration("1s", null as never), /^the duration options must be an object, not null$/],
  [
    "a normalization policy with a bad field",
    () => api.normalizeDelay(-1, 0, { negative: "zero" as never }),
    /^normalization\.negative: `negative` must be `clamp` or `fallback`$/,
  ],
  [
    "decideRetry with retried as a string",
    () => api.decideRetry({ retried: "1" as never }),
    /^input\.retried must be a number, not a string$/,
  ],
  [
    "decideRetry with a bad policy",
    () => api.decideRetry({ retried: 0, normalization: { fraction: "up" as never } }),
    /^input\.normalization\.fraction:/,
  ],
  ["a hook called with NaN", () => api.retryDelayHook("1000")(Number.NaN), /^the attempt must be a finite number, not NaN$/],
  [
    "got's function without its object",
    () => api.gotCalculateDelay()(undefined as never),
    /^got's retry object must be an object, not undefined$/,
  ],
  ["readRetryAfter on a string", () => api.readRetryAfter("30" as never), /^the headers must be an object, not a string$/],
  [
    "a BullMQ strategy with a bad cache",
    () => retryDelayBackoffStrategy({ cache: {} as never }),
    /^options\.cache must be a cache from createCompileCache$/,
  ],
];

describe("a wrong argument from the program throws invalid-argument, naming it", () => {
  for (const [name, run, message] of cases) {
    it(name, () => {
      const error = thrown(run);
      expect(error.diagnostics).toHaveLength(1);
      expect(error.diagnostics[0]).toMatchObject({ code: "invalid-argument", severity: "error", span: { start: 0, end: 0 } });
      expect(error.diagnostics[0]?.message).toMatch(message);
    });
  }
});

describe("values a message carries still come back as diagnostics", () => {
  it("a numeric string as retried is arithmetic, as before", () => {
    expect(delay("3" as never)).toBe(8000);
  });

  it("simulateSchedule reports options that are not an object, and each bad policy field, with paths", () => {
    expect(api.simulateSchedule(null as never).diagnostics).toEqual([
      expect.objectContaining({ code: "invalid-options", path: "", input: "null", span: { start: 0, end: 4 } }),
    ]);
    const result = api.simulateSchedule({ normalization: { negative: "zero", fraction: "up" } as never });
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["invalid-option", "normalization.negative"],
      ["invalid-option", "normalization.fraction"],
    ]);
  });

  it("a malformed retryDelay in decideRetry gives up with its diagnostics", () => {
    expect(api.decideRetry({ retried: 0, retryDelay: 42 as never })).toMatchObject({ action: "give-up", reason: "invalid-expression" });
  });

  it("readRetryAfter and decideRetry read Node's IncomingHttpHeaders: any case, arrays by their first value", () => {
    expect(api.readRetryAfter({ "Retry-After": ["30", "60"] })).toMatchObject({
      header: "Retry-After",
      result: { ok: true, value: { ms: 30_000 } },
    });
    expect(api.readRetryAfter({ "x-ratelimit-reset": "2s", constructor: "1" })).toMatchObject({
      header: "X-RateLimit-Reset",
      result: { value: { ms: 2000 } },
    });
    expect(api.decideRetry({ retried: 0, response: { status: 429, headers: { "RETRY-AFTER": ["5"] } } })).toMatchObject({
      action: "retry",
      delayMs: 5000,
      source: "retry-after",
    });
  });
});
