import fc from "fast-check";
import { formatDuration, type Endpoint } from "../../src/index.js";
import { familyOf } from "../../src/request/context.js";
import { nameOf, type OptionRow } from "../../src/request/rows.js";
import { OPTION_TABLE, rowsFor } from "../../src/request/table.js";

/*
 * The option sets the differential tests feed to the SDKs and to our
 * builders: one generator per row of the option table, keyed by option
 * name, and `optionSets(endpoint)`, which builds an endpoint's record from
 * `rowsFor(endpoint)`. A new row reaches every differential test with no
 * other edit, and fails them until it has a generator (or a reason in
 * LEFT_OUT).
 */

export const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/);
const strictDuration = fc.integer({ min: 0, max: 6 * 86_400 }).map((s) => formatDuration(s * 1000));
/** A value with HTTP's optional whitespace at its edges, which `Headers` trims. */
const edged = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    arb,
    arb.map((s) => ` ${s}\t`),
  );

/** Mostly well-formed values, sometimes an edge case: enough accepted sets to compare, and every edge reached. */
const mostly = <T>(valid: fc.Arbitrary<T>, edge: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: edge, weight: 1 });

const wellFormedFlow = fc
  .record({
    key: name,
    parallelism: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    rate: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    ratePerSecond: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined, freq: 3 }),
    period: fc.option(fc.oneof(fc.constantFrom("1s", "10s", "1m", "1h", "7d", ""), fc.integer({ min: 1, max: 604_800 })), {
      nil: undefined,
    }),
  })
  .filter((f) => f.parallelism !== undefined || f.rate !== undefined || f.ratePerSecond !== undefined)
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)));

/** Keyless, partial, zero and fractional flow control. */
const edgeFlow = fc.record(
  {
    key: fc.oneof(name, fc.constantFrom("", "a b")),
    parallelism: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(0, 1.5)),
    rate: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constant(0)),
    ratePerSecond: fc.integer({ min: 1, max: 50 }),
    period: fc.oneof(fc.constantFrom("1s", "1m", "", 1.5), fc.integer({ min: 1, max: 604_800 })),
  },
  { requiredKeys: [] },
);

