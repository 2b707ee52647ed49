// Profile-guided eager compilation for the built Node bundles (scripts/build.mjs).
//
// V8 compiles a function lazily: at load it only pre-parses the body, and the first call parses
// it again, in full, and makes its bytecode. A function that every start calls (the recognizer,
// the checker, the closure compiler, for the first `compile`) is so read twice. V8 compiles a
// function expression in parentheses, `(function f() {})`, at once instead: its heuristic for
// a function about to be called. This pass runs a start of the package (`import` + first
// `compile`) with V8's function-event log, and rewrites each top-level function declaration
// that the start called as `var f = (function f() {});` at the top of its file, the place
// where the declaration's hoisting made it exist. Functions the start does not call stay lazy.
//
// Measured with callgrind (Node 20, `--single-threaded`, fixed seeds), `require` of
// retry-delay/runtime + first compile over a one-line `require`: 17.5M instructions before,
// 15.5M after.
//
// The moves are safe where a file is in no cycle of imports (a declaration exists before its
// file runs; the `var` only once the file's first statement has run, which in a file that no
// cycle re-enters is before anything else can call it). Each file's source map is rewritten to
// follow the moved text.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { pathToFileURL } from "node:url";
import { decode, encode } from "@jridgewell/sourcemap-codec";
import ts from "typescript";

/**
 * Runs `script` (CommonJS, or an ES module when `module` is set) with V8's function-event log
 * and returns, for each file of `files` that it loaded, the offsets of the functions it called.
 */
function calledFunctions(script, { module, files }) {
  const dir = mkdtempSync(`${tmpdir()}/retry-delay-eager-`);
  try {
    const log = `${dir}/v8.log`;
    execFileSync(
      process.execPath,
      ["--log-function-events", `--logfile=${log}`, "--no-logfile-per-isolate", ...(module ? ["--input-type=module"] : []), "-e", script],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    const byId = new Map();
    const urls = new Map(
      files.flatMap((file) => [
        [file, file],
        [pathToFileURL(file).href, file],
      ]),
    );
    const called = new Map();
    for (const line of readFileSync(log, "utf8").split("\n")) {
      const fields = line.split(",");
      if (fields[0] === "script-details" && urls.has(fields[2])) byId.set(fields[1], urls.get(fields[2]));
      else if (fields[0] === "function" && fields[1] === "first-execution" && byId.has(fields[2])) {
        const file = byId.get(fields[2]);
        if (!called.has(file)) called.set(file, new Set());
        called.get(file).add(Number(fields[3]));
      }
    }
    return called;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The top-level function declarations of `text` whose parameter list starts at an offset in `called`. */
function calledDeclarations(file, text, called) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || statement.name === undefined || statement.body === undefined) continue;
    if (statement.modifiers !== undefined || statement.asteriskToken !== undefined) continue;
    const start = statement.getStart(source);
    const params = text.indexOf("(", statement.name.end);
    if (called.has(params)) found.push({ start, end: statement.end, name: statement.name.text });
  }
  // After a leading "use strict" (which must stay first), or at the very start.
  const first = source.statements[0];
  const prologue =
    first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use strict"
      ? first.end
      : 0;
  return { found: found.filter((f) => f.start >= prologue), at: prologue };
}

/** Offsets of each line's start in `text`. */
const lineStarts = (text) => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];

/** Rewrites `file`'s `.map`, if any, for its new text `next`, where `moved` gives each old offset's new one. */
function rewriteMap(file, text, next, moved) {
  const mapFile = `${file}.map`;
  let map;
  try {
    map = JSON.parse(readFileSync(mapFile, "utf8"));
  } catch {
    return;
  }
  const oldStarts = lineStarts(text);
  const newStarts = lineStarts(next);
  const segments = [];
  decode(map.mappings).forEach((line, index) => {
    for (const [column, ...rest] of line) segments.push({ offset: moved(oldStarts[index] + column), rest });
  });
  segments.sort((a, b) => a.offset - b.offset);
  const lines = newStarts.map(() => []);
  let line = 0;
  for (const { offset, rest } of segments) {
    while (line + 1 < newStarts.length && newStarts[line + 1] <= offset) line++;
    lines[line].push([offset - newStarts[line], ...rest]);
  }
  map.mappings = encode(lines);
  writeFileSync(mapFile, JSON.stringify(map));
}

