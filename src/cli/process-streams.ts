/*
 * The process's standard streams, built only where a terminal needs them.
 *
 * Node builds `process.stdout` on its first read. For a pipe or a file that
 * loads `net` and Node's whole stream implementation, for text that Node
 * writes synchronously there anyway: with both outputs piped, `retry-delay
 * check` ran 55M instructions fewer without them (callgrind, Node 20,
 * `--single-threaded`; docs/performance.md). So output to a pipe, a file or
 * /dev/null goes straight to the descriptor with `fs.writeSync`, and a
 * terminal still gets `process.stdout`, which on Windows turns UTF-8 into the
 * console's UTF-16.
 *
 * Node's modules are read with `process.getBuiltinModule` (Node 20.16+; the
 * package needs 20.19): an ES module's `import … from "node:fs"` makes Node
 * read every export of `fs` for the module's namespace, and one of them is
 * the getter that loads the streams all the same. `node:tty` loads them too
 * (through `net`), so it is asked only about a character device other than
 * /dev/null, the one kind of file a terminal is.
 *
 * A reader that stops early (`retry-delay simulate … | head`) closes the
 * pipe. The run goes on without that output, as it did when Node's stream
 * reported the closed pipe after the command, so the command's exit code and
 * the rest of its other output are kept. Any other failed write (a full disk)
 * is reported once, after the command, and the run exits with 74.
 */

type Descriptor = 0 | 1 | 2;
type Output = 1 | 2;

const fs = () => process.getBuiltinModule("node:fs");

/** Outputs whose reader has gone, or that failed: nothing more is written to them. */
const closed = new Set<Output>();
let failure: { readonly fd: Output; readonly code: string } | undefined;

/** Whether the descriptor is a terminal, asked without building its stream. */
export function isTerminal(fd: Descriptor): boolean {
  return kindOf(fd) === "device" && process.getBuiltinModule("node:tty").isatty(fd);
}

type Kind = "direct" | "device";
/** Each descriptor's kind, examined once: it does not change during a run. */
const kinds = new Map<Descriptor, Kind>();

/** A pipe, a socket, a file or /dev/null is written directly; any other device (a terminal) through its stream. */
function kindOf(fd: Descriptor): Kind {
  let kind = kinds.get(fd);
  if (kind === undefined) kinds.set(fd, (kind = examine(fd)));
  return kind;
}

function examine(fd: Descriptor): Kind {
  try {
    const stat = fs().fstatSync(fd);
    return stat.isCharacterDevice() && !isDevNull(stat.rdev) ? "device" : "direct";
  } catch {
    // A descriptor that cannot be examined: Node's own stream knows what to do with it.
    return "device";
  }
}

function isDevNull(rdev: number): boolean {
  try {
    return fs().statSync("/dev/null").rdev === rdev;
  } catch {
    return false;
  }
}

/** Writes text to standard output (1) or error (2), each call whole and in order. */
export function writerTo(fd: Output): (text: string) => void {
  if (kindOf(fd) === "direct")
    return (text) => {
      if (!closed.has(fd)) writeAll(fd, text);
    };
  const stream = fd === 1 ? process.stdout : process.stderr;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    failed(fd, error);
  });
  return (text) => {
    if (!closed.has(fd)) stream.write(text);
  };
}

/**
 * What the run's exit code must become after a write that failed for any
 * reason but a closed pipe (74, EX_IOERR, with one line on standard error),
 * or undefined.
 */
export function outputFailureExitCode(): number | undefined {
  if (failure === undefined) return undefined;
  if (!closed.has(2)) writeLineToStandardError(`retry-delay: cannot write the output: ${failure.code}`);
  return 74;
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

function writeAll(fd: Output, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let offset = 0; offset < bytes.length;) {
    try {
      offset += fs().writeSync(fd, bytes, offset);
    } catch (error) {
      // A descriptor left non-blocking by whoever started us: wait a millisecond for the reader.
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
      else {
        failed(fd, error as NodeJS.ErrnoException);
        return;
      }
    }
  }
}

/** Stops writing to `fd`; a closed pipe is the reader's choice, any other error is remembered for the exit code. */
function failed(fd: Output, error: NodeJS.ErrnoException): void {
  closed.add(fd);
  // Windows reports a pipe whose reader has gone as EOF (ERROR_BROKEN_PIPE) or EPIPE (ERROR_NO_DATA).
  if (error.code === "EPIPE" || error.code === "EOF") return;
  failure ??= { fd, code: error.code ?? error.message };
}

/** The failure line, written past the stream machinery even when standard error is a terminal. */
function writeLineToStandardError(text: string): void {
  try {
    fs().writeSync(2, `${text}\n`);
  } catch {
    // Standard error is gone too: the exit code is all that is left to say it.
  }
}
