import { describe, expect, it } from "vitest";
import { buildPublishRequest, buildTriggerRequest, parseRequestHeaders } from "../../src/index.js";

/*
 * Survivors of the whole flow-control mutation run in
 * src/request/values/flow.ts (docs/mutation-testing.md): the flowControl
 * option's diagnostics, compared whole.
 */

const url = "https://example.com/wf";
const keyHint = "add `key`: calls that share a key share the limits";

describe("flowControl diagnostics, whole", () => {
  it("an empty period is left out, with a note", () => {
    const result = buildTriggerRequest({ url, flowControl: { key: "k", rate: 1, period: "" } });
    expect(result.ok && result.value.headers["Upstash-Flow-Control-Value"]).toBe("rate=1");
    expect(result.diagnostics).toStrictEqual([
      {
        code: "empty-value-omitted",
        severity: "info",
        message: "an empty `flowControl.period` is not sent",
        span: { start: 0, end: 0 },
        path: "flowControl.period",
        input: "",
        hint: "leave `period` out to say the same",
      },
    ]);
  });

  it("an unknown field is a warning that lists the fields", () => {
    expect(buildTriggerRequest({ url, flowControl: { key: "k", rate: 1, foo: 1 } as never }).diagnostics).toStrictEqual([
      {
        code: "unknown-option",
        severity: "warning",
        message: "unknown option `flowControl.foo`; the SDKs ignore it",
        span: { start: 0, end: 3 },
        path: "flowControl.foo",
        input: "foo",
        hint: "the fields are `key`, `parallelism`, `rate` and `period`",
      },
    ]);
  });

  it("no key: an error for a workflow trigger, a warning for a publish", () => {
    expect(buildTriggerRequest({ url, flowControl: { rate: 1 } }).diagnostics).toStrictEqual([
      {
        code: "keyless-flow-control",
        severity: "error",
        message: "`flowControl` has no `key`; @upstash/workflow would send the key `undefined`",
        span: { start: 0, end: 0 },
        path: "flowControl.key",
        input: "",
        hint: keyHint,
      },
    ]);
    expect(buildPublishRequest({ url, flowControl: { rate: 1 } }).diagnostics).toStrictEqual([
      {
        code: "keyless-flow-control",
        severity: "warning",
        message: "`flowControl` has no `key`, so no flow-control headers are sent (as qstash-js does)",
        span: { start: 0, end: 0 },
        path: "flowControl.key",
        input: "",
        hint: keyHint,
      },
    ]);
  });

  // It used to say "the flow-control key is empty": the type is wrong, not the length.
  it("a key that is no string is refused, shown as the value it is", () => {
    const result = buildPublishRequest({ url, flowControl: { key: 5 as never, rate: 1 } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toStrictEqual([
      {
        code: "invalid-key",
        severity: "error",
        message: "the flow-control key must be a string, not 5",
        span: { start: 0, end: 0 },
        hint: "use letters, digits, `-`, `_` and `.`, e.g. `user-42`",
        path: "flowControl.key",
        input: "5",
      },
    ]);
  });

  it("parallelism over the plan's limit is a warning with the pricing page", () => {
    const diagnostics = buildPublishRequest({ url, flowControl: { key: "k", parallelism: 5000 } }, { plan: "free" }).diagnostics;
    expect(diagnostics.filter((d) => d.code === "parallelism-over-plan-limit")).toStrictEqual([
      expect.objectContaining({
        severity: "warning",
        path: "flowControl.parallelism",
        input: "5000",
        hint: "the account-wide limit caps it (upstash.com/pricing/qstash)",
      }),
    ]);
  });

  it("a parallelism that is no number is a type error only, never compared with the plan", () => {
    const diagnostics = buildPublishRequest({ url, flowControl: { key: "k", parallelism: "5000" as never } }, { plan: "free" }).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(["invalid-count"]);
  });

  it("a bad Upstash-Flow-Control-Key header is an invalid-key error", () => {
    const result = parseRequestHeaders(
      { "Upstash-Flow-Control-Key": "a b", "Upstash-Flow-Control-Value": "rate=1" },
      { endpoint: "publish" },
    );
    expect(result.diagnostics).toStrictEqual([
      expect.objectContaining({
        code: "invalid-key",
        severity: "error",
        message: "the flow-control key holds U+0020; only letters, digits, `-`, `_` and `.` are allowed",
        hint: "e.g. `a-b`",
        span: { start: 1, end: 2 },
      }),
    ]);
  });
});
