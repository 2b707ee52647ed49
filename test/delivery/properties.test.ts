import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulateWith } from "../../src/delivery/simulate.js";
import { compile, simulateDelivery, type DeliveryEvent, type DeliveryScenario } from "../../src/index.js";
import { propertyRuns } from "../setup.js";

/*
 * Invariants over random scenarios, checked against the event log: the
 * limits hold at every instant, every run ends exactly once, no retry starts
 * before its delay, and the order in which tied events enter the heap does
 * not change anything.
 */

const EXPRESSIONS = ["1000", "pow(2, retried) * 500", "0", "2500 - 1000 * retried"] as const;

const scenarios = fc.record({
  arrivals: fc.oneof(
    fc.record({ count: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ count: fc.integer({ min: 1, max: 40 }), rate: fc.integer({ min: 1, max: 5 }), period: fc.constantFrom("1s", "3s") }),
    // Small whole seconds: many ties.
    fc.record({
      times: fc.array(
        fc.integer({ min: 0, max: 6 }).map((s) => s * 1000),
        { minLength: 1, maxLength: 40 },
      ),
    }),
  ),
  parallelism: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  rate: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  period: fc.constantFrom("1s", "2s", "5s"),
  retries: fc.integer({ min: 0, max: 3 }),
  retryDelay: fc.constantFrom(...EXPRESSIONS),
  duration: fc.oneof(fc.constantFrom(0, 500, 1000, 2500), fc.constant({ distribution: "uniform", min: "0s", max: "3s" } as const)),
  failure: fc.record(
    { probability: fc.constantFrom(0, 0.2, 0.5), status: fc.constantFrom(500, 429, 489), retryAfter: fc.constantFrom("2", "0") },
    { requiredKeys: ["probability", "status"] },
  ),
  script: fc.option(fc.array(fc.constantFrom(500, 200, 503), { maxLength: 2 }), { nil: undefined }),
  model: fc.record({
    window: fc.constantFrom("fixed", "sliding"),
    retryHoldsSlot: fc.boolean(),
    retriesUseRate: fc.boolean(),
    retryPosition: fc.constantFrom("back", "front"),
  }),
  anchor: fc.constantFrom("first-dispatch", "back-to-back"),
  seed: fc.integer({ min: 0, max: 1000 }),
});

type Drawn = typeof scenarios extends fc.Arbitrary<infer T> ? T : never;

function toScenario(d: Drawn): DeliveryScenario {
  const limits = [
    d.parallelism === undefined ? "" : `parallelism=${d.parallelism}`,
    d.rate === undefined ? "" : `rate=${d.rate}, period=${d.period}`,
  ]
    .filter((s) => s !== "")
    .join(", ");
  return {
    arrivals: d.arrivals,
    ...(limits === "" ? {} : { flowControl: limits }),
    retries: d.retries,
    retryDelay: d.retryDelay,
    endpoint: { duration: d.duration, failures: [d.failure], ...(d.script === undefined ? {} : { script: d.script }) },
    model: { ...d.model, ...(d.model.window === "fixed" ? { anchor: d.anchor } : {}) },
    seed: d.seed,
    output: { events: true, maxEvents: 1_000_000 },
  };
}

