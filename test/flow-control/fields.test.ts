import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  describeFlowControl,
  FLOW_CONTROL_CODES,
  FLOW_CONTROL_LIMITS,
  formatDuration,
  formatFlowControlValue,
  parseFlowControlValue,
  toFlowControlOptions,
  tryFormatFlowControlValue,
  type FlowControlOptions,
  type FlowControlValue,
} from "../../src/index.js";
import { FLOW_CONTROL_FIELDS, type CountFieldName } from "../../src/tables.js";
import { COUNT_FIELDS, EXAMPLE_VALUE, OPTION_FIELDS, PERIOD_FIELD } from "../../src/flow-control/fields.js";
import { FLOW_CONTROL_OPTION_DOC, flowControlSchema } from "../../src/flow-control/schema.js";
import { OPTION_TABLE } from "../../src/request/table.js";
import { propertyRuns } from "../setup.js";

/*
 * The field table's invariants: every reader (parse, format, describe, the
 * option conversion, the schema, the docs) agrees with FLOW_CONTROL_FIELDS.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = propertyRuns(100);

describe("FLOW_CONTROL_FIELDS", () => {
  it("holds the three documented fields, in the SDK's order, with their limits", () => {
    expect(FLOW_CONTROL_FIELDS.map((f) => [f.name, f.kind])).toEqual([
      ["parallelism", "count"],
      ["rate", "count"],
      ["period", "period"],
    ]);
    expect(COUNT_FIELDS.map((f) => [f.min, f.max])).toEqual([
      [1, 2_147_483_647],
      [1, 2_147_483_647],
    ]);
    expect([PERIOD_FIELD.minMs, PERIOD_FIELD.maxMs, PERIOD_FIELD.defaultMs, PERIOD_FIELD.shapes]).toEqual([
      1000,
      604_800_000,
      1000,
      "rate",
    ]);
    expect(FLOW_CONTROL_FIELDS.map((f) => f.deprecatedOptions)).toEqual([[], ["ratePerSecond"], []]);
    expect(FLOW_CONTROL_LIMITS).toMatchObject({
      maxCount: 2_147_483_647,
      minPeriodMs: 1000,
      maxPeriodMs: 604_800_000,
      defaultPeriodMs: 1000,
    });
    expect(
      Object.isFrozen(FLOW_CONTROL_FIELDS) && FLOW_CONTROL_FIELDS.every((f) => Object.isFrozen(f) && Object.isFrozen(f.deprecatedOptions)),
    ).toBe(true);
  });

  it("derives the SDK's option list and the example value", () => {
    expect(OPTION_FIELDS).toEqual(["key", "parallelism", "rate", "ratePerSecond", "period"]);
    expect(EXAMPLE_VALUE).toBe("parallelism=5, rate=10, period=1m");
    expect(parseFlowControlValue(EXAMPLE_VALUE)).toEqual({
      ok: true,
      value: { parallelism: 5, rate: 10, periodMs: 60_000, periodGiven: true },
      diagnostics: [],
    });
  });

  it("types the counts from the table", () => {
    expectTypeOf<CountFieldName>().toEqualTypeOf<"parallelism" | "rate">();
    expectTypeOf<keyof FlowControlValue>().toEqualTypeOf<"parallelism" | "rate" | "periodMs" | "periodGiven">();
    // The deprecated alias is declared on the options type exactly as the table lists it.
    type Aliases = Exclude<keyof FlowControlOptions, "key" | (typeof FLOW_CONTROL_FIELDS)[number]["name"]>;
    expectTypeOf<Aliases>().toEqualTypeOf<(typeof FLOW_CONTROL_FIELDS)[number]["deprecatedOptions"][number]>();
  });

  it("is what the request table documents for `flowControl`", () => {
    const row = OPTION_TABLE.find((r) => r.option === "flowControl");
    expect(row?.doc).toBe(
      "`{ key, parallelism?, rate?, period? }`: calls that share a key share the limits. `ratePerSecond` is the deprecated name of `rate`.",
    );
    expect(row?.doc).toBe(FLOW_CONTROL_OPTION_DOC);
    const duration = { type: "string" };
    expect(flowControlSchema({ key: { type: "string", pattern: "k" }, duration })).toEqual({
      type: "object",
      properties: {
        key: { type: "string", pattern: "k" },
        parallelism: { type: "integer", minimum: 1 },
        rate: { type: "integer", minimum: 1 },
        ratePerSecond: { type: "integer", minimum: 1, deprecated: true },
        period: duration,
      },
      additionalProperties: false,
    });
  });
});

describe("docs/flow-control.md", () => {
  const docs = readFileSync(`${root}/docs/flow-control.md`, "utf8");
  const range = (f: (typeof FLOW_CONTROL_FIELDS)[number]): string =>
    f.kind === "count"
      ? `${f.min.toLocaleString("en-US")} … ${f.max.toLocaleString("en-US")}`
      : `${formatDuration(f.minMs)} … ${formatDuration(f.maxMs)}`;
  const option = (f: (typeof FLOW_CONTROL_FIELDS)[number]): string =>
    [`\`${f.name}\``, ...f.deprecatedOptions.map((a) => ` (deprecated: \`${a}\`)`)].join("");

  it("has one row per field of the table, with its option, doc, unit, range and default", () => {
    const rows = FLOW_CONTROL_FIELDS.map(
      (f) =>
        `| \`${f.name}\` | ${option(f)} | ${f.doc} | ${f.unit} | ${range(f)} | ${f.kind === "count" ? "unlimited" : formatDuration(f.defaultMs)} |`,
    );
    for (const row of rows) expect(docs).toContain(row);
    const documented = [...docs.matchAll(/^\| `([a-zA-Z]+)` \| `[a-zA-Z]+`/gm)].map((m) => m[1]);
    expect(documented).toEqual(FLOW_CONTROL_FIELDS.map((f) => f.name));
  });

  it("gives every new code an example", () => {
    for (const code of ["period-without-rate", "rate-per-second-with-period"] as const) {
      expect(FLOW_CONTROL_CODES[code].severity).toBe("warning");
      expect(docs).toContain(`### \`${code}\``);
      // A CLI transcript (`warning[code]`) or a checked run block whose result names the code (`// → "code"`).
      expect(docs).toMatch(new RegExp(`warning\\[${code}\\]|// → "${code}"`));
    }
  });
});

/** A value the table allows: each field absent or within its bounds, at least one count. */
const countValue = (f: (typeof COUNT_FIELDS)[number]) =>
  fc.option(fc.oneof(fc.integer({ min: f.min, max: f.max }), fc.constantFrom(f.min, f.max)), { nil: undefined });
