import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  checkFlowControl,
  checkFlowControlKey,
  checkResourceName,
  FLOW_CONTROL_CODES,
  parseFlowControlKey,
  parseFlowControlValue,
  RetryDelayError,
  toFlowControlOptions,
  tryFormatFlowControlValue,
  type FlowControlCode,
  type Result,
} from "../../src/index.js";
import { run } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { runInProcessWithCode } from "../cli/run.js";
import { propertyRuns } from "../setup.js";

/* The one result shape, the deprecated wrappers, the conversion and the CLI. */

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("one result shape", () => {
  it("types every checking function as Result over a literal union of codes", () => {
    expectTypeOf(parseFlowControlValue).returns.toExtend<Result<unknown, FlowControlCode>>();
    expectTypeOf(tryFormatFlowControlValue).returns.toEqualTypeOf<Result<string, FlowControlCode>>();
    expectTypeOf(parseFlowControlKey).returns.toEqualTypeOf<Result<string, FlowControlCode>>();
    // No `| string` leak: an arbitrary string is not a code.
    expectTypeOf<string>().not.toExtend<FlowControlCode>();
    expectTypeOf<FlowControlCode>().toEqualTypeOf<keyof typeof FLOW_CONTROL_CODES>();
  });

  it("reports a non-string value or a non-object option with the shared invalid-input code, never a throw", () => {
    for (const input of [undefined, null, 42, {}, ["rate=1"]]) {
      expect(parseFlowControlValue(input as never)).toEqual({
        ok: false,
        diagnostics: [expect.objectContaining({ code: "invalid-input", severity: "error", span: { start: 0, end: 0 } })],
      });
    }
    expect(parseFlowControlValue(42 as never).diagnostics[0]?.message).toBe("the flow-control value must be a string, not a number");
    for (const input of [undefined, null, "rate=1", 5]) {
      expect(tryFormatFlowControlValue(input as never)).toEqual({
        ok: false,
        diagnostics: [
          {
            code: "invalid-input",
            severity: "error",
            message: "flow control must be an object such as `{ key, parallelism, rate, period }`",
            span: { start: 0, end: 0 },
          },
        ],
      });
    }
    expect(FLOW_CONTROL_CODES["invalid-input"].severity).toBe("error");
  });

  it("tryFormatFlowControlValue: the value with its warnings, or the errors", () => {
    expect(tryFormatFlowControlValue({ key: "k", rate: 10, parallelism: 5, period: "1m" })).toEqual({
      ok: true,
      value: "parallelism=5, rate=10, period=1m",
      diagnostics: [],
    });
    expect(tryFormatFlowControlValue({ rate: 3 })).toEqual({
      ok: true,
      value: "rate=3",
      diagnostics: [
        {
          code: "missing-key",
          severity: "warning",
          message: "flow control has no `key`, so no flow-control headers are sent",
          span: { start: 0, end: 0 },
          hint: "add `key`: calls that share a key share the limits",
        },
      ],
    });
    expect(tryFormatFlowControlValue({ key: "k", rate: 1.5, parallelism: 2 })).toEqual({
      ok: false,
      diagnostics: [
        {
          code: "invalid-count",
          severity: "error",
          message: "`rate` must be a positive whole number, not 1.5",
          span: { start: 20, end: 23 },
        },
      ],
    });
    expect(tryFormatFlowControlValue({ key: "k", rate: 1, period: 1.5 }).diagnostics).toEqual([
      { code: "invalid-period", severity: "error", message: "a numeric `period` is whole seconds, not 1.5", span: { start: 15, end: 19 } },
    ]);
    expect(tryFormatFlowControlValue({ key: "k" })).toEqual({
      ok: false,
      diagnostics: [
        {
          code: "missing-limit",
          severity: "error",
          message: "Upstash-Flow-Control-Value should be either rate=X or parallelism=Y, or both as comma-separated values",
          span: { start: 0, end: 0 },
          hint: "add `parallelism`, `rate`, or both",
        },
      ],
    });
    // The deprecated alias is sent as the field it stands for.

    expect(tryFormatFlowControlValue({ key: "k", ratePerSecond: 7 })).toEqual({ ok: true, value: "rate=7", diagnostics: [] });
  });

  it("parseFlowControlKey: the key, or one invalid-key error", () => {
    expect(parseFlowControlKey("user-42")).toEqual({ ok: true, value: "user-42", diagnostics: [] });
    expect(parseFlowControlKey("user:42")).toEqual({
      ok: false,
      diagnostics: [
        {
          code: "invalid-key",
          severity: "error",
          message: "the flow-control key holds `:`; only letters, digits, `-`, `_` and `.` are allowed",
          span: { start: 4, end: 5 },
          hint: "e.g. `user-42`",
        },
      ],
    });
    expect(parseFlowControlKey("k".repeat(513)).diagnostics).toEqual([
      {
        code: "invalid-key",
        severity: "error",
        message: "the flow-control key is 513 characters long; the limit is 512",
        span: { start: 512, end: 513 },
      },
    ]);
    expect(parseFlowControlKey("").diagnostics[0]).toMatchObject({ code: "invalid-key", message: "the flow-control key is empty" });
    expect(parseFlowControlKey(7 as never).ok).toBe(false);
  });

  it("keeps the deprecated names as thin views of the new ones", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            key: fc.constantFrom("k", "a b"),
            parallelism: fc.integer({ min: -1, max: 5 }),
            rate: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(2.5)),
            period: fc.constantFrom("1m", 30, "8d"),
          },
          { requiredKeys: [] },
        ),
        (o) => {
          expect(checkFlowControl(o)).toEqual(tryFormatFlowControlValue(o).diagnostics);
        },
      ),
      { numRuns: propertyRuns(50) },
    );

    for (const key of ["user-42", "user:42", "", "ключ"]) expect(checkFlowControlKey(key)).toEqual(parseFlowControlKey(key).diagnostics);

    expect(checkResourceName("nightly run", "label")).toEqual([
      {
        code: "invalid-name",
        severity: "error",
        message: "the label holds U+0020; only letters, digits, `-`, `_` and `.` are allowed",
        span: { start: 7, end: 8 },
        hint: "e.g. `nightly-run`",
      },
    ]);

    expect(() => checkResourceName("x", 5 as never)).toThrow(RetryDelayError);
  });
});

