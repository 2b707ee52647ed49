// The ESLint plugin's cost: 1,000 generated files of realistic Upstash SDK
// usage (workflow triggers, QStash publishes, queues, schedules, `serve`
// routes with `context.call`, among ordinary application code), linted the
// way `eslint .` lints them: one fresh process per run, ESLint's recommended
// rules alone or with the plugin's recommended config added. Runs alternate; the figure
// is the median of the paired overheads. The time is ESLint's lintFiles call
// (files read, parsed, linted), without the process start and imports.
//
//   node bench/eslint.mjs            the full run (5 pairs), writes bench/results/eslint.json
//   node bench/eslint.mjs --smoke    20 files, one pair: checks that it runs, timings meaningless
//   node bench/eslint.mjs --generate DIR          writes the 1,000 files into DIR and stops, for profiling:
//   node --cpu-prof bench/eslint.mjs --child DIR plugin   lints them once with the plugin (prints ms, CPU ms, reports)
import js from "@eslint/js";
import { ESLint } from "eslint";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const smoke = process.argv.includes("--smoke");
const FILES = smoke ? 20 : 1000;
const ROUNDS = smoke ? 1 : 5;

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

const DELAYS = [
  "pow(2, retried) * 1000",
  "1000 * (1 + retried)",
  "min(60000, pow(2, retried) * 500)",
  "max(1000, retried * 2000)",
  "pow(2, retryd) * 1000",
  "1000*(1+retried)",
];
const DURATIONS = ["10s", "1m", "5m", "1h", "2d", "10x", "90s"];

/** Ordinary application code around the SDK calls: what most lines of a real module are. */
const ORDINARY = [
  (i, n) => [
    `export function normalize${i}(record) {`,
    `  if (!record || typeof record !== "object") throw new TypeError("record expected");`,
    `  const name = String(record.name ?? "").trim().toLowerCase();`,
    `  const tags = Array.isArray(record.tags) ? record.tags.filter(Boolean).map((t) => t.trim()) : [];`,
    `  return { ...record, name, tags, score: Math.round((record.score ?? 0) * ${n}) / ${n} };`,
    `}`,
  ],
  (i) => [
    `export class Cache${i} {`,
    `  #entries = new Map();`,
    `  constructor(limit = 100) { this.limit = limit; }`,
    `  get(key) { const hit = this.#entries.get(key); if (hit === undefined) return undefined; this.#entries.delete(key); this.#entries.set(key, hit); return hit; }`,
    `  set(key, value) { if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value); this.#entries.set(key, value); }`,
    `}`,
  ],
  (i, n) => [
    `export async function load${i}(db, id) {`,
    `  try {`,
    `    const rows = await db.query("select * from items where owner = $1 limit ${n}", [id]);`,
    `    return rows.map(({ id: rowId, payload }) => ({ id: rowId, ...JSON.parse(payload) }));`,
    `  } catch (error) {`,
    `    logger.error("load failed", { id, error });`,
    `    return [];`,
    `  }`,
    `}`,
  ],
  (i) => [
    `export function summarize${i}(orders) {`,
    `  const byStatus = {};`,
    `  for (const order of orders) {`,
    `    byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;`,
    `  }`,
    `  const total = orders.reduce((sum, o) => sum + o.amount, 0);`,
    `  return { count: orders.length, total, byStatus, average: orders.length === 0 ? 0 : total / orders.length };`,
    `}`,
  ],
  (i, n) => [
    `export const config${i} = Object.freeze({`,
    `  pageSize: ${n * 10},`,
    `  regions: ["eu-west-1", "us-east-1"],`,
    `  features: { search: true, export: ${n % 2 === 0} },`,
    `});`,
  ],
];

