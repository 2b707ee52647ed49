// The CommonJS build's modules that load on first call (scripts/build.mjs lists them: the
// explainers of an invalid expression or argument, such as mistakes.ts and refused-parse.ts, in
// dist/cjs/explain.cjs; the root's value checks in dist/cjs/checks.cjs; the runtime's short
// diagnostics for a declined source in dist/cjs/runtime-explain.cjs): each set, with the modules
// only it reaches (a file bundled alone, such as checks.cjs, also carries its own copy of what it
// shares with the rest), goes into a file of its own, and every other module's import of one
// becomes a function of the same name that requires that file on its first call and forwards to it. `require("retry-delay")` + a first (valid) compile
// then neither reads nor pre-parses them: V8 pre-parses every byte of a file it loads, ~125
// instructions a byte (Node 20), called or not. Measured with callgrind over a one-line
// `require`: the root's require + first compile 33.6M instructions before, 27.2M after.
//
// Only functions can be forwarded so: a module here exports nothing else that another module
// imports (the build fails on an import that the forwarding module does not provide). ESM keeps
// its static imports: an ES module has no synchronous way to load a file later.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "typescript";

/** The prefix of the forwarding modules' namespace, and of the entry's that holds the real ones (each followed by the file's name). */
const NAMESPACE = "lazy-commonjs-module";
const ENTRY_NAMESPACE = "lazy-commonjs-entry";

/** The names of the functions that `file` (TypeScript) exports with `export function`. */
function exportedFunctions(file) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return source.statements
    .filter((s) => ts.isFunctionDeclaration(s) && s.name !== undefined && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((s) => s.name.text);
}

/**
 * For the intermediate ESM build of dist/cjs: `modules` (absolute .ts paths) go into the entry
 * `name` (its output, `./${name}.js`, becomes `./${name}.cjs`), and other modules' imports of
 * them are forwarded through `requireName`, the placeholder that the conversion defines as
 * `require`. Returns the extra entry and the plugins: `plugin` makes both, for a build with
 * shared chunks that holds the entry too; `forwarding` and `entryPlugin` make one each, for an
 * entry bundled alone (retry-delay/runtime) whose lazy file is a bundle of its own, where a
 * forwarder would make the file require itself.
 */
export function lazyModulesForCommonJs({ name, modules, requireName }) {
  const file = `./${name}.cjs`;
  const functions = new Map(modules.map((module) => [module, exportedFunctions(module)]));
  // Namespaces of this file's own, so that several such files can share one build.
  const entryNamespace = `${ENTRY_NAMESPACE}-${name}`;
  const moduleNamespace = `${NAMESPACE}-${name}`;
  const entry = `${entryNamespace}:${name}`;
  const entryPlugin = {
    name: "lazy-commonjs-entry",
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${entryNamespace}:`) }, (args) => ({
        path: args.path.slice(entryNamespace.length + 1),
        namespace: entryNamespace,
      }));
      build.onLoad({ filter: /.*/, namespace: entryNamespace }, () => ({
        contents: [...functions].map(([module, names]) => `export { ${names.join(", ")} } from ${JSON.stringify(module)};`).join("\n"),
        loader: "js",
        resolveDir: dirname(modules[0]),
      }));
    },
  };
  const forwarding = {
    name: "lazy-commonjs-forwarding",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
        if (args.namespace === entryNamespace || args.namespace === moduleNamespace) return undefined;
        const path = resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts");
        return functions.has(path) ? { path, namespace: moduleNamespace } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: moduleNamespace }, (args) => ({
        contents: [
          "let loaded;",
          `const load = () => (loaded ??= ${requireName}(${JSON.stringify(file)}));`,
          ...functions.get(args.path).map((f) => `export function ${f}(...args) { return load().${f}(...args); }`),
        ].join("\n"),
        loader: "js",
      }));
    },
  };
  const plugin = {
    name: "lazy-commonjs-modules",
    setup(build) {
      entryPlugin.setup(build);
      forwarding.setup(build);
    },
  };
  return { entry: { [name]: entry }, file, plugin, forwarding, entryPlugin };
}
