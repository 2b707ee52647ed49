export { checkFlowControl, formatFlowControlValue, tryFormatFlowControlValue } from "./format.js";
export { FLOW_CONTROL_CODES, MISSING_LIMIT_MESSAGE, type FlowControlCode, type FlowControlDiagnostic } from "./codes.js";
export { FLOW_CONTROL_FIELDS, FLOW_CONTROL_LIMITS, type CountFieldName } from "./fields.js";
export { checkFlowControlKey, checkResourceName, parseFlowControlKey, RESOURCE_NAME_PATTERN } from "./key.js";
export { describeFlowControl } from "./describe.js";
export { parseFlowControlValue } from "./parse.js";
export { toFlowControlOptions } from "./convert.js";
export type { FlowControlCounts, FlowControlOptions, FlowControlValue } from "./types.js";
