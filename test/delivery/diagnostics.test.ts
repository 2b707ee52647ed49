import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SCENARIO_FIELDS } from "../../src/delivery/scenario.js";
import { simulateWith } from "../../src/delivery/simulate.js";
import { simulateDelivery, type DeliveryScenario } from "../../src/index.js";
import { DELIVERY_CODES, DELIVERY_LIMITS } from "../../src/tables.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function problems(scenario: unknown): [string, string, string][] {
  const result = simulateDelivery(scenario as DeliveryScenario);
  return result.diagnostics.map((d) => [d.severity, d.code, d.path]);
}

describe("invalid scenarios get diagnostics with the path of the bad field", () => {
  it.each<[string, unknown, [string, string, string][]]>([
    ["not an object", 42, [["error", "invalid-scenario", ""]]],
    ["no arrivals", {}, [["error", "missing-arrivals", "arrivals"]]],
    ["a negative count", { arrivals: { count: -1 } }, [["error", "invalid-arrivals", "arrivals.count"]]],
    ["count and times", { arrivals: { count: 1, times: [0] } }, [["error", "invalid-arrivals", "arrivals"]]],
    ["a bad time", { arrivals: { times: [0, -5] } }, [["error", "invalid-arrivals", "arrivals.times[1]"]]],
    ["an arrival rate of 0", { arrivals: { count: 3, rate: 0 } }, [["error", "invalid-arrivals", "arrivals.rate"]]],
    [
      "a bad flow-control value",
      { arrivals: { count: 1 }, flowControl: "rate=10, period=1x" },
      [["error", "invalid-period", "flowControl"]],
    ],
    ["flow control with no limit", { arrivals: { count: 1 }, flowControl: { period: "1m" } }, [["error", "missing-limit", "flowControl"]]],
    ["a bad expression", { arrivals: { count: 1 }, retryDelay: "Pow(2, retried)" }, [["error", "unknown-function", "retryDelay"]]],
    ["too many retries", { arrivals: { count: 1 }, retries: 1001 }, [["error", "invalid-retries", "retries"]]],
    ["a bad delay", { arrivals: { count: 1 }, delay: "10" }, [["error", "missing-unit", "delay"]]],
    [
      "a bad handler duration",
      { arrivals: { count: 1 }, endpoint: { duration: "2 s" } },
      [["error", "unexpected-character", "endpoint.duration"]],
    ],
    [
      "a bad distribution",
      { arrivals: { count: 1 }, endpoint: { duration: { distribution: "uniform", min: "3s", max: "1s" } } },
      [["error", "invalid-duration", "endpoint.duration.max"]],
    ],
    [
      "a percentage for a probability",
      { arrivals: { count: 1 }, endpoint: { failures: [{ probability: 10 }] } },
      [["error", "invalid-probability", "endpoint.failures[0].probability"]],
    ],
    [
      "probabilities over 1",
      { arrivals: { count: 1 }, endpoint: { failures: [{ probability: 0.6 }, { probability: 0.6, status: 429 }] } },
      [["error", "invalid-probability", "endpoint.failures"]],
    ],
    ["a bad status", { arrivals: { count: 1 }, endpoint: { script: [700] } }, [["error", "invalid-status", "endpoint.script[0]"]]],
    [
      "a bad Retry-After",
      { arrivals: { count: 1 }, endpoint: { script: [{ status: 429, retryAfter: "soon" }] } },
      [["error", "invalid-retry-after", "endpoint.script[0].retryAfter"]],
    ],
    ["a bad model choice", { arrivals: { count: 1 }, model: { window: "rolling" } }, [["error", "invalid-model", "model.window"]]],
    ["a bad seed", { arrivals: { count: 1 }, seed: -1 }, [["error", "invalid-seed", "seed"]]],
    [
      "too many snapshots",
      { arrivals: { count: 1 }, output: { snapshots: Array.from({ length: 101 }, () => "1s") } },
      [["error", "invalid-output", "output.snapshots"]],
    ],
    ["an unknown field (warning, with a suggestion)", { arrivals: { count: 1 }, retry: 3 }, [["warning", "unknown-field", "retry"]]],
  ])("%s", (_, scenario, expected) => {
    expect(problems(scenario)).toEqual(expected);
  });

  it("suggests the closest field or choice", () => {
    const result = simulateDelivery({ arrivals: { count: 1 }, retrys: 3, model: { window: "Fixed" } } as never);
    expect(result.diagnostics.map((d) => d.hint)).toEqual(["did you mean `retries`?", "did you mean `fixed`?"]);
  });

  it("caps runs, work and events, and says so", () => {
    expect(problems({ arrivals: { count: DELIVERY_LIMITS.maxRuns + 1 } })).toEqual([["error", "too-many-runs", "arrivals.count"]]);
    expect(problems({ arrivals: { times: new Array(DELIVERY_LIMITS.maxRuns + 1).fill(0) } })).toEqual([
      ["error", "too-many-runs", "arrivals.times"],
    ]);
    const truncated = simulateDelivery({ arrivals: { count: 10 }, output: { events: true, maxEvents: 5 } });
    expect(truncated.ok && truncated.value.events?.length).toBe(5);
    expect(truncated.diagnostics.map((d) => [d.code, d.severity])).toEqual([["events-truncated", "warning"]]);
    expect(problems({ arrivals: { count: 1 }, retries: 3, retryDelay: "1e300", endpoint: { script: [500] } })).toEqual([
      ["error", "time-out-of-range", "retryDelay"],
    ]);
  });

  it("stops at the work limit instead of running on", () => {
    // 1,000 runs × 1,001 attempts, against a limit lowered to 10,000 calls (the real one, 10^7, takes seconds to reach).
    const result = simulateWith(
      { arrivals: { count: 1000 }, retries: 1000, retryDelay: "0", endpoint: { duration: 0, failures: [{ probability: 1 }] } },
      { maxAttempts: 10_000 },
    );
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([["error", "too-much-work", "arrivals"]]);
    expect(DELIVERY_LIMITS.maxAttempts).toBe(10_000_000);
  });
});

