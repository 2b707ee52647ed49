// Types of generators.mjs, for the TypeScript tests (tsconfig has no allowJs).
import type { Arbitrary } from "fast-check";

export type Language = "expression" | "duration-strict" | "duration-go" | "flow-control" | "retry-after" | "trigger-headers" | "options";
/** A JSON-serializable description of an input; `materialize` builds the host value. */
export type Descriptor = unknown;

export const LANGUAGES: readonly Language[];
export const HOSTILE_CHARS: readonly string[];
export const EXPRESSION_TOKENS: readonly string[];
export const DURATION_TOKENS: readonly string[];
export const FLOW_CONTROL_TOKENS: readonly string[];
export const RETRY_AFTER_TOKENS: readonly string[];
export const INHERITED_MARKER: string;

export function validExpressionTokens(choices: readonly number[]): string[];
export function validDurationTokens(choices: readonly number[], mode: "strict" | "go"): string[];
export function validFlowControlTokens(choices: readonly number[]): string[];
export function validRetryAfterTokens(choices: readonly number[]): string[];
export function mutateTokens(
  tokens: readonly string[],
  mutations: readonly (readonly [number, number, number])[],
  soup: readonly string[],
): string[];

export const expressionText: Arbitrary<string>;
export const strictDurationText: Arbitrary<string>;
export const goDurationText: Arbitrary<string>;
export const flowControlText: Arbitrary<string>;
export const retryAfterText: Arbitrary<string>;
export const triggerOptionsDesc: Arbitrary<Descriptor>;
export const optionsInput: Arbitrary<{ options: Descriptor; build: Descriptor; batch: "same" | "none" | Descriptor }>;
export const triggerHeadersInput: Arbitrary<{ form: string; entries: [string, Descriptor][]; many: number; context: Descriptor }>;
export const ARBITRARIES: Readonly<Record<Language, Arbitrary<unknown>>>;

export function materialize(desc: Descriptor): unknown;
export function materializeHeaders(input: unknown): unknown;
export function slowClass(language: string, input: unknown): string | undefined;
export function scanDescriptor(desc: Descriptor): { many: number; retries: number; inherit: boolean; spaceRun: boolean };
