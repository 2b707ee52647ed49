import { describe, expect, it } from "vitest";
import { compile, createCompileCache, decideRetry, RetryDelayError, type RetryDecision } from "../../src/index.js";

describe("decideRetry: the decision table", () => {
  it("1. gives up on 489 with Upstash-NonRetryable-Error: true, before anything else", () => {
    expect(
      decideRetry({
        retried: 0,
        retries: 5,
        response: { status: 489, headers: new Headers({ "upstash-nonretryable-error": "true", "retry-after": "5" }) },
      }),
    ).toMatchObject({ action: "give-up", reason: "non-retryable" });
    expect(
      decideRetry({ retried: 0, retries: 5, response: { status: 489, headers: { "Upstash-NonRetryable-Error": "TRUE" } } }),
    ).toMatchObject({ reason: "non-retryable" });
    // 489 alone, or the header alone, is an ordinary failure.
    expect(decideRetry({ retried: 0, response: { status: 489 } })).toMatchObject({ action: "retry" });
    expect(decideRetry({ retried: 0, response: { status: 500, headers: { "upstash-nonretryable-error": "true" } } })).toMatchObject({
      action: "retry",
    });
  });

  it("2. gives up when the retries are used", () => {
    expect(decideRetry({ retried: 3 })).toMatchObject({ action: "give-up", reason: "retries-exhausted" });
    expect(decideRetry({ retried: 2 })).toMatchObject({ action: "retry" });
    expect(decideRetry({ retried: 0, retries: 0 })).toMatchObject({ reason: "retries-exhausted" });
  });

  it("3. gives up on an invalid expression, with its diagnostics", () => {
    const decision = decideRetry({ retried: 0, retryDelay: "pow(2, retries)" });
    expect(decision).toMatchObject({ action: "give-up", reason: "invalid-expression" });
    expect(decision.diagnostics[0]?.code).toBe("unknown-variable");
  });

  it("4. follows a Retry-After of at most 1 day", () => {
    expect(decideRetry({ retried: 0, retryDelay: "1000", response: { status: 429, headers: { "retry-after": "30" } } })).toMatchObject({
      action: "retry",
      delayMs: 30_000,
      source: "retry-after",
      header: "Retry-After",
    });
    expect(decideRetry({ retried: 0, response: { status: 429, headers: { "x-ratelimit-reset-requests": "1m30s" } } })).toMatchObject({
      delayMs: 90_000,
      header: "X-RateLimit-Reset-Requests",
    });
    const now = Date.UTC(2026, 10, 23, 8, 0, 0);
    expect(decideRetry({ retried: 0, now, response: { headers: { "retry-after": "Mon, 23 Nov 2026 08:01:00 GMT" } } })).toMatchObject({
      delayMs: 60_000,
    });
  });

  it("ignores a Retry-After over 1 day or one that does not parse, and says so", () => {
    const long = decideRetry({ retried: 1, retryDelay: "1000 * (1 + retried)", response: { headers: { "retry-after": "172800" } } });
    expect(long).toMatchObject({ action: "retry", delayMs: 2000, source: "expression" });
    expect(long.diagnostics.map((d) => d.code)).toEqual(["retry-after-ignored"]);
    const bad = decideRetry({ retried: 1, response: { headers: { "retry-after": "soon" } } });
    expect(bad).toMatchObject({ delayMs: 148_000, source: "default-backoff" });
    expect(bad.diagnostics.map((d) => d.code)).toEqual(["invalid-retry-after"]);
  });

  it("5. uses the expression, normalized", () => {
    expect(decideRetry({ retried: 2, retries: 5, retryDelay: "pow(2, retried) * 1000" })).toMatchObject({
      delayMs: 4000,
      source: "expression",
    });
    expect(decideRetry({ retried: 2, retries: 5, retryDelay: compile("1000 - 600 * retried") })).toMatchObject({
      delayMs: 0,
      source: "expression",
    });
    expect(decideRetry({ retried: 0, retryDelay: "sqrt(retried - 1)" })).toMatchObject({ delayMs: 12_000, source: "fallback" });
  });

  it("6. falls back to Upstash's default backoff", () => {
    expect([0, 1, 2, 3, 4].map((retried) => decideRetry({ retried, retries: 10 })).map((d) => d.action === "retry" && d.delayMs)).toEqual([
      12_000, 148_000, 1_808_000, 22_026_000, 86_400_000,
    ]);
  });

  it("compiles through the given cache", () => {
    const cache = createCompileCache();
    decideRetry({ retried: 0, retryDelay: "1000", cache });
    decideRetry({ retried: 1, retryDelay: "1000", cache });
    expect(cache.stats()).toMatchObject({ misses: 1, hits: 1 });
  });

  it("never throws on hostile input", () => {
    for (const input of [
      { retried: Number.NaN },
      { retried: 0, retryDelay: 42 },
      { retried: 0, response: { headers: null } },
      { retried: 0, response: { headers: { "retry-after": 5 } } },
    ]) {
      expect(() => decideRetry(input as never)).not.toThrow();
    }
  });
});

