export {
  checkFlowControl,
  checkFlowControlKey,
  describeFlowControl,
  FLOW_CONTROL_CODES,
  FLOW_CONTROL_LIMITS,
  formatFlowControlValue,
  MISSING_LIMIT_MESSAGE,
  parseFlowControlValue,
  type FlowControlCode,
  type FlowControlDiagnostic,
  type FlowControlOptions,
  type FlowControlValue,
} from "./flow-control.js";
