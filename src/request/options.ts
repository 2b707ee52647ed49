import type { UpstashPlan } from "../duration/plans.js";

// The option interfaces are generated from OPTION_TABLE (src/request/option-types.ts), so a new row is a new field.
export type { BatchItem, EnqueueOptions, PublishOptions, ScheduleCreateOptions, TriggerOptions } from "./option-types.js";
export type { RedactOptions } from "./redact-options.js";

/**
 * Options of the builders themselves, not of the request.
 *
 * @example
 * ```ts
 * const options: BuildOptions = { plan: "free", baseUrl: "http://localhost:8080" };
 * buildTriggerRequest({ url: "https://example.com/wf", delay: "8d" }, options).ok; // false: over the free plan
 * ```
 */
export interface BuildOptions {
  /** Default `https://qstash.upstash.io`. */
  readonly baseUrl?: string;
  /** Put in `Authorization: Bearer …`. Default the placeholder `<QSTASH_TOKEN>`: a real token never needs to pass through here. */
  readonly token?: string;
  /** Check values against this plan's documented limits (delay, timeout, message size, parallelism). */
  readonly plan?: UpstashPlan;
  /** "Now" in Unix milliseconds, for the `notBefore` checks. Default `Date.now()`. */
  readonly now?: number;
}
