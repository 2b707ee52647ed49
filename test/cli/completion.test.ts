import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANCHOR_CHOICES, WINDOW_CHOICES } from "../../src/delivery/options.js";
import { simulateDelivery } from "../../src/delivery/simulate.js";
import { bin, cli } from "./run.js";

/*
 * `retry-delay completion bash|zsh|fish`. bash's script is loaded into a
 * child bash and driven as readline drives it (COMP_WORDS, COMP_CWORD, the
 * completion function, COMPREPLY). zsh and fish are not installed on this
 * machine (`which zsh fish` finds neither), so their scripts are checked by
 * their structure against the command table.
 */

interface CommandEntry {
  readonly name: string;
  readonly flags: readonly { readonly name: string; readonly short: string | null; readonly choices: readonly string[] | null }[];
}
const table = JSON.parse(cli(["help", "--json"]).stdout) as { commands: CommandEntry[]; globalFlags: CommandEntry["flags"] };
const script = (shell: string): string => {
  const result = cli(["completion", shell]);
  expect(result.code).toBe(0);
  return result.stdout;
};

/** The words bash offers for the command line `words` (the last one being completed), loaded with `source <(…)`. */
function complete(words: readonly string[], cwd?: string): string[] {
  const line = ["retry-delay", ...words].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(" ");
  const program = [
    `source <(${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} completion bash)`,
    `COMP_WORDS=(${line})`,
    `COMP_CWORD=${words.length}`,
    `COMP_LINE=${JSON.stringify(["retry-delay", ...words].join(" "))}`,
    "_retry_delay",
    `printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join("\n");
  const result = spawnSync("bash", ["-c", program], { encoding: "utf8", ...(cwd === undefined ? {} : { cwd }) });
  expect(result.stderr).toBe("");
  return result.stdout.split("\n").filter((w) => w !== "");
}

describe("bash", () => {
  it("registers the completion function for retry-delay", () => {
    const result = spawnSync(
      "bash",
      ["-c", `source <(${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} completion bash); complete -p retry-delay`],
      {
        encoding: "utf8",
      },
    );
    expect(result.stdout).toBe("complete -o default -F _retry_delay retry-delay\n");
    expect(spawnSync("bash", ["-n"], { input: script("bash"), encoding: "utf8" }).status).toBe(0);
  });

  it("completes commands from the table", () => {
    expect(complete([""])).toEqual(table.commands.map((c) => c.name));
    expect(complete(["s"])).toEqual(["simulate", "schedule"]);
    expect(complete(["fl"])).toEqual(["flow-control"]);
    expect(complete(["--color=always", "ch"])).toEqual(["check"]);
    expect(complete(["--width", "60", "du"])).toEqual(["duration"]);
  });

  it("completes each command's own flags and the global ones", () => {
    for (const command of table.commands) {
      const offered = complete([command.name, "--"]);
      expect(offered, command.name).toEqual([...command.flags, ...table.globalFlags].map((f) => `--${f.name}`));
    }
    expect(complete(["simulate", "1000", "--re"])).toEqual(["--retries"]);
    expect(complete(["trigger", "--url", "https://e.com", "--flow"])).toEqual(["--flow-control-key", "--flow-control"]);
  });

  it("completes values: choices, time zones, shells, commands and files after @", () => {
    expect(complete(["trigger", "--plan", ""])).toEqual(["free", "pay-as-you-go", "fixed"]);
    expect(complete(["check", "1", "--color", "n"])).toEqual(["never"]);
    // bash splits `--color=a` at the = (COMP_WORDBREAKS): the words are --color, = and a.
    expect(complete(["check", "1", "--color", "=", "a"])).toEqual(["auto", "always"]);
    expect(complete(["check", "1", "--color", "="])).toEqual(["auto", "always", "never"]);
    expect(complete(["simulate", "1000", "--tz", "Europe/Be"])).toEqual(["Europe/Belgrade", "Europe/Berlin"]);
    expect(complete(["completion", ""])).toEqual(["bash", "zsh", "fish"]);
    expect(complete(["help", "de"])).toEqual(["deliver"]);
    const dir = mkdtempSync(join(tmpdir(), "retry-delay-complete-"));
    writeFileSync(join(dir, "order.json"), "{}");
    expect(complete(["trigger", "--body", "@or"], dir)).toEqual(["@order.json"]);
    // A flag that takes a free value completes nothing of its own.
    expect(complete(["simulate", "--retries", ""])).toEqual([]);
  });
});

describe("deliver's --window and --anchor complete exactly what the delivery model accepts", () => {
  const lists = [
    ["window", WINDOW_CHOICES],
    ["anchor", ANCHOR_CHOICES],
  ] as const;

  it.each(lists)("--%s", (flag, choices) => {
    // Every shell offers the model's own list, in its order.
    expect(complete(["deliver", "--runs", "1", `--${flag}`, ""])).toEqual([...choices]);
    expect(script("zsh")).toContain(`:(${choices.join(" ")})'`);
    expect(script("fish")).toContain(`-l ${flag} -x -a '${choices.join(" ")}'`);
    const deliver = table.commands.find((c) => c.name === "deliver");
    expect(deliver?.flags.find((f) => f.name === flag)?.choices).toEqual([...choices]);
    // The model accepts each, and the CLI passes each through; anything else both refuse.
    const model = (value: string) => simulateDelivery({ arrivals: { count: 1 }, endpoint: { duration: "1s" }, model: { [flag]: value } });
    for (const value of choices) {
      expect(model(value).ok, value).toBe(true);
      const run = cli(["deliver", "--runs", "1", `--${flag}`, value, "--json"]);
      expect(run.code, value).toBe(0);
      expect((JSON.parse(run.stdout) as { scenario: { model: Record<string, string> } }).scenario.model[flag]).toBe(value);
    }
    const other = `${choices[0]}-ish`;
    expect(model(other).diagnostics.map((d) => d.code)).toEqual(["invalid-model"]);
    const refused = cli(["deliver", "--runs", "1", `--${flag}`, other]);
    expect(refused.code).toBe(2);
    // The message wraps to the terminal width: compared with its white space folded.
    expect(refused.stderr.replace(/\s+/g, " ")).toContain(`--${flag} must be one of ${choices.join(", ")}, not '${other}'`);
  });
});

