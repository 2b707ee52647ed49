import { closestName } from "../../diagnostics/suggest.js";
import { EXIT, UsageError, type Command, type CommandContext } from "../command.js";
import { completionScript, SHELLS, type Shell } from "../completion.js";
import { PROGRAM } from "../help.js";

/** `retry-delay completion bash|zsh|fish`: a completion script built from the command table. */
export function completionCommand(table: () => readonly Command[]): Command {
  return {
    name: "completion",
    summary: "print a shell completion script for bash, zsh or fish",
    synopsis: `<${SHELLS.join("|")}>`,
    description: [
      "Prints a script that completes the commands, their flags, the values of flags with a fixed set of values (--color, --window, --plan…), time zones after --tz, and files after --body @.",
      "",
      `bash: add 'source <(${PROGRAM} completion bash)' to ~/.bashrc. zsh: add 'source <(${PROGRAM} completion zsh)' to ~/.zshrc (after compinit). fish: run '${PROGRAM} completion fish > ~/.config/fish/completions/${PROGRAM}.fish'.`,
    ].join("\n"),
    flags: [],
    examples: [
      { args: ["completion", "bash"], says: "The bash script; load it with source <(retry-delay completion bash)" },
      { args: ["completion", "fish"], says: "The fish script" },
    ],
    run: (context) => runCompletion(context, table()),
  };
}

function runCompletion(context: CommandContext, commands: readonly Command[]): number {
  const [shell, ...extra] = context.positionals;
  context.problems.settle();
  if (context.values.json === true) throw new UsageError("completion prints a shell script; --json does not apply", { flag: "json" });
  if (shell === undefined) throw new UsageError(`missing the shell: ${SHELLS.join(", ")}`);
  if (extra.length > 0)
    throw new UsageError(`completion takes one shell, got ${context.positionals.length}: ${context.positionals.join(" ")}`);
  if (!isShell(shell)) {
    const near = closestName(shell, SHELLS);
    throw new UsageError(
      `no completion for '${shell}': the shells are ${SHELLS.join(", ")}${near === undefined ? "" : `; did you mean '${near}'?`}`,
    );
  }
  context.io.out(completionScript(shell, commands, ["UTC", ...Intl.supportedValuesOf("timeZone")]).trimEnd());
  return EXIT.ok;
}

function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}
