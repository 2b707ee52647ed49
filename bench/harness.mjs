// The sampling harness shared by the benchmark's measures (run.mjs, shared-site.mjs):
// time-calibrated samples, contenders interleaved, medians with their spread.

export const smoke = process.argv.includes("--smoke");
/** Interleaved rounds per measure. */
export const ROUNDS = smoke ? 1 : 21;
/** Each sample runs for about this long, whatever the contender's speed, so slow and fast ones get equal time. */
const SAMPLE_MS = smoke ? 1 : 15;

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const percentile = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
};

export const summary = (samples) => ({
  median: median(samples),
  p10: percentile(samples, 0.1),
  p90: percentile(samples, 0.9),
  samples: samples.length,
});

/** Warms `run(n)` into optimized code, then finds the n that takes about SAMPLE_MS. */
export function calibrate(run) {
  // Warm up first: sized from cold calls (the first invalid expression builds the full
  // parser; the first calls of anything run unoptimized), a sample would hold a handful
  // of calls and time mostly noise.
  const warmUntil = performance.now() + SAMPLE_MS;
  for (let calls = 16, start = performance.now(); start < warmUntil;) {
    run(calls);
    const now = performance.now();
    if (now - start < SAMPLE_MS / 8) calls *= 2;
    start = now;
  }
  let n = 16;
  for (;;) {
    const start = performance.now();
    run(n);
    const elapsed = performance.now() - start;
    if (elapsed >= SAMPLE_MS / 4 || n >= 1 << 26) return Math.max(1, Math.round((n * SAMPLE_MS) / Math.max(elapsed, 1e-3)));
    n *= 4;
  }
}

/** Interleaves the contenders, rotating their order every round. */
export function interleave(contenders, rounds, sample) {
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) sample(contenders[(k + round) % contenders.length]);
  }
}
