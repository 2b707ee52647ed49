import { run } from "./main.js";

// Output goes through process-streams.ts, which also stops quietly when a reader closes the pipe early.
process.exitCode = run(process.argv.slice(2));