/**
 * Rewrites `file` (and its `.map`, if any): the declarations `found` move to offset `at` as
 * parenthesized function expressions. Returns how many moved.
 */
function moveDeclarations(file, text, { found, at }) {
  if (found.length === 0) return 0;
  const pieces = found.map((f) => ({ ...f, head: `var ${f.name}=(`, tail: ");" }));
  let inserted = "";
  for (const piece of pieces) {
    piece.newStart = at + inserted.length + piece.head.length;
    inserted += piece.head + text.slice(piece.start, piece.end) + piece.tail;
  }
  let rest = text.slice(at);
  for (const piece of [...pieces].reverse()) rest = rest.slice(0, piece.start - at) + rest.slice(piece.end - at);
  const next = text.slice(0, at) + inserted + rest;
  writeFileSync(file, next);
  const moved = (offset) => {
    if (offset < at) return offset;
    let removed = 0;
    for (const piece of pieces) {
      if (offset >= piece.start && offset < piece.end) return piece.newStart + (offset - piece.start);
      if (offset >= piece.end) removed += piece.end - piece.start;
    }
    return offset + inserted.length - removed;
  };
  rewriteMap(file, text, next, moved);
  return pieces.length;
}

/**
 * The top-level `var name = (…) => …` arrow functions of `text` that were called (their start
 * in `called`) and that read no `this`, `arguments`, `super` or `new.target`, which a function
 * expression would bind otherwise: each as the insertions that make it `(function name(…) {
 * return …; })`, the form V8 compiles at once (an arrow in parentheses it still compiles lazily).
 */
function calledArrows(file, text, called) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const insertions = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const arrow = declaration.initializer;
      if (arrow === undefined || !ts.isArrowFunction(arrow) || !ts.isIdentifier(declaration.name)) continue;
      const start = arrow.getStart(source);
      if (!called.has(start) || arrow.modifiers !== undefined) continue;
      if (/\b(?:this|arguments|super|new\.target)\b/.test(text.slice(start, arrow.end))) continue;
      const parenthesized = text[start] === "(";
      const arrowToken = arrow.equalsGreaterThanToken;
      insertions.push({ at: start, text: `(function ${declaration.name.text}${parenthesized ? "" : "("}` });
      if (!parenthesized) insertions.push({ at: arrowToken.getStart(source), text: ")" });
      insertions.push({ at: arrowToken.getStart(source), remove: 2, text: "" });
      if (ts.isBlock(arrow.body)) insertions.push({ at: arrow.end, text: ")" });
      else {
        insertions.push({ at: arrow.body.getStart(source), text: "{return " });
        insertions.push({ at: arrow.end, text: "})" });
      }
    }
  }
  return insertions;
}

/** Rewrites `file` (and its `.map`, if any) with `insertions` (each `text` at `at`, after removing `remove` characters there). */
function insertInto(file, text, insertions) {
  if (insertions.length === 0) return 0;
  const sorted = [...insertions].sort((a, b) => a.at - b.at);
  let next = "";
  let from = 0;
  for (const { at, text: inserted, remove = 0 } of sorted) {
    next += text.slice(from, at) + inserted;
    from = at + remove;
  }
  next += text.slice(from);
  writeFileSync(file, next);
  const moved = (offset) => {
    let shift = 0;
    for (const { at, text: inserted, remove = 0 } of sorted) {
      if (at > offset) break;
      if (offset < at + remove) return at + shift + inserted.length;
      shift += inserted.length - remove;
    }
    return offset + shift;
  };
  rewriteMap(file, text, next, moved);
  return sorted.length;
}

/**
 * Runs `script` and makes, in each of `files` it loaded, the top-level functions it called
 * compile at load (see the top): declarations move, arrows become function expressions.
 * `files` must be in no cycle of imports. Returns the number of edits per file.
 */
export function compileCalledFunctionsEagerly(script, { module = false, files }) {
  const edits = {};
  for (const [file, offsets] of calledFunctions(script, { module, files })) {
    const text = readFileSync(file, "utf8");
    edits[file] = moveDeclarations(file, text, calledDeclarations(file, text, offsets));
  }
  // Profiled again: the moves changed the offsets.
  for (const [file, offsets] of calledFunctions(script, { module, files })) {
    const text = readFileSync(file, "utf8");
    edits[file] = (edits[file] ?? 0) + insertInto(file, text, calledArrows(file, text, offsets));
  }
  return edits;
}
