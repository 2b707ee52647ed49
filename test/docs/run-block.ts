import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { ROOT, type Fence } from "./markdown.js";

/*
 * Runs a fenced block the way a reader would paste it, against the built
 * package: `import … from "retry-delay"` resolves to this repository's dist/
 * through a project directory whose node_modules/retry-delay links the
 * repository root (package.json's exports), and `retry-delay` / `npx
 * retry-delay` in shell blocks run dist/cli.js. Nothing reaches the network:
 * `fetch` throws in JS blocks.
 */

export interface BlockRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A project directory for doc blocks: node_modules/retry-delay is this repository; other packages link to its node_modules. */
export function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "retry-delay-docs-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "retry-delay"), "dir");
  const bin = join(dir, "bin");
  mkdirSync(bin);
  const cli = `#!/bin/sh\nexec "${process.execPath}" "${ROOT}dist/cli.js" "$@"\n`;
  writeFileSync(join(bin, "retry-delay"), cli);
  // `npx retry-delay …` as an installed user types it; any other npx would fetch from the registry.
  writeFileSync(
    join(bin, "npx"),
    `#!/bin/sh\nif [ "$1" = retry-delay ]; then shift; exec "${process.execPath}" "${ROOT}dist/cli.js" "$@"; fi\necho "docs blocks run offline: npx $1 is refused" >&2\nexit 127\n`,
  );
  chmodSync(join(bin, "retry-delay"), 0o755);
  chmodSync(join(bin, "npx"), 0o755);
  return dir;
}

/** Links the packages a block imports (other than retry-delay and node: builtins) from the repository's node_modules. */
function linkImports(project: string, source: string): void {
  for (const [, specifier = ""] of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"'.][^"']*)["']/g)) {
    if (specifier.startsWith("node:")) continue;
    const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : (specifier.split("/")[0] ?? specifier);
    const target = join(project, "node_modules", name);
    if (name === "retry-delay" || existsSync(target)) continue;
    mkdirSync(join(target, ".."), { recursive: true });
    symlinkSync(`${ROOT}node_modules/${name}`, target, "dir");
  }
}

const PRELUDE = `import { isDeepStrictEqual as __equal, inspect as __inspect } from "node:util";
globalThis.fetch = () => { throw new Error("docs blocks run offline: fetch is refused"); };
function __matches(actual, expected, partial) {
  if (!partial || typeof expected !== "object" || expected === null || Array.isArray(expected)) return __equal(actual, expected);
  if (typeof actual !== "object" || actual === null) return false;
  return Object.keys(expected).every((key) => Object.hasOwn(actual, key) && __matches(actual[key], expected[key], partial));
}
function __expect(actual, expected, line, partial) {
  if (__matches(actual, expected, partial)) return;
  process.exitCode = 1;
  console.error("line " + line + ": the block shows " + __inspect(expected, { depth: 8, breakLength: Infinity }) + (partial ? " (in part)" : "") + "\\n  but it is " + __inspect(actual, { depth: 8, breakLength: Infinity }));
}
`;

const ARROW = /^(\s*)(.*?);?\s*\/\/ → (.*)$/;
const DECLARATION = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/;

/**
 * `// → value` comments become checks: `expr; // → v` checks expr, `const x = expr; // → v`
 * checks x. The value is a JavaScript expression; `…` in it means "at least these fields".
 */
export function withChecks(fence: Fence): string {
  return attachArrows(fence.body.split("\n"))
    .map((text, index) => {
      const match = ARROW.exec(text);
      if (match === null || (match[2] ?? "").trim() === "") return text;
      const [, indent = "", code = "", shown = ""] = match;
      const partial = shown.includes("…");
      const expected = shown.replace(/,?\s*…\s*/g, " ");
      const line = fence.line + 1 + index;
      const declared = DECLARATION.exec(code);
      if (declared !== null) return `${indent}${code}; __expect(${declared[1]}, (${expected}), ${line}, ${partial});`;
      return `${indent}__expect((${code}), (${expected}), ${line}, ${partial});`;
    })
    .join("\n");
}

/** A line that is only `// → value` shows the value of the statement on the line before it. */
function attachArrows(lines: readonly string[]): string[] {
  const out = [...lines];
  out.forEach((text, index) => {
    const shown = /^\s*\/\/ → (.*)$/.exec(text);
    const previous = out[index - 1];
    if (shown === null || previous === undefined || previous.trim() === "" || previous.includes("//")) return;
    out[index - 1] = `${previous} // → ${shown[1] ?? ""}`;
    out[index] = "";
  });
  return out;
}

/** The environment without credentials (a block that finds a token would use the network) or colour settings. */
function offline(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(QSTASH_|UPSTASH_|FORCE_COLOR$)/.test(name)));
}

function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<BlockRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: { ...offline(process.env), TZ: "UTC", NO_COLOR: "1", ...options.env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr });
      },
    );
  });
}

export async function runBlock(project: string, fence: Fence): Promise<BlockRun> {
  const name = `${fence.file.replace(/[^\w]+/g, "-")}-${fence.line}`;
  if (fence.lang === "sh") {
    const script = join(project, `${name}.sh`);
    // Both streams in one, in order, as a terminal shows them.
    writeFileSync(script, `set -euo pipefail\nexec 2>&1\n${fence.body}\n`);
    return run("bash", [script], { cwd: project, env: { PATH: `${join(project, "bin")}:${process.env.PATH ?? ""}` } });
  }
  const source = withChecks(fence);
  linkImports(project, source);
  const { code } = transformSync(source, { loader: fence.lang === "ts" ? "ts" : "js", format: "esm", target: "node20", sourcefile: name });
  const file = join(project, `${name}.mjs`);
  writeFileSync(file, PRELUDE + code);
  return run(process.execPath, [file], { cwd: project });
}
