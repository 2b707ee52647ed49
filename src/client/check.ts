import type { Endpoint } from "../request/context.js";
import type { BuildOptions } from "../request/options.js";
import { requestDiagnostics } from "../request/requests.js";
import { nameOf } from "../request/rows.js";
import { OPTION_TABLE, rowsFor } from "../request/table.js";
import type { OptionDiagnostic } from "../trigger/codes.js";

/*
 * The one place that says which builder checks which SDK call. The ESLint
 * plugin and the validating client both call `checkCall`, so a literal the
 * rule accepts is an option the client lets through, and the other way round.
 */

/**
 * One SDK call's options, as far as they are checked:
 * - `full`: the call's whole option object (`client.trigger`, `publish`, …);
 * - `partial`: an object that carries some request options among settings of
 *   its own (`serve`'s options, `context.call`, `context.invoke`): only the
 *   options the endpoint's rows name are checked, and none is required.
 */
export interface CallShape {
  readonly endpoint: Endpoint;
  /** An array of option objects (`trigger([...])`, `batchJSON([...])`) rather than one. */
  readonly batch: boolean;
  readonly partial: boolean;
}

/** Every diagnostic the library's builder finds in one call's options, after the policy below. */
export function checkCall(shape: CallShape, options: unknown, build: BuildOptions): readonly OptionDiagnostic[] {
  const given = shape.partial ? requestOptionsOf(shape.endpoint, options) : options;
  // The builders' own check, without assembling the request: `buildBatchRequest` always takes an array, `buildTriggerRequest` one when batched.
  const batch = shape.endpoint === "batch" || (shape.endpoint === "trigger" && shape.batch);
  const found = requestDiagnostics(shape.endpoint, given, build, { batch });
  return shape.partial ? found.filter((d) => !REQUIRED_CODES.has(d.code)) : withoutAlternatives(found);
}

/** The codes the table reports for a missing required option (`missing-url`, `missing-cron`, …). */
const REQUIRED_CODES: ReadonlySet<string> = new Set(OPTION_TABLE.flatMap((row) => (row.required === undefined ? [] : [row.required.code])));

const NAMES_BY_ENDPOINT = new Map<Endpoint, ReadonlySet<string>>();

/** The endpoint's option names, worked out once: the ESLint plugin asks for every call site it checks. */
function optionNamesOf(endpoint: Endpoint): ReadonlySet<string> {
  let names = NAMES_BY_ENDPOINT.get(endpoint);
  if (names === undefined) NAMES_BY_ENDPOINT.set(endpoint, (names = new Set(rowsFor(endpoint).map((row) => nameOf(row, endpoint)))));
  return names;
}

/** The own properties of `options` that are request options of `endpoint`; anything else is the call's own setting. */
function requestOptionsOf(endpoint: Endpoint, options: unknown): unknown {
  if (options === null || typeof options !== "object" || Array.isArray(options)) return options;
  const names = optionNamesOf(endpoint);
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    const descriptor = Object.getOwnPropertyDescriptor(options, key);
    if (names.has(key) && descriptor !== undefined && "value" in descriptor)
      Object.defineProperty(picked, key, { value: descriptor.value, enumerable: true });
  }
  return picked;
}

/**
 * A message with an option the table does not know may be using an SDK
 * alternative to a required one (`urlGroup` or `api` in place of `url` on
 * `publish`): its missing-option errors are dropped, and the unknown option
 * keeps its warning.
 */
function withoutAlternatives(found: readonly OptionDiagnostic[]): readonly OptionDiagnostic[] {
  const prefixes = new Set(
    found
      .filter((d) => d.code === "unknown-option" && !d.path.slice(itemPrefix(d.path).length).includes("."))
      .map((d) => itemPrefix(d.path)),
  );
  if (prefixes.size === 0) return found;
  return found.filter((d) => !(REQUIRED_CODES.has(d.code) && prefixes.has(itemPrefix(d.path))));
}

/** `[3].url` → `[3].`; `url` → ``. */
function itemPrefix(path: string): string {
  return /^\[\d+\]\./.exec(path)?.[0] ?? "";
}
