import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import got from "got";
import ky from "ky";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gotCalculateDelay, retryDelayHook, RetryDelayError } from "../../src/index.js";

/*
 * The hooks against the real retry libraries (ky 1 and got 14, their last
 * Node-20 majors), on a loopback server that fails each path a set number of
 * times, recording when each attempt arrives.
 */

let server: Server;
let base = "";
const arrivals = new Map<string, number[]>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const failures = Number(url.searchParams.get("fail") ?? "0");
    const times = arrivals.get(url.pathname) ?? [];
    times.push(performance.now());
    arrivals.set(url.pathname, times);
    response.statusCode = times.length <= failures ? 503 : 200;
    response.end(response.statusCode === 200 ? "ok" : "try again");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/**
 * Timers only run late, never early. How late depends on the machine's load:
 * 200 ms was enough on a quiet machine and 440 ms short at load 19 on two
 * cores. A delay read as seconds instead of milliseconds (40 s) still fails.
 */
const LATE_MS = 1000;

/** Gaps between consecutive arrivals, in ms. */
const gaps = (path: string): number[] => {
  const times = arrivals.get(path) ?? [];
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
};

describe("retryDelayHook", () => {
  it("maps the 1-based attempt to retried = attempt - 1, normalized", () => {
    const hook = retryDelayHook("pow(2, retried) * 1000");
    expect([1, 2, 3, 4].map(hook)).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayHook("1000 - 600 * retried")(3)).toBe(0);
    expect(retryDelayHook()(1)).toBe(12_000);
  });

  it("throws RetryDelayError for an invalid expression when it is made", () => {
    expect(() => retryDelayHook("pow(2, retries)")).toThrow(RetryDelayError);
  });

  it("drives ky's retry.delay (attemptCount starts at 1)", async () => {
    const path = "/ky";
    const text = await ky(`${base}${path}?fail=3`, { retry: { limit: 3, delay: retryDelayHook("40 * (1 + retried)") } }).text();
    expect(text).toBe("ok");
    const observed = gaps(path);
    expect(observed).toHaveLength(3);
    // The schedule is 40, 80, 120 ms.
    [40, 80, 120].forEach((expected, i) => {
      expect(observed[i]).toBeGreaterThanOrEqual(expected - 2);
      expect(observed[i]).toBeLessThan(expected + LATE_MS);
    });
  });

  it("drives got's retry.calculateDelay, and keeps got's own decision not to retry", async () => {
    const path = "/got";
    const response = await got(`${base}${path}?fail=2`, { retry: { limit: 2, calculateDelay: gotCalculateDelay("50 * pow(2, retried)") } });
    expect(response.body).toBe("ok");
    const observed = gaps(path);
    expect(observed).toHaveLength(2);
    [50, 100].forEach((expected, i) => {
      expect(observed[i]).toBeGreaterThanOrEqual(expected - 2);
      expect(observed[i]).toBeLessThan(expected + LATE_MS);
    });
    // Past the limit got computes 0, and the hook passes that on: no third retry.
    const exhausted = await got(`${base}/got-limit?fail=5`, {
      retry: { limit: 1, calculateDelay: gotCalculateDelay("10") },
      throwHttpErrors: false,
    });
    expect(exhausted.statusCode).toBe(503);
    expect(arrivals.get("/got-limit")).toHaveLength(2);
  });

  it("never returns 0 to got for a 0 ms delay, since got reads 0 as 'stop'", () => {
    expect(gotCalculateDelay("0")({ attemptCount: 1, computedValue: 1000 })).toBe(1);
    expect(gotCalculateDelay("0")({ attemptCount: 1, computedValue: 0 })).toBe(0);
  });
});