const periodSeconds = fc.integer({ min: PERIOD_FIELD.minMs / 1000, max: PERIOD_FIELD.maxMs / 1000 });
const validValue: fc.Arbitrary<FlowControlValue> = fc
  .record({ counts: fc.tuple(...COUNT_FIELDS.map(countValue)), period: fc.option(periodSeconds, { nil: undefined }) })
  .filter(({ counts }) => counts.some((n) => n !== undefined))
  .map(({ counts, period }) => ({
    ...Object.fromEntries(COUNT_FIELDS.flatMap((f, i) => (counts[i] === undefined ? [] : [[f.name, counts[i]]]))),
    periodMs: period === undefined ? PERIOD_FIELD.defaultMs : period * 1000,
    periodGiven: period !== undefined,
  }));

describe("properties over the table", () => {
  it("format ∘ toOptions then parse gives the value back (round trip over generated values)", () => {
    fc.assert(
      fc.property(validValue, (value) => {
        const text = formatFlowControlValue(toFlowControlOptions(value));
        const parsed = parseFlowControlValue(text);
        expect(parsed.ok && parsed.value).toEqual(value);
        // Canonical: formatting the parse again writes the same text.
        if (parsed.ok) expect(formatFlowControlValue(toFlowControlOptions(parsed.value))).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it("parse accepts the fields in any order and spacing, to the same value", () => {
    fc.assert(
      fc.property(validValue, fc.infiniteStream(fc.constantFrom("", " ", "  ")), fc.integer({ min: 0, max: 5 }), (value, spaces, turn) => {
        const parts = formatFlowControlValue(toFlowControlOptions(value)).split(", ");
        const rotated = [...parts.slice(turn % parts.length), ...parts.slice(0, turn % parts.length)];
        const text = rotated.map((p) => `${spaces.next().value as string}${p}${spaces.next().value as string}`).join(",");
        const parsed = parseFlowControlValue(text);
        expect(parsed.ok && parsed.value).toEqual(value);
      }),
      { numRuns: RUNS },
    );
  });

  it("describes every field that is set, and warns exactly when the period has no rate to shape", () => {
    fc.assert(
      fc.property(validValue, (value) => {
        const text = describeFlowControl(value);
        for (const f of COUNT_FIELDS) {
          const n = value[f.name];
          if (n === undefined) continue;
          expect(text).toContain(`at most ${n} ${n === 1 ? "call" : "calls"} ${f.reading.replace("{period}", "")}`);
        }
        const idle = value.periodGiven && value.rate === undefined;
        expect(text.includes("has no effect without `rate`")).toBe(idle);
        const codes = parseFlowControlValue(formatFlowControlValue(toFlowControlOptions(value))).diagnostics.map((d) => d.code);
        expect(codes).toEqual(idle ? ["period-without-rate"] : []);
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses each count just outside its bounds, and each period outside its window", () => {
    for (const f of COUNT_FIELDS) {
      for (const n of [f.min - 1, f.max + 1])
        expect(parseFlowControlValue(`${f.name}=${n}`).diagnostics.map((d) => d.code)).toEqual(["invalid-count"]);
      for (const n of [f.min, f.max]) expect(parseFlowControlValue(`${f.name}=${n}`).ok).toBe(true);
    }
    const seconds = (ms: number): string => `rate=1, period=${ms / 1000}`;
    expect(parseFlowControlValue(seconds(PERIOD_FIELD.minMs - 1000)).diagnostics.map((d) => d.code)).toEqual(["invalid-period"]);
    expect(parseFlowControlValue(seconds(PERIOD_FIELD.maxMs + 1000)).diagnostics.map((d) => d.code)).toEqual(["invalid-period"]);
    expect(parseFlowControlValue(seconds(PERIOD_FIELD.maxMs)).ok).toBe(true);
  });

  it("tryFormat and format agree: ok exactly when format returns, with the same text", () => {
    const options = fc.record(
      {
        key: fc.constantFrom("k", "user-42"),
        parallelism: fc.oneof(fc.integer({ min: -1, max: 30 }), fc.constant(1.5)),
        rate: fc.integer({ min: 0, max: 30 }),
        ratePerSecond: fc.integer({ min: 1, max: 30 }),
        period: fc.oneof(fc.integer({ min: 0, max: 700_000 }), fc.constantFrom("1m", "7d", "8d", "", "1.5h", 2.5)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(options, (o) => {
        const tried = tryFormatFlowControlValue(o);
        let formatted: string | undefined;
        try {
          formatted = formatFlowControlValue(o);
        } catch {
          formatted = undefined;
        }
        expect(tried.ok ? tried.value : undefined).toBe(formatted);
        expect(tried.ok).toBe(!tried.diagnostics.some((d) => d.severity === "error"));
      }),
      { numRuns: RUNS },
    );
  });
});
