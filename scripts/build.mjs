// Builds the published JavaScript: one ESM bundle per entry with chevrotain
// inlined and tree-shaken (importing chevrotain 11 unbundled loads lodash-es's
// ~600 modules, about 0.5 s of cold start), then the .d.ts files with tsc.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

export const libraryOptions = {
  entryPoints: { index: `${root}/src/index.ts` },
  outdir: `${root}/dist`,
  bundle: true,
  format: "esm",
  // The core must run in browsers and edge runtimes: "neutral" refuses Node built-ins.
  platform: "neutral",
  mainFields: ["module", "main"],
  target: "es2022",
  treeShaking: true,
  minifySyntax: true,
  legalComments: "eof",
  logLevel: "warning",
};

await build(libraryOptions);
execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", `${root}/tsconfig.build.json`], { stdio: "inherit" });
