export type {
  BinaryExpression,
  BinaryOperator,
  CallExpression,
  Expression,
  NumberLiteral,
  RetriedVariable,
  UnaryExpression,
  UnaryOperator,
} from "./ast.js";
export {
  BUILTINS,
  lookupBuiltin,
  roundHalfAwayFromZero,
  type BinaryBuiltin,
  type Builtin,
  type DelayClosure,
  type UnaryBuiltin,
} from "./builtins.js";
export { compile, tabulate, tryCompile, type CompileOptions, type CompiledDelay, type TabulatedDelay } from "./api.js";
export { checkExpression, DEFAULT_RETRIES, type CheckedExpression, type CheckOptions, type CheckResult, type DelayRange } from "./check.js";
export { EXPRESSION_CODES, type ExpressionCode, type ExpressionDiagnostic } from "./codes.js";
export { compileExpression } from "./compile.js";
export { describeErrorCount } from "./error-limit.js";
export { interpret } from "./interpret.js";
export { EXPRESSION_LIMITS } from "./limits.js";
export { parse } from "./parse.js";
export { printExpression } from "./print.js";
