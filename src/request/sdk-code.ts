/*
 * The request a builder makes, as SDK code ready to paste: `client.trigger`
 * for @upstash/workflow, `client.publishJSON` (or `publish`) for
 * @upstash/qstash. The options printed are the option table's rows for the
 * endpoint, in the table's order and under the SDK's names: no second list.
 * The code is printed only for options the builder accepts, from the very
 * values it built from (read once), so the SDK sends what the builder shows.
 */
import { expectOptions, invalidArgument } from "../diagnostics/arguments.js";
import { isPlainObjectLike, snapshotOwn, type OwnSnapshot } from "../diagnostics/own.js";
import type { UpstashPlan } from "../duration/plans.js";
import type { OptionDiagnostic } from "../trigger/codes.js";
import { buildPublishRequest, buildTriggerRequest } from "./api.js";
import type { Endpoint } from "./context.js";
import { copyData, propertyKey, toLiteral, Unprintable } from "./js-literal.js";
import type { BuildOptions, PublishOptions, TriggerOptions } from "./options.js";
import { DEFAULT_BASE_URL, type HttpRequest, type RequestBuildResult } from "./requests.js";
import { nameOf } from "./rows.js";
import { rowsFor } from "./table.js";

/**
 * Which SDK the code calls: `"workflow"` prints `client.trigger({...})` for
 * @upstash/workflow, `"qstash"` prints `client.publishJSON({...})` for
 * @upstash/qstash (`client.publish` for a string body or none).
 *
 * @example
 * ```ts
 * const sdk: SdkName = "qstash";
 * ```
 */
export type SdkName = "workflow" | "qstash";

/**
 * What to print, and the builder's options it checks the request with. A
 * `baseUrl` other than QStash's own is printed into the client; the token
 * never is: the code reads `process.env.QSTASH_TOKEN`.
 *
 * @example
 * ```ts
 * const settings: SdkCodeOptions = { sdk: "workflow", plan: "free" };
 * ```
 */
export interface SdkCodeOptions extends Omit<BuildOptions, "token"> {
  readonly sdk: SdkName;
}

/**
 * The code, with every diagnostic the builder found; or, when the builder
 * refuses the options, its diagnostics alone.
 *
 * @example
 * ```ts
 * const result: SdkCodeResult = toSdkCode({ url: "https://example.com/wf" }, { sdk: "workflow" });
 * if (result.ok) console.log(result.value);
 * ```
 */
export type SdkCodeResult =
  | { readonly ok: true; readonly value: string; readonly diagnostics: readonly OptionDiagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly OptionDiagnostic[] };

interface Target {
  readonly packageName: string;
  readonly endpoint: Endpoint;
  readonly build: (options: never, build: BuildOptions) => RequestBuildResult;
}

