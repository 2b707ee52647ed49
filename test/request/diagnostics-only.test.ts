// The builders' check without the assembly (requestDiagnostics, what the
// ESLint plugin and withValidation run) finds exactly what the builders find:
// the same diagnostics, in the same order, with the same paths, spans and
// indexes, and the same thrown error for malformed build options.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildBatchRequest,
  buildBatchTriggerRequest,
  buildEnqueueRequest,
  buildPublishRequest,
  buildScheduleRequest,
  buildTriggerRequest,
  type RequestBuildResult,
} from "../../src/index.js";
import type { Endpoint } from "../../src/request/context.js";
import { requestDiagnostics } from "../../src/request/requests.js";
import { materialize, optionsInput, triggerOptionsDesc } from "../fuzz/generators.mjs";

type Builder = (options: never, build?: never) => RequestBuildResult;

/** Each builder, with the endpoint and form requestDiagnostics checks it as. */
const BUILDERS: readonly { name: string; endpoint: Endpoint; batch: boolean; build: Builder }[] = [
  { name: "buildTriggerRequest", endpoint: "trigger", batch: false, build: buildTriggerRequest },
  { name: "buildBatchTriggerRequest", endpoint: "trigger", batch: true, build: buildBatchTriggerRequest },
  { name: "buildPublishRequest", endpoint: "publish", batch: false, build: buildPublishRequest },
  { name: "buildEnqueueRequest", endpoint: "enqueue", batch: false, build: buildEnqueueRequest },
  { name: "buildBatchRequest", endpoint: "batch", batch: true, build: buildBatchRequest },
  { name: "buildScheduleRequest", endpoint: "schedule", batch: false, build: buildScheduleRequest },
];

/** What a call gives: its diagnostics, or the error it threw. */
function outcome(run: () => readonly unknown[]): { diagnostics: readonly unknown[] } | { threw: string } {
  try {
    return { diagnostics: run() };
  } catch (error) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function expectSame(entry: (typeof BUILDERS)[number], options: () => unknown, build: () => unknown): void {
  const built = outcome(() => entry.build(options() as never, build() as never).diagnostics);
  const checked = outcome(() => requestDiagnostics(entry.endpoint, options(), build(), { batch: entry.batch }));
  expect(checked).toEqual(built);
}

const NOW = 1_800_000_000_000;
const url = "https://example.com/wf";

describe("requestDiagnostics: the builders' check alone", () => {
  it.each(BUILDERS)("finds what $name finds, on options that exercise every stage of the check", (entry) => {
    const one = {
      url,
      retries: 2,
      retryDelay: "pow(2, retryd) * 1000",
      delay: "10x",
      notBefore: 1_700_000_000,
      flowControl: { key: "k", rate: 0, period: "1m\n" },
      headers: { "X-Trace": "a\nb", "Upstash-Retries": "x", "content-type": " text/plain " },
      failureUrl: "https://example.com/failed",
      failureCallback: "example.com/failed",
      deduplicationId: "id\r\n",
      label: ["ok", "not ok"],
      redact: { body: true, headers: true },
      queueName: "q",
      cron: "* * *",
      body: { n: 1n },
      unknownThing: 1,
      retrys: 3,
    };
    const options = () => (entry.batch ? [one, { url: "https://example.com/b" }, 5, { ...one, url: "ftp://x" }] : one);
    expectSame(entry, options, () => ({ now: NOW }));
    expectSame(entry, options, () => ({ now: NOW, plan: "free" }));
  });

  it.each(BUILDERS)("finds what $name finds where only the assembled headers are unsafe (and their failure-callback copies)", (entry) => {
    const one = {
      url,
      destination: url,
      queueName: "q",
      cron: "*/5 * * * *",
      retries: 2,
      failureUrl: "https://example.com/failed",
      headers: { "X-Trace": "a\nb", "X-Wide": "x\u0100" },
    };
    const options = () => (entry.batch ? [{ url }, one] : one);
    const found = entry.build(options() as never, { now: NOW } as never).diagnostics;
    expect(found.filter((d) => d.code === "unsafe-header").length).toBeGreaterThan(0);
    expectSame(entry, options, () => ({ now: NOW }));
  });

  it.each(BUILDERS)("throws what $name throws for malformed build options", (entry) => {
    expectSame(
      entry,
      () => (entry.batch ? [{ url }] : { url }),
      () => ({ plan: "gold" }),
    );
    expectSame(
      entry,
      () => (entry.batch ? [{ url }] : { url }),
      () => ({ token: "a\nb" }),
    );
  });

  it("tells a batch that is not an array, or empty, as the builders do", () => {
    for (const entry of BUILDERS.filter((b) => b.batch)) {
      for (const items of [{ url }, [], "x", null])
        expectSame(
          entry,
          () => items,
          () => ({ now: NOW }),
        );
    }
  });

  it("finds what every builder finds on generated options (fast-check)", () => {
    fc.assert(
      fc.property(optionsInput, fc.constantFrom(...BUILDERS), ({ options, build, batch }, entry) => {
        const itemsDesc = batch === "same" || batch === "none" ? [options] : batch;
        const desc = entry.batch ? itemsDesc : options;
        // A fixed `now` unless the build options are generated malformed: the default is the clock, read twice here.
        const buildValue = (): unknown => {
          const made = materialize(build);
          if (made === undefined) return { now: NOW };
          return made !== null && typeof made === "object" && !Array.isArray(made) && !("now" in made) ? { ...made, now: NOW } : made;
        };
        const isArrayDesc = Array.isArray(desc);
        expectSame(entry, () => (isArrayDesc ? (desc as unknown[]).map((d) => materialize(d)) : materialize(desc)), buildValue);
      }),
      { numRuns: 300 },
    );
  });

  it("finds what buildTriggerRequest finds on generated trigger options (fast-check)", () => {
    const [trigger] = BUILDERS;
    if (trigger === undefined) throw new Error("no trigger builder");
    fc.assert(
      fc.property(triggerOptionsDesc, (desc) => {
        expectSame(
          trigger,
          () => materialize(desc),
          () => ({ now: NOW }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
