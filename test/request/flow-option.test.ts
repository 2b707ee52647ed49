import { describe, expect, it } from "vitest";
import { buildPublishRequest, buildTriggerRequest } from "../../src/index.js";

/*
 * The flowControl option as a request builder reads it
 * (src/request/values/flow.ts): gaps the flow-control mutation sample found.
 */

const url = "https://example.com/wf";

describe("flowControl", () => {
  it("a bad key is an invalid-key error under flowControl.key", () => {
    const result = buildTriggerRequest({ url, flowControl: { key: "a b", rate: 1 } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "invalid-key",
        severity: "error",
        path: "flowControl.key",
        input: "a b",
        span: { start: 1, end: 2 },
      }),
    ]);
    expect(buildPublishRequest({ url, flowControl: { key: "é", rate: 1 } }).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["invalid-key", "flowControl.key"],
    ]);
  });

  it("an object that cannot be read says why, in the hint", () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error("no keys");
        },
      },
    );
    const [diagnostic] = buildTriggerRequest({ url, flowControl: hostile }).diagnostics;
    expect(diagnostic).toMatchObject({ code: "invalid-option-type", severity: "error", path: "flowControl" });
    expect(diagnostic?.hint).toMatch(/no keys/);
    expect(buildTriggerRequest({ url, flowControl: 5 as never }).diagnostics[0]).not.toHaveProperty("hint");
  });
});
