import type { Command, Flag } from "./command.js";
import { GLOBAL_FLAGS, PROGRAM, TOP_FLAGS } from "./help.js";

/*
 * Shell completion scripts, written from the command table: commands, each
 * command's flags, the values of flags with choices, files after `@` for
 * `--body`, and time zones for `--tz`. A new command or flag completes
 * without an edit here.
 */

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

/** The script for `shell`; `zones` are the time zones `--tz` completes. */
export function completionScript(shell: Shell, commands: readonly Command[], zones: readonly string[]): string {
  switch (shell) {
    case "bash":
      return bashScript(commands, zones);
    case "zsh":
      return zshScript(commands, zones);
    case "fish":
      return fishScript(commands, zones);
  }
}

/** Positional words a command completes: command names for `help`, shells for `completion`. */
function positionalWords(command: Command, commands: readonly Command[]): readonly string[] {
  if (command.name === "help") return commands.map((c) => c.name);
  if (command.name === "completion") return SHELLS;
  return [];
}

function flagWords(flags: readonly Flag[]): string {
  return flags.flatMap((f) => [`--${f.name}`, ...(f.short === undefined ? [] : [`-${f.short}`])]).join(" ");
}

function valueWords(flag: Flag, zones: string): string | undefined {
  if (flag.choices !== undefined) return flag.choices.join(" ");
  if (flag.completes === "time-zone") return zones;
  return undefined;
}

/** Single-quoted for bash, zsh and fish alike (`'\\''` closes, escapes and reopens in all three). */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function shellName(): string {
  return PROGRAM.replace(/-/g, "_");
}

function bashScript(commands: readonly Command[], zonesList: readonly string[]): string {
  const fn = `_${shellName()}`;
  const zones = zonesList.join(" ");
  const topValues = TOP_FLAGS.filter((f) => f.kind === "value").map((f) => `--${f.name}`);
  const cases = commands.map((c) => {
    const flags = [...c.flags, ...GLOBAL_FLAGS];
    const values = flags.flatMap((f) => {
      const words = valueWords(f, zones);
      if (words !== undefined) return [`        --${f.name}) COMPREPLY=($(compgen -W ${quote(words)} -- "$cur")); return ;;`];
      if (f.completes === "file")
        return [`        --${f.name}) if [[ $cur == @* ]]; then COMPREPLY=($(compgen -f -P @ -- "\${cur#@}")); fi; return ;;`];
      return f.kind === "value" ? [`        --${f.name}${f.short === undefined ? "" : `|-${f.short}`}) return ;;`] : [];
    });
    return [
      `    ${c.name})`,
      `      case $prev in`,
      ...values,
      `      esac`,
      `      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W ${quote(flagWords(flags))} -- "$cur"));`,
      `      else COMPREPLY=($(compgen -W ${quote(positionalWords(c, commands).join(" "))} -- "$cur")); fi ;;`,
    ].join("\n");
  });
  return `# ${PROGRAM} completion for bash, generated from its command table.
# Load it with:  source <(${PROGRAM} completion bash)
# or install it: ${PROGRAM} completion bash > ~/.local/share/bash-completion/completions/${PROGRAM}
${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd="" i
  # --flag=value: bash splits at =, so the flag is the word before the =.
  if [[ $cur == = ]]; then cur=""; fi
  if [[ $prev == = ]] && (( COMP_CWORD >= 2 )); then prev=\${COMP_WORDS[COMP_CWORD-2]}; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      ${topValues.join("|")}) ((i++)) ;;
      -*) ;;
      *) cmd=\${COMP_WORDS[i]}; break ;;
    esac
  done
  COMPREPLY=()
  case $cmd in
    "")
      if [[ $prev == --color ]]; then COMPREPLY=($(compgen -W 'auto always never' -- "$cur")); return; fi
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W ${quote(flagWords(TOP_FLAGS))} -- "$cur"));
      else COMPREPLY=($(compgen -W ${quote(commands.map((c) => c.name).join(" "))} -- "$cur")); fi ;;
${cases.join("\n")}
  esac
}
complete -o default -F ${fn} ${PROGRAM}
`;
}

