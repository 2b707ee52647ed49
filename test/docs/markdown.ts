import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/*
 * The Markdown the docs tests read: the pages people read (README.md and
 * docs/*.md), split into fenced code blocks and the prose around them.
 *
 * A fence's info string is its language and then words that say what CI does
 * with it (GitHub and typedoc read only the language):
 *
 *   ```ts run           executed against the built package; `// → value` lines are checked
 *   ```sh run exit=1    executed with bash; the exit status must be 1 (default 0)
 *   ```text output      what the run block before it prints, compared exactly
 *   ```ts skip=fragment not executed, with the reason: fragment (part of a program), config
 *                       (a configuration file), network (needs a server or credentials), slow
 *                       (minutes of work: fuzzing, mutation), ci (CI itself runs it: the
 *                       README's first lines)
 */

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** README.md and every page of docs/, as paths from the repository root. */
export const PAGES: readonly string[] = [
  "README.md",
  ...readdirSync(`${ROOT}docs`)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];

/** Every Markdown file of the repository that is a page of the site or the package. */
export const MARKDOWN_FILES: readonly string[] = [...PAGES, "CHANGELOG.md", "CONTRIBUTING.md"];

export const CODE_LANGUAGES = new Set(["js", "ts", "sh"]);
export const SKIP_REASONS = new Set(["fragment", "config", "network", "slow", "ci"]);

export interface Fence {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly meta: readonly string[];
  readonly body: string;
}

export interface ProseLine {
  readonly line: number;
  readonly text: string;
}

export interface Page {
  readonly file: string;
  readonly text: string;
  readonly fences: readonly Fence[];
  readonly prose: readonly ProseLine[];
}

const OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)(.*)$/;

export function readPage(file: string): Page {
  const text = readFileSync(`${ROOT}${file}`, "utf8");
  return { file, text, ...splitMarkdown(file, text) };
}

export function splitMarkdown(file: string, text: string): { fences: Fence[]; prose: ProseLine[] } {
  const fences: Fence[] = [];
  const prose: ProseLine[] = [];
  const lines = text.split("\n");
  let open: { indent: number; marker: string; line: number; lang: string; meta: string[]; body: string[] } | undefined;
  lines.forEach((content, index) => {
    if (open === undefined) {
      const match = OPEN.exec(content);
      if (match === null) {
        prose.push({ line: index + 1, text: content });
        return;
      }
      const [, indent = "", marker = "```", lang = "", rest = ""] = match;
      open = { indent: indent.length, marker, line: index + 1, lang, meta: rest.trim().split(/\s+/).filter(Boolean), body: [] };
      return;
    }
    const closing = content.trim();
    if (closing.startsWith(open.marker) && /^(`+|~+)$/.test(closing) && closing[0] === open.marker[0]) {
      fences.push({ file, line: open.line, lang: open.lang, meta: open.meta, body: open.body.join("\n") });
      open = undefined;
      return;
    }
    // A fence indented in a list item: its lines carry the item's indentation.
    open.body.push(content.replace(new RegExp(`^ {0,${open.indent}}`), ""));
  });
  if (open !== undefined) throw new Error(`${file}:${open.line}: a code fence that is never closed`);
  return { fences, prose };
}

/** The value of a `key=value` word of a fence's info string. */
export function metaValue(fence: Fence, key: string): string | undefined {
  return fence.meta.find((word) => word.startsWith(`${key}=`))?.slice(key.length + 1);
}

/** `file:line`, as an editor opens it. */
export function where(fence: { readonly file: string; readonly line: number }): string {
  return `${fence.file}:${fence.line}`;
}
