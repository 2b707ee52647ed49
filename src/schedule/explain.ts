import { expectArray, expectNumber, expectObject, expectOptionalString } from "../diagnostics/arguments.js";
import { formatDuration } from "../duration/format.js";
import type { ScheduleEntry, ScheduleSummary } from "./types.js";

/**
 * A plain-English description of a computed schedule, e.g. "doubles every
 * retry, starting at 1s, capped at 1h; 5 retries over 31s". It describes
 * only what the computed delays show: a pattern is named only when every
 * step of it was seen (a constant ratio, a constant difference, a floor or a
 * cap of at least two equal values), never guessed from the formula.
 *
 * @example
 * ```ts
 * const result = simulateSchedule({ retryDelay: "1000 * (1 + retried)", retries: 4, start: 0 });
 * if (result.ok) explainSchedule(result.value.entries, result.value.summary); // "grows by 1s every retry, starting at 1s; 4 retries over 10s"
 * ```
 */
export function explainSchedule(entries: readonly ScheduleEntry[], summary: ScheduleSummary): string {
  checkEntries(entries, summary);
  const retries = entries.slice(1);
  const parts: string[] = [];
  const first = entries[0];
  if (first !== undefined && first.delayMs > 0) parts.push(`first delivery after ${formatDuration(first.delayMs)}`);
  if (retries.length === 0) {
    parts.push("no retries");
    return parts.join("; ");
  }

  const delays = retries.map((e) => e.delayMs);
  parts.push(describeDelays(delays));

  const span = (retries[retries.length - 1]?.at ?? 0) - (first?.at ?? 0);
  const count = `${retries.length} ${retries.length === 1 ? "retry" : "retries"}`;
  const notes: string[] = [`${count} over ${formatDuration(span)}`];
  const normalized = retries.filter((e) => e.normalized);
  if (normalized.length > 0)
    notes.push(
      `${normalized.length} ${normalized.length === 1 ? "delay" : "delays"} normalized (${[...new Set(normalized.map((e) => e.normalizedBecause))].join(", ")})`,
    );
  const fromRetryAfter = retries.filter((e) => e.source === "retry-after");
  if (fromRetryAfter.length > 0) notes.push(`Retry-After set the delay before attempt ${fromRetryAfter.map((e) => e.attempt).join(", ")}`);
  if (summary.endedBy === "success") notes.push(`ends when attempt ${summary.attempts} succeeds`);
  if (summary.endedBy === "non-retryable") notes.push(`ends at attempt ${summary.attempts}: a non-retryable error`);
  return `${parts.join("; ")}; ${notes.join("; ")}`;
}

function describeDelays(delays: readonly number[]): string {
  const fmt = formatDuration;
  const firstDelay = delays[0] ?? 0;
  if (delays.every((d) => d === firstDelay))
    return delays.length === 1 ? `one retry after ${fmt(firstDelay)}` : `a fixed delay of ${fmt(firstDelay)}`;

  const n = delays.length;
  const floorLength = leadingRun(delays);
  const capLength = trailingRun(delays);
  const hasFloor = floorLength >= 2;
  const hasCap = capLength >= 2 && floorLength + capLength < n;
  const growthStart = hasFloor ? floorLength : 0;
  const growthEnd = hasCap ? n - capLength - 1 : n - 1;
  const growth = delays.slice(growthStart, growthEnd + 1);

  let shape: string;
  // Two values are one step: too few to call it doubling or linear, so they are only listed.
  if (growth.length === 2 && !hasFloor && !hasCap) return `${fmt(growth[0] ?? 0)}, then ${fmt(growth[1] ?? 0)}`;
  if (growth.length >= 3 && isStrictly(growth, (a, b) => b > a)) shape = growthShape(growth);
  else if (growth.length >= 3 && isStrictly(growth, (a, b) => b < a)) shape = "shrinks every retry";
  else if (growth.length < 3 && isStrictly(growth, (a, b) => b > a)) shape = "";
  else return `varies between ${fmt(Math.min(...delays))} and ${fmt(Math.max(...delays))}`;

  const pieces: string[] = [];
  if (hasFloor) {
    pieces.push(`${fmt(firstDelay)} for the first ${floorLength} retries`);
    pieces.push(shape === "" ? `then ${growth.map(fmt).join(", ")}` : `then ${shape} from ${fmt(growth[0] ?? 0)}`);
  } else {
    pieces.push(shape === "" ? growth.map(fmt).join(", ") : `${shape}, starting at ${fmt(firstDelay)}`);
  }
  if (hasCap) pieces.push(`capped at ${fmt(delays[n - 1] ?? 0)} from retry ${n - capLength + 1}`);
  return pieces.join(", ");
}

function growthShape(values: readonly number[]): string {
  const ratios = pairs(values).map(([a, b]) => b / a);
  const differences = pairs(values).map(([a, b]) => b - a);
  const r = ratios[0] ?? 1;
  if (values[0] !== 0 && ratios.every((x) => Math.abs(x - r) <= 1e-9 * r)) {
    if (Math.abs(r - 2) < 1e-9) return "doubles every retry";
    if (Math.abs(r - 3) < 1e-9) return "triples every retry";
    return `grows ×${round(r)} every retry`;
  }
  const d = differences[0] ?? 0;
  if (differences.every((x) => x === d)) return `grows by ${formatDuration(d)} every retry`;
  if (values[0] !== 0 && ratios.every((x) => Math.abs(x - r) <= 0.05 * r)) return `grows about ×${round(r)} every retry`;
  return "grows every retry";
}

function round(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

function pairs(values: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 1; i < values.length; i++) out.push([values[i - 1] ?? 0, values[i] ?? 0]);
  return out;
}

function isStrictly(values: readonly number[], order: (a: number, b: number) => boolean): boolean {
  return pairs(values).every(([a, b]) => order(a, b));
}

function leadingRun(values: readonly number[]): number {
  let i = 1;
  while (i < values.length && values[i] === values[0]) i++;
  return i;
}

function trailingRun(values: readonly number[]): number {
  const last = values[values.length - 1];
  let i = 1;
  while (i < values.length && values[values.length - 1 - i] === last) i++;
  return i;
}

/** The explanation reads every entry, so a hand-made schedule is checked before it is described. */
function checkEntries(entries: unknown, summary: unknown): void {
  expectArray(entries, "the entries").forEach((value, i) => {
    const entry = expectObject(value, `entries[${i}]`);
    for (const field of ["attempt", "delayMs", "at"] as const) expectNumber(entry[field], `entries[${i}].${field}`);
    for (const field of ["normalizedBecause", "source"] as const) expectOptionalString(entry[field], `entries[${i}].${field}`);
  });
  const checked = expectObject(summary, "the summary");
  expectNumber(checked.attempts, "summary.attempts");
}
