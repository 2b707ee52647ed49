import { createSyntaxDiagramsCode } from "chevrotain";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ExpressionGrammar } from "../src/expression/grammar.js";

/**
 * Chevrotain's syntax-diagram page for the live parser, made self-contained:
 * chevrotain links its scripts and stylesheet from unpkg, which would need
 * the network, so each is inlined from the installed package instead.
 * Drawn from the parser the operator table builds, without the operators it
 * parses only to refuse (`%`, `^`, `**`): the picture shows the language.
 */
export function syntaxDiagramsHtml(projectRoot: string): string {
  const chevrotainRoot = join(projectRoot, "node_modules", "chevrotain");
  const resourceBase = "chevrotain-diagrams/";
  const css = "chevrotain-diagrams/diagrams.css";
  const html = createSyntaxDiagramsCode(new ExpressionGrammar({ unsupported: "omit" }).getSerializedGastProductions(), { resourceBase, css });
  const read = (path: string): string => readFileSync(join(chevrotainRoot, "diagrams", path), "utf8");
  const inlined = html
    .replace(`<link rel='stylesheet' href='${css}'>`, () => `<style>\n${read("diagrams.css")}\n</style>`)
    .replace(/<script src='chevrotain-diagrams\/([^']+)'><\/script>/g, (_, path: string) => `<script>\n${read(path).replace(/<\/script/gi, "<\\/script")}\n</script>`)
    .replace("<!DOCTYPE html>", "<!DOCTYPE html>\n<title>retry-delay expression grammar</title>");
  if (/\b(src|href)=['"]https?:/.test(inlined)) throw new Error("syntax diagrams still reference the network");
  return inlined;
}
