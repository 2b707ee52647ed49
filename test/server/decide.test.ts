import { describe, expect, it } from "vitest";
import { compile, createCompileCache, decideRetry } from "../../src/index.js";

describe("decideRetry: the decision table", () => {
  it("1. gives up on 489 with Upstash-NonRetryable-Error: true, before anything else", () => {
    expect(decideRetry({ retried: 0, retries: 5, response: { status: 489, headers: new Headers({ "upstash-nonretryable-error": "true", "retry-after": "5" }) } })).toMatchObject({ action: "give-up", reason: "non-retryable" });
    expect(decideRetry({ retried: 0, retries: 5, response: { status: 489, headers: { "Upstash-NonRetryable-Error": "TRUE" } } })).toMatchObject({ reason: "non-retryable" });
    // 489 alone, or the header alone, is an ordinary failure.
    expect(decideRetry({ retried: 0, response: { status: 489 } })).toMatchObject({ action: "retry" });
    expect(decideRetry({ retried: 0, response: { status: 500, headers: { "upstash-nonretryable-error": "true" } } })).toMatchObject({ action: "retry" });
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
    expect(decideRetry({ retried: 0, retryDelay: "1000", response: { status: 429, headers: { "retry-after": "30" } } })).toMatchObject({ action: "retry", delayMs: 30_000, source: "retry-after", header: "Retry-After" });
    expect(decideRetry({ retried: 0, response: { status: 429, headers: { "x-ratelimit-reset-requests": "1m30s" } } })).toMatchObject({ delayMs: 90_000, header: "X-RateLimit-Reset-Requests" });
    const now = Date.UTC(2026, 10, 23, 8, 0, 0);
    expect(decideRetry({ retried: 0, now, response: { headers: { "retry-after": "Mon, 23 Nov 2026 08:01:00 GMT" } } })).toMatchObject({ delayMs: 60_000 });
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
    expect(decideRetry({ retried: 2, retries: 5, retryDelay: "pow(2, retried) * 1000" })).toMatchObject({ delayMs: 4000, source: "expression" });
    expect(decideRetry({ retried: 2, retries: 5, retryDelay: compile("1000 - 600 * retried") })).toMatchObject({ delayMs: 0, source: "expression" });
    expect(decideRetry({ retried: 0, retryDelay: "sqrt(retried - 1)" })).toMatchObject({ delayMs: 12_000, source: "fallback" });
  });

  it("6. falls back to Upstash's default backoff", () => {
    expect([0, 1, 2, 3, 4].map((retried) => decideRetry({ retried, retries: 10 })).map((d) => d.action === "retry" && d.delayMs)).toEqual([12_000, 148_000, 1_808_000, 22_026_000, 86_400_000]);
  });

  it("compiles through the given cache", () => {
    const cache = createCompileCache();
    decideRetry({ retried: 0, retryDelay: "1000", cache });
    decideRetry({ retried: 1, retryDelay: "1000", cache });
    expect(cache.stats()).toMatchObject({ misses: 1, hits: 1 });
  });

  it("never throws on hostile input", () => {
    for (const input of [{ retried: Number.NaN }, { retried: 0, retryDelay: 42 }, { retried: 0, response: { headers: null } }, { retried: 0, response: { headers: { "retry-after": 5 } } }]) {
      expect(() => decideRetry(input as never)).not.toThrow();
    }
  });
});
