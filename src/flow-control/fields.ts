/*
 * The one table of flow-control fields. The parser, the formatter, the
 * describer, the option checker, the CLI, the request builders, the JSON
 * Schema and the docs' field table all read these rows; adding a field is
 * one row here (plus tests).
 */

/** A field that counts calls: a whole number from `min` to `max`, unlimited when absent. */
export interface CountField {
  readonly kind: "count";
  /** The key in `Upstash-Flow-Control-Value`, and the SDK's option of the same name. */
  readonly name: string;
  /** Older SDK option names for the same field; the SDKs send `name ?? alias`. */
  readonly deprecatedOptions: readonly string[];
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  /** What the number limits, after "N calls": `in flight at once`; `{period}` stands for the window. */
  readonly reading: string;
  /** One line for the docs and the API reference. */
  readonly doc: string;
  /** A value for examples and hints. */
  readonly example: number;
}

/** The window field: a duration, or a bare whole number of seconds. */
export interface PeriodField {
  readonly kind: "period";
  readonly name: string;
  readonly deprecatedOptions: readonly string[];
  readonly minMs: number;
  readonly maxMs: number;
  readonly defaultMs: number;
  /** The maximum in words, as Upstash's docs give it. */
  readonly maxLabel: string;
  readonly unit: string;
  /** The field this one only shapes: without it, this one has no effect. */
  readonly shapes: string;
  readonly doc: string;
  readonly example: string;
}

export type FlowControlField = CountField | PeriodField;

/** The rows, frozen all the way down: no caller can change a limit the parsers read. */
function frozen<T extends readonly FlowControlField[]>(rows: T): T {
  for (const row of rows) Object.freeze(Object.freeze(row).deprecatedOptions);
  return Object.freeze(rows);
}

/**
 * Every field of a flow-control value, in the order the official SDKs write
 * them (`parallelism`, `rate`, `period`). Each row holds the field's name
 * (the header key and the SDK option), its limits, unit, default and doc.
 *
 * @example
 * ```ts
 * FLOW_CONTROL_FIELDS.map((f) => f.name); // ["parallelism", "rate", "period"]
 * FLOW_CONTROL_FIELDS[1].deprecatedOptions; // ["ratePerSecond"]
 * ```
 */
export const FLOW_CONTROL_FIELDS = frozen([
  {
    kind: "count",
    name: "parallelism",
    deprecatedOptions: [],
    min: 1,
    // Upstash documents no maximum; a signed 32-bit integer is the safe assumption for the server's field.
    max: 2_147_483_647,
    unit: "calls",
    reading: "in flight at once",
    doc: "the most calls in flight at once",
    example: 5,
  },
  {
    kind: "count",
    name: "rate",
    // The SDKs' old name; they send `rate ?? ratePerSecond`.
    deprecatedOptions: ["ratePerSecond"],
    min: 1,
    max: 2_147_483_647,
    unit: "calls per period",
    reading: "started per {period}",
    doc: "the most calls started within `period`",
    example: 10,
  },
  {
    kind: "period",
    name: "period",
    deprecatedOptions: [],
    // 0 would be meaningless (decided here); at most one week [Upstash docs].
    minMs: 1000,
    maxMs: 7 * 86_400_000,
    defaultMs: 1000,
    maxLabel: "1 week",
    unit: "duration (a bare integer is seconds)",
    shapes: "rate",
    doc: "the window for `rate`",
    example: "1m",
  },
] as const satisfies readonly FlowControlField[]);

/**
 * The name of a field that counts calls, read from `FLOW_CONTROL_FIELDS`.
 *
 * @example
 * ```ts
 * const name: CountFieldName = "parallelism"; // or "rate"
 * ```
 */
export type CountFieldName = Extract<(typeof FLOW_CONTROL_FIELDS)[number], { kind: "count" }>["name"];
/** The name of any field: `"parallelism" | "rate" | "period"`. */
export type FieldName = (typeof FLOW_CONTROL_FIELDS)[number]["name"];

/** The counting fields, in table order. */
export const COUNT_FIELDS: readonly Extract<(typeof FLOW_CONTROL_FIELDS)[number], { kind: "count" }>[] = FLOW_CONTROL_FIELDS.filter(
  (f): f is Extract<(typeof FLOW_CONTROL_FIELDS)[number], { kind: "count" }> => f.kind === "count",
);

/** The window field. */
export const PERIOD_FIELD = FLOW_CONTROL_FIELDS[2];

/** The field names, in table order. */
export const FIELD_NAMES: readonly FieldName[] = FLOW_CONTROL_FIELDS.map((f) => f.name);

const BY_NAME: ReadonlyMap<string, (typeof FLOW_CONTROL_FIELDS)[number]> = new Map(FLOW_CONTROL_FIELDS.map((f) => [f.name, f]));

/** The row for a name, or undefined; a Map, so caller text never indexes an object. */
export function fieldNamed(name: string): (typeof FLOW_CONTROL_FIELDS)[number] | undefined {
  return BY_NAME.get(name);
}

/** Every field of the SDK's `flowControl` option object, in the SDK type's order: `key`, then each field followed by its deprecated aliases. */
export const OPTION_FIELDS: readonly string[] = ["key", ...FLOW_CONTROL_FIELDS.flatMap((f) => [f.name, ...f.deprecatedOptions])];

/** `a`, `a` and `b`, `a`, `b` and `c`: names in backticks, for messages. */
export function listNames(names: readonly string[], conjunction = "and"): string {
  const quoted = names.map((n) => `\`${n}\``);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1] ?? ""}`;
}

/** A value with every field at its example, as the SDK writes it: `parallelism=5, rate=10, period=1m`. */
export const EXAMPLE_VALUE = FLOW_CONTROL_FIELDS.map((f) => `${f.name}=${f.example}`).join(", ");

/**
 * The bounds of flow-control values and keys. The field bounds are read from
 * `FLOW_CONTROL_FIELDS`.
 *
 * @example
 * ```ts
 * parseFlowControlValue(`rate=${FLOW_CONTROL_LIMITS.maxCount + 1}`).ok; // false
 * ```
 */
export const FLOW_CONTROL_LIMITS = Object.freeze({
  /** Longest value text; real values are under 50 characters. */
  maxValueLength: 256,
  /** Longest key or label. Upstash documents none; this bounds hostile input and stays far above real keys. */
  maxKeyLength: 512,
  /** Largest `rate` or `parallelism`: a 32-bit signed integer, the safe assumption for the server's field. */
  maxCount: Math.max(...COUNT_FIELDS.map((f) => f.max)),
  /** `period` may be at most one week [Upstash docs]. */
  maxPeriodMs: PERIOD_FIELD.maxMs,
  minPeriodMs: PERIOD_FIELD.minMs,
  defaultPeriodMs: PERIOD_FIELD.defaultMs,
});
