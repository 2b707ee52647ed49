/**
 * The REST header names of a trigger, as Upstash documents them.
 *
 * @example
 * ```ts
 * parseTriggerHeaders({ [HEADER.retries]: "5" }).options.retries; // 5
 * ```
 */
export const HEADER = Object.freeze({
  workflowRunId: "Upstash-Workflow-RunId",
  retries: "Upstash-Retries",
  retryDelay: "Upstash-Retry-Delay",
  delay: "Upstash-Delay",
  notBefore: "Upstash-Not-Before",
  flowControlKey: "Upstash-Flow-Control-Key",
  flowControlValue: "Upstash-Flow-Control-Value",
  failureCallback: "Upstash-Failure-Callback",
  failureCallbackRetries: "Upstash-Failure-Callback-Retries",
  failureCallbackRetryDelay: "Upstash-Failure-Callback-Retry-Delay",
  failureCallbackFlowControlKey: "Upstash-Failure-Callback-Flow-Control-Key",
  failureCallbackFlowControlValue: "Upstash-Failure-Callback-Flow-Control-Value",
  callbackRetries: "Upstash-Callback-Retries",
  callbackRetryDelay: "Upstash-Callback-Retry-Delay",
  label: "Upstash-Label",
  forwardPrefix: "Upstash-Forward-",
  failureCallbackForwardPrefix: "Upstash-Failure-Callback-Forward-",
});

/**
 * `Upstash-*` headers that the parser accepts without a warning although they
 * carry no trigger option: the SDK's own workflow protocol, and settings of
 * QStash messages that a trigger may also carry.
 */
export const OTHER_KNOWN_UPSTASH_HEADERS: ReadonlySet<string> = new Set(
  [
    "Upstash-Method",
    "Upstash-Feature-Set",
    "Upstash-Workflow-Init",
    "Upstash-Workflow-Url",
    "Upstash-Workflow-Sdk-Version",
    "Upstash-Workflow-Calltype",
    "Upstash-Telemetry-Sdk",
    "Upstash-Telemetry-Framework",
    "Upstash-Telemetry-Runtime",
    "Upstash-Callback",
    "Upstash-Callback-Retries",
    "Upstash-Callback-Retry-Delay",
    "Upstash-Failure-Callback-Retry-Delay",
    "Upstash-Failure-Callback-Retries",
    "Upstash-Failure-Callback-Flow-Control-Key",
    "Upstash-Failure-Callback-Flow-Control-Value",
    "Upstash-Failure-Callback-Feature-Set",
    "Upstash-Failure-Callback-Workflow-Runid",
    "Upstash-Failure-Callback-Workflow-Url",
    "Upstash-Failure-Callback-Workflow-Init",
    "Upstash-Failure-Callback-Workflow-Calltype",
    "Upstash-Deduplication-Id",
    "Upstash-Content-Based-Deduplication",
    "Upstash-Timeout",
  ].map((name) => name.toLowerCase()),
);
