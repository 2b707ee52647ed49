export { DELIVERY_CODES, DELIVERY_LIMITS, type DeliveryCode, type DeliveryDiagnostic } from "./codes.js";
export { simulateDelivery } from "./simulate.js";
export type {
  Arrivals,
  Delivery,
  DeliveryEvent,
  DeliveryModel,
  DeliveryOutput,
  DeliveryResult,
  DeliveryRun,
  DeliveryScenario,
  DeliverySeries,
  DeliverySummary,
  EndpointFailure,
  EndpointModel,
  EndpointResponse,
  FlowControlSnapshot,
  HandlerDuration,
  Percentiles,
  ResolvedModel,
  RunOutcome,
  SeriesPoint,
  TimeSpan,
} from "./types.js";
