/*
 * The playground: the library itself, bundled for the browser (no server,
 * no network). Every input re-renders its tab; the state lives in the URL
 * hash so that a link can be shared.
 */
import {
  DEFAULT_BACKOFF_EXPRESSION,
  describeFlowControl,
  formatDuration,
  formatFlowControlValue,
  parseDuration,
  parseFlowControlValue,
  simulateSchedule,
  toFlowControlOptions,
  tryCompile,
  type Diagnostic,
  type Fix,
  type ScheduleEntry,
} from "../src/index.js";
import { DELIVERY_CHECKS, DELIVERY_FIELDS, renderDelivery } from "./delivery.js";
import { byId, element, renderDiagnostics } from "./dom.js";
import { applyFix } from "./fixes.js";
import { wireCopyButtons } from "./copy.js";
import { renderChart } from "./schedule-chart.js";
import { renderTrigger, TRIGGER_FIELDS } from "./trigger.js";

const TABS = ["expression", "duration", "flow", "trigger", "delivery"] as const;
type Tab = (typeof TABS)[number];

/** Inputs whose values make up the shareable state, by hash key. */
const FIELDS: ReadonlyArray<readonly [key: string, id: string]> = [
  ["e", "expression"],
  ["r", "retries"],
  ["d", "duration"],
  ["f", "flow"],
  ...TRIGGER_FIELDS,
  ...DELIVERY_FIELDS,
];

const DEFAULT_EXPRESSION = "pow(2, retried) * 1000";

// --- state in the URL hash ---------------------------------------------------------------------
function readHash(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const [key, id] of FIELDS) {
    const value = params.get(key);
    if (value !== null) byId<HTMLInputElement>(id).value = value;
  }
  if (params.get("go") !== null) byId<HTMLInputElement>("duration-go").checked = params.get("go") === "1";
  for (const [key, id] of DELIVERY_CHECKS) if (params.get(key) !== null) byId<HTMLInputElement>(id).checked = params.get(key) === "1";
  const tab = params.get("tab");
  selectTab((TABS as readonly string[]).includes(tab ?? "") ? (tab as Tab) : "expression", false);
}

function writeHash(): void {
  const params = new URLSearchParams();
  params.set("tab", currentTab);
  for (const [key, id] of FIELDS) params.set(key, byId<HTMLInputElement>(id).value);
  params.set("go", byId<HTMLInputElement>("duration-go").checked ? "1" : "0");
  for (const [key, id] of DELIVERY_CHECKS) params.set(key, byId<HTMLInputElement>(id).checked ? "1" : "0");
  history.replaceState(null, "", `#${params.toString()}`);
}

// --- tabs --------------------------------------------------------------------------------------
let currentTab: Tab = "expression";