describe("the scenario is untrusted input", () => {
  it("reads own fields only: a polluted Object.prototype changes nothing", () => {
    const clean = simulateDelivery({ arrivals: { count: 5 }, flowControl: "parallelism=1" });
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.retries = 1000;
      proto.endpoint = { script: [500] };
      proto.model = { window: "sliding" };
      expect(simulateDelivery({ arrivals: { count: 5 }, flowControl: "parallelism=1" })).toEqual(clean);
    } finally {
      delete proto.retries;
      delete proto.endpoint;
      delete proto.model;
    }
  });

  it("turns throwing getters and revoked proxies into diagnostics", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(problems({ arrivals: proxy })).toEqual([["error", "invalid-scenario", "arrivals"]]);
    const hostile = Object.defineProperty({ count: 1 }, "rate", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(problems({ arrivals: hostile })).toEqual([["error", "invalid-scenario", "arrivals"]]);
  });
});

describe("docs/delivery.md", () => {
  const read = (): string => readFileSync(`${root}/docs/delivery.md`, "utf8");
  it("documents exactly the codes that exist, each with its severity", () => {
    const text = read();
    for (const [code, { severity }] of Object.entries(DELIVERY_CODES))
      expect(text, code).toMatch(new RegExp(`^\\| \`${code}\` \\| ${severity} \\|`, "m"));
    const documented = [...text.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info) \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(DELIVERY_CODES).sort());
  });

  it("documents every scenario field", () => {
    const text = read();
    for (const field of SCENARIO_FIELDS) expect(text, field).toMatch(new RegExp(`^\\| \`${field}\` \\|`, "m"));
  });
});
