// Number formats shared by the benchmark's console output (run.mjs) and its Markdown report (report.mjs).

/** Nanoseconds, switching to microseconds from 1000 ns. */
export const ns = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} µs` : `${v.toFixed(1)} ns`);

/** Bytes as kilobytes. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A whole number with thousands separators. */
export const int = (v) => Math.round(v).toLocaleString("en-US");

/** A difference with its sign: "+3.1", "−1.3" (noise can put a case under the baseline). */
export const signed = (ms) => `${ms < 0 ? "−" : "+"}${Math.abs(ms).toFixed(1)}`;
