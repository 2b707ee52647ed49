// The CLI's entry, kept apart from its body (start.ts, built to dist/cli-main.js) so that
// Node's compile cache can serve that body. Node 22.1+ stores V8's compiled code of the
// modules loaded after this call, under the OS temporary folder (or NODE_COMPILE_CACHE's
// folder), and later runs skip compiling them; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// Node 20 has no such function, hence the guard. A module is compiled before any of its
// code runs, which is why the body is imported only after the call. (@types/node 20 does
// not declare the function.)
// Read through process.getBuiltinModule, not imported: see process-streams.ts for what an import of a Node module costs.
// Node before 20.16 has no getBuiltinModule (the package needs 20.19, which npm only warns about): say so in one line.
if (typeof process.getBuiltinModule !== "function") {
  process.stderr.write(`retry-delay needs Node.js 20.19 or later; this is ${process.version}\n`);
  process.exit(1);
}
(process.getBuiltinModule("node:module") as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import("./start.js");
