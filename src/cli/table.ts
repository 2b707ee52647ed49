import type { Command } from "./command.js";
import { checkCommand } from "./commands/check.js";
import { completionCommand } from "./commands/completion.js";
import { deliverCommand } from "./commands/deliver.js";
import { durationCommand } from "./commands/duration.js";
import { flowControlCommand } from "./commands/flow-control.js";
import { helpCommand } from "./commands/help.js";
import { publishCommand, scheduleCommand } from "./commands/publish.js";
import { simulateCommand } from "./commands/simulate.js";
import { triggerCommand } from "./commands/trigger.js";

/**
 * THE command table: the parser, the help, the usage errors, the shell
 * completions and docs/cli.md all read it. A command or flag that is not
 * here does not exist.
 */
export const COMMANDS: readonly Command[] = [
  checkCommand,
  simulateCommand,
  deliverCommand,
  durationCommand,
  flowControlCommand,
  triggerCommand,
  publishCommand,
  scheduleCommand,
  helpCommand(() => COMMANDS),
  completionCommand(() => COMMANDS),
];

/** The commands that take flag `name`, to tell a user who gave it to another, and whether it takes a value there. */
export function flagOwners(name: string): { commands: readonly string[]; takesValue: boolean } {
  const flags = COMMANDS.flatMap((c) => c.flags.filter((f) => f.name === name).map((f) => ({ command: c.name, flag: f })));
  return { commands: flags.map((f) => f.command), takesValue: flags.some((f) => f.flag.kind === "value") };
}