describe("zsh (structure: zsh is not installed here)", () => {
  const zsh = script("zsh");

  it("is a #compdef function that registers itself", () => {
    expect(zsh.startsWith("#compdef retry-delay\n")).toBe(true);
    expect(zsh).toContain("compdef _retry_delay retry-delay");
    expect(zsh).toContain("_describe -t commands 'command' commands");
  });

  it("describes every command, and every flag of each with _arguments", () => {
    for (const command of table.commands) {
      expect(zsh).toMatch(new RegExp(`^ {4}'${command.name}:[^']+'$`, "m"));
      const branch = zsh.slice(zsh.indexOf(`\n    ${command.name}) _arguments`));
      const own = branch.slice(0, branch.indexOf(" ;;"));
      for (const flag of [...command.flags, ...table.globalFlags]) {
        const ends = flag.short === null ? ["[", "=["] : ["}", "=}"];
        const start = flag.short === null ? `--${flag.name}` : `(-${flag.short} --${flag.name})'{-${flag.short},--${flag.name}`;
        expect(
          ends.some((end) => own.includes(`'${start}${end}`) || own.includes(`'*${start}${end}`)),
          `${command.name} --${flag.name}`,
        ).toBe(true);
      }
    }
  });

  it("quotes what zsh would read as syntax", () => {
    expect(zsh).toContain(":P:(free pay-as-you-go fixed)'");
    // No unescaped ] or : inside a description.
    for (const [, description] of zsh.matchAll(/--[a-z-]+=?\[([^\]]*)\]/g)) expect(description).not.toMatch(/(?<!\\):/);
  });
});

describe("fish (structure: fish is not installed here)", () => {
  const fish = script("fish");
  const lines = fish.trimEnd().split("\n");

  it("offers each command until one is given", () => {
    for (const command of table.commands)
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^complete -c retry-delay -n 'not __fish_seen_subcommand_from [a-z -]+' -a ${command.name} -d '`)),
      );
  });

  it("has one line per flag of each command, with its value completion", () => {
    for (const command of table.commands)
      for (const flag of [...command.flags, ...table.globalFlags])
        expect(lines, `${command.name} --${flag.name}`).toContainEqual(
          expect.stringMatching(
            new RegExp(
              `^complete -c retry-delay -n '__fish_seen_subcommand_from ${command.name}' -l ${flag.name}( -s ${flag.short ?? ""})?( |$)`,
            ),
          ),
        );
    expect(fish).toContain("-l plan -x -a 'free pay-as-you-go fixed'");
    expect(fish).toContain("-l body -r -F");
    expect(fish).toMatch(/-l tz -x -a 'UTC [^']*Europe\/Berlin/);
  });

  it("quotes every description so that fish reads it as one word", () => {
    for (const line of lines.filter((l) => l.startsWith("complete")))
      expect(line.replace(/'\\''/g, "").split("'").length % 2, line).toBe(1);
  });
});
