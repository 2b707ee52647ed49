export {
  buildBatchTriggerRequest,
  buildTriggerRequest,
  DEFAULT_BASE_URL,
  PLACEHOLDER_TOKEN,
  type BuildOptions,
  type HttpRequest,
  type TriggerBuildResult,
  type TriggerOptions,
} from "./build.js";
export { buildBatchRequest, buildEnqueueRequest, buildPublishRequest, buildScheduleRequest } from "../request/api.js";
export type { BatchItem, EnqueueOptions, PublishOptions, RedactOptions, ScheduleCreateOptions } from "../request/options.js";
export type { RequestBuildResult } from "../request/requests.js";
export type { Endpoint } from "../request/context.js";
export {
  OPTION_TABLE,
  optionName,
  type OptionRow,
  type HeaderRow,
  type PayloadRow,
  type RowFacts,
  type JsonSchema,
} from "../request/table.js";
export { TRIGGER_CODES, type OptionCode, type OptionDiagnostic, type TriggerCode } from "./codes.js";
export {
  MAX_HEADER_VALUE_LENGTH,
  parseRequestHeaders,
  parseTriggerHeaders,
  type HeaderInput,
  type ParseContextOptions,
  type ParseResult,
  type RequestParseResult,
  type TriggerParseResult,
} from "./parse.js";
export { renderOptionDiagnostics } from "./render.js";
export { shellQuote, toCurl } from "./curl.js";
