export {
  RetryDelayError,
  hasErrors,
  type Diagnostic,
  type Fix,
  type RelatedSpan,
  type Result,
  type Severity,
  type Span,
} from "./diagnostic.js";
export { renderDiagnostic, renderDiagnostics, type RenderOptions } from "./render.js";
