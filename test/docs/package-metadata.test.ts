import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "./markdown.js";

/*
 * What npm and GitHub show about the package: the licence file matches
 * package.json's licence, the repository, homepage, issues and keywords are
 * set and agree with each other, and the tarball carries the README, the
 * LICENSE, the CHANGELOG and the guides.
 */

interface Manifest {
  readonly name: string;
  readonly license: string;
  readonly author: string;
  readonly keywords: readonly string[];
  readonly repository: { readonly type: string; readonly url: string };
  readonly homepage: string;
  readonly bugs: { readonly url: string };
}

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as Manifest;
const repository = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");

describe("package metadata", () => {
  it("has a LICENSE file with the licence package.json names, for its author", () => {
    const license = readFileSync(`${ROOT}LICENSE`, "utf8");
    expect(pkg.license).toBe("MIT");
    expect(license.split("\n")[0]).toBe("MIT License");
    expect(license).toMatch(new RegExp(`^Copyright \\(c\\) \\d{4} ${pkg.author}$`, "m"));
    expect(license).toContain("Permission is hereby granted, free of charge, to any person obtaining a copy");
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it("names its repository, homepage and issue tracker, which agree", () => {
    expect(pkg.repository.type).toBe("git");
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
    expect(pkg.homepage).toBe(`${repository}#readme`);
    expect(pkg.bugs.url).toBe(`${repository}/issues`);
  });

  it("has keywords people search for, each once, in lower case", () => {
    expect(pkg.keywords.length).toBeGreaterThanOrEqual(5);
    expect(new Set(pkg.keywords).size).toBe(pkg.keywords.length);
    for (const keyword of pkg.keywords) expect(keyword).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    for (const keyword of ["upstash", "qstash", "retry", "backoff", "flow-control"]) expect(pkg.keywords).toContain(keyword);
  });

  it("packs the README, LICENSE, CHANGELOG and the guides", () => {
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
    ) as { files: { path: string }[] }[];
    const paths = new Set(packed?.files.map((file) => file.path));
    for (const path of ["README.md", "LICENSE", "CHANGELOG.md", "package.json", "docs/trigger.md", "dist/index.js", "dist/cli.js"])
      expect(paths.has(path), path).toBe(true);
  }, 60_000);
});
