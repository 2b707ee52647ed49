/*
 * The process's standard streams, built only where a terminal needs them.
 *
 * Node builds `process.stdout` on its first read. For a pipe or a file that
 * loads Node's whole stream machinery, about 28M instructions (6 ms of a
 * CLI run on Node 20; callgrind, `--single-threaded`), for text that Node
 * writes synchronously there anyway. So output to a pipe or a file goes
 * straight to the descriptor with `fs.writeSync`, and a terminal still gets
 * `process.stdout`, which on Windows turns UTF-8 into the console's UTF-16.
 *
 * Node's modules are read with `process.getBuiltinModule` (Node 20.16+; the
 * package needs 20.19): an ES module's `import … from "node:fs"` makes Node
 * read every export of `fs` for the module's namespace, and one of them is
 * the getter that loads the streams all the same. `node:tty` loads them too
 * (through `net`), so it is asked only about a character device, the one
 * kind of file a terminal is.
 */

type Descriptor = 0 | 1 | 2;

const fs = () => process.getBuiltinModule("node:fs");

/** Whether the descriptor is a terminal, asked without building its stream. */
export function isTerminal(fd: Descriptor): boolean {
  return isCharacterDevice(fd) && process.getBuiltinModule("node:tty").isatty(fd);
}

/** A terminal, or a device such as /dev/null; not a pipe, a socket or a file. */
function isCharacterDevice(fd: Descriptor): boolean {
  try {
    return fs().fstatSync(fd).isCharacterDevice();
  } catch {
    // A closed descriptor: Node's own stream for it is a character device's too.
    return true;
  }
}

/** The terminal's width in columns, when standard output is a terminal that says. */
export function terminalColumns(): number | undefined {
  return isTerminal(1) ? process.stdout.columns : undefined;
}

/** Writes text to standard output (1) or error (2), each call whole and in order. */
export function writerTo(fd: 1 | 2): (text: string) => void {
  if (!isCharacterDevice(fd))
    return (text) => {
      writeAll(fd, text);
    };
  const stream = fd === 1 ? process.stdout : process.stderr;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    stopQuietly();
  });
  return (text) => {
    stream.write(text);
  };
}

/** All of standard input, as UTF-8. */
export function readStandardInput(): string {
  return fs().readFileSync(0, "utf8");
}

/** A file, as UTF-8. */
export function readTextFile(path: string): string {
  return fs().readFileSync(path, "utf8");
}

let pause: Int32Array | undefined;

function writeAll(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let offset = 0; offset < bytes.length;) {
    try {
      offset += fs().writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A descriptor left non-blocking by whoever started us: wait a millisecond for the reader.
      if (code === "EAGAIN") Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
      else if (code === "EPIPE") stopQuietly();
      else throw error;
    }
  }
}

/**
 * A reader that stops early (`retry-delay simulate … | head`) closes the
 * pipe: stop with the command's own exit code, as Unix tools do, rather
 * than die with a stack trace.
 */
function stopQuietly(): never {
  process.exit();
}
