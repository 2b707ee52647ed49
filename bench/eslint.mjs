// The ESLint plugin's cost: 1,000 generated files of realistic Upstash SDK
// usage (workflow triggers, QStash publishes, queues, schedules, `serve`
// routes with `context.call`, among ordinary application code), linted
// in-process with ESLint's recommended rules alone and with the plugin's two
// rules added. Rounds alternate the order; the figure is the median overhead.
//
//   node bench/eslint.mjs            the full run, writes bench/results/eslint.json
//   node bench/eslint.mjs --smoke    20 files, one round: checks that it runs, timings meaningless
import js from "@eslint/js";
import { Linter } from "eslint";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import plugin from "../dist/eslint.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const smoke = process.argv.includes("--smoke");
const FILES = smoke ? 20 : 1000;
const ROUNDS = smoke ? 1 : 9;

/** A small deterministic PRNG (mulberry32), so every run lints the same files. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DELAYS = ["pow(2, retried) * 1000", "1000 * (1 + retried)", "min(60000, pow(2, retried) * 500)", "max(1000, retried * 2000)", "pow(2, retryd) * 1000", "1000*(1+retried)"];
const DURATIONS = ["10s", "1m", "5m", "1h", "2d", "10x", "90s"];

/** One file: an SDK client or route, a few calls with literal and dynamic options, and the code around them. */
function generateFile(index) {
  const pick = random(index + 1);
  const one = (list) => list[Math.floor(pick() * list.length)];
  const n = (max) => 1 + Math.floor(pick() * max);
  const lines = [];
  const kind = index % 3;
  if (kind === 0) lines.push(`import { Client } from "@upstash/workflow";`, `const client = new Client({ token: process.env.QSTASH_TOKEN });`);
  if (kind === 1) lines.push(`import { Client } from "@upstash/qstash";`, `const qstash = new Client({ token: process.env.QSTASH_TOKEN });`, `const emails = qstash.queue({ queueName: "emails-${index}" });`);
  if (kind === 2) lines.push(`import { serve } from "@upstash/workflow/nextjs";`);
  lines.push(`import { logger } from "./logger.js";`, "", `const BASE = "https://api-${index}.example.com";`);
  for (let f = 0; f < n(4); f++) {
    lines.push("", `export async function handler${f}(input, options = {}) {`, `  const items = input.items.filter((item) => item.enabled && item.count > ${n(10)}).map((item) => ({ ...item, total: item.count * ${n(100)} }));`);
    lines.push(`  if (items.length === 0) { logger.info("nothing to do", { id: input.id }); return []; }`);
    if (kind === 0) {
      lines.push(`  await client.trigger({ url: \`\${BASE}/api/workflow/${f}\`, body: { items }, retries: ${n(8)}, retryDelay: "${one(DELAYS)}", flowControl: { key: \`user-\${input.userId}\`, rate: ${n(20)}, period: "${one(DURATIONS)}" } });`);
      lines.push(`  await client.trigger([{ url: "https://example.com/wf/a", delay: "${one(DURATIONS)}" }, { url: "https://example.com/wf/b", label: ["batch", "job-${f}"] }]);`);
    } else if (kind === 1) {
      lines.push(`  await qstash.publishJSON({ url: BASE + "/hook", body: { items }, retries: ${n(5)}, retryDelay: "${one(DELAYS)}", timeout: "${one(DURATIONS)}", method: "POST" });`);
      lines.push(`  await emails.enqueueJSON({ url: "https://example.com/send", body: input, delay: ${n(600)}, deduplicationId: \`mail-\${input.id}\` });`);
      lines.push(`  await qstash.schedules.create({ destination: "https://example.com/cron/${f}", cron: "*/${n(30)} * * * *", retries: 2 });`);
    } else {
      lines.push(`  const result = items.reduce((sum, item) => sum + item.total, 0);`, `  logger.debug("total", result);`);
    }
    lines.push(`  for (const item of items) { if (options.verbose) logger.debug(item.id, item.total); }`, `  return items;`, `}`);
  }
  if (kind === 2) {
    lines.push("", `export const { POST } = serve(async (context) => {`, `  const order = context.requestPayload;`);
    lines.push(`  const charge = await context.call("charge", { url: "https://payments.example.com/charge", method: "POST", body: JSON.stringify(order), retries: ${n(5)}, retryDelay: "${one(DELAYS)}", timeout: "${one(DURATIONS)}" });`);
    lines.push(`  await context.run("store", async () => ({ id: order.id, status: charge.status }));`, `}, { retries: ${n(5)}, failureUrl: "https://example.com/failed" });`);
  }
  return `${lines.join("\n")}\n`;
}

const files = Array.from({ length: FILES }, (_, i) => generateFile(i));
const base = [{ ...js.configs.recommended, languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: { process: "readonly" } } }];
const withPlugin = [...base, plugin.configs.recommended, { rules: { "retry-delay/canonical": "warn" } }];
const linter = new Linter();

function lintAll(config) {
  let reports = 0;
  const start = performance.now();
  for (const [i, text] of files.entries()) reports += linter.verify(text, config, `file-${i}.js`).length;
  return { ms: performance.now() - start, reports };
}

// Warm both paths (JIT, the plugin's first compile) before measuring.
lintAll(base);
lintAll(withPlugin);
const alone = [];
const plugged = [];
let reports = { alone: 0, plugged: 0 };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? [false, true] : [true, false];
  for (const on of order) {
    const run = lintAll(on ? withPlugin : base);
    (on ? plugged : alone).push(run.ms);
    reports = { ...reports, [on ? "plugged" : "alone"]: run.reports };
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const overheads = alone.map((ms, i) => (plugged[i] - ms) / ms);
const result = {
  files: FILES,
  lines: files.reduce((sum, text) => sum + text.split("\n").length, 0),
  rounds: ROUNDS,
  eslintAloneMs: median(alone),
  withPluginMs: median(plugged),
  overhead: median(overheads),
  reports,
};

console.log(`7. ESLint plugin: ${FILES} generated files (${result.lines} lines) of Upstash SDK usage, ESLint's recommended rules alone vs with retry-delay's rules${smoke ? " — SMOKE RUN" : ""}`);
console.log(`     ESLint alone      ${result.eslintAloneMs.toFixed(0).padStart(6)} ms  (${reports.alone} reports)`);
console.log(`     with the plugin   ${result.withPluginMs.toFixed(0).padStart(6)} ms  (${reports.plugged} reports)`);
console.log(`     overhead          ${(result.overhead * 100).toFixed(1).padStart(6)} %  (median of ${ROUNDS} paired rounds; the budget is 10 %)`);
if (reports.plugged <= reports.alone) throw new Error("the plugin reported nothing on files that hold mistakes: the bench is not measuring it");

const out = smoke ? `${tmpdir()}/retry-delay-bench-eslint-smoke.json` : `${root}bench/results/eslint.json`;
mkdirSync(fileURLToPath(new URL("results/", import.meta.url)), { recursive: true });
writeFileSync(out, `${JSON.stringify({ node: process.version, date: new Date().toISOString(), ...result }, null, 2)}\n`);
console.log(`     wrote ${out.replace(root, "")}`);
