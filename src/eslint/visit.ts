import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { isCandidate, serveNames, SiteFinder, type Site } from "./sites.js";
import { mentionsSdk } from "./imports.js";
import { typeInfo } from "./type-info.js";

/** A typescript-eslint node the ESTree types do not name. */
type Annotated = ESTree.Node & { readonly typeAnnotation?: ESTree.Node; readonly expression?: ESTree.Node };

/**
 * Whether the file was parsed by espree, ESLint's own parser, which reads no
 * type annotations: then no node can carry one, and the visitors for them are
 * left out, so ESLint calls the rule for every call and nothing else.
 */
function parsedByEspree(context: Rule.RuleContext): boolean {
  const parser = context.languageOptions.parser as { readonly name?: unknown } | undefined;
  return parser?.name === "espree";
}

/**
 * The visitors both rules share: every SDK call, every object annotated with
 * or `satisfies`-checked against an SDK option type. A file that names no SDK
 * and has no type information is skipped before any node is visited.
 */
export function visitSites(context: Rule.RuleContext, onSite: (site: Site) => void): Rule.RuleListener {
  const sourceCode = context.sourceCode;
  const types = typeInfo(sourceCode);
  if (types === undefined && !mentionsSdk(sourceCode.text)) return {};
  const finder = new SiteFinder(sourceCode, types);
  // The local names of `serve`, read from the module's top on the first call that could be one.
  let serve: ReadonlySet<string> | undefined;
  const annotatedSite = (typeNode: ESTree.Node | undefined, options: ESTree.Node | null | undefined): void => {
    if (typeNode === undefined || options === undefined || options === null) return;
    const shape = finder.ofAnnotation(typeNode);
    if (shape !== undefined) onSite({ shape, options });
  };
  const calls: Rule.RuleListener = {
    CallExpression: (call) => {
      if (!isCandidate(call, (serve ??= serveNames(sourceCode.ast)))) return;
      const site = finder.ofCall(call);
      if (site !== undefined) onSite(site);
    },
  };
  if (parsedByEspree(context)) return calls;
  return {
    ...calls,
    VariableDeclarator: (declarator) => {
      const id = declarator.id as ESTree.Pattern & { readonly typeAnnotation?: { readonly typeAnnotation?: ESTree.Node } };
      annotatedSite(id.typeAnnotation?.typeAnnotation, declarator.init);
    },
    // typescript-eslint's node; the name is a plain key to ESLint.
    TSSatisfiesExpression: (node: ESTree.Node) => {
      const satisfies = node as Annotated;
      annotatedSite(satisfies.typeAnnotation, satisfies.expression);
    },
  };
}
