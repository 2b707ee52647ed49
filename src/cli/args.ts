import type { Flag, UsageProblem } from "./command.js";
import { closestName } from "../diagnostics/suggest.js";

/*
 * The command-line reader. Node's util.parseArgs stops at the first mistake
 * and words it for programmers; this one reads every argument, records every
 * mistake in the CLI's own words with a did-you-mean from the suggestion
 * engine the expression language uses, and takes values that start with `-`
 * (`-1000 + retried`) as values.
 */

export type FlagValue = string | boolean | readonly string[];

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, FlagValue>;
  readonly positionals: readonly string[];
  readonly problems: readonly UsageProblem[];
}

/** The commands that take a flag this command does not, to say where it belongs, and whether it takes a value there. */
export type FlagOwners = (name: string) => { readonly commands: readonly string[]; readonly takesValue: boolean };

/** Reads `args` against `flags`; never throws. */
export function parseArgs(
  args: readonly string[],
  flags: readonly Flag[],
  owners: FlagOwners = () => ({ commands: [], takesValue: false }),
): ParsedArgs {
  const reader = new Reader(flags, owners);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--") {
      reader.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-" || looksLikeValue(arg)) reader.positionals.push(arg);
    else i += reader.flag(arg, args[i + 1]);
  }
  return { values: reader.values, positionals: reader.positionals, problems: reader.problems };
}

/** Expressions such as `-1000 + retried` or `-1` start with `-` but are values, not flags. */
export function looksLikeValue(arg: string): boolean {
  return /^-[\d.(\s]/.test(arg);
}

/** Whether an argument can be a flag's value: not absent, and not a flag. */
function isValue(arg: string | undefined): boolean {
  return arg !== undefined && (!arg.startsWith("-") || arg === "-" || looksLikeValue(arg));
}

/** `--name` as help and errors show it. */
export function flagLabel(flag: Flag): string {
  return `--${flag.name}`;
}

class Reader {
  readonly values = new Map<string, FlagValue>();
  readonly positionals: string[] = [];
  readonly problems: UsageProblem[] = [];
  private readonly byLong = new Map<string, Flag>();
  private readonly byShort = new Map<string, Flag>();

  constructor(
    private readonly flags: readonly Flag[],
    private readonly owners: FlagOwners,
  ) {
    for (const flag of flags) {
      this.byLong.set(flag.name, flag);
      if (flag.short !== undefined) this.byShort.set(flag.short, flag);
    }
  }

  /** Reads one flag argument; returns how many following arguments it consumed (0 or 1). */
  flag(arg: string, next: string | undefined): number {
    const long = arg.startsWith("--");
    const body = arg.slice(long ? 2 : 1);
    const equals = body.indexOf("=");
    const name = equals < 0 ? body : body.slice(0, equals);
    const inline = equals < 0 ? undefined : body.slice(equals + 1);
    const meant = long ? undefined : this.byLong.get(name);
    if (meant !== undefined && name.length > 1) {
      this.problems.push({ message: `unknown option '${arg}'; did you mean '--${name}'? (long options start with --)`, flag: name });
      return meant.kind === "value" && inline === undefined && isValue(next) ? 1 : 0;
    }
    if (!long && name.length > 1 && inline === undefined) {
      // `-r5`: a short flag with its value attached.
      const short = this.byShort.get(name.charAt(0));
      if (short !== undefined && short.kind !== "boolean") return this.take(short, `-${name.charAt(0)}`, name.slice(1), undefined);
    }
    const flag = long ? this.byLong.get(name) : this.byShort.get(name);
    if (flag === undefined) return this.unknown(long ? `--${name}` : `-${name}`, name, inline === undefined ? next : undefined);
    return this.take(flag, long ? `--${name}` : `-${name}`, inline, next);
  }

  private take(flag: Flag, written: string, inline: string | undefined, next: string | undefined): number {
    if (flag.kind === "boolean") {
      if (inline !== undefined) this.problem(`${written} takes no value, but was given '${inline}'`, flag);
      else this.store(flag, true, written);
      return 0;
    }
    if (inline !== undefined) {
      this.store(flag, inline, written);
      return 0;
    }
    if (flag.kind === "optional-value") {
      const takesNext = next !== undefined && (flag.choices ?? []).includes(next);
      this.store(flag, takesNext ? next : "", written);
      return takesNext ? 1 : 0;
    }
    if (next === undefined || !isValue(next)) {
      const quoted = next === undefined ? "" : ` (to give a value that starts with '-', write ${written}=${next})`;
      this.problem(`${written} needs a value${flag.placeholder === undefined ? "" : ` (${flag.placeholder})`}${quoted}`, flag);
      return 0;
    }
    this.store(flag, next, written);
    return 1;
  }

  private store(flag: Flag, value: string | true, written: string): void {
    if (typeof value === "string" && flag.choices !== undefined && !(flag.kind === "optional-value" && value === "")) {
      if (!flag.choices.includes(value)) {
        const near = closestName(value, flag.choices);
        this.problem(
          `${written} must be one of ${flag.choices.join(", ")}, not '${value}'${near === undefined ? "" : `; did you mean '${near}'?`}`,
          flag,
        );
        return;
      }
    }
    const previous = this.values.get(flag.name);
    if (flag.multiple === true) {
      this.values.set(flag.name, [...(Array.isArray(previous) ? (previous as readonly string[]) : []), String(value)]);
      return;
    }
    if (previous !== undefined && previous !== value) {
      this.problem(`${flagLabel(flag)} was given twice ('${String(previous)}' and '${String(value)}'); give it once`, flag);
      return;
    }
    this.values.set(flag.name, value);
  }

  /**
   * Records an unknown flag. When the flag it was probably meant to be (the
   * nearest, or the same flag of another command) takes a value, the next
   * argument is taken as that value, so that it is not reported again as a
   * stray argument. Returns how many arguments that consumed.
   */
  private unknown(written: string, name: string, next: string | undefined): number {
    const longNames = this.flags.map((f) => f.name);
    const near = closestName(name.replace(/^-+/, ""), longNames);
    const { commands: elsewhere, takesValue } = this.owners(name);
    const flag = near === undefined ? undefined : this.byLong.get(near);
    const because =
      flag !== undefined
        ? `; did you mean '--${flag.name}'?`
        : elsewhere.length > 0
          ? `; it is an option of ${elsewhere.map((c) => `'${c}'`).join(", ")}`
          : "";
    const hint = written.startsWith("--") || flag !== undefined ? "" : " (long options start with --)";
    this.problems.push({ message: `unknown option '${written}'${because}${hint}`, ...(flag === undefined ? {} : { flag: flag.name }) });
    const meantTakesValue = flag !== undefined ? flag.kind === "value" : takesValue;
    return meantTakesValue && isValue(next) ? 1 : 0;
  }

  private problem(message: string, flag: Flag): void {
    this.problems.push({ message, flag: flag.name });
  }
}
