import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import * as bullmq from "../../src/adapters/bullmq.js";
import { RetryDelayError } from "../../src/index.js";

/*
 * The promise that no input makes a public function throw anything but
 * RetryDelayError, checked over the whole export list rather than per module:
 * a function exported later is covered without anyone remembering to add it.
 * Functions that return functions (hooks, strategies, compiled delays) have
 * the returned function fuzzed too.
 */

type AnyFunction = (...args: unknown[]) => unknown;

const functions = Object.entries(api as Record<string, unknown>)
  .filter((entry): entry is [string, AnyFunction] => typeof entry[1] === "function")
  // Classes are constructed with `new`; calling one bare is a TypeError by design of the language.
  .filter(([, value]) => !/^class\b/.test(Function.prototype.toString.call(value)));

const argument = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
    }),
  },
  { weight: 2, arbitrary: fc.string() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "pow(2, retried) * 1000",
      "1d10h30m",
      "rate=10, period=1m",
      "__proto__",
      "constructor",
      "-1",
      "NaN",
      "1e400",
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.NaN, -0, Infinity, -Infinity, 2 ** 53)) },
);
const argumentList = fc.array(argument, { maxLength: 4 });

function callSafely(name: string, fn: AnyFunction, args: unknown[]): unknown {
  try {
    return fn(...args);
  } catch (error) {
    if (error instanceof RetryDelayError) return undefined;
    throw new Error(
      `${name}(${args.map((a) => show(a)).join(", ")}) threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
}

function show(value: unknown): string {
  try {
    if (typeof value === "bigint") return `${value}n`;
    // JSON.stringify returns undefined for functions, symbols and undefined, whatever its type says.
    const json: unknown = JSON.stringify(value);
    return typeof json === "string" ? json : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

describe("every exported function, on anything", () => {
  it("finds the functions to fuzz", () => {
    expect(functions.length).toBeGreaterThan(20);
  });

  for (const [name, fn] of functions) {
    it(`${name} throws nothing but RetryDelayError`, async () => {
      await fc.assert(
        fc.asyncProperty(argumentList, argumentList, async (args, innerArgs) => {
          const result = callSafely(name, fn, args);
          if (typeof result === "function") callSafely(`${name}(…)`, result as AnyFunction, innerArgs);
          // A promise must not reject with anything else either.
          if (result instanceof Promise)
            await result.catch((error: unknown) => {
              expect(error).toBeInstanceOf(RetryDelayError);
            });
        }),
        { numRuns: process.env.CI === undefined ? 200 : 1000 },
      );
    });
  }
});

/*
 * Random values rarely get past a function's first check, so these start
 * from valid inputs and replace one field at a time with anything.
 */
function withHostileField<T extends object>(valid: T): fc.Arbitrary<T> {
  const keys = Object.keys(valid);
  return fc.tuple(fc.constantFrom(...keys), argument).map(([key, value]) => ({ ...valid, [key]: value }));
}

function throwsOnlyRetryDelayError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof RetryDelayError)) throw error;
  }
}

describe("near-valid input, and the functions the API returns", () => {
  const delay = api.compile("pow(2, retried) * 1000");
  const schedule = api.simulateSchedule({ retryDelay: "pow(2, retried) * 1000", retries: 3, start: 0 });
  if (!schedule.ok) throw new Error("the schedule fixture must be valid");
  const diagnostic = api.tryCompile("Pow(2, retried)").diagnostics[0];
  if (diagnostic === undefined) throw new Error("the diagnostic fixture must exist");
  const built = api.buildTriggerRequest({ url: "https://example.com/wf", retries: 2, body: "hi" });
  if (built.request === undefined) throw new Error("the request fixture must be valid");
  const request = built.request;

  const cases: [string, fc.Arbitrary<() => unknown>][] = [
    ["a compiled delay", argument.map((v) => () => delay(v as number))],
    ["a table", argument.map((v) => () => api.tabulate(delay, 8)(v as number))],
    ["retryDelayHook's hook", argument.map((v) => () => api.retryDelayHook("1000 * (1 + retried)")(v as number))],
    [
      "gotCalculateDelay's function",
      fc.oneof(argument, withHostileField({ attemptCount: 1, computedValue: 1000 })).map((v) => () => api.gotCalculateDelay()(v as never)),
    ],
    [
      "a cache's get",
      fc.tuple(argument, argument).map(
        ([source, options]) =>
          () =>
            api.createCompileCache().get(source as string, options as never),
      ),
    ],
    [
      "every builtin's evaluate",
      fc.tuple(argument, argument).map(
        ([x, y]) =>
          () =>
            api.BUILTINS.map((b) => (b.arity === 1 ? b.evaluate(x as number) : b.evaluate(x as number, y as number))),
      ),
    ],
    [
      "explainSchedule",
      fc
        .oneof(
          withHostileField(schedule.value.entries[1] ?? {}).map((e) => [e]),
          withHostileField(schedule.value.summary).map((s) => s),
        )
        .map(
          (v) => () =>
            Array.isArray(v)
              ? api.explainSchedule([...schedule.value.entries, ...v] as never, schedule.value.summary)
              : api.explainSchedule(schedule.value.entries, v),
        ),
    ],
    [
      "explainSchedule's normalized entries",
      withHostileField({ ...(schedule.value.entries[1] ?? {}), normalized: true, normalizedBecause: "negative", source: "expression" }).map(
        (e) => () => api.explainSchedule([...schedule.value.entries, e] as never, schedule.value.summary),
      ),
    ],
    ["renderDiagnostic", withHostileField(diagnostic).map((d) => () => api.renderDiagnostic("Pow(2, retried)", d))],
    [
      "renderDiagnostic's span",
      withHostileField(diagnostic.span).map((span) => () => api.renderDiagnostic("Pow(2, retried)", { ...diagnostic, span })),
    ],
    [
      "decideRetry",
      withHostileField({
        retried: 0,
        retries: 3,
        retryDelay: "1000",
        response: { status: 503, headers: { "retry-after": "2" } },
        now: 0,
        normalization: {},
      }).map((input) => () => api.decideRetry(input)),
    ],
    [
      "decideRetry's response",
      withHostileField({ status: 489, headers: { "upstash-nonretryable-error": "true" } }).map(
        (response) => () => api.decideRetry({ retried: 0, response }),
      ),
    ],
    [
      "buildTriggerRequest's build options",
      withHostileField({ baseUrl: "http://localhost:8080", token: "t", plan: "free", now: 0 }).map(
        (build) => () => api.buildTriggerRequest({ url: "https://example.com/wf", delay: "10s" }, build as never),
      ),
    ],
    ["toCurl", withHostileField(request).map((r) => () => api.toCurl(r))],
    [
      "normalizeDelay's policy",
      withHostileField({ negative: "clamp", fraction: "round", fallback: 10 }).map(
        (policy) => () => api.normalizeDelay(-1.5, 0, policy as never),
      ),
    ],
    [
      "simulateSchedule",
      withHostileField({ retryDelay: "1000", retries: 2, start: 0, delay: "1s", normalization: {}, responses: [] }).map(
        (options) => () => api.simulateSchedule(options),
      ),
    ],
    [
      "parseDuration's options",
      withHostileField({ mode: "go", allowNegative: true, max: { ms: 1000, label: "the max" } }).map(
        (options) => () => api.parseDuration("1s", options as never),
      ),
    ],
  ];
  // retry-delay/bullmq: the strategy runs inside a worker and must never throw, whatever BullMQ or a job holds.
  const strategy = bullmq.retryDelayBackoffStrategy();
  const job = fc.oneof(
    argument,
    fc.record({ opts: fc.oneof(argument, fc.record({ attempts: argument })), failedReason: argument }),
    fc.constant(Object.freeze({ opts: { attempts: 3 } })),
  );
  const type = fc.oneof(
    argument,
    fc.constantFrom("retry-delay:pow(2, retried) * 1000", "retry-delay:Pow(", "exponential"),
    fc.string().map((t) => `retry-delay:${t}`),
  );
  cases.push(
    [
      "the BullMQ strategy",
      fc.tuple(argument, type, job).map(([attemptsMade, t, j]) => () => {
        const delay = strategy(attemptsMade as number, t as string, undefined, j as never);
        if (typeof delay !== "number") throw new Error(`the strategy returned ${typeof delay}`);
      }),
    ],
    [
      "retryDelayBackoff and retryDelayBackoffStrategy",
      fc
        .tuple(argument, argument)
        .map(([expression, options]) => () => [
          bullmq.retryDelayBackoff(expression as string),
          bullmq.retryDelayBackoffStrategy(options as never),
        ]),
    ],
  );
  for (const [name, run] of cases) {
    it(`${name} throws nothing but RetryDelayError`, () => {
      fc.assert(fc.property(run, throwsOnlyRetryDelayError), { numRuns: process.env.CI === undefined ? 300 : 1500 });
    });
  }
});
