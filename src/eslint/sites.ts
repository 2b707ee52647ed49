import type { Scope, SourceCode } from "eslint";
import type * as ESTree from "estree";
import type { CallShape } from "../client/check.js";
import { importOf, type Sdk, type SdkImport } from "./imports.js";
import { constInit, findVariable, unwrap } from "./static.js";
import type { TypeInfo } from "./type-info.js";

/*
 * Which calls carry Upstash request options. A receiver counts only when the
 * source shows where it comes from: `new Client()` of an SDK import (through
 * variables, `withValidation(...)`, `client.queue(...)`, `client.schedules`),
 * a handler's `context` under `serve(...)`, or, with type information, a
 * value whose declared type is the SDK's class.
 */

/** An options argument to check, and how. */
export interface Site {
  readonly shape: CallShape;
  readonly options: ESTree.Node;
  /** For `queue({ queueName }).enqueue(...)`: the queue's options, where `queueName` is. */
  readonly queue?: ESTree.Node | "unknown";
}

type Receiver =
  | { readonly kind: "client"; readonly sdk: Sdk }
  | { readonly kind: "queue"; readonly options: ESTree.Node | "unknown" }
  | { readonly kind: "schedules" }
  | { readonly kind: "context" };

const full = (endpoint: CallShape["endpoint"], { batch }: { readonly batch: boolean } = { batch: false }): CallShape => ({
  endpoint,
  batch,
  partial: false,
});
const partial = (endpoint: CallShape["endpoint"]): CallShape => ({ endpoint, batch: false, partial: true });

/** The methods that take options, by receiver: the shape, and which argument holds the options. */
const METHODS: Readonly<Record<string, (receiver: Receiver, args: readonly ESTree.Node[]) => Site | undefined>> = {
  trigger: (r, [options]) =>
    r.kind === "client" && r.sdk === "workflow" && options !== undefined
      ? { shape: full("trigger", { batch: unwrap(options).type === "ArrayExpression" }), options }
      : undefined,
  publish: (r, [options]) => (isQStash(r) && options !== undefined ? { shape: full("publish"), options } : undefined),
  publishJSON: (r, [options]) => (isQStash(r) && options !== undefined ? { shape: full("publish"), options } : undefined),
  batch: (r, [options]) => (isQStash(r) && options !== undefined ? { shape: full("batch", { batch: true }), options } : undefined),
  batchJSON: (r, [options]) => (isQStash(r) && options !== undefined ? { shape: full("batch", { batch: true }), options } : undefined),
  enqueue: (r, [options]) =>
    r.kind === "queue" && options !== undefined ? { shape: full("enqueue"), options, queue: r.options } : undefined,
  enqueueJSON: (r, [options]) =>
    r.kind === "queue" && options !== undefined ? { shape: full("enqueue"), options, queue: r.options } : undefined,
  create: (r, [options]) => (r.kind === "schedules" && options !== undefined ? { shape: full("schedule"), options } : undefined),
  call: (r, [, options]) => (r.kind === "context" && options !== undefined ? { shape: partial("publish"), options } : undefined),
  invoke: (r, [, options]) => (r.kind === "context" && options !== undefined ? { shape: partial("trigger"), options } : undefined),
};

/** The SDK option types an object may be annotated or `satisfies`-checked with. */
const OPTION_TYPES: ReadonlyMap<string, CallShape> = new Map([
  ["workflow:TriggerOptions", full("trigger")],
  ["workflow:WorkflowServeOptions", partial("trigger")],
  ["workflow:CallSettings", partial("publish")],
  ["qstash:PublishRequest", full("publish")],
  ["qstash:PublishJsonRequest", full("publish")],
  ["qstash:PublishBatchRequest", full("batch", { batch: true })],
  ["qstash:CreateScheduleRequest", full("schedule")],
]);

function isQStash(receiver: Receiver): boolean {
  return receiver.kind === "client" && receiver.sdk === "qstash";
}

/** Whether a call's method name is one that may take options: the cheap filter before any resolving. `serveNames` are the local names `serve` is imported under. */
export function isCandidate(call: ESTree.CallExpression, serveNames: ReadonlySet<string>): boolean {
  const callee = call.callee;
  if (callee.type === "Identifier") return serveNames.has(callee.name);
  return (
    callee.type === "MemberExpression" &&
    !callee.computed &&
    callee.property.type === "Identifier" &&
    (Object.hasOwn(METHODS, callee.property.name) || callee.property.name === "serve")
  );
}

