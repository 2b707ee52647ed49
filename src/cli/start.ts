import { run } from "./main.js";

// A reader that stops early (`retry-delay simulate … | head`) closes the pipe.
// Stop quietly with the command's own exit code, as Unix tools do, rather
// than die on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit();
  });
}

process.exitCode = run(process.argv.slice(2));
