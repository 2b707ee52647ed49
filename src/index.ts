/**
 * retry-delay: parse, check, compile and explain the small languages of
 * Upstash Workflow / QStash trigger requests, starting with the
 * `Upstash-Retry-Delay` expression language.
 *
 * @packageDocumentation
 */
export * from "./diagnostics/index.js";
export * from "./expression/index.js";
export * from "./duration/index.js";
export * from "./flow-control/index.js";
export * from "./trigger/index.js";
export * from "./retry-after/index.js";
export * from "./schedule/index.js";
export * from "./server/index.js";
export * from "./delivery/index.js";