/** A JSON body (object or null): what batchJSON stringifies; a string would be quoted once more. */
export const jsonBody = fc.oneof(
  fc.dictionary(name, fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
  fc.constant(null),
);
/** A string body: what schedules.create and publish send as it is. */
export const stringBody = fc.string({ maxLength: 20 });
/** Either: what the workflow SDK sends (a string as is, anything else as JSON). */
export const anyBody = fc.oneof(stringBody, jsonBody);

/** Names that differ only in case, values with edge spaces, empty values; `extra` adds names to the mix. */
function headerRecord(extra: readonly string[]): fc.Arbitrary<Record<string, string>> {
  return fc
    .uniqueArray(
      fc.tuple(
        fc.constantFrom("X-Trace", "x-trace", "X-TRACE", "X-Id", "Content-Type", ...extra),
        mostly(edged(fc.stringMatching(/^[!-~]([ -~]{0,6}[!-~])?$/)), fc.constant("")),
      ),
      { selector: ([n]) => n, maxLength: 4 },
    )
    .map((pairs) => Object.fromEntries(pairs));
}

/** Upstash-* headers a qstash caller passes raw (qstash-js does not prefix them), with well-formed values. */
const rawUpstash = fc.record(
  {
    "Upstash-Callback-Retries": fc.constantFrom("0", "2"),
    "Upstash-Failure-Callback-Timeout": fc.constant("10s"),
    "Upstash-Callback-Delay": fc.constant("5s"),
    "Upstash-Callback-Forward-X-A": fc.constant("v"),
  },
  { requiredKeys: [] },
);

/** `redact` values that send a header, one of each shape; the round trip reads each back. */
export const REDACT_VALUES: readonly object[] = [
  { body: true },
  { header: true },
  { header: ["A", "B"] },
  { body: true, header: ["Authorization"] },
  { body: true, header: true },
];

const callbackUrl = mostly(fc.constantFrom("https://example.com/cb", "http://localhost:3000/cb"), fc.constant(""));

/** A generator for one option: one arbitrary for every endpoint, or one an endpoint picks. */
export type OptionGenerator = fc.Arbitrary<unknown> | ((endpoint: Endpoint) => fc.Arbitrary<unknown>);

/**
 * One generator per row of OPTION_TABLE, keyed by its option name (the
 * table's, not an SDK's rename): the differential tests build each
 * endpoint's option sets from `rowsFor(endpoint)`, so a new row reaches every
 * one of them, and fails them until it has a generator here.
 */
const OPTION_GENERATORS: ReadonlyMap<string, OptionGenerator> = new Map<string, OptionGenerator>([
  ["url", fc.constantFrom("https://example.com/api/workflow", "http://localhost:3000/wf", "https://a.example/x?y=1")],
  // The body each endpoint's SDK call takes; a test of one call (publish, not publishJSON) narrows it.
  ["body", (endpoint) => (endpoint === "trigger" ? anyBody : endpoint === "schedule" ? stringBody : jsonBody)],
  // Workflow forwards every name, Upstash-* ones included (upstash-forward-upstash-foo); qstash-js passes Upstash-* names raw.
  [
    "headers",
    (endpoint) =>
      familyOf(endpoint) === "workflow"
        ? headerRecord(["Upstash-Foo", "Upstash-Callback-Retries"])
        : fc.tuple(headerRecord([]), rawUpstash).map(([a, b]) => ({ ...a, ...b })),
  ],
  ["disableTelemetry", fc.boolean()],
  ["workflowRunId", mostly(name, fc.constant("wfr_abc"))],
  ["method", mostly(fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"), fc.constantFrom("get", ""))],
  ["retries", mostly(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(3)), fc.constantFrom(2.5, 1.5, -1, 1e21))],
  [
    "retryDelay",
    mostly(
      edged(fc.constantFrom("1000", "1000 * (1 + retried)", "pow(2, retried) * 1000", "max(1000, pow(2, retried) * 100)")),
      fc.constant(""),
    ),
  ],
  // Decimals round half away from zero (1.5 → 2s, 2.5 → 3s); 1e21 is written 1e+21s.
  [
    "delay",
    mostly(
      fc.oneof(strictDuration, fc.integer({ min: 0, max: 86_400 }), fc.constantFrom(1.5, 2.5, 0.5, 0, "1.5h", " 10s ")),
      fc.constantFrom(-2.5, 1e21, Number.NaN, ""),
    ),
  ],
  [
    "notBefore",
    mostly(
      fc.oneof(
        fc.integer({ min: 2_000_000_000, max: 2_000_500_000 }),
        fc.constantFrom(2_000_000_000.5, 2_000_000_002.5, 1_893_456_000.4999),
      ),
      fc.constantFrom(2 ** 53 + 1, 1e21),
    ),
  ],
  // A number is written `${n}s` unrounded: 1.5 → 1.5s.
  [
    "timeout",
    mostly(fc.oneof(strictDuration, fc.integer({ min: 0, max: 600 }), fc.constantFrom(1.5, 0, "30s", " 30s ")), fc.constantFrom("", -1)),
  ],
  ["flowControl", mostly(wellFormedFlow, edgeFlow)],
  ["callback", callbackUrl],
  ["failureCallback", callbackUrl],
  ["failureUrl", fc.constantFrom("https://example.com/failed", "http://localhost:3000/failure", "")],
  ["deduplicationId", mostly(fc.oneof(name, fc.constant(" id ")), fc.constant(""))],
  ["contentBasedDeduplication", fc.boolean()],
  ["label", mostly(fc.oneof(name, fc.array(name, { minLength: 1, maxLength: 3 })), fc.constantFrom("", [], "a,b", " lab "))],
  // Also the values that send nothing: no field, an empty list, false.
  ["redact", fc.constantFrom(...REDACT_VALUES, { header: [] }, {}, { body: false })],
  ["queueName", mostly(name, fc.constant(""))],
  ["cron", fc.constantFrom("*/5 * * * *", "0 3 * * *", "CRON_TZ=America/New_York 0 9 * * *")],
  ["scheduleId", mostly(name, fc.constant(""))],
]);

/** The property tests that build option sets from the table. */
export type Suite = "differential" | "round trip";

/** Why a suite leaves an option out, and on which endpoints. */
export interface LeftOut {
  readonly suite: Suite;
  readonly endpoints: readonly Endpoint[];
  readonly why: string;
}

/**
 * The options a suite leaves out, each with its reason, keyed by option
 * name: the one place a test may skip a row of the table. The differential
 * tests skip none: both SDKs take every row of their endpoints. The round
 * trip takes the rows that travel in headers (header rows and `headers`;
 * `url`, `body` and `disableTelemetry` never do, as the table's `place`
 * says), less what is listed here. `optionSets` fails when an entry names an
 * option, or an endpoint of it, the table no longer has.
 */
export const LEFT_OUT: ReadonlyMap<string, readonly LeftOut[]> = new Map<string, readonly LeftOut[]>([
  [
    "queueName",
    [
      {
        suite: "round trip",
        endpoints: ["enqueue", "batch"],
        why: "travels in the path (enqueue) or the batch item's `queue`, not a header",
      },
    ],
  ],
]);

/**
 * Throws unless every name is an option of the table (and, for a left-out
 * entry, each of its endpoints takes it); `what` says where the stale name stands.
 */
export function expectTableOptions(
  names: Iterable<string>,
  what: string,
  leftOut: ReadonlyMap<string, readonly LeftOut[]> = new Map(),
): void {
  const rows = new Map(OPTION_TABLE.map((row) => [row.option, row]));
  for (const option of names) {
    const row = rows.get(option);
    if (row === undefined) throw new Error(`${what} names \`${option}\`, which OPTION_TABLE does not have`);
    for (const entry of leftOut.get(option) ?? []) {
      if (entry.why.trim() === "") throw new Error(`${what} leaves out \`${option}\` without a reason`);
      const stale = entry.endpoints.filter((endpoint) => !row.endpoints.includes(endpoint));
      if (stale.length > 0) throw new Error(`${what} leaves out \`${option}\` on ${stale.join(", ")}, which OPTION_TABLE does not give it`);
    }
  }
}

/** Whether `suite` leaves the row out on `endpoint`. */
function leftOut(row: OptionRow, endpoint: Endpoint, suite: Suite): boolean {
  return (LEFT_OUT.get(row.option) ?? []).some((entry) => entry.suite === suite && entry.endpoints.includes(endpoint));
}

/** The rows a round trip compares: those whose value travels in headers. */
const travelsInHeaders = (row: OptionRow): boolean => row.kind === "header" || row.place === "headers";

/** Where one suite's generators come from, and the rows it takes. */
interface GeneratorSource {
  readonly suite: Suite;
  readonly generators: ReadonlyMap<string, OptionGenerator>;
  /** Where the map is written, for the error that asks for a missing generator. */
  readonly where: string;
  readonly takes: (row: OptionRow) => boolean;
}

const DIFFERENTIAL: GeneratorSource = {
  suite: "differential",
  generators: OPTION_GENERATORS,
  where: "OPTION_GENERATORS in test/trigger/option-generators.ts",
  takes: () => true,
};

/** The record of one endpoint's rows under their SDK names (`destination` on schedules), required where the table says so. */
function recordFor<T>(
  endpoint: Endpoint,
  source: GeneratorSource,
  narrow: Readonly<Record<string, fc.Arbitrary<unknown>>>,
): fc.Arbitrary<T> {
  expectTableOptions(source.generators.keys(), source.where);
  expectTableOptions(LEFT_OUT.keys(), "LEFT_OUT", LEFT_OUT);
  const rows = rowsFor(endpoint).filter((row) => source.takes(row) && !leftOut(row, endpoint, source.suite));
  const stray = Object.keys(narrow).filter((option) => !rows.some((row) => row.option === option));
  if (stray.length > 0) throw new Error(`a narrowed generator names ${stray.join(", ")}, which ${endpoint} does not take`);
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const row of rows) {
    const key = nameOf(row, endpoint);
    const generator = Object.hasOwn(narrow, row.option) ? narrow[row.option] : source.generators.get(row.option);
    if (generator === undefined)
      throw new Error(
        `no generator for the option \`${row.option}\` (${endpoint}): add one to ${source.where}, or leave it out in LEFT_OUT with the reason`,
      );
    fields[key] = typeof generator === "function" ? generator(endpoint) : generator;
    if (row.required?.on.includes(endpoint)) required.push(key);
  }
  return fc.record(fields, { requiredKeys: required }) as unknown as fc.Arbitrary<T>;
}

/**
 * Option sets for the differential tests: every row of `rowsFor(endpoint)`
 * except what LEFT_OUT names for them. `narrow` replaces a row's generator
 * for one SDK call (publish takes a string body, publishJSON a JSON one),
 * keyed by option name too.
 */
export function optionSets<T = Record<string, unknown>>(
  endpoint: Endpoint,
  narrow: Readonly<Record<string, fc.Arbitrary<unknown>>> = {},
): fc.Arbitrary<T> {
  return recordFor(endpoint, DIFFERENTIAL, narrow);
}

/**
 * Option sets for the round trip: the endpoint's rows that travel in
 * headers, except what LEFT_OUT names for it, from `generators` (values
 * that survive build and parse exactly), keyed by option name; `where`
 * names the map for the error that asks for a missing one.
 */
export function headerOptionSets(
  endpoint: Endpoint,
  generators: ReadonlyMap<string, OptionGenerator>,
  where: string,
): fc.Arbitrary<Record<string, unknown>> {
  return recordFor(endpoint, { suite: "round trip", generators, where, takes: travelsInHeaders }, {});
}
