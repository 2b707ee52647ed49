import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL, nameOf } from "../../src/request/rows.js";
import { rowsFor } from "../../src/request/table.js";
import { expectTableOptions, LEFT_OUT, optionSets, stringBody, type LeftOut } from "./option-generators.js";

/*
 * The differential tests' option sets come from the table: every row an
 * endpoint takes is generated under its SDK name, and a stale exclusion or
 * narrowing fails loudly instead of silently skipping a row.
 */

describe("optionSets", () => {
  it.each(ALL)("reaches every %s row of the table under its SDK name, and the required ones always", (endpoint) => {
    const rows = rowsFor(endpoint).filter((row) => !LEFT_OUT.get(row.option)?.endpoints.includes(endpoint));
    const seen = new Set<string>();
    for (const options of fc.sample(optionSets(endpoint), { numRuns: 300, seed: 7 })) {
      for (const key of Object.keys(options)) seen.add(key);
      for (const row of rows) if (row.required?.on.includes(endpoint)) expect(options).toHaveProperty([nameOf(row, endpoint)]);
    }
    expect([...seen].sort()).toEqual(rows.map((row) => nameOf(row, endpoint)).sort());
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

describe("LEFT_OUT, the one list of options a differential test skips", () => {
  it("names only options of the table, each with a reason and on endpoints that take it", () => {
    expect(() => {
      expectTableOptions(LEFT_OUT.keys(), "LEFT_OUT", LEFT_OUT);
    }).not.toThrow();
  });

  it("fails when an entry names an option the table no longer has, or an endpoint that never took it", () => {
    const gone = new Map<string, LeftOut>([["retryDelays", { endpoints: ["trigger"], why: "renamed" }]]);
    expect(() => {
      expectTableOptions(gone.keys(), "LEFT_OUT", gone);
    }).toThrow("LEFT_OUT names `retryDelays`, which OPTION_TABLE does not have");
    const elsewhere = new Map<string, LeftOut>([["cron", { endpoints: ["schedule", "trigger"], why: "an example" }]]);
    expect(() => {
      expectTableOptions(elsewhere.keys(), "LEFT_OUT", elsewhere);
    }).toThrow("leaves out `cron` on trigger");
    const silent = new Map<string, LeftOut>([["cron", { endpoints: ["schedule"], why: " " }]]);
    expect(() => {
      expectTableOptions(silent.keys(), "LEFT_OUT", silent);
    }).toThrow("without a reason");
  });
});
