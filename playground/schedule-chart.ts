/* The retry-delay tab's chart: one bar per retry (its delay) and a line of the time since the trigger. */
import { formatDuration, type ScheduleEntry } from "../src/index.js";
import { byId, svg } from "./dom.js";

/** Bars: the delay before each retry (left axis). Line: the time since the trigger (right axis). */
/** Empties the chart (keeping its title) and sizes it: as wide in the drawing's units as on screen, so that text keeps its size on a phone. */
function resetChart(chart: HTMLElement, height: number): number {
  const title = chart.querySelector("title");
  chart.replaceChildren(...(title === null ? [] : [title]));
  const shown = Math.round(chart.getBoundingClientRect().width);
  const width = shown > 0 ? Math.min(640, Math.max(300, shown)) : 640;
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return width;
}

export function renderChart(retries: readonly ScheduleEntry[]): void {
  const chart = byId("chart");
  const height = 240;
  const width = resetChart(chart, height);
  const left = 56;
  const right = 64;
  const top = 16;
  const bottom = 28;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  chart.append(
    svg("line", { class: "axis", x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight, stroke: "#d9d6cf" }),
  );
  if (retries.length === 0) {
    chart.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", fill: "#6b6b70" }, "no retries to show"));
    return;
  }
  const maxDelay = Math.max(...retries.map((e) => e.delayMs), 1);
  const maxCumulative = Math.max(...retries.map((e) => e.cumulativeMs), 1);
  const slot = plotWidth / retries.length;
  const barWidth = Math.max(2, Math.min(48, slot * 0.7));
  chart.append(
    svg("text", { class: "delay-label", x: left - 6, y: top + 4, "text-anchor": "end", fill: "#3aa776" }, formatDuration(maxDelay)),
    svg("text", { x: left - 6, y: top + plotHeight, "text-anchor": "end", fill: "#6b6b70" }, "0s"),
    svg(
      "text",
      { class: "total-label", x: left + plotWidth + 6, y: top + 4, "text-anchor": "start", fill: "#4656c9" },
      formatDuration(maxCumulative),
    ),
  );
  const points: string[] = [];
  retries.forEach((e, i) => {
    const x = left + slot * i + (slot - barWidth) / 2;
    const barHeight = Math.max(e.delayMs > 0 ? 1 : 0, (e.delayMs / maxDelay) * plotHeight);
    const bar = svg("rect", {
      class: "bar",
      x,
      y: top + plotHeight - barHeight,
      width: barWidth,
      height: barHeight,
      fill: "#3aa776",
      rx: 2,
      "data-retried": e.retried ?? 0,
      "data-ms": e.delayMs,
    });
    bar.append(
      svg("title", {}, `retry ${i + 1} (retried = ${e.retried ?? 0}): ${formatDuration(e.delayMs)}, at ${formatDuration(e.cumulativeMs)}`),
    );
    chart.append(bar);
    // A number under every bar when they fit, else under every few (the first always): about 18 px each.
    if (i % Math.ceil(retries.length / Math.max(1, Math.floor(plotWidth / 18))) === 0)
      chart.append(svg("text", { x: x + barWidth / 2, y: height - 10, "text-anchor": "middle", fill: "#6b6b70" }, String(i + 1)));
    points.push(`${x + barWidth / 2},${top + plotHeight - (e.cumulativeMs / maxCumulative) * plotHeight}`);
  });
  chart.append(svg("polyline", { class: "cumulative", points: points.join(" "), fill: "none", stroke: "#4656c9", "stroke-width": 2 }));
  for (const point of points) {
    const [cx, cy] = point.split(",");
    chart.append(svg("circle", { class: "point", cx: cx ?? 0, cy: cy ?? 0, r: 3, fill: "#4656c9" }));
  }
}
