export { buildBatchTriggerRequest, buildTriggerHeaders, buildTriggerRequest, DEFAULT_BASE_URL, PLACEHOLDER_TOKEN, type BuildOptions, type HttpRequest, type TriggerBuildResult, type TriggerHeaders, type TriggerOptions } from "./build.js";
export { TRIGGER_CODES, type OptionDiagnostic, type TriggerCode } from "./codes.js";
export { HEADER } from "./headers.js";
export { MAX_HEADER_VALUE_LENGTH, parseTriggerHeaders, type HeaderInput, type TriggerParseResult } from "./parse.js";
export { renderOptionDiagnostics } from "./render.js";
export { shellQuote, toCurl } from "./curl.js";
