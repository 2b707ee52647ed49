/**
 * What to hide in Upstash's logs and console: `Upstash-Redact-Fields`.
 *
 * @example
 * ```ts
 * const redact: RedactOptions = { body: true, header: ["Authorization"] }; // "body,header[Authorization]"
 * ```
 */
export interface RedactOptions {
  readonly body?: boolean;
  /** `true` for every header, or the names of some. */
  readonly header?: true | readonly string[];
}
