import type { RequestBuildResult } from "../request/requests.js";

export { buildBatchTriggerRequest, buildTriggerRequest } from "../request/api.js";
export { PLACEHOLDER_TOKEN, type HttpRequest } from "../request/requests.js";
export type { BuildOptions, TriggerOptions } from "../request/options.js";

/**
 * The request, and everything found while building it.
 *
 * @example
 * ```ts
 * const result: TriggerBuildResult = buildTriggerRequest({ url: "example.com" });
 * result.ok; // false: the url needs http:// or https://
 * ```
 */
export type TriggerBuildResult = RequestBuildResult;