/** A flag's help up to its first full stop: what a completion menu has room for. */
function firstSentence(help: string): string {
  return (help.split(/(?<=\.)\s/)[0] ?? help).replace(/\.$/, "");
}

/** Text inside a zsh `_arguments` description `[…]`. */
function zshDescription(text: string): string {
  return firstSentence(text).replace(/[[\]]/g, "").replace(/:/g, "\\:").replace(/'/g, "'\\''");
}

function zshFlagSpec(flag: Flag, zones: string): string[] {
  const description = zshDescription(flag.help);
  const action =
    flag.kind === "boolean"
      ? ""
      : flag.choices !== undefined || flag.completes === "time-zone"
        ? `:${flag.placeholder ?? "value"}:(${valueWords(flag, zones) ?? ""})`
        : flag.completes === "file"
          ? `:${flag.placeholder ?? "value"}:_files -P @`
          : `:${flag.placeholder ?? "value"}: `;
  const repeat = flag.multiple === true ? "*" : "";
  const equals = flag.kind === "optional-value" ? "=" : "";
  if (flag.short === undefined) return [`'${repeat}--${flag.name}${equals}[${description}]${action}'`];
  return [`'${repeat}(-${flag.short} --${flag.name})'{-${flag.short},--${flag.name}${equals}}'[${description}]${action}'`];
}

function zshScript(commands: readonly Command[], zonesList: readonly string[]): string {
  const fn = `_${shellName()}`;
  const zones = zonesList.join(" ");
  const list = commands.map((c) => `    '${c.name}:${zshDescription(c.summary)}'`);
  const cases = commands.map((c) => {
    const words = positionalWords(c, commands);
    const positional = words.length > 0 ? `'1:argument:(${words.join(" ")})'` : `'*:argument: '`;
    const specs = [...c.flags, ...GLOBAL_FLAGS].flatMap((f) => zshFlagSpec(f, zones));
    return `    ${c.name}) _arguments -s ${[...specs, positional].join(" \\\n        ")} ;;`;
  });
  return `#compdef ${PROGRAM}
# ${PROGRAM} completion for zsh, generated from its command table.
# Load it with:  source <(${PROGRAM} completion zsh)
# or install it as _${PROGRAM} in a directory of your $fpath.
${fn}() {
  local -a commands
  commands=(
${list.join("\n")}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'command' commands
    return
  fi
  local cmd=$words[2]
  shift words
  (( CURRENT-- ))
  case $cmd in
${cases.join("\n")}
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${PROGRAM}
fi
`;
}

function fishScript(commands: readonly Command[], zonesList: readonly string[]): string {
  const names = commands.map((c) => c.name).join(" ");
  const lines = [
    `# ${PROGRAM} completion for fish, generated from its command table.`,
    `# Load it with:  ${PROGRAM} completion fish | source`,
    `# or install it: ${PROGRAM} completion fish > ~/.config/fish/completions/${PROGRAM}.fish`,
    `complete -c ${PROGRAM} -f`,
    ...commands.map((c) => `complete -c ${PROGRAM} -n 'not __fish_seen_subcommand_from ${names}' -a ${c.name} -d ${quote(c.summary)}`),
  ];
  for (const c of commands) {
    const when = `-n '__fish_seen_subcommand_from ${c.name}'`;
    for (const f of [...c.flags, ...GLOBAL_FLAGS]) {
      const short = f.short === undefined ? "" : ` -s ${f.short}`;
      const values = valueWords(f, zonesList.join(" "));
      const takes =
        f.kind === "boolean" ? "" : values !== undefined ? ` -x -a ${quote(values)}` : f.completes === "file" ? " -r -F" : " -x";
      lines.push(`complete -c ${PROGRAM} ${when} -l ${f.name}${short}${takes} -d ${quote(firstSentence(f.help))}`);
    }
    const words = positionalWords(c, commands);
    if (words.length > 0) lines.push(`complete -c ${PROGRAM} ${when} -a ${quote(words.join(" "))}`);
  }
  return `${lines.join("\n")}\n`;
}