describe("toFlowControlOptions", () => {
  it("writes the counts as given and a written period in canonical form", () => {
    expect(toFlowControlOptions({ parallelism: 20, rate: 10, periodMs: 60_000, periodGiven: true })).toEqual({
      parallelism: 20,
      rate: 10,
      period: "1m",
    });
    expect(toFlowControlOptions({ rate: 3, periodMs: 1000, periodGiven: false })).toEqual({ rate: 3 });
    expect(toFlowControlOptions({ parallelism: 1, periodMs: 5_400_000, periodGiven: true })).toEqual({ parallelism: 1, period: "1h30m" });
    expect(() => toFlowControlOptions(null as never)).toThrow(RetryDelayError);
  });
});

describe("the flow-control command", () => {
  const cli = (...args: string[]): { code: number; text: string } => runInProcessWithCode(["flow-control", ...args]);

  it("prints the warning with its suggestions, then the canonical form and meaning (as docs/flow-control.md shows)", () => {
    const { code, text } = cli("parallelism=2,period=60");
    expect(code).toBe(0);
    const docs = readFileSync(`${root}/docs/flow-control.md`, "utf8");
    const shown = /\$ retry-delay flow-control 'parallelism=2,period=60'\n([\s\S]*?)\n```/.exec(docs)?.[1];
    expect(text.trimEnd()).toBe(shown);
  });

  it("--json lists every count field of the table, null when absent", () => {
    const { text } = cli("period=90, rate=4", "--json");
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(doc).toMatchObject({
      valid: true,
      value: { parallelism: null, rate: 4, periodMs: 90_000, periodGiven: true },
      canonical: "rate=4, period=1m30s",
      meaning: "at most 4 calls started per 1m30s",
      diagnostics: [],
    });
    expect(Object.keys(doc.value as object)).toEqual(["parallelism", "rate", "periodMs", "periodGiven"]);
  });

  it("the request commands report the warning once, not once per parse", () => {
    const lines: string[] = [];
    const io: Io = {
      out: (t) => lines.push(t),
      err: (t) => lines.push(t),
      color: false,
      readStdin: () => "",
      stdinIsTty: () => true,
      now: () => 0,
    };
    run(
      ["publish", "--url", "https://example.com/x", "--flow-control-key", "k", "--flow-control", "parallelism=2,period=60", "--json"],
      io,
    );
    const doc = JSON.parse(lines.join("\n")) as { diagnostics: { code: string }[] };
    expect(doc.diagnostics.map((d) => d.code)).toEqual(["period-without-rate"]);
    lines.length = 0;
    run(["publish", "--url", "https://example.com/x", "--flow-control-key", "k", "--flow-control", "rate = 2", "--json"], io);
    expect((JSON.parse(lines.join("\n")) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual([
      "spaces-around-equals",
    ]);
  });
});
