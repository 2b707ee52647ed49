import { describe, expect, it } from "vitest";
import {
  buildPublishRequest,
  buildTriggerRequest,
  parseFlowControlValue,
  tryFormatFlowControlValue,
  type FlowControlOptions,
} from "../../src/index.js";

/*
 * Issue 18's regression corpus for flow control: every flow-control value in
 * Upstash's docs and SDK sources (as collected in the project's notes on
 * them), and every valid one in this project's tests and docs, stays clean:
 * no error and no warning. A new diagnostic that fires on any of them is a
 * false alarm.
 *
 * Left out on purpose: values the docs quote as failing (`{ period: "1m" }`
 * alone, zeros), and `parallelism` beside a `period` without `rate`, the
 * class issue 18 asks to warn about (combinations.test.ts).
 */

/** Header values, each with where it was seen. */
const HEADER_VALUES: readonly [string, string][] = [
  ["parallelism=5, rate=10, period=1m", "qstash-js test of the serialization; FACTS.md"],
  ["rate=10,parallelism=20,period=1m", "qstash/features/flowcontrol.mdx curl example"],
  ["rate=10", "flowcontrol.mdx curl example, lower-cased in 2025"],
  ["parallelism=10", "flowcontrol.mdx curl example, lower-cased in 2025"],
  ["rate=20,parallelism=10", "flowcontrol.mdx curl example, lower-cased in 2025"],
  ["rate=10, parallelism=20, period=1m", "flowcontrol.mdx: rate of 10 per minute, parallelism of 20, period of 1 minute"],
  ["rate=10, parallelism=20", "upstash/docs #410: rate of 10 per second and parallelism of 20"],
  ["rate=2, period=1m", "workflow/features/flow-control/rate-period.mdx example"],
  ["parallelism=7, rate=3, period=1m", "workflow/features/flow-control.mdx example"],
  ["parallelism=5, rate=10, period=10m", "workflow client trigger example"],
  ["parallelism=3, rate=3, period=1s", "qstash-js #240"],
  ["parallelism=3, rate=3, period=1s", "qstash-js #240 with period: 1 → 1s"],
  // This project's tests, docs, CLI docs and playground.
  ["rate=10, period=1m", "tests: trigger, CLI, curl"],
  ["rate=10,period=1m", "tests: CLI request commands"],
  ["rate=10,parallelism=20,period=60", "docs/cli.md example"],
  ["rate=10, parallelism=5, period=1m", "tests: expression stack"],
  ["parallelism=1", "tests"],
  ["parallelism=3", "tests"],
  ["parallelism=5", "tests"],
  ["parallelism=100", "tests"],
  ["rate=1", "tests"],
  ["rate=2", "tests"],
  ["rate=3", "tests"],
  ["rate=5", "tests; docs/flow-control.md"],
  ["period=30, rate=3", "tests: flow-control"],
  ["  rate=3 ,  period=1h30m  ", "tests: flow-control"],
  ["rate=1, period=7d", "tests: flow-control"],
  ["rate=2, period=30s", "docs/flow-control.md"],
];

/** The SDK's object form, each with where it was seen. */
const OPTION_VALUES: readonly [FlowControlOptions, string][] = [
  [{ key: "USER_GIVEN_KEY", rate: 10, parallelism: 5, period: "10m" }, "workflow client trigger example"],
  [{ key: "user-42", parallelism: 7, rate: 3, period: "1m" }, "workflow/features/flow-control.mdx example"],
  [{ key: "k", rate: 3, parallelism: 3, period: "1s" }, "qstash-js #240"],
  [{ key: "k", rate: 3, parallelism: 3, period: 1 }, "qstash-js #240"],
  [{ key: "k", parallelism: 5, rate: 10, period: "1m" }, "tests: format"],
  [{ key: "k", rate: 10 }, "tests"],
  [{ key: "k", parallelism: 10 }, "tests: plan limits"],
  [{ key: "user-42", rate: 10, period: "1m" }, "FlowControlOptions example"],
];

describe("Upstash's and the project's flow-control values stay clean", () => {
  it.each(HEADER_VALUES)("%j (%s)", (text) => {
    const result = parseFlowControlValue(text);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  it.each(OPTION_VALUES)("%j (%s)", (options) => {
    expect(tryFormatFlowControlValue(options).diagnostics).toEqual([]);
    expect(buildTriggerRequest({ url: "https://example.com/wf", flowControl: options }).diagnostics).toEqual([]);
    expect(buildPublishRequest({ url: "https://example.com/hook", flowControl: options }).diagnostics).toEqual([]);
  });

  it("refuses the docs' old capitalized keys (keys are case-sensitive here), and suggests the lower-case key", () => {
    // Until 2025-05-23 Upstash's curl examples read `Rate=10`; the docs now write lower case, and so does every SDK.
    for (const [text, suggestion] of [
      ["Rate=10", "rate"],
      ["Parallelism=10", "parallelism"],
    ] as const) {
      expect(parseFlowControlValue(text).diagnostics.map((d) => [d.code, d.hint])).toEqual([
        ["unknown-key", `did you mean \`${suggestion}\`?`],
      ]);
    }
  });
});
