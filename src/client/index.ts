/**
 * A validating wrapper for the Upstash SDK clients: every request option is
 * checked by this library's builders before the SDK sees it, so an invalid
 * retry delay, duration or flow control never leaves the process.
 *
 * ```ts
 * import { Client } from "@upstash/workflow";
 * import { withValidation } from "retry-delay/client";
 *
 * const client = withValidation(new Client({ token }), { plan: "free", onWarning: (ds) => console.warn(ds) });
 * await client.trigger({ url, retryDelay: "pow(2, retryd) * 1000" }); // rejects with RetryDelayError; nothing is sent
 * ```
 *
 * It imports nothing from either SDK: the wrapped client keeps its own type.
 *
 * @packageDocumentation
 */
import { invalidArgument } from "../diagnostics/arguments.js";
import { isPlainObjectLike, snapshotOwn } from "../diagnostics/own.js";
import { isUpstashPlan, PLAN_NAMES, type UpstashPlan } from "../duration/plans.js";
import type { OptionDiagnostic } from "../trigger/codes.js";
import { checkCall, type CallShape } from "./check.js";
import { invalidOptions } from "./error.js";

/**
 * How {@link withValidation} checks.
 *
 * @example
 * ```ts
 * const options: ValidationOptions = { plan: "pay-as-you-go", onWarning: (diagnostics, call) => log.warn({ call, diagnostics }) };
 * ```
 */
export interface ValidationOptions {
  /** Check delays, timeouts, body size and parallelism against this plan's limits. */
  readonly plan?: UpstashPlan;
  /**
   * Called with the warnings and notes of a call that is sent anyway (an
   * unknown option, a rounded delay, …), and the call's name (`trigger`,
   * `queue.enqueueJSON`). Default: they are dropped.
   */
  readonly onWarning?: (diagnostics: readonly OptionDiagnostic[], call: string) => void;
}

/**
 * Wraps an `@upstash/workflow` or `@upstash/qstash` `Client` so that every
 * call that sends request options checks them first: `trigger` (one or an
 * array) on the workflow client; `publish`, `publishJSON`, `batch`,
 * `batchJSON`, `queue(…).enqueue`/`enqueueJSON` and `schedules.create` on the
 * QStash client. Options with an error make the call reject with a
 * `RetryDelayError` whose message draws each problem under its value, and no
 * request is sent; warnings go to `onWarning` and the call proceeds. Every
 * other property is the client's own. The result has the client's type.
 *
 * @example
 * ```ts
 * import { Client } from "@upstash/qstash";
 * const qstash = withValidation(new Client({ token: process.env.QSTASH_TOKEN! }), { plan: "free" });
 * await qstash.publishJSON({ url: "https://example.com/hook", body: { id: 1 }, delay: "8d" });
 * // rejects: error[delay-over-plan-limit] … the free plan allows at most 7d
 * ```
 */
export function withValidation<C extends object>(client: C, options: ValidationOptions = {}): C {
  if (!isPlainObjectLike(client)) invalidArgument("withValidation needs an @upstash/workflow or @upstash/qstash Client");
  const settings = readSettings(options);
  const surface = surfaceOf(client);
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof property !== "string" || typeof value !== "function")
        return property === "schedules" && surface === "qstash" ? schedules(value, settings) : bound(value, target);
      const shape = surface === "workflow" ? WORKFLOW_CALLS.get(property) : QSTASH_CALLS.get(property);
      if (shape !== undefined) return checked(value, target, property, shape, settings);
      if (surface === "qstash" && property === "queue")
        return (request: unknown) => queue(Reflect.apply(value, target, [request]), request, settings);
      return bound(value, target);
    },
  });
}

interface Settings {
  readonly plan: UpstashPlan | undefined;
  readonly onWarning: ValidationOptions["onWarning"];
}

type Shape = (args: readonly unknown[]) => CallShape;

const WORKFLOW_CALLS: ReadonlyMap<string, Shape> = new Map([
  ["trigger", (args) => ({ endpoint: "trigger", batch: Array.isArray(args[0]), partial: false })],
]);