export class SiteFinder {
  /** What each binding of the file resolved to, by how many hops in it was reached: a client is used by several calls. */
  private readonly bindings = new Map<Scope.Variable, Map<number, Receiver | undefined>>();

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly types: TypeInfo | undefined,
  ) {}

  /** The options a call passes to the SDK, or undefined when it is not an SDK call. */
  ofCall(call: ESTree.CallExpression): Site | undefined {
    const callee = call.callee;
    const args = call.arguments as readonly ESTree.Node[];
    if (callee.type === "Identifier") return this.ofServe(callee, args);
    if (callee.type !== "MemberExpression" || callee.computed || callee.property.type !== "Identifier") return undefined;
    if (callee.property.name === "serve") return this.ofServe(callee, args);
    const method = METHODS[callee.property.name];
    const receiver = method === undefined || callee.object.type === "Super" ? undefined : this.receiver(callee.object, 0);
    return receiver === undefined || method === undefined ? undefined : method(receiver, args);
  }

  /** `serve(handler, options)` or `workflow.serve(...)`: the request options among the endpoint's own settings. */
  private ofServe(callee: ESTree.Node, args: readonly ESTree.Node[]): Site | undefined {
    const imported = importOf(callee, this.sourceCode);
    return imported?.from === "workflow" && imported.name === "serve" && args[1] !== undefined
      ? { shape: partial("trigger"), options: args[1] }
      : undefined;
  }

  /** The shape of an object annotated with, or checked to satisfy, an SDK option type. */
  ofAnnotation(typeNode: ESTree.Node): CallShape | undefined {
    const node = typeNode as unknown as { type: string; typeName?: ESTree.Node; elementType?: ESTree.Node };
    if (node.type === "TSArrayType" && node.elementType !== undefined) {
      const item = this.ofAnnotation(node.elementType);
      return item === undefined ? undefined : { ...item, batch: true };
    }
    if (node.type !== "TSTypeReference" || node.typeName === undefined) return undefined;
    const named = importOf(node.typeName, this.sourceCode) ?? this.types?.annotated(typeNode);
    return named === undefined ? undefined : OPTION_TYPES.get(`${named.from}:${named.name}`);
  }

  private receiver(node: ESTree.Node, hops: number): Receiver | undefined {
    if (hops > 4) return undefined;
    return this.bySource(unwrap(node), hops) ?? this.byType(node);
  }

  private bySource(node: ESTree.Node, hops: number): Receiver | undefined {
    switch (node.type) {
      case "NewExpression":
        return this.clientClass(node.callee);
      case "CallExpression":
        return this.fromCall(node, hops);
      case "MemberExpression": {
        if (node.computed || node.property.type !== "Identifier" || node.property.name !== "schedules" || node.object.type === "Super")
          return undefined;
        return isQStashReceiver(this.receiver(node.object, hops + 1)) ? { kind: "schedules" } : undefined;
      }
      case "Identifier":
        return this.fromBinding(node, hops);
      default:
        return undefined;
    }
  }

  private clientClass(callee: ESTree.Node): Receiver | undefined {
    const imported = importOf(callee, this.sourceCode);
    return imported !== undefined && imported.from !== "client" && imported.name === "Client"
      ? { kind: "client", sdk: imported.from }
      : undefined;
  }

  /** `withValidation(client)` is the client; `client.queue(options)` is a queue. */
  private fromCall(node: ESTree.CallExpression, hops: number): Receiver | undefined {
    const [first] = node.arguments;
    if (first === undefined || first.type === "SpreadElement") return undefined;
    const callee = node.callee;
    if (callee.type === "Identifier") {
      const imported = importOf(callee, this.sourceCode);
      return imported?.from === "client" && imported.name === "withValidation" ? this.receiver(first, hops + 1) : undefined;
    }
    if (
      callee.type !== "MemberExpression" ||
      callee.computed ||
      callee.property.type !== "Identifier" ||
      callee.property.name !== "queue" ||
      callee.object.type === "Super"
    )
      return undefined;
    return isQStashReceiver(this.receiver(callee.object, hops + 1)) ? { kind: "queue", options: first } : undefined;
  }

  private fromBinding(node: ESTree.Identifier, hops: number): Receiver | undefined {
    const variable = findVariable(this.sourceCode.getScope(node), node.name);
    if (variable === undefined) return undefined;
    let byHops = this.bindings.get(variable);
    if (byHops === undefined) this.bindings.set(variable, (byHops = new Map<number, Receiver | undefined>()));
    if (byHops.has(hops)) return byHops.get(hops);
    const found = this.ofVariable(variable, hops);
    byHops.set(hops, found);
    return found;
  }

  private ofVariable(variable: Scope.Variable, hops: number): Receiver | undefined {
    const def = variable.defs[0];
    if (def === undefined) return undefined;
    if (def.type === "Parameter") return this.fromParameter(def.node, variable.name);
    const init =
      constInit(variable) ??
      (def.type === "Variable" && variable.defs.length === 1 && def.node.id.type === "Identifier" ? def.node.init : undefined);
    return init === undefined || init === null ? undefined : this.receiver(init, hops + 1);
  }

  /** A handler's first parameter under `serve(handler)` or `createWorkflow(handler)`, or a parameter annotated with an SDK class. */
  private fromParameter(fn: ESTree.Node, name: string): Receiver | undefined {
    if (fn.type !== "FunctionDeclaration" && fn.type !== "FunctionExpression" && fn.type !== "ArrowFunctionExpression") return undefined;
    const index = fn.params.findIndex((p) => p.type === "Identifier" && p.name === name);
    const param = fn.params[index] as (ESTree.Pattern & { typeAnnotation?: { typeAnnotation?: ESTree.Node } }) | undefined;
    const annotation = param?.typeAnnotation?.typeAnnotation as { type: string; typeName?: ESTree.Node } | undefined;
    if (annotation?.type === "TSTypeReference" && annotation.typeName !== undefined) {
      const imported = importOf(annotation.typeName, this.sourceCode);
      const receiver = imported === undefined ? undefined : receiverOfType(imported);
      if (receiver !== undefined) return receiver;
    }
    const parent = (fn as ESTree.Node & { parent?: ESTree.Node }).parent;
    if (index !== 0 || parent?.type !== "CallExpression" || parent.arguments[0] !== fn) return undefined;
    const imported = importOf(parent.callee, this.sourceCode);
    return imported?.from === "workflow" && (imported.name === "serve" || imported.name === "createWorkflow")
      ? { kind: "context" }
      : undefined;
  }

  private byType(node: ESTree.Node): Receiver | undefined {
    const named = this.types?.typeOf(node);
    return named === undefined ? undefined : receiverOfType(named);
  }
}

