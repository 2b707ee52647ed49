import { formatDuration } from "../duration/format.js";
import type { DeliverySeries } from "./types.js";

/*
 * Text charts of a delivery's series, for the CLI: a block chart per
 * quantity over time, each column the largest value of the points it covers.
 */

const EIGHTHS = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** The values squeezed into `width` columns, each the largest value of its group. */
function resample(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  const columns: number[] = [];
  for (let c = 0; c < width; c++) {
    const from = Math.floor((c * values.length) / width);
    const to = Math.max(from + 1, Math.floor(((c + 1) * values.length) / width));
    let most = 0;
    for (let i = from; i < to; i++) most = Math.max(most, values[i] as number);
    columns.push(most);
  }
  return columns;
}

/** A block chart `height` rows high, with the top value on the left of the first row and 0 on the last. */
function blockChart(values: readonly number[], options: { readonly width: number; readonly height: number }): string[] {
  const columns = resample(values, options.width);
  const max = Math.max(0, ...columns);
  const label = String(max).length;
  const rows: string[] = [];
  for (let row = options.height - 1; row >= 0; row--) {
    const cells = columns.map((v) => {
      if (max === 0) return " ";
      const eighths = Math.round((v / max) * options.height * 8) - row * 8;
      return EIGHTHS[Math.max(0, Math.min(8, eighths))] as string;
    });
    const axis = row === options.height - 1 ? String(max).padStart(label) : row === 0 ? "0".padStart(label) : " ".repeat(label);
    rows.push(`${axis} ┤${cells.join("")}`.trimEnd());
  }
  return rows;
}

/**
 * The series' calls per `periodMs`: summed over the points each period
 * covers, or averaged when a point covers several periods (after merging);
 * per step when neither divides the other.
 */
function callsPerPeriod(
  series: DeliverySeries,
  periodMs: number,
): { readonly values: number[]; readonly per: number; readonly averagedOver?: number } {
  const { stepMs, points } = series;
  if (stepMs > periodMs && stepMs % periodMs === 0)
    return { values: points.map((p) => (p.calls * periodMs) / stepMs), per: periodMs, averagedOver: stepMs };
  if (periodMs < stepMs || periodMs % stepMs !== 0) return { values: points.map((p) => p.calls), per: stepMs };
  const values: number[] = [];
  for (const p of points) {
    const bucket = Math.floor(p.t / periodMs);
    while (values.length <= bucket) values.push(0);
    values[bucket] = (values[bucket] as number) + p.calls;
  }
  return { values, per: periodMs };
}

/** Charts of in-flight calls, the wait list and calls per period, with a time axis. */
export function deliveryCharts(
  series: DeliverySeries,
  options: { readonly width: number; readonly height: number; readonly periodMs: number; readonly endMs: number },
): string[] {
  const end = options.endMs;
  // A short simulation has too few periods to chart: its points, then.
  const perPeriod = callsPerPeriod(series, options.periodMs);
  const calls =
    perPeriod.values.length < 16 && series.stepMs < options.periodMs
      ? { values: series.points.map((p) => p.calls), per: series.stepMs }
      : perPeriod;
  const blocks: [string, number[]][] = [
    [
      `calls in flight${series.parallelismMax === null ? "" : ` (parallelism ${series.parallelismMax})`}`,
      series.points.map((p) => p.peakInFlight),
    ],
    ["wait list", series.points.map((p) => p.peakWaitList)],
    [
      `calls per ${formatDuration(calls.per)}${!("averagedOver" in calls) ? "" : `, mean over ${formatDuration(calls.averagedOver)}`}${series.rateMax === null ? "" : ` (rate ${series.rateMax} per ${formatDuration(series.ratePeriodMs)})`}`,
      calls.values,
    ],
  ];
  const lines: string[] = [];
  for (const [title, values] of blocks) {
    const chart = blockChart(values, options);
    const indent = (chart[0]?.indexOf("┤") ?? 0) + 1;
    const used = Math.min(options.width, values.length);
    const left = "0s";
    const right = formatDuration(end);
    lines.push(title, ...chart, `${" ".repeat(indent)}${left}${right.padStart(Math.max(right.length + 1, used - left.length))}`, "");
  }
  return lines;
}
