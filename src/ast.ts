/**
 * retry-delay/ast: the expression language's trees and the tools that work on
 * them, for editors, linters and anyone building on the parser. Most users need
 * only the root entry (`compile`, `tryCompile`, `parseExpression`).
 *
 * @example
 * ```ts
 * import { parseExpression } from "retry-delay";
 * import { checkExpression, compileTree, interpret } from "retry-delay/ast";
 *
 * const parsed = parseExpression("pow(2, retried) * 1000");
 * if (parsed.ok) {
 *   checkExpression(parsed.value, { retries: 5 }).ok; // true
 *   interpret(parsed.value, 3); // 8000, by walking the tree
 *   compileTree(parsed.value)(3); // 8000, through a compiled closure
 * }
 * ```
 *
 * @packageDocumentation
 */
export type {
  BinaryExpression,
  BinaryOperator,
  CallExpression,
  Expression,
  NumberLiteral,
  RetriedVariable,
  UnaryExpression,
  UnaryOperator,
} from "./expression/ast.js";
export { BUILTINS, lookupBuiltin, type BinaryBuiltin, type Builtin, type DelayClosure, type UnaryBuiltin } from "./expression/builtins.js";
export { checkExpression, type CheckedExpression, type CheckOptions, type CheckResult, type DelayRange } from "./expression/check.js";
export { compileExpression as compileTree } from "./expression/compile.js";
export { interpret } from "./expression/interpret.js";
export { parseExpression } from "./expression/api.js";
export { printExpression as formatExpression } from "./expression/print.js";
