// The bounded memo behind the builders' duration and flow-control checks: the
// same value checked again gives the same diagnostics under its own path, the
// kept results are frozen, and the memory held stays bounded.
import { describe, expect, it } from "vitest";
import { buildPublishRequest, buildTriggerRequest } from "../../src/index.js";
import { memoized } from "../../src/request/values/memo.js";

const url = "https://example.com/wf";

describe("memoized", () => {
  it("computes once per key, and again once the key has been pushed out", () => {
    let calls = 0;
    const square = memoized({ maxEntries: 2, maxKeyLength: 10 }, (n: number) => {
      calls++;
      return { n: n * n };
    });
    expect(square("3", 3)).toEqual({ n: 9 });
    expect(square("3", 3)).toBe(square("3", 3));
    expect(calls).toBe(1);
    square("4", 4);
    square("5", 5); // "3" is the oldest: out
    square("3", 3);
    expect(calls).toBe(4);
  });

  it("keeps nothing for a missing or over-long key", () => {
    let calls = 0;
    const id = memoized({ maxEntries: 8, maxKeyLength: 3 }, (s: string) => {
      calls++;
      return s;
    });
    id("long", "long");
    id("long", "long");
    id(undefined, "x");
    id(undefined, "x");
    expect(calls).toBe(4);
  });

  it("remembers undefined results too, and freezes the kept results deeply", () => {
    let calls = 0;
    const none = memoized({ maxEntries: 8, maxKeyLength: 8 }, () => {
      calls++;
      return undefined;
    });
    none("k", 0);
    none("k", 0);
    expect(calls).toBe(1);
    const nested = memoized({ maxEntries: 8, maxKeyLength: 8 }, () => ({ list: [{ span: { start: 0, end: 1 } }] }));
    const kept = nested("k", 0);
    expect(Object.isFrozen(kept.list[0]?.span)).toBe(true);
  });
});

describe("the builders' checks through the memo", () => {
  it("report a repeated duration under each option's own path", () => {
    const first = buildPublishRequest({ url, delay: "10x", timeout: "10x" }).diagnostics;
    const again = buildPublishRequest({ url, delay: "10x", timeout: "10x" }).diagnostics;
    expect(again).toEqual(first);
    expect(first.map((d) => d.path)).toEqual(["delay", "timeout"]);
  });

  it("tell flow-control fields apart by type, not by the text they print as", () => {
    const messages = (flowControl: object) =>
      buildTriggerRequest({ url, flowControl: { key: "k", ...flowControl } }).diagnostics.map((d) => d.message);
    expect(messages({ parallelism: 0 })).toEqual(["`parallelism` must be at least 1"]);
    expect(messages({ parallelism: "0" })).toEqual(["`parallelism` must be a positive whole number, not 0"]);
    expect(messages({ parallelism: 0 })).toEqual(["`parallelism` must be at least 1"]);
    expect(messages({ rate: 10, period: "1m" })).toEqual([]);
    expect(messages({ rate: "10", period: "1m" })).not.toEqual([]);
  });
});