describe("decideRetry: delays setTimeout cannot hold", () => {
  const MAX_TIMER = 2 ** 31 - 1;
  const warnings = (decision: RetryDecision) => decision.diagnostics.filter((d) => d.code === "delay-exceeds-timer");

  it("keeps the delay Upstash would wait, and warns when it is over 2^31-1 ms", () => {
    const decision = decideRetry({ retried: 0, retryDelay: String(2 ** 31) });
    expect(decision).toMatchObject({ action: "retry", delayMs: 2 ** 31, source: "expression" });
    expect(warnings(decision)).toEqual([
      {
        code: "delay-exceeds-timer",
        severity: "warning",
        message:
          "the delay, 24d20h31m23s648ms (2147483648 ms), is longer than setTimeout can wait, 2^31-1 ms (about 24.8 days); a longer timer fires at once",
        span: { start: 0, end: 10 },
        hint: expect.stringContaining("chain timers") as string,
      },
    ]);
  });

  it("says nothing at exactly 2^31-1 ms, nor for the default backoff's day", () => {
    expect(warnings(decideRetry({ retried: 0, retryDelay: String(MAX_TIMER) }))).toEqual([]);
    expect(warnings(decideRetry({ retried: 9, retries: 10 }))).toEqual([]);
  });

  it("warns for a compiled delay and for a numeric fallback too", () => {
    const compiled = decideRetry({ retried: 0, retryDelay: compile("1e15") });
    expect(compiled).toMatchObject({ delayMs: 1e15 });
    expect(warnings(compiled)[0]?.span).toEqual({ start: 0, end: 0 });
    const fallback = decideRetry({ retried: 0, retryDelay: "sqrt(retried - 1)", normalization: { fallback: 2 ** 40 } });
    expect(fallback).toMatchObject({ delayMs: 2 ** 40, source: "fallback" });
    expect(warnings(fallback)).toHaveLength(1);
  });
});

describe("decideRetry: the host boundary", () => {
  const invalidArgument = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(RetryDelayError);
      const [d] = (error as RetryDelayError).diagnostics;
      expect(d?.code).toBe("invalid-argument");
      return d?.message ?? "";
    }
    throw new Error("did not throw");
  };
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const throwing = (fields: object, key: string) =>
    Object.defineProperty({ ...fields }, key, {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });

  it("turns a revoked Proxy anywhere in the input into invalid-argument", () => {
    expect(invalidArgument(() => decideRetry(revoked() as never))).toMatch(/^the decision input could not be read/);
    expect(invalidArgument(() => decideRetry({ retried: 0, response: revoked() }))).toMatch(/^input\.response could not be read/);
    expect(invalidArgument(() => decideRetry({ retried: 0, normalization: revoked() }))).toMatch(/^input\.normalization could not be read/);
    expect(invalidArgument(() => decideRetry({ retried: 0, cache: revoked() as never }))).toMatch(/^input\.cache could not be read/);
    expect(invalidArgument(() => decideRetry({ retried: 0, response: { headers: revoked() } }))).toMatch(/^the headers could not be read/);
  });

  it("turns a throwing getter or headers.get into invalid-argument", () => {
    expect(invalidArgument(() => decideRetry(throwing({ retried: 0 }, "retries") as never))).toBe(
      "the decision input could not be read: reading it threw: boom",
    );
    expect(invalidArgument(() => decideRetry({ retried: 0, response: throwing({}, "status") }))).toMatch(/boom/);
    const headers = {
      get() {
        throw new Error("boom");
      },
    };
    expect(invalidArgument(() => decideRetry({ retried: 0, response: { headers } }))).toMatch(/^the headers' get\("Retry-After"\) threw/);
  });

  it("reads each field once", () => {
    let reads = 0;
    const input = Object.defineProperty({ retryDelay: "1000" }, "retried", {
      enumerable: true,
      get() {
        reads++;
        return reads === 1 ? 0 : Number.NaN;
      },
    });
    expect(decideRetry(input as never)).toMatchObject({ action: "retry", delayMs: 1000 });
    expect(reads).toBe(1);
  });

  it("ignores fields inherited from a polluted Object.prototype", () => {
    const proto = Object.prototype as Record<string, unknown>;
    const planted = {
      retries: 0,
      retryDelay: "99999",
      normalization: { fallback: "nonsense" },
      response: { status: 489, headers: { "upstash-nonretryable-error": "true" } },
    };
    try {
      Object.assign(proto, planted);
      expect(decideRetry({ retried: 0 })).toMatchObject({ action: "retry", delayMs: 12_000, source: "default-backoff" });
    } finally {
      for (const key of Object.keys(planted)) delete proto[key];
    }
  });

  it("never calls a get planted on Object.prototype for a plain record of headers", () => {
    decideRetry({ retried: 0 }); // compiles the default backoff before the prototype is touched
    const proto = Object.prototype as Record<string, unknown>;
    let decision: RetryDecision | undefined;
    try {
      proto.get = () => "1";
      decision = decideRetry({ retried: 0, response: { headers: { "x-other": "1" } } });
    } finally {
      delete proto.get;
    }
    expect(decision).toMatchObject({ delayMs: 12_000, source: "default-backoff" });
  });

  it("still takes a Headers object, whose get lives on its prototype, and an own get", () => {
    expect(decideRetry({ retried: 0, response: { headers: new Headers({ "retry-after": "7" }) } })).toMatchObject({ delayMs: 7000 });
    expect(
      decideRetry({ retried: 0, response: { headers: { get: (name: string) => (name === "Retry-After" ? "8" : null) } } }),
    ).toMatchObject({ delayMs: 8000 });
  });
});
