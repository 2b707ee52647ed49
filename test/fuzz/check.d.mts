// Types of check.mjs, for the TypeScript tests.
export interface FuzzFailure {
  /** The function that failed: tryCompile, closure, parseDuration, buildTriggerRequest, … */
  fn: string;
  /** throws, over-time-bound, bad-shape, unsafe-header, accepts-unsafe-value, reads-inherited, … */
  kind: string;
  /** `<language>: <fn>: <kind>: <detail>`; one signature, one bug. */
  signature: string;
  message: string;
  stack?: string;
}
export interface Checker {
  check(language: string, input: unknown): FuzzFailure | undefined;
}
export interface CorpusEntry {
  file: string;
  language: string;
  function: string;
  kind: string;
  signature: string;
  error: string;
  input: unknown;
}
export function makeChecker(lib: unknown, settings?: { timeBoundMs?: number }): Checker;
export function corpusFileName(language: string, input: unknown): string;
export function loadCorpus(dir: string): CorpusEntry[];
