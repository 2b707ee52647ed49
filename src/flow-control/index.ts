export { formatFlowControlValue, tryFormatFlowControlValue } from "./format.js";
export { FLOW_CONTROL_CODES, type FlowControlCode, type FlowControlDiagnostic } from "./codes.js";
export { FLOW_CONTROL_FIELDS, FLOW_CONTROL_LIMITS, type CountFieldName } from "./fields.js";
export { parseFlowControlKey } from "./key.js";
export { describeFlowControl } from "./describe.js";
export { parseFlowControlValue } from "./parse.js";
export { toFlowControlOptions } from "./convert.js";
export type { FlowControlCounts, FlowControlOptions, FlowControlValue } from "./types.js";

// Deprecated for one minor version (CHANGELOG): the bare-list checks and internal-grade names.
/* eslint-disable @typescript-eslint/no-deprecated */
export { checkFlowControl } from "./format.js";
export { MISSING_LIMIT_MESSAGE } from "./codes.js";
export { checkFlowControlKey, checkResourceName, RESOURCE_NAME_PATTERN } from "./key.js";
/* eslint-enable @typescript-eslint/no-deprecated */