/** One module: imports, ordinary code, and one to three SDK calls with literal and dynamic options. */
function generateFile(index) {
  const pick = random(index + 1);
  const one = (list) => list[Math.floor(pick() * list.length)];
  const n = (max) => 1 + Math.floor(pick() * max);
  const kind = index % 3;
  const lines = [];
  if (kind === 0)
    lines.push(`import { Client } from "@upstash/workflow";`, `const client = new Client({ token: process.env.QSTASH_TOKEN });`);
  if (kind === 1)
    lines.push(`import { Client } from "@upstash/qstash";`, `const qstash = new Client({ token: process.env.QSTASH_TOKEN });`);
  if (kind === 2) lines.push(`import { serve } from "@upstash/workflow/nextjs";`);
  lines.push(`import { logger } from "./logger.js";`, "", `const BASE = "https://api-${index}.example.com";`);
  const ordinary = () => {
    lines.push("");
    lines.push(...one(ORDINARY)(lines.length, n(9)));
  };
  for (let k = 0; k < 4; k++) ordinary();
  const calls = n(3);
  for (let c = 0; c < calls; c++) {
    lines.push(
      "",
      `export async function send${c}(input) {`,
      `  const items = input.items.filter((item) => item.enabled).map((item) => ({ ...item, total: item.count * ${n(100)} }));`,
    );
    if (kind === 0 && c % 2 === 0)
      lines.push(
        `  await client.trigger({ url: \`\${BASE}/api/workflow/${c}\`, body: { items }, retries: ${n(8)}, retryDelay: "${one(DELAYS)}", flowControl: { key: \`user-\${input.userId}\`, rate: ${n(20)}, period: "${one(DURATIONS)}" } });`,
      );
    if (kind === 0 && c % 2 === 1)
      lines.push(
        `  await client.trigger([{ url: "https://example.com/wf/a", delay: "${one(DURATIONS)}" }, { url: "https://example.com/wf/b", label: ["batch", "job-${c}"] }]);`,
      );
    if (kind === 1 && c === 0)
      lines.push(
        `  await qstash.publishJSON({ url: BASE + "/hook", body: { items }, retries: ${n(5)}, retryDelay: "${one(DELAYS)}", timeout: "${one(DURATIONS)}" });`,
      );
    if (kind === 1 && c === 1)
      lines.push(
        `  await qstash.queue({ queueName: "emails" }).enqueueJSON({ url: "https://example.com/send", body: input, delay: ${n(600)}, deduplicationId: \`mail-\${input.id}\` });`,
      );
    if (kind === 1 && c === 2)
      lines.push(
        `  await qstash.schedules.create({ destination: "https://example.com/cron/${c}", cron: "*/${n(30)} * * * *", retries: 2 });`,
      );
    if (kind === 2) lines.push(`  logger.debug("items", items.length);`);
    lines.push(`  return items;`, `}`);
    ordinary();
  }
  if (kind === 2) {
    lines.push("", `export const { POST } = serve(async (context) => {`, `  const order = context.requestPayload;`);
    lines.push(
      `  const charge = await context.call("charge", { url: "https://payments.example.com/charge", method: "POST", body: JSON.stringify(order), retries: ${n(5)}, retryDelay: "${one(DELAYS)}", timeout: "${one(DURATIONS)}" });`,
    );
    lines.push(
      `  await context.run("store", async () => ({ id: order.id, status: charge.status }));`,
      `}, { retries: ${n(5)}, failureUrl: "https://example.com/failed" });`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** In a child process: lint every file of `dir` once, with or without the plugin, and print the time and the report count. */
async function child(dir, withPlugin) {
  const base = [
    { ...js.configs.recommended, languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: { process: "readonly" } } },
  ];
  // The built plugin, as users get it.
  const plugin = withPlugin ? (await import("../dist/eslint.js")).default : undefined;
  const config = plugin === undefined ? base : [...base, plugin.configs.recommended];
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, cache: false });
  const start = performance.now();
  const cpu = process.cpuUsage();
  const results = await eslint.lintFiles(["."]);
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  process.stdout.write(
    JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, reports: results.reduce((n, r) => n + r.messages.length, 0) }),
  );
}

function writeFiles(dir) {
  let lines = 0;
  for (let i = 0; i < FILES; i++) {
    const text = generateFile(i);
    lines += text.split("\n").length;
    writeFileSync(`${dir}/file-${i}.js`, text);
  }
  return lines;
}

if (process.argv[2] === "--child") {
  await child(process.argv[3], process.argv[4] === "plugin");
} else if (process.argv[2] === "--generate") {
  const dir = process.argv[3];
  if (dir === undefined) throw new Error("--generate needs a directory");
  mkdirSync(dir, { recursive: true });
  console.log(`${writeFiles(dir)} lines in ${FILES} files written to ${dir}`);
} else {
  const dir = mkdtempSync(`${tmpdir()}/retry-delay-eslint-bench-`);
  try {
    const lines = writeFiles(dir);
    const run = (mode) =>
      JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", dir, mode], { encoding: "utf8" }));
    const alone = [];
    const plugged = [];
    for (let round = 0; round < ROUNDS; round++) {
      const pair = round % 2 === 0 ? [run("alone"), run("plugin")] : [run("plugin"), run("alone")].reverse();
      alone.push(pair[0]);
      plugged.push(pair[1]);
    }
    report({ lines, alone, plugged });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report({ lines, alone, plugged }) {
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const result = {
    files: FILES,
    lines,
    rounds: ROUNDS,
    eslintAloneMs: median(alone.map((r) => r.ms)),
    withPluginMs: median(plugged.map((r) => r.ms)),
    overhead: median(alone.map((r, i) => (plugged[i].ms - r.ms) / r.ms)),
    eslintAloneCpuMs: median(alone.map((r) => r.cpuMs)),
    withPluginCpuMs: median(plugged.map((r) => r.cpuMs)),
    cpuOverhead: median(alone.map((r, i) => (plugged[i].cpuMs - r.cpuMs) / r.cpuMs)),
    reports: { alone: alone[0].reports, plugged: plugged[0].reports },
  };
  console.log(
    `7. ESLint plugin: ${FILES} generated files (${lines} lines) of Upstash SDK usage, \`eslint .\` with ESLint's recommended rules alone vs with retry-delay's recommended config${smoke ? " — SMOKE RUN" : ""}`,
  );
  console.log(
    `     ESLint alone      ${result.eslintAloneMs.toFixed(0).padStart(6)} ms wall, ${result.eslintAloneCpuMs.toFixed(0).padStart(6)} ms CPU  (${result.reports.alone} reports)`,
  );
  console.log(
    `     with the plugin   ${result.withPluginMs.toFixed(0).padStart(6)} ms wall, ${result.withPluginCpuMs.toFixed(0).padStart(6)} ms CPU  (${result.reports.plugged} reports)`,
  );
  console.log(
    `     overhead          ${(result.overhead * 100).toFixed(1).padStart(6)} %  wall, ${(result.cpuOverhead * 100).toFixed(1).padStart(5)} % CPU  (median of ${ROUNDS} paired runs, one process each; the budget is 10 %)`,
  );
  if (result.reports.plugged <= result.reports.alone)
    throw new Error("the plugin reported nothing on files that hold mistakes: the bench is not measuring it");
  const out = smoke ? `${tmpdir()}/retry-delay-bench-eslint-smoke.json` : `${root}bench/results/eslint.json`;
  mkdirSync(fileURLToPath(new URL("results/", import.meta.url)), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ node: process.version, date: new Date().toISOString(), ...result }, null, 2)}\n`);
  console.log(`     wrote ${out.replace(root, "")}`);
}