function isQStashReceiver(receiver: Receiver | undefined): boolean {
  return receiver !== undefined && isQStash(receiver);
}

/** An SDK class as a receiver: the clients, a queue, the schedules, a workflow's context. */
function receiverOfType(named: SdkImport): Receiver | undefined {
  if (named.from === "client") return undefined;
  if (named.name === "Client") return { kind: "client", sdk: named.from };
  if (named.from === "qstash" && named.name === "Queue") return { kind: "queue", options: "unknown" };
  if (named.from === "qstash" && named.name === "Schedules") return { kind: "schedules" };
  if (named.from === "workflow" && named.name === "WorkflowContext") return { kind: "context" };
  return undefined;
}

/**
 * The local names of `serve` taken from `@upstash/workflow` (or a framework
 * entry) at the top of the module, by `import { serve }` or by
 * `const { serve } = require(...)`: the cheap filter for plain calls.
 */
export function serveNames(program: ESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration" && isWorkflowModule(statement.source.value)) {
      for (const specifier of statement.specifiers) {
        if (
          specifier.type === "ImportSpecifier" &&
          (specifier.imported.type === "Identifier" ? specifier.imported.name : specifier.imported.value) === "serve"
        )
          names.add(specifier.local.name);
      }
    }
    if (statement.type === "VariableDeclaration") for (const declarator of statement.declarations) requiredServe(declarator, names);
  }
  return names;
}

function isWorkflowModule(source: unknown): boolean {
  return typeof source === "string" && source.startsWith("@upstash/workflow");
}

/** Adds the local name of `serve` in `const { serve: local } = require("@upstash/workflow/…")`. */
function requiredServe(declarator: ESTree.VariableDeclarator, names: Set<string>): void {
  const init = declarator.init;
  if (init?.type !== "CallExpression" || init.callee.type !== "Identifier" || init.callee.name !== "require") return;
  const [source] = init.arguments;
  if (source?.type !== "Literal" || !isWorkflowModule(source.value) || declarator.id.type !== "ObjectPattern") return;
  for (const property of declarator.id.properties) {
    if (property.type !== "Property" || property.computed || property.key.type !== "Identifier" || property.key.name !== "serve") continue;
    const value = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
    if (value.type === "Identifier") names.add(value.name);
  }
}