function selectTab(tab: Tab, focus: boolean): void {
  currentTab = tab;
  for (const name of TABS) {
    const button = byId<HTMLButtonElement>(`tab-${name}`);
    const selected = name === tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`panel-${name}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
  writeHash();
}

for (const name of TABS) {
  const button = byId<HTMLButtonElement>(`tab-${name}`);
  button.addEventListener("click", () => {
    selectTab(name, false);
  });
  button.addEventListener("keydown", (event) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    selectTab(TABS[(TABS.indexOf(name) + step + TABS.length) % TABS.length] ?? "expression", true);
  });
}

// --- shared rendering --------------------------------------------------------------------------
/** The input's text mirrored underneath it, with each diagnostic's span wrapped in a wavy-underlined <mark>. */
function renderUnderlay(underlay: HTMLElement, source: string, diagnostics: readonly Diagnostic[]): void {
  const marks = [...diagnostics].sort((a, b) => a.span.start - b.span.start);
  const parts: Node[] = [];
  let at = 0;
  for (const d of marks) {
    const start = Math.min(Math.max(d.span.start, at), source.length);
    const end = Math.min(Math.max(d.span.end, start), source.length);
    if (start > at) parts.push(document.createTextNode(source.slice(at, start)));
    // An empty span (end of input) is marked on one space after the text.
    const text = end > start ? source.slice(start, end) : " ";
    const mark = element(
      "mark",
      { class: d.severity, "data-start": String(d.span.start), "data-end": String(d.span.end), "data-code": d.code },
      text,
    );
    parts.push(mark);
    at = Math.max(at, end);
  }
  if (at < source.length) parts.push(document.createTextNode(source.slice(at)));
  underlay.replaceChildren(...parts);
}

// --- the retry-delay tab -----------------------------------------------------------------------
const expressionInput = byId<HTMLInputElement>("expression");
const retriesInput = byId<HTMLInputElement>("retries");
const underlay = byId("expression-underlay");

/** The chart and the table draw at most this many retries; a request may ask for more (the builders check up to 1,000,000). */
const MAX_SHOWN_RETRIES = 100;

/** The retries to draw, and a note when that is not what was typed. */
function retriesValue(): number {
  const typed = Number(retriesInput.value);
  const value = Math.trunc(typed);
  const shown = Number.isFinite(value) ? Math.min(MAX_SHOWN_RETRIES, Math.max(0, value)) : 3;
  const note = byId("retries-note");
  note.textContent =
    retriesInput.value.trim() === "" || !Number.isFinite(typed)
      ? `Retries must be a number: showing ${shown}.`
      : typed > MAX_SHOWN_RETRIES
        ? `Showing the first ${MAX_SHOWN_RETRIES} retries: the playground draws at most ${MAX_SHOWN_RETRIES}; a request may ask for more.`
        : typed !== shown
          ? `Retries are a whole number from 0 to ${MAX_SHOWN_RETRIES} here: showing ${shown}.`
          : "";
  note.hidden = note.textContent === "";
  return shown;
}

function renderExpression(): void {
  const source = expressionInput.value;
  const retries = retriesValue();
  const result = tryCompile(source, { retries });
  renderUnderlay(underlay, source, result.diagnostics);
  renderDiagnostics(byId("diagnostics"), result.diagnostics, applyExpressionFix);
  const status = byId("expression-status");
  if (!result.ok) {
    status.className = "status bad";
    status.textContent = `invalid: ${errorCount(result.diagnostics)}`;
    byId("explanation").textContent = "";
    byId("schedule-section").hidden = true;
    renderSchedule([]);
    return;
  }
  const range = result.value.range;
  status.className = "status ok";
  status.textContent =
    range === undefined
      ? "valid"
      : `valid — min ${formatDuration(range.min)} (retried = ${range.minAt}), max ${formatDuration(range.max)} (retried = ${range.maxAt}) over ${retries} ${retries === 1 ? "retry" : "retries"}`;
  byId("schedule-section").hidden = false;
  const schedule = simulateSchedule({ retryDelay: result.value, retries, start: 0 });
  byId("explanation").textContent = schedule.ok ? schedule.value.explanation : "";
  renderSchedule(schedule.ok ? schedule.value.entries : []);
}

/** "2 errors", or "more than 20 errors" when the parser stopped counting. */
function errorCount(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error" && d.code !== "too-many-errors").length;
  if (diagnostics.some((d) => d.code === "too-many-errors")) return `more than ${errors} errors`;
  return `${errors} ${errors === 1 ? "error" : "errors"}`;
}

/** The "Apply" button of a diagnostic's fix or suggestion: edit the expression, re-check, keep the focus in the input. */
function applyExpressionFix(fix: Fix): void {
  const repaired = applyFix(expressionInput.value, fix);
  if (repaired === undefined) return;
  expressionInput.value = repaired;
  renderExpression();
  writeHash();
  expressionInput.focus();
  expressionInput.setSelectionRange(fix.span.start + fix.text.length, fix.span.start + fix.text.length);
}

function renderSchedule(entries: readonly ScheduleEntry[]): void {
  const body = byId("schedule").querySelector("tbody");
  body?.replaceChildren(
    ...entries.map((e) => {
      const row = element("tr", { "data-attempt": String(e.attempt) });
      row.append(
        element("td", {}, String(e.attempt)),
        element("td", {}, e.retried === undefined ? "–" : String(e.retried)),
        element(
          "td",
          { class: e.normalized ? "normalized" : "", "data-ms": String(e.delayMs), title: `${e.delayMs} ms` },
          formatDuration(e.delayMs),
        ),
        element("td", { "data-ms": String(e.cumulativeMs) }, formatDuration(e.cumulativeMs)),
      );
      return row;
    }),
  );
  renderChart(entries.filter((e) => e.retried !== undefined));
}

// --- the duration and flow-control tabs ----------------------------------------------------------
function renderDuration(): void {
  const text = byId<HTMLInputElement>("duration").value;
  const go = byId<HTMLInputElement>("duration-go").checked;
  const result = parseDuration(text, { mode: go ? "go" : "strict" });
  const status = byId("duration-result");
  status.className = result.ok ? "status ok" : "status bad";
  status.textContent = result.ok ? `${result.value.ms.toLocaleString("en-US")} ms = ${result.value.canonical}` : "invalid";
  renderDiagnostics(byId("duration-diagnostics"), result.diagnostics);
}

function renderFlow(): void {
  const text = byId<HTMLInputElement>("flow").value;
  const result = parseFlowControlValue(text);
  const status = byId("flow-result");
  status.className = result.ok ? "status ok" : "status bad";
  if (result.ok) {
    const v = result.value;
    const canonical = formatFlowControlValue(toFlowControlOptions(v));
    status.textContent = `${canonical} — ${describeFlowControl(v)}`;
  } else status.textContent = "invalid";
  renderDiagnostics(byId("flow-diagnostics"), result.diagnostics);
}

// --- wiring ------------------------------------------------------------------------------------
function debounce(run: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      run();
      writeHash();
    }, ms);
  };
}

const expressionChanged = debounce(renderExpression, 120);
expressionInput.addEventListener("input", expressionChanged);
// Keep the underline under its characters when a long expression scrolls.
expressionInput.addEventListener("scroll", () => (underlay.scrollLeft = expressionInput.scrollLeft));
retriesInput.addEventListener("input", expressionChanged);
for (const button of document.querySelectorAll<HTMLButtonElement>("[data-preset]")) {
  button.addEventListener("click", () => {
    expressionInput.value = button.dataset.preset === "" ? DEFAULT_BACKOFF_EXPRESSION : (button.dataset.preset ?? "");
    if (button.dataset.preset === "") retriesInput.value = "6";
    renderExpression();
    writeHash();
    expressionInput.focus();
  });
}
byId("duration").addEventListener("input", debounce(renderDuration, 120));
byId("duration-go").addEventListener("change", () => {
  renderDuration();
  writeHash();
});
byId("flow").addEventListener("input", debounce(renderFlow, 120));
byId("trigger-form").addEventListener("input", debounce(renderTrigger, 120));
byId("trigger-form").addEventListener("submit", (event) => {
  event.preventDefault();
});
const deliveryChanged = debounce(renderDelivery, 250);
byId("delivery-form").addEventListener("input", deliveryChanged);
byId("delivery-form").addEventListener("submit", (event) => {
  event.preventDefault();
});
// The schedule view and the delivery view share a retry policy, one click apart.
byId("to-delivery").addEventListener("click", () => {
  byId<HTMLInputElement>("d-retry-delay").value = expressionInput.value;
  byId<HTMLInputElement>("d-retries").value = String(retriesValue());
  renderDelivery();
  selectTab("delivery", true);
});
byId("to-schedule").addEventListener("click", () => {
  expressionInput.value = byId<HTMLInputElement>("d-retry-delay").value || DEFAULT_BACKOFF_EXPRESSION;
  retriesInput.value = byId<HTMLInputElement>("d-retries").value || "3";
  renderExpression();
  selectTab("expression", true);
});
// The chart draws in screen units: redraw it when its width changes (a phone turned sideways).
let chartWidth = 0;
new ResizeObserver(([entry]) => {
  const width = Math.round(entry?.contentRect.width ?? 0);
  if (width === chartWidth || byId("schedule-section").hidden) return;
  chartWidth = width;
  renderExpression();
}).observe(byId("chart"));
window.addEventListener("hashchange", () => {
  readHash();
  renderAll();
});

function renderAll(): void {
  renderExpression();
  renderDuration();
  renderFlow();
  renderTrigger();
  renderDelivery();
}

expressionInput.value = DEFAULT_EXPRESSION;
byId("not-built").hidden = true;
wireCopyButtons();
readHash();
renderAll();
document.documentElement.dataset.ready = "true";
