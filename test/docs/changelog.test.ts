import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readPage, ROOT } from "./markdown.js";

/*
 * CHANGELOG.md in Keep a Changelog 1.1.0 form (https://keepachangelog.com/en/1.1.0/):
 * `## [Unreleased]` first, then `## [x.y.z] - YYYY-MM-DD`, newest first; under each,
 * `### Added | Changed | Deprecated | Removed | Fixed | Security` in that order, each
 * with entries; a link reference for every version.
 */

const TYPES = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"];
const page = readPage("CHANGELOG.md");
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { version: string; repository: { url: string } };
const repository = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");

interface Version {
  readonly name: string;
  readonly date: string | undefined;
  readonly sections: { readonly type: string; readonly entries: number }[];
}

function versions(): Version[] {
  const out: { name: string; date: string | undefined; sections: { type: string; entries: number }[] }[] = [];
  for (const { text } of page.prose) {
    const version = /^## \[([^\]]+)\](?: - (\S+))?$/.exec(text);
    if (version !== null) out.push({ name: version[1] ?? "", date: version[2], sections: [] });
    else if (text.startsWith("## ")) throw new Error(`not a Keep a Changelog version heading: ${text}`);
    const type = /^### (.+)$/.exec(text);
    if (type !== null) out.at(-1)?.sections.push({ type: type[1] ?? "", entries: 0 });
    const section = out.at(-1)?.sections.at(-1);
    if (/^- \S/.test(text) && section !== undefined) section.entries += 1;
  }
  return out;
}

const semver = (name: string): number[] => name.split(".").map(Number);

describe("CHANGELOG.md", () => {
  const all = versions();

  it("says which format and versioning it follows", () => {
    expect(page.text.split("\n")[0]).toBe("# Changelog");
    expect(page.text).toContain("(https://keepachangelog.com/en/1.1.0/)");
    expect(page.text).toContain("(https://semver.org/spec/v2.0.0.html)");
  });

  it("starts with Unreleased, then released versions with their dates, newest first", () => {
    expect(all[0]?.name).toBe("Unreleased");
    expect(all[0]?.date).toBeUndefined();
    const released = all.slice(1);
    expect(released.length).toBeGreaterThan(0);
    for (const version of released) {
      expect(version.name, version.name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(version.date, version.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const order = released.map((v) => semver(v.name));
    const sorted = [...order].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!);
    expect(order).toEqual(sorted);
    expect(released.map((v) => v.date)).toEqual([...released.map((v) => v.date)].sort().reverse());
  });

  it("has package.json's version", () => {
    expect(all.map((v) => v.name)).toContain(pkg.version);
  });

  it("groups every version's changes by type, in Keep a Changelog's order, none empty", () => {
    for (const version of all) {
      const types = version.sections.map((s) => s.type);
      expect(types.length, version.name).toBeGreaterThan(0);
      expect(types.every((type) => TYPES.includes(type)), `${version.name}: ${types.join(", ")}`).toBe(true);
      expect(types, version.name).toEqual([...types].sort((a, b) => TYPES.indexOf(a) - TYPES.indexOf(b)));
      expect(new Set(types).size, version.name).toBe(types.length);
      for (const section of version.sections) expect(section.entries, `${version.name} ${section.type}`).toBeGreaterThan(0);
    }
  });

  it("links every version to the repository", () => {
    const [latest] = all.slice(1);
    expect(page.text).toContain(`\n[Unreleased]: ${repository}/compare/v${latest?.name ?? ""}...HEAD\n`);
    for (const version of all.slice(1)) expect(page.text, version.name).toMatch(new RegExp(`\\n\\[${version.name}\\]: ${repository}/`));
  });
});
