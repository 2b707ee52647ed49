import { expect } from "vitest";
import { parseRequestHeaders, type Endpoint, type OptionDiagnostic } from "../../src/index.js";
import { propertyRuns } from "../setup.js";

/*
 * Shared by the differential tests against @upstash/workflow and
 * @upstash/qstash (their option sets come from option-generators.ts):
 * the header-by-header comparison, the refusal allow-lists and the parse
 * check on the SDKs' own requests.
 */

export const NOW = 1_900_000_000_000;
export const RUNS = propertyRuns(60);

// ---------------------------------------------------------------- comparison

/** Lower-cased names, without `authorization` (the SDK authorizes its own request; both carry a placeholder token). */
export function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== "authorization") out[k.toLowerCase()] = v;
  return out;
}

/**
 * Every header we send equals the SDK's, unless `differs(name)` names a
 * documented intentional difference; every header only the SDK sends is in
 * its documented list.
 */
export function compareHeaders(
  ours: Readonly<Record<string, string>>,
  theirs: Readonly<Record<string, string>>,
  sdkOnly: (name: string) => boolean,
  differs: (name: string) => boolean = () => false,
): void {
  const mine = lowerCased(ours);
  const sdk = lowerCased(theirs);
  for (const [header, value] of Object.entries(mine)) {
    if (differs(header)) continue;
    expect(sdk, `the SDK does not send ${header}: ${value}`).toHaveProperty([header]);
    expect(sdk[header], header).toBe(value);
  }
  for (const header of Object.keys(sdk)) {
    if (!(header in mine) && !differs(header)) expect(sdkOnly(header), `undocumented SDK-only header ${header}: ${sdk[header]}`).toBe(true);
  }
}

/** Telemetry, which this library never sends (docs/sdk-serialization.md, section 4). */
export const isTelemetry = (header: string): boolean => header.startsWith("upstash-telemetry-");

/** Headers the SDK sends that we do not, each explained in docs/sdk-serialization.md. */
export function isDocumentedSdkOnly(name: string, options: { readonly workflowRunId?: unknown; readonly failureUrl?: unknown }): boolean {
  if (isTelemetry(name)) return true;
  if (/^upstash-(method|feature-set|workflow-init|workflow-url|workflow-sdk-version)$/.test(name)) return true;
  if (name === "upstash-forward-upstash-workflow-sdk-version" || name === "upstash-forward-upstash-label") return true;
  if (name === "upstash-workflow-runid" && options.workflowRunId === undefined) return true;
  // The SDK always sends a content type (the caller's, else JSON); we only for a JSON body.
  if (name === "content-type") return true;
  // The SDK's failure-callback protocol headers, and all copies when it defaults failureUrl to the workflow url.
  if (
    /^upstash-failure-callback-(feature-set|workflow-.+|forward-upstash-(workflow-failure-callback|workflow-is-failure|label))$/.test(name)
  )
    return true;
  if (options.failureUrl === undefined && name.startsWith("upstash-failure-callback")) return true;
  return false;
}

// ---------------------------------------------------------------- refusals

/** A refusal is allowed when the offending option holds a value the SDK would send something dubious for. */
export type RefusalAllowList = Readonly<Record<string, (options: Record<string, unknown>, d: OptionDiagnostic) => boolean>>;

/** Each error of a refused option set must be in the allow-list, and the allow-list's predicate must hold for it. */
export function expectAllowedRefusal(
  diagnostics: readonly OptionDiagnostic[],
  allowed: RefusalAllowList,
  options: Record<string, unknown>,
): void {
  const errors = diagnostics.filter((d) => d.severity === "error");
  expect(errors.length, "a refusal names its reason").toBeGreaterThan(0);
  for (const d of errors) {
    const check = allowed[d.code];
    expect(check, `refusal \`${d.code}\` at ${d.path} is not in the allow-list: ${d.message}`).toBeDefined();
    expect(check?.(options, d), `refusal \`${d.code}\` at ${d.path} for a value the SDK sends sensibly: ${d.message}`).toBe(true);
  }
}

/** The option at a diagnostic's path (`[2].flowControl.rate` → items[2].flowControl). */
export function optionAt(options: Record<string, unknown>, d: OptionDiagnostic): unknown {
  const path = d.path.replace(/^\[\d+\]\./, "").split(/[.[]/)[0] ?? "";
  return options[path];
}

const isDubiousNumber = (n: unknown): boolean => typeof n === "number" && (!Number.isInteger(n) || n < 0 || n >= 1e21);
const flow = (o: Record<string, unknown>): Record<string, unknown> => (o.flowControl ?? {}) as Record<string, unknown>;

/** Refusals shared by both SDKs, each with the dubious thing the SDK would send. */
export const SHARED_REFUSALS: RefusalAllowList = {
  // The SDK writes delay with toFixed(0) and timeout unrounded: NaNs, -3s, 1e+21s; "" is an empty header.
  "invalid-delay": (o, d) => isDubiousNumber(optionAt(o, d)) || Number.isNaN(optionAt(o, d)),
  "empty-duration": (o, d) => optionAt(o, d) === "",
  "invalid-duration": (o, d) => optionAt(o, d) === "",
  // notBefore past the last JavaScript date (2**53+1, 1e21): the SDK sends 9007199254740992 or 1e+21.
  "invalid-not-before": (o, d) => typeof optionAt(o, d) === "number" && (optionAt(o, d) as number) > 8.64e12,
  // Flow control with only a period (or nothing): the SDK sends `period=…` alone, or throws.
  "missing-limit": (o) => flow(o).parallelism === undefined && flow(o).rate === undefined && flow(o).ratePerSecond === undefined,
  // rate 0, parallelism 0 or 1.5: sent as written, meaningless to the server.
  "invalid-count": (o) => [flow(o).parallelism, flow(o).rate ?? flow(o).ratePerSecond].some((n) => n === 0 || isDubiousNumber(n)),
  // period 1.5 → `period=1.5s`; the server's period is whole seconds.
  "invalid-period": (o) => flow(o).period === 1.5,
  // Names equal up to case with an empty value: `Headers` joins them to "v, " (edge space HTTP strips).
  "unsafe-header": (o, d) => {
    const headers = (o.headers ?? {}) as Record<string, string>;
    const lower = d.path.replace(/^(\[\d+\]\.)?headers\./, "").toLowerCase();
    const group = Object.entries(headers).filter(([n]) => n.toLowerCase() === lower);
    return group.length > 1 && group.some(([, v]) => v.trim() === "");
  },
  // a key with a space: workflow throws, qstash sends it.
  "invalid-key": (o) => flow(o).key === "a b",
};

// ---------------------------------------------------------------- parse side

/**
 * The SDK's own request, fed to the parse side: never an unknown header,
 * and no error when our builder accepted the same options (a refused option
 * set is one where the SDK sends a dubious value, which the parser reports).
 */
export function expectParsesClean(headers: Readonly<Record<string, string>>, endpoint: Endpoint, url: string, accepted: boolean): void {
  const parsed = parseRequestHeaders(headers, { endpoint, url });
  expect(parsed.diagnostics.filter((d) => d.code === "unknown-upstash-header")).toEqual([]);
  if (accepted) expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
}
