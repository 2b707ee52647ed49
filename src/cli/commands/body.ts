import type { CommandContext } from "../command.js";
import { readStdin } from "./shared.js";

/*
 * `--body`: `-` reads the body from stdin, `@FILE` from a file (as curl's
 * `--data @file`), and `@@…` stands for a body that starts with a literal
 * `@` (`@@admin` sends `@admin`). Anything else is the body itself.
 */

/** The largest body read from a file or stdin: well above QStash's largest message size, to bound what is read. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function bodyFlag(context: CommandContext, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text === "-") return readStdin(context, "--body -", "body");
  if (text.startsWith("@@")) return text.slice(1);
  if (!text.startsWith("@")) return text;
  const path = text.slice(1);
  if (path === "") {
    context.problems.add("--body @ needs a file name after the @ (write @@ for a body that starts with @)", "body");
    return undefined;
  }
  return readBodyFile(context, path);
}

function readBodyFile(context: CommandContext, path: string): string | undefined {
  const { readFile } = context.io;
  if (readFile === undefined) {
    context.problems.add(`--body @${path}: files cannot be read here`, "body");
    return undefined;
  }
  try {
    const body = readFile(path);
    if (body.length > MAX_BODY_BYTES) {
      context.problems.add(`--body @${path}: the file is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`, "body");
      return undefined;
    }
    return body;
  } catch (error) {
    context.problems.add(
      `--body @${path}: cannot read the file (${describeFileError(error)}); write @@ for a body that starts with @`,
      "body",
    );
    return undefined;
  }
}

function describeFileError(error: unknown): string {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
