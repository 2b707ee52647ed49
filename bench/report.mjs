// Prints bench/results/latest.json (or the file given) as the Markdown sections of docs/performance.md.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performanceDocSections } from "./performance-doc.mjs";

const file = process.argv[2] ?? fileURLToPath(new URL("results/latest.json", import.meta.url));
const d = JSON.parse(readFileSync(file, "utf8"));
console.log(
  performanceDocSections(d)
    .map((section) => section.markdown)
    .join("\n\n"),
);
