export { createCompileCache, type CompileCache, type CompileCacheOptions, type CompileCacheStats } from "./cache.js";
export { decideRetry, type DestinationResponse, type RetryDecision, type RetryDecisionInput } from "./decide.js";
export { gotCalculateDelay, retryDelayHook, type RetryHookOptions } from "./hooks.js";