function simulate(scenario: DeliveryScenario) {
  const result = simulateDelivery(scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

const periodMs = (d: Drawn): number => Number(d.period.replace("s", "")) * 1000;

/** The starts that count against `rate`, in time order. */
function countedStarts(events: readonly DeliveryEvent[], retriesUseRate: boolean): number[] {
  return events.filter((e) => e.kind === "start" && (retriesUseRate || e.attempt === 1)).map((e) => e.t);
}

describe("delivery invariants", () => {
  it("never more than `parallelism` calls in flight", () => {
    fc.assert(
      fc.property(scenarios, (d) => {
        const { events = [], summary } = simulate(toScenario(d));
        let inFlight = 0;
        let most = 0;
        for (const e of events) {
          if (e.kind === "start") most = Math.max(most, ++inFlight);
          if (e.kind === "end") inFlight--;
          if (d.parallelism !== undefined) expect(inFlight).toBeLessThanOrEqual(d.parallelism);
        }
        expect(summary.maxInFlight).toBeLessThanOrEqual(most);
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  it("never more than `rate` starts in any window of the chosen model", () => {
    fc.assert(
      fc.property(
        scenarios.filter((d) => d.rate !== undefined),
        (d) => {
          const { events = [] } = simulate(toScenario(d));
          const starts = countedStarts(events, d.model.retriesUseRate);
          const rate = d.rate as number;
          const period = periodMs(d);
          if (d.model.window === "sliding") {
            // rate + 1 starts inside one (t − period, t] would be a violation.
            for (let i = 0; i + rate < starts.length; i++)
              expect((starts[i + rate] as number) - (starts[i] as number)).toBeGreaterThanOrEqual(period);
            return;
          }
          let windowStart = Number.NaN;
          let used = 0;
          for (const t of starts) {
            if (Number.isNaN(windowStart)) windowStart = t;
            else if (t >= windowStart + period) {
              windowStart = d.anchor === "back-to-back" ? windowStart + Math.floor((t - windowStart) / period) * period : t;
              used = 0;
            }
            expect(++used).toBeLessThanOrEqual(rate);
          }
        },
      ),
      { numRuns: propertyRuns(150) },
    );
  });

  it("every run ends completed or failed exactly once, and the counts add up", () => {
    fc.assert(
      fc.property(scenarios, (d) => {
        const { events = [], runs, summary } = simulate(toScenario(d));
        const endings = new Map<number, number>();
        for (const e of events) if (e.kind === "end" && e.next !== "retry") endings.set(e.run, (endings.get(e.run) ?? 0) + 1);
        expect(endings.size).toBe(runs.length);
        expect([...endings.values()].every((n) => n === 1)).toBe(true);
        expect(summary.completed + summary.failed).toBe(runs.length);
        expect(runs.filter((r) => r.outcome === "completed").length).toBe(summary.completed);
        for (const r of runs) expect(r.attempts).toBeLessThanOrEqual(d.retries + 1);
        expect(summary.attempts).toBe(events.filter((e) => e.kind === "start").length);
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  it("no retry starts earlier than its delay allows", () => {
    fc.assert(
      fc.property(scenarios, (d) => {
        const { events = [] } = simulate(toScenario(d));
        const delay = compile(d.retryDelay, { retries: Math.max(1, d.retries) });
        const lastEnd = new Map<number, DeliveryEvent>();
        for (const e of events) {
          if (e.kind === "end") lastEnd.set(e.run, e);
          if (e.kind !== "start" || e.attempt === 1) continue;
          const failed = lastEnd.get(e.run) as DeliveryEvent;
          expect(failed.next).toBe("retry");
          const scripted = d.script !== undefined && failed.attempt <= d.script.length;
          const retryAfter =
            !scripted && failed.status === d.failure.status && d.failure.retryAfter !== undefined
              ? Number(d.failure.retryAfter) * 1000
              : undefined;
          const wanted = retryAfter ?? Math.max(0, delay(failed.attempt - 1));
          expect(failed.dueMs).toBe(failed.t + wanted);
          expect(e.t).toBeGreaterThanOrEqual(failed.t + wanted);
        }
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  it("gives the same result whatever order tied events enter the heap in", () => {
    fc.assert(
      fc.property(scenarios, fc.integer(), (d, salt) => {
        const scenario = toScenario(d);
        const plain = simulateWith(scenario, {});
        const runs = plain.ok ? plain.value.runs.length : 0;
        // A permutation from the salt: sort the run numbers by a hash.
        const order = Array.from({ length: runs }, (_, i) => i).sort(
          (a, b) => Math.imul(a + 1, salt | 1) - Math.imul(b + 1, salt | 1) || a - b,
        );
        expect(simulateWith(scenario, { insertionOrder: order })).toEqual(plain);
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it("the same seed gives the same result, and the seed matters when the endpoint is random", () => {
    const scenario: DeliveryScenario = {
      arrivals: { count: 200 },
      flowControl: "parallelism=5",
      endpoint: { duration: { distribution: "exponential", mean: "1s" }, failures: [{ probability: 0.3 }] },
      seed: 7,
    };
    expect(simulateDelivery(scenario)).toEqual(simulateDelivery(scenario));
    const other = simulateDelivery({ ...scenario, seed: 8 });
    expect(other.ok && other.value.summary).not.toEqual(
      simulateDelivery(scenario).ok && (simulateDelivery(scenario) as { value: { summary: unknown } }).value.summary,
    );
  });

  it("explicit times in any order give the same multiset of run lives (a deterministic endpoint, so tied runs are interchangeable)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 5 }).map((s) => s * 1000),
          { minLength: 1, maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 3 }),
        (times, parallelism) => {
          const lives = (list: number[]) => {
            const value = simulate({
              arrivals: { times: list },
              flowControl: `parallelism=${parallelism}, rate=4, period=2s`,
              retries: 0,
              endpoint: { duration: "1s" },
            });
            return value.runs
              .map((r) => [r.arrivalMs, r.firstStartMs, r.endMs, r.attempts])
              .sort((a, b) => String(a).localeCompare(String(b)));
          };
          expect(lives([...times].reverse())).toEqual(lives(times));
        },
      ),
      { numRuns: propertyRuns(100) },
    );
  });
});
