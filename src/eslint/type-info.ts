import type { SourceCode } from "eslint";
import type * as ESTree from "estree";
import type { SdkImport } from "./imports.js";

/*
 * TypeScript's view, when typescript-eslint's parser runs with a project:
 * the declared type of a receiver or an annotation, named by its symbol and
 * the package that declares it. Typed structurally, so this package needs no
 * `typescript` import at run time or in its types.
 */

interface TsSymbol {
  getName(): string;
  readonly declarations?: readonly { getSourceFile(): { readonly fileName: string } }[];
}
interface TsType {
  getSymbol(): TsSymbol | undefined;
  readonly aliasSymbol?: TsSymbol;
}
interface Checker {
  getTypeAtLocation(node: unknown): TsType;
  getTypeFromTypeNode(node: unknown): TsType;
}
interface Services {
  /** Null when the parser ran without a project. */
  readonly program: { getTypeChecker(): Checker } | null;
  readonly esTreeNodeToTSNodeMap: { get(node: unknown): unknown };
}

/** What the type checker says a node's type is, or nothing without type information. */
export interface TypeInfo {
  /** The SDK class or type alias of the value of `node`. */
  typeOf(node: ESTree.Node): SdkImport | undefined;
  /** The SDK type a type annotation names. */
  annotated(typeNode: unknown): SdkImport | undefined;
}

export function typeInfo(sourceCode: SourceCode): TypeInfo | undefined {
  const services = sourceCode.parserServices as Partial<Services> | undefined;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (program === undefined || program === null || map === undefined) return undefined;
  let checker: Checker | undefined;
  const check = (): Checker => (checker ??= program.getTypeChecker());
  return {
    typeOf: (node) => {
      const tsNode = map.get(node);
      return tsNode === undefined ? undefined : named(check().getTypeAtLocation(tsNode));
    },
    annotated: (typeNode) => {
      const tsNode = map.get(typeNode);
      return tsNode === undefined ? undefined : named(check().getTypeFromTypeNode(tsNode));
    },
  };
}

function named(type: TsType): SdkImport | undefined {
  for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName.replace(/\\/g, "/");
    if (symbol === undefined || file === undefined) continue;
    if (file.includes("/@upstash/workflow/")) return { from: "workflow", name: symbol.getName() };
    if (file.includes("/@upstash/qstash/")) return { from: "qstash", name: symbol.getName() };
  }
  return undefined;
}
