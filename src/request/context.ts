import type { OwnSnapshot } from "../diagnostics/own.js";
import type { UpstashPlan } from "../duration/plans.js";
import type { HeaderList } from "./header-list.js";
import type { Report } from "./report.js";

/**
 * The request kinds this library builds and parses, named after the SDK
 * calls that send them: `trigger` is `@upstash/workflow`'s `client.trigger`;
 * the rest are `@upstash/qstash`'s `publish`/`publishJSON`, `enqueue`,
 * `batchJSON` items and `schedules.create`.
 *
 * @example
 * ```ts
 * const endpoint: Endpoint = "publish";
 * ```
 */
export type Endpoint = "trigger" | "publish" | "enqueue" | "batch" | "schedule";

/** Which SDK an endpoint's serialization follows. */
export type SdkFamily = "workflow" | "qstash";

export function familyOf(endpoint: Endpoint): SdkFamily {
  return endpoint === "trigger" ? "workflow" : "qstash";
}

/** What a row's builder sees: the endpoint, the whole options snapshot (for cross-field checks), and where to write. */
export interface BuildContext {
  readonly endpoint: Endpoint;
  readonly family: SdkFamily;
  readonly options: OwnSnapshot;
  readonly report: Report;
  readonly headers: HeaderList;
  readonly plan: UpstashPlan | undefined;
  /** "Now" in Unix milliseconds. */
  readonly now: number;
}

/** What a row's parser sees: a case-insensitive header reader and where to report. */
export interface ParseContext {
  readonly endpoint: Endpoint;
  readonly report: Report;
  /** The header's value, or undefined when it is absent. */
  readonly get: (header: string) => string | undefined;
  /** The parsed `Upstash-Retries` for the same message family, for the retry-delay domain. */
  readonly retries: number | undefined;
}
