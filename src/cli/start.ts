import { run } from "./main.js";
import { outputFailureExitCode } from "./process-streams.js";

// Output goes through process-streams.ts: a reader that closes the pipe early costs no exit code,
// a failed write does. A stream reports its failure after the command has returned, so the
// verdict is taken as the process exits.
process.exitCode = run(process.argv.slice(2));
process.on("exit", () => {
  process.exitCode = outputFailureExitCode() ?? process.exitCode;
});