const QSTASH_CALLS: ReadonlyMap<string, Shape> = new Map<string, Shape>([
  ["publish", () => ({ endpoint: "publish", batch: false, partial: false })],
  ["publishJSON", () => ({ endpoint: "publish", batch: false, partial: false })],
  ["batch", () => ({ endpoint: "batch", batch: true, partial: false })],
  ["batchJSON", () => ({ endpoint: "batch", batch: true, partial: false })],
]);

function readSettings(options: ValidationOptions): Settings {
  if (!isPlainObjectLike(options)) invalidArgument("the validation options must be an object such as `{ plan }`");
  const read = snapshotOwn(options);
  if (!read.ok) invalidArgument(`the validation options could not be read: ${read.reason}`);
  const { plan, onWarning } = read.value;
  if (plan !== undefined && !isUpstashPlan(plan)) invalidArgument(`options.plan must be one of ${PLAN_NAMES}`);
  if (onWarning !== undefined && typeof onWarning !== "function") invalidArgument("options.onWarning must be a function");
  return { plan, onWarning: onWarning as Settings["onWarning"] };
}

/** Which SDK's client this is, by the methods that send requests. */
function surfaceOf(client: object): "workflow" | "qstash" {
  const has = (name: string): boolean => typeof Reflect.get(client, name) === "function";
  if (has("trigger")) return "workflow";
  if (has("publish") && has("queue")) return "qstash";
  return invalidArgument(
    "withValidation needs an @upstash/workflow Client (with `trigger`) or an @upstash/qstash Client (with `publish` and `queue`)",
  );
}

function bound(value: unknown, target: object): unknown {
  return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/** The method, checking its first argument before the SDK runs. */
function checked(method: unknown, target: object, call: string, shape: Shape, settings: Settings, extra?: { queueName: unknown }) {
  return (...args: unknown[]): unknown => {
    const given = extra === undefined ? args[0] : withQueue(args[0], extra.queueName);
    const problems = checkCall(shape(args), given, { ...(settings.plan === undefined ? {} : { plan: settings.plan }) });
    const errors = problems.filter((d) => d.severity === "error");
    // The SDK's calls are async: a refused call rejects like one the server refused, and sends nothing.
    if (errors.length > 0) return Promise.reject(invalidOptions(call, problems));
    if (problems.length > 0) settings.onWarning?.(problems, call);
    return Reflect.apply(method as (...a: unknown[]) => unknown, target, args);
  };
}

/** `client.queue({ queueName })`: its `enqueue` and `enqueueJSON` are checked as enqueues into that queue. */
function queue(created: unknown, request: unknown, settings: Settings): unknown {
  if (!isPlainObjectLike(created)) return created;
  const read = isPlainObjectLike(request) ? snapshotOwn(request) : undefined;
  const queueName = read?.ok === true ? read.value.queueName : undefined;
  const shape: Shape = () => ({ endpoint: "enqueue", batch: false, partial: false });
  return new Proxy(created, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if ((property === "enqueue" || property === "enqueueJSON") && typeof value === "function")
        return checked(value, target, `queue.${property}`, shape, settings, { queueName });
      return bound(value, target);
    },
  });
}

/** `client.schedules`: its `create` is checked as a schedule. */
function schedules(created: unknown, settings: Settings): unknown {
  if (!isPlainObjectLike(created)) return created;
  const shape: Shape = () => ({ endpoint: "schedule", batch: false, partial: false });
  return new Proxy(created, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === "create" && typeof value === "function") return checked(value, target, "schedules.create", shape, settings);
      return bound(value, target);
    },
  });
}

/** The enqueue options with the queue's name, as the builder takes them; what the SDK gets is untouched. */
function withQueue(options: unknown, queueName: unknown): unknown {
  if (!isPlainObjectLike(options)) return options;
  const read = snapshotOwn(options);
  return read.ok ? { ...read.value, queueName } : options;
}
