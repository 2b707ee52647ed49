import { describe, expect, it } from "vitest";
import { buildPublishRequest, buildTriggerRequest } from "../../src/index.js";
import { cpuTime } from "../support/cpu-time.js";

/* Bugs the SDK differential tests found, each kept as the failing case. */

const url = "https://example.com/wf";
const now = 1_900_000_000_000;

describe("found by the SDK differential tests", () => {
  it("a duration string with edge spaces is trimmed as Headers trims it, with a warning (was refused)", () => {
    const built = buildTriggerRequest({ url, delay: " 10s " }, { now });
    expect(built.request?.headers["Upstash-Delay"]).toBe("10s");
    expect(built.diagnostics.map((d) => d.code)).toEqual(["header-value-trimmed"]);
    expect(buildPublishRequest({ url, timeout: " 30s " }).request?.headers["Upstash-Timeout"]).toBe("30s");
  });

  it('flowControl.period "" is left out, as both SDKs do (was refused)', () => {
    const built = buildTriggerRequest({ url, flowControl: { key: "k", rate: 1, period: "" } }, { now });
    expect(built.request?.headers["Upstash-Flow-Control-Value"]).toBe("rate=1");
    expect(built.diagnostics.map((d) => d.code)).toEqual(["empty-value-omitted"]);
  });

  it("an empty Content-Type on a trigger is not sent raw: @upstash/workflow falls back to JSON (we sent `Content-Type: `)", () => {
    const built = buildTriggerRequest({ url, headers: { "Content-Type": "" } }, { now });
    expect(built.request?.headers).not.toHaveProperty(["Content-Type"]);
    expect(built.request?.headers["Upstash-Forward-Content-Type"]).toBe("");
  });

  it("a qstash string label with edge spaces is trimmed as Headers trims it (was refused); a trigger's is still refused, as the SDK throws", () => {
    const built = buildPublishRequest({ url, label: " lab " });
    expect(built.request?.headers["Upstash-Label"]).toBe("lab");
    expect(built.diagnostics.map((d) => d.code)).toEqual(["header-value-trimmed"]);
    expect(buildTriggerRequest({ url, label: " lab " }).ok).toBe(false);
  });
});

describe("found by the fuzz harness (test/fuzz/corpus/options-105524fd1c79.json)", () => {
  it("trimming a value with a long interior run of spaces is linear (the edge regex was quadratic)", () => {
    const value = `a${" ".repeat(200_000)}b`;
    const { value: built, ms } = cpuTime(() =>
      buildTriggerRequest({ url, headers: { "x-a": value }, delay: ` 1s${" ".repeat(20_000)}` }, { now }),
    );
    // 20,000 spaces took ~340 ms with the regex, so 200,000 would take about half a minute; the
    // scan takes a few milliseconds. The bound is far from both, so a loaded machine cannot flake it.
    expect(ms).toBeLessThan(1000);
    expect(built.request?.headers["Upstash-Forward-x-a"]).toBe(value);
  });
});

describe("found by the fuzz harness (test/fuzz/corpus/options-1eff4d58e59b.json)", () => {
  it("a URL holding NUL or another control character is refused: it would be written into the request line", () => {
    for (const bad of ["https://a.example/\u0000", "https://a.example/\u007f", "https://a.example/a\u0001b"]) {
      const built = buildTriggerRequest({ url: bad }, { now });
      expect(built.ok).toBe(false);
      expect(built.diagnostics.map((d) => d.code)).toEqual(["invalid-url"]);
      expect(buildPublishRequest({ url, callback: bad }).diagnostics.map((d) => d.code)).toEqual(["invalid-url"]);
    }
  });
});