function target(sdk: unknown): Target {
  if (sdk === "workflow") return { packageName: "@upstash/workflow", endpoint: "trigger", build: buildTriggerRequest };
  if (sdk === "qstash") return { packageName: "@upstash/qstash", endpoint: "publish", build: buildPublishRequest };
  return invalidArgument(
    `settings.sdk must be "workflow" or "qstash", not ${typeof sdk === "string" ? `\`${sdk.slice(0, 40)}\`` : typeof sdk}`,
  );
}

/**
 * Prints the request that `buildTriggerRequest` (for `sdk: "workflow"`) or
 * `buildPublishRequest` (for `sdk: "qstash"`) builds from `options`, as a
 * snippet that makes the SDK send the same request: the import, the client,
 * and the call with the options the request-option table knows (an unknown
 * option, which the builder warns about, is left out). Options the builder
 * refuses give `ok: false` and its diagnostics. A malformed `settings`
 * throws `invalid-argument`.
 *
 * For @upstash/qstash, a body that is not a string is sent with
 * `publishJSON`; a string body, or none, with `publish` (`publishJSON` would
 * add `Content-Type: application/json`). A JSON body beside a caller's own
 * `Content-Type` is printed as its JSON text, since `publishJSON` would
 * replace that header.
 *
 * @example
 * ```ts
 * const code = toSdkCode(
 *   { url: "https://example.com/api/workflow", retries: 5, retryDelay: "pow(2, retried) * 1000" },
 *   { sdk: "workflow" },
 * );
 * if (code.ok) console.log(code.value);
 * // import { Client } from "@upstash/workflow";
 * //
 * // const client = new Client({ token: process.env.QSTASH_TOKEN });
 * //
 * // await client.trigger({
 * //   url: "https://example.com/api/workflow",
 * //   retries: 5,
 * //   retryDelay: "pow(2, retried) * 1000",
 * // });
 * ```
 */
export function toSdkCode(options: TriggerOptions, settings: SdkCodeOptions & { readonly sdk: "workflow" }): SdkCodeResult;
export function toSdkCode(options: PublishOptions, settings: SdkCodeOptions & { readonly sdk: "qstash" }): SdkCodeResult;
export function toSdkCode(options: TriggerOptions | PublishOptions, settings: SdkCodeOptions): SdkCodeResult;
export function toSdkCode(options: TriggerOptions | PublishOptions, settings: SdkCodeOptions): SdkCodeResult {
  const read = expectOptions(settings, "the settings");
  const { packageName, endpoint, build } = target(read.sdk);
  const buildOptions: BuildOptions = {
    ...(read.baseUrl === undefined ? {} : { baseUrl: read.baseUrl as string }),
    ...(read.plan === undefined ? {} : { plan: read.plan as UpstashPlan }),
    ...(read.now === undefined ? {} : { now: read.now as number }),
  };
  let values: OwnSnapshot | undefined;
  try {
    values = readOnce(options);
  } catch (error) {
    if (!(error instanceof Unprintable)) throw error;
    return { ok: false, diagnostics: [unprintable(error.message)] };
  }
  const result = build((values ?? options) as never, buildOptions);
  if (!result.ok || values === undefined) return { ok: false, diagnostics: result.diagnostics };
  const fields = callFields(endpoint, values, result.value);
  const call = endpoint === "trigger" ? "trigger" : fields.json ? "publishJSON" : "publish";
  try {
    // One option a line, as a person writes the call.
    const argument = fields.entries.map(([name, value]) => `  ${propertyKey(name)}: ${toLiteral(value, "  ")},`);
    const base =
      buildOptions.baseUrl === undefined || buildOptions.baseUrl.replace(/\/+$/, "") === DEFAULT_BASE_URL
        ? ""
        : `baseUrl: ${JSON.stringify(buildOptions.baseUrl)}, `;
    const code = [
      `import { Client } from ${JSON.stringify(packageName)};`,
      "",
      `const client = new Client({ ${base}token: process.env.QSTASH_TOKEN });`,
      "",
      `await client.${call}({`,
      ...argument,
      "});",
      "",
    ].join("\n");
    return { ok: true, value: code, diagnostics: result.diagnostics };
  } catch (error) {
    if (!(error instanceof Unprintable)) throw error;
    return { ok: false, diagnostics: [...result.diagnostics, unprintable(error.message)] };
  }
}

/**
 * The options read once, every object in them copied, so that the builder
 * and the printer see the same values whatever getters the caller's objects
 * have. The body stays as given: the builder turns it into JSON once, and
 * the printer prints that JSON. Undefined when `options` is not an object
 * (the builder reports it).
 */
function readOnce(options: unknown): OwnSnapshot | undefined {
  if (!isPlainObjectLike(options)) return undefined;
  const read = snapshotOwn(options);
  if (!read.ok) return undefined;
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of read.keys) copy[name] = name === "body" ? read.value[name] : copyData(read.value[name]);
  return copy;
}

/** The call's options, in the table's order, with the body as the request carries it; `json` when `publishJSON` sends it. */
function callFields(endpoint: Endpoint, values: OwnSnapshot, request: HttpRequest): { entries: [string, unknown][]; json: boolean } {
  const entries: [string, unknown][] = [];
  let json = false;
  for (const row of rowsFor(endpoint)) {
    const name = nameOf(row, endpoint);
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) continue;
    if (name !== "body" || typeof value === "string" || request.body === undefined) {
      entries.push([name, value]);
      continue;
    }
    // The body as JSON sends it (toJSON applied, undefined fields gone): the SDK stringifies it again to the same text.
    json = endpoint === "trigger" || !hasOwnContentType(values.headers);
    entries.push([name, json ? (JSON.parse(request.body) as unknown) : request.body]);
  }
  return { entries, json };
}

function hasOwnContentType(headers: unknown): boolean {
  if (!isPlainObjectLike(headers)) return false;
  const read = snapshotOwn(headers);
  return read.ok && read.keys.some((name) => name.toLowerCase() === "content-type");
}

function unprintable(reason: string): OptionDiagnostic {
  return {
    code: "invalid-option-type",
    severity: "error",
    message: `the options cannot be printed as code: ${reason}`,
    hint: "give plain data: strings, numbers, booleans, arrays and objects",
    span: { start: 0, end: 0 },
    path: "",
    input: "",
  };
}
