import { showValue } from "../diagnostics/show.js";
import { DELIVERY_LIMITS } from "./codes.js";
import { readArray, readBoolean, readChoice, readInteger, readObject, readSpan, warnUnknown, type ReadContext } from "./read.js";
import type { ResolvedModel } from "./types.js";

/** A list of every member of the union `U`, checked when compiled: a list that leaves a member out is a type error. */
const everyOf =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : { missing: Exclude<U, L[number]> })): L =>
    list;

/** `model.window`'s values, the default first: what the reader accepts, and what the CLI's --window offers and completes. */
export const WINDOW_CHOICES = everyOf<ResolvedModel["window"]>()(["fixed", "sliding"]);
/** `model.anchor`'s values, the default first: what the reader accepts, and what the CLI's --anchor offers and completes. */
export const ANCHOR_CHOICES = everyOf<ResolvedModel["anchor"]>()(["first-dispatch", "back-to-back"]);

/** The model choices, each with its default: one row per undocumented behaviour (docs/delivery.md explains each). */
const MODEL_DEFAULTS = Object.freeze({
  window: WINDOW_CHOICES[0],
  anchor: ANCHOR_CHOICES[0],
  retryHoldsSlot: false,
  retriesUseRate: true,
  retryPosition: "back",
  planParallelism: null,
} as const satisfies Pick<ResolvedModel, "window" | "anchor" | "retryHoldsSlot" | "retriesUseRate" | "retryPosition" | "planParallelism">);

type ModelChoices = Pick<ResolvedModel, keyof typeof MODEL_DEFAULTS>;

/** Reads `model`; undefined when a field is invalid (reported). */
export function readModel(ctx: ReadContext, value: unknown): ModelChoices | undefined {
  if (value === undefined) return MODEL_DEFAULTS;
  const fields = readObject(ctx, value, "model", '{ window: "sliding" }');
  if (fields === undefined) return undefined;
  warnUnknown(ctx, fields, Object.keys(MODEL_DEFAULTS), "model.");
  const pick = <T>(name: keyof typeof MODEL_DEFAULTS, read: (v: unknown, path: string) => T | undefined, fallback: T): T | undefined =>
    fields[name] === undefined ? fallback : read(fields[name], `model.${name}`);
  const window = pick("window", (v, p) => readChoice(ctx, v, p, WINDOW_CHOICES, "invalid-model"), MODEL_DEFAULTS.window);
  const anchor = pick("anchor", (v, p) => readChoice(ctx, v, p, ANCHOR_CHOICES, "invalid-model"), MODEL_DEFAULTS.anchor);
  const retryHoldsSlot = pick("retryHoldsSlot", (v, p) => readBoolean(ctx, v, p, "invalid-model"), MODEL_DEFAULTS.retryHoldsSlot);
  const retriesUseRate = pick("retriesUseRate", (v, p) => readBoolean(ctx, v, p, "invalid-model"), MODEL_DEFAULTS.retriesUseRate);
  const retryPosition = pick(
    "retryPosition",
    (v, p) => readChoice(ctx, v, p, ["back", "front"] as const, "invalid-model"),
    MODEL_DEFAULTS.retryPosition,
  );
  const planParallelism = pick<number | null>(
    "planParallelism",
    (v, p) => readInteger(ctx, v, p, { min: 1, max: 2_147_483_647 }, "invalid-model"),
    MODEL_DEFAULTS.planParallelism,
  );
  if (
    window === undefined ||
    anchor === undefined ||
    retryHoldsSlot === undefined ||
    retriesUseRate === undefined ||
    retryPosition === undefined ||
    planParallelism === undefined
  )
    return undefined;
  if (window === "sliding" && fields.anchor !== undefined)
    ctx.report("unknown-field", "model.anchor", "`anchor` applies to fixed windows; a sliding window has none", showValue(fields.anchor));
  return { window, anchor, retryHoldsSlot, retriesUseRate, retryPosition, planParallelism };
}

/** What the result includes, read and bounded. */
export interface OutputPlan {
  readonly runs: boolean;
  readonly events: boolean;
  readonly maxEvents: number;
  /** Sorted, ms since the start. */
  readonly snapshots: readonly number[];
  readonly sampleEvery: number;
}

const OUTPUT_DEFAULTS: OutputPlan = Object.freeze({
  runs: true,
  events: false,
  maxEvents: DELIVERY_LIMITS.defaultMaxEvents,
  snapshots: Object.freeze([]),
  sampleEvery: 1000,
});

/** Reads `output`; undefined when a field is invalid (reported). */
export function readOutput(ctx: ReadContext, value: unknown): OutputPlan | undefined {
  if (value === undefined) return OUTPUT_DEFAULTS;
  const fields = readObject(ctx, value, "output", '{ events: true, snapshots: ["3m"] }');
  if (fields === undefined) return undefined;
  warnUnknown(ctx, fields, ["runs", "events", "maxEvents", "snapshots", "sampleEvery"], "output.");
  const runs = fields.runs === undefined ? OUTPUT_DEFAULTS.runs : readBoolean(ctx, fields.runs, "output.runs", "invalid-output");
  const events = fields.events === undefined ? OUTPUT_DEFAULTS.events : readBoolean(ctx, fields.events, "output.events", "invalid-output");
  const maxEvents =
    fields.maxEvents === undefined
      ? OUTPUT_DEFAULTS.maxEvents
      : readInteger(ctx, fields.maxEvents, "output.maxEvents", { min: 0, max: DELIVERY_LIMITS.maxEvents }, "invalid-output");
  const snapshots = fields.snapshots === undefined ? OUTPUT_DEFAULTS.snapshots : readSnapshots(ctx, fields.snapshots);
  let sampleEvery =
    fields.sampleEvery === undefined
      ? OUTPUT_DEFAULTS.sampleEvery
      : readSpan(ctx, fields.sampleEvery, "output.sampleEvery", "invalid-output");
  if (sampleEvery !== undefined && sampleEvery < 1) {
    ctx.report("invalid-output", "output.sampleEvery", "`sampleEvery` must be at least 1ms", showValue(fields.sampleEvery));
    sampleEvery = undefined;
  }
  if (runs === undefined || events === undefined || maxEvents === undefined || snapshots === undefined || sampleEvery === undefined)
    return undefined;
  return { runs, events, maxEvents, snapshots, sampleEvery };
}

function readSnapshots(ctx: ReadContext, value: unknown): number[] | undefined {
  const items = readArray(ctx, value, "output.snapshots", DELIVERY_LIMITS.maxSnapshots, "invalid-output");
  if (items === undefined) return undefined;
  const times = items.map((item, i) => readSpan(ctx, item, `output.snapshots[${i}]`, "invalid-output"));
  if (times.some((t) => t === undefined)) return undefined;
  return (times as number[]).sort((a, b) => a - b);
}
