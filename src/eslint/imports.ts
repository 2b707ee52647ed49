import type { Scope, SourceCode } from "eslint";
import type * as ESTree from "estree";
import { findVariable, unwrap } from "./static.js";

/** The two SDKs whose calls are checked. */
export type Sdk = "workflow" | "qstash";

/** A name imported from one of the SDKs (or `withValidation` from this package's client). */
export interface SdkImport {
  readonly from: Sdk | "client";
  readonly name: string;
}

/** `@upstash/workflow` and its framework entries (`@upstash/workflow/nextjs`), `@upstash/qstash` and its entries. */
function sdkOfModule(source: unknown): SdkImport["from"] | undefined {
  if (typeof source !== "string") return undefined;
  if (source === "@upstash/workflow" || source.startsWith("@upstash/workflow/")) return "workflow";
  if (source === "@upstash/qstash" || source.startsWith("@upstash/qstash/")) return "qstash";
  if (source === "retry-delay/client") return "client";
  return undefined;
}

/** Whether the file can name anything this plugin checks: the cheap test that keeps unrelated files free. */
export function mentionsSdk(text: string): boolean {
  return text.includes("@upstash/") || text.includes("retry-delay/client");
}

/** What `node` (an identifier or `ns.Name`) is, when it was imported from an SDK; by `import` or by `require`. */
export function importOf(node: ESTree.Node, sourceCode: SourceCode): SdkImport | undefined {
  const inner = unwrap(node);
  if (inner.type === "MemberExpression" && !inner.computed && inner.property.type === "Identifier" && inner.object.type === "Identifier") {
    const namespace = importOf(inner.object, sourceCode);
    return namespace?.name === "*" ? { from: namespace.from, name: inner.property.name } : undefined;
  }
  if (inner.type !== "Identifier") return undefined;
  const variable = findVariable(sourceCode.getScope(inner), inner.name);
  const def = variable?.defs[0];
  if (def === undefined) return undefined;
  if (def.type === "ImportBinding") return fromImport(def);
  if (def.type === "Variable") return fromRequire(def.node, inner.name);
  return undefined;
}

function fromImport(def: Scope.Definition & { type: "ImportBinding" }): SdkImport | undefined {
  const from = sdkOfModule(def.parent.source.value);
  if (from === undefined) return undefined;
  const specifier = def.node;
  if (specifier.type === "ImportNamespaceSpecifier") return { from, name: "*" };
  if (specifier.type === "ImportDefaultSpecifier") return { from, name: "default" };
  const imported = specifier.imported;
  return { from, name: imported.type === "Identifier" ? imported.name : String(imported.value) };
}

/** `const { Client } = require("@upstash/qstash")` and `const qstash = require("@upstash/qstash")`. */
function fromRequire(declarator: ESTree.VariableDeclarator, local: string): SdkImport | undefined {
  const init = declarator.init;
  if (init?.type !== "CallExpression" || init.callee.type !== "Identifier" || init.callee.name !== "require") return undefined;
  const argument = init.arguments[0];
  const from = argument?.type === "Literal" ? sdkOfModule(argument.value) : undefined;
  if (from === undefined) return undefined;
  if (declarator.id.type === "Identifier") return { from, name: "*" };
  if (declarator.id.type !== "ObjectPattern") return undefined;
  for (const property of declarator.id.properties) {
    if (property.type !== "Property" || property.computed || property.key.type !== "Identifier") continue;
    const value = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
    if (value.type === "Identifier" && value.name === local) return { from, name: property.key.name };
  }
  return undefined;
}
