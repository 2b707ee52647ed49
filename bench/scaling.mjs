// Time against size for the inputs an attacker controls the size of:
// forwarded headers, labels, batch items and incoming headers. Each row
// doubles the size; linear work shows as a per-item time that stays flat
// (and a ×2 step), quadratic work as one that doubles.
//
//   node scripts/build.mjs && node bench/scaling.mjs
import {
  buildBatchRequest,
  buildBatchTriggerRequest,
  buildPublishRequest,
  buildTriggerRequest,
  parseTriggerHeaders,
} from "../dist/index.js";

const SIZES = process.argv.includes("--smoke") ? [100, 200] : [1_000, 2_000, 4_000, 8_000, 16_000, 32_000];

const cases = {
  "trigger: forwarded headers": (n) => () =>
    buildTriggerRequest({
      url: "https://example.com/wf",
      failureUrl: "https://example.com/f",
      headers: Object.fromEntries(Array.from({ length: n }, (_, i) => [`X-H${i}`, `v${i}`])),
    }),
  "trigger: case-duplicate headers": (n) => () =>
    buildTriggerRequest({
      url: "https://example.com/wf",
      headers: Object.fromEntries(Array.from({ length: n }, (_, i) => [i % 2 ? `x-h${i >> 1}` : `X-H${i >> 1}`, "v"])),
    }),
  "publish: labels": (n) => () =>
    buildPublishRequest({ url: "https://example.com/h", label: Array.from({ length: n }, (_, i) => `l${i}`) }),
  "batch trigger: items": (n) => () =>
    buildBatchTriggerRequest(Array.from({ length: Math.min(n, 10_000) }, (_, i) => ({ url: `https://example.com/${i}`, retries: 5 }))),
  "batch: items": (n) => () =>
    buildBatchRequest(Array.from({ length: Math.min(n, 10_000) }, (_, i) => ({ url: `https://example.com/${i}` }))),
  "parse: unknown Upstash-* headers": (n) => () =>
    parseTriggerHeaders(Object.fromEntries(Array.from({ length: Math.min(n, 10_000) }, (_, i) => [`Upstash-X${i}`, "1"]))),
  "parse: forwarded headers": (n) => () =>
    parseTriggerHeaders(Object.fromEntries(Array.from({ length: Math.min(n, 10_000) }, (_, i) => [`Upstash-Forward-X${i}`, "1"]))),
};

function time(run) {
  run();
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[2];
}

console.log(
  `node ${process.version}; median of 5 runs; sizes above 10,000 are capped where the library caps them (batches, incoming headers)\n`,
);
console.log(`${"case".padEnd(34)}${"size".padStart(8)}${"ms".padStart(10)}${"µs/item".padStart(10)}${"step".padStart(8)}`);
for (const [name, make] of Object.entries(cases)) {
  let previous;
  for (const n of SIZES) {
    const ms = time(make(n));
    const step = previous === undefined ? "" : `×${(ms / previous).toFixed(2)}`;
    console.log(
      `${name.padEnd(34)}${String(n).padStart(8)}${ms.toFixed(2).padStart(10)}${((ms * 1000) / n).toFixed(2).padStart(10)}${step.padStart(8)}`,
    );
    previous = ms;
  }
}
