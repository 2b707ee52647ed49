// Prints bench/results/latest.json (or the file given) as the Markdown tables of docs/performance.md.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { int, ns, signed } from "./format.mjs";
import { serverSectionMarkdown } from "./performance-doc.mjs";

const file = process.argv[2] ?? fileURLToPath(new URL("results/latest.json", import.meta.url));
const d = JSON.parse(readFileSync(file, "utf8"));
const lines = [];
const table = (header, rows) => {
  lines.push(`| ${header.join(" | ")} |`, `| ${header.map((_, i) => (i === 0 ? "---" : "--:")).join(" | ")} |`);
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  lines.push("");
};

lines.push(`Run: ${d.date}, Node ${d.node}, ${d.cpus} × ${d.cpu}, ${d.rounds} interleaved rounds.`, "");
lines.push("### Evaluation (median ns per call over retried 0…20; ratio to hand-written)", "");
table(
  ["expression", ...d.evaluation[0].rows.map((r) => r.name)],
  d.evaluation.map((e) => [
    `\`${e.expression}\``,
    ...e.rows.map((r) => (r.name === "hand-written" ? ns(r.median) : `${ns(r.median)} ×${r.ratio.toFixed(2)}`)),
  ]),
);
lines.push("### Parse + validate + compile (median operations per second)", "");
table(
  ["stream", ...d.compiles[0].rows.map((r) => r.name)],
  d.compiles.map((s) => [
    s.stream,
    ...s.rows.map((r) => (r.name.startsWith("retry-delay") ? int(r.median) : `${int(r.median)} (retry-delay ×${r.oursOver.toFixed(2)})`)),
  ]),
);
lines.push("### Cold start (fresh process; median wall time)", "");
table(
  ["process", "wall", "above `node -e 0`", "import → first result"],
  d.cold.map((r) => [
    r.name,
    `${r.wallMs.median.toFixed(1)} ms`,
    `${signed(r.aboveNodeMs)} ms`,
    r.importToResultMs ? `${r.importToResultMs.median.toFixed(1)} ms` : "—",
  ]),
);
lines.push(`### Memory (retained heap per compiled expression, ${int(d.memory[0].count)} kept alive)`, "");
table(
  ["contender", "bytes"],
  d.memory.map((r) => [r.name, int(r.bytesPerExpression)]),
);
if (d.bundleMarkdown !== undefined) lines.push("### Bundle size, each import alone", "", d.bundleMarkdown, "");
if (d.shared !== undefined) lines.push(serverSectionMarkdown(d));
console.log(lines.join("\n"));
