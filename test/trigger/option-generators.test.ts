import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../src/request/context.js";
import { ALL, nameOf } from "../../src/request/rows.js";
import { rowsFor } from "../../src/request/table.js";
import { expectTableOptions, headerOptionSets, LEFT_OUT, optionSets, stringBody, type LeftOut, type Suite } from "./option-generators.js";

const skips = (suite: Suite, option: string, endpoint: Endpoint): boolean =>
  (LEFT_OUT.get(option) ?? []).some((entry) => entry.suite === suite && entry.endpoints.includes(endpoint));

/*
 * The differential tests' option sets come from the table: every row an
 * endpoint takes is generated under its SDK name, and a stale exclusion or
 * narrowing fails loudly instead of silently skipping a row.
 */

describe("optionSets", () => {
  it.each(ALL)("reaches every %s row of the table under its SDK name, and the required ones always", (endpoint) => {
    const rows = rowsFor(endpoint).filter((row) => !skips("differential", row.option, endpoint));
    const seen = new Set<string>();
    for (const options of fc.sample(optionSets(endpoint), { numRuns: 300, seed: 7 })) {
      for (const key of Object.keys(options)) seen.add(key);
      for (const row of rows) if (row.required?.on.includes(endpoint)) expect(options).toHaveProperty([nameOf(row, endpoint)]);
    }
    expect([...seen].sort()).toEqual(rows.map((row) => nameOf(row, endpoint)).sort());
  });

  it.each(ALL)("for the round trip, reaches every %s row that travels in headers, less what LEFT_OUT names", (endpoint) => {
    const rows = rowsFor(endpoint).filter(
      (row) => (row.kind === "header" || row.place === "headers") && !skips("round trip", row.option, endpoint),
    );
    const every = new Map(rows.map((row) => [row.option, fc.constant(1)]));
    const seen = new Set<string>();
    for (const options of fc.sample(headerOptionSets(endpoint, every, "a test's map"), { numRuns: 100, seed: 7 }))
      for (const key of Object.keys(options)) seen.add(key);
    expect([...seen].sort()).toEqual(rows.map((row) => nameOf(row, endpoint)).sort());
    expect(() => headerOptionSets(endpoint, new Map(), "a test's map")).toThrow(/no generator for the option .* add one to a test's map/);
  });

  it("names schedules' URL `destination`, as schedules.create does", () => {
    const [options] = fc.sample(optionSets("schedule"), { numRuns: 1, seed: 1 });
    expect(options).toHaveProperty(["destination"]);
    expect(options).not.toHaveProperty(["url"]);
  });

  it("narrows one option for one SDK call, and refuses a narrowing the endpoint does not take", () => {
    for (const options of fc.sample(optionSets("publish", { body: stringBody }), { numRuns: 50, seed: 3 }))
      expect(["string", "undefined"]).toContain(typeof options.body);
    expect(() => optionSets("publish", { cron: stringBody })).toThrow(/cron.*publish does not take/);
    expect(() => optionSets("publish", { retryDelays: stringBody })).toThrow(/retryDelays/);
  });
});

describe("LEFT_OUT, the one list of options a suite skips", () => {
  it("names only options of the table, each with a reason and on endpoints that take it", () => {
    expect(() => {
      expectTableOptions(LEFT_OUT.keys(), "LEFT_OUT", LEFT_OUT);
    }).not.toThrow();
  });

  it("fails when an entry names an option the table no longer has, or an endpoint that never took it", () => {
    const gone = new Map<string, LeftOut[]>([["retryDelays", [{ suite: "differential", endpoints: ["trigger"], why: "renamed" }]]]);
    expect(() => {
      expectTableOptions(gone.keys(), "LEFT_OUT", gone);
    }).toThrow("LEFT_OUT names `retryDelays`, which OPTION_TABLE does not have");
    const elsewhere = new Map<string, LeftOut[]>([
      ["cron", [{ suite: "round trip", endpoints: ["schedule", "trigger"], why: "an example" }]],
    ]);
    expect(() => {
      expectTableOptions(elsewhere.keys(), "LEFT_OUT", elsewhere);
    }).toThrow("leaves out `cron` on trigger");
    const silent = new Map<string, LeftOut[]>([["cron", [{ suite: "differential", endpoints: ["schedule"], why: " " }]]]);
    expect(() => {
      expectTableOptions(silent.keys(), "LEFT_OUT", silent);
    }).toThrow("without a reason");
  });
});
