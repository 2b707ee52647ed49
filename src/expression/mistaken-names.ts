import { BUILTINS, lookupBuiltin } from "./builtins.js";

/*
 * Names people reach for that the language spells differently, with the fix.
 * Every hint is built from the builtin table, so a renamed or added builtin
 * changes them with it; a test checks that no name here is a builtin.
 */

/** Where a mistaken name is met: as a value (`e * 2`), as a call (`log(x)`), or either. */
type Use = "value" | "call" | "either";

/** One row: the names, where they are a mistake, and the hint. */
export interface MistakenName {
  readonly names: readonly string[];
  readonly use: Use;
  readonly hint: () => string;
}

/** The signature of a builtin, from the table: `floor(x)`. */
function signature(name: string): string {
  return lookupBuiltin(name)?.signature ?? name;
}

/** Every function, from the table: "`pow`, `exp`, …". Made once, on first use. */
export function listFunctions(): string {
  functionList ??= BUILTINS.map((b) => `\`${b.name}\``).join(", ");
  return functionList;
}

let functionList: string | undefined;

/** The rows. Lookups are by exact name: the language is case-sensitive, and so are its near misses. */
export const MISTAKEN_NAMES: readonly MistakenName[] = [
  {
    names: ["e", "E"],
    use: "value",
    hint: () =>
      `there is no constant \`e\`; write \`${signature("exp").replace("(x)", "(1)")}\`, or \`${signature("exp")}\` for e raised to x`,
  },
  { names: ["pi", "PI"], use: "either", hint: () => "there is no constant `pi`; write its value, `3.141592653589793`" },
  { names: ["log", "ln", "log2", "log10"], use: "either", hint: () => `there is no logarithm; the functions are ${listFunctions()}` },
  { names: ["trunc"], use: "either", hint: () => `write \`${signature("floor")}\` for x ≥ 0, or \`${signature("ceil")}\` for x ≤ 0` },
  {
    names: ["Math"],
    use: "either",
    hint: () => `write the function name alone, without \`Math.\`: e.g. \`${signature("pow").replace("(x, y)", "(2, retried)")}\``,
  },
];

const byName: ReadonlyMap<string, MistakenName> = new Map(MISTAKEN_NAMES.flatMap((row) => row.names.map((n) => [n, row] as const)));

/** Each row's hint, made on first use: the table is fixed, and a server may meet the same mistake on every call. */
const hints = new Map<MistakenName, string>();

/** The hint for a mistaken name met as a value or as a call, if the table has one. */
export function mistakenNameHint(name: string, { asCall }: { readonly asCall: boolean }): string | undefined {
  const row = byName.get(name);
  if (row === undefined || row.use === (asCall ? "value" : "call")) return undefined;
  let hint = hints.get(row);
  if (hint === undefined) hints.set(row, (hint = row.hint()));
  return hint;
}
