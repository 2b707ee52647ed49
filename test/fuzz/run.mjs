#!/usr/bin/env node
// npm run fuzz: grammar-aware fuzzing of every language retry-delay reads,
// against the built package (dist/index.js), on every core.
//
//   node test/fuzz/run.mjs [--runs N] [--seed S] [--language name[,name…]]
//                          [--time-bound-ms MS] [--workers W] [--chunk C]
//
// First replays every reproducer in test/fuzz/corpus/. Then, per language,
// runs N generated inputs (default 1,000,000) in chunks of C, each chunk a
// seeded fast-check run on one worker thread. A failure with a signature not
// seen before is shrunk and saved as test/fuzz/corpus/<language>-<hash>.json;
// failures with a known signature are counted, not saved again. A worker that
// stops answering (a hang) is ended, and the input it was on is saved.
// Exit 0 only when there was no failure at all, replayed or new.
import { writeFileSync, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import fc from "fast-check";
import { ARBITRARIES, LANGUAGES, slowClass } from "./generators.mjs";
import { corpusFileName, loadCorpus, makeChecker } from "./check.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(here, "corpus");
const LIBRARY = new URL("../../dist/index.js", import.meta.url).href;

/** A 32-bit seed for chunk `k` of a language. */
function chunkSeed(seed, language, k) {
  let h = 2166136261 ^ seed;
  for (const ch of `${language}:${k}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h | 0;
}

if (isMainThread) await main();
else await worker();

// ---------------------------------------------------------------------------

function parseArgs(argv) {
  const args = {
    runs: 1_000_000,
    seed: Date.now() % 2 ** 31,
    languages: [...LANGUAGES],
    timeBoundMs: 50,
    workers: Math.min(2, availableParallelism()),
    chunk: 5000,
    hangMs: 60_000,
    shrinkBudgetMs: 5_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--runs":
        args.runs = Number(value());
        break;
      case "--seed":
        args.seed = Number(value()) | 0;
        break;
      case "--language":
        args.languages = value().split(",");
        break;
      case "--time-bound-ms":
        args.timeBoundMs = Number(value());
        break;
      case "--workers":
        args.workers = Number(value());
        break;
      case "--chunk":
        args.chunk = Number(value());
        break;
      case "--hang-ms":
        args.hangMs = Number(value());
        break;
      case "--help":
        console.log(
          "usage: node test/fuzz/run.mjs [--runs N] [--seed S] [--language name[,name…]] [--time-bound-ms MS] [--workers W] [--chunk C] [--hang-ms MS]",
        );
        console.log(`languages: ${LANGUAGES.join(", ")}`);
        process.exit(0);
        break;
      default:
        console.error(`unknown flag ${argv[i]}`);
        process.exit(2);
    }
  }
  for (const l of args.languages) {
    if (!LANGUAGES.includes(l)) {
      console.error(`unknown language ${l}; one of ${LANGUAGES.join(", ")}`);
      process.exit(2);
    }
  }
  if (!(args.runs >= 0) || !(args.chunk > 0) || !(args.workers >= 1) || !(args.timeBoundMs > 0)) {
    console.error("--runs, --chunk, --workers and --time-bound-ms must be positive numbers");
    process.exit(2);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const lib = await import(LIBRARY);
  const checker = makeChecker(lib, { timeBoundMs: args.timeBoundMs });
  const started = performance.now();
  console.log(
    `fuzz: seed ${args.seed}, ${args.runs.toLocaleString("en")} runs per language, ${args.workers} workers, time bound ${args.timeBoundMs} ms, chunks of ${args.chunk}`,
  );

  // 1. Replay the corpus.
  const known = new Map(); // signature → corpus file
  const skipClasses = []; // [language, class] of known slow paths
  let failed = 0;
  const corpus = loadCorpus(CORPUS);
  let fixed = 0;
  for (const entry of corpus) {
    if (!LANGUAGES.includes(entry.language)) continue;
    const failure = checker.check(entry.language, entry.input);
    if (failure === undefined) {
      fixed++;
      console.log(`  corpus ${entry.file}: passes now (was: ${entry.signature})`);
      continue;
    }
    failed++;
    known.set(failure.signature, entry.file);
    known.set(entry.signature, entry.file);
    const cls = slowClass(entry.language, entry.input);
    if (failure.kind === "over-time-bound" && cls !== undefined) skipClasses.push([entry.language, cls]);
    console.log(`  corpus ${entry.file}: FAILS: ${failure.message.split("\n")[0].slice(0, 160)}`);
  }
  console.log(`corpus: ${corpus.length} reproducers replayed, ${failed} still fail, ${fixed} pass`);

  // 2. Fuzz. The main thread only hands out chunks and adds up counts; its busy share is printed at the end.
  const elu0 = performance.eventLoopUtilization();
  const stats = Object.fromEntries(
    args.languages.map((l) => [l, { runs: 0, skipped: 0, knownHits: 0, newFailures: 0, started: 0, ms: 0, nextChunk: 0, pending: 0 }]),
  );
  const queue = [];
  for (const language of args.languages) {
    const st = stats[language];
    for (let done = 0; done < args.runs; done += args.chunk)
      queue.push({ language, k: st.nextChunk++, runs: Math.min(args.chunk, args.runs - done) });
  }
  // Interleave languages so all of them progress together.
  queue.sort((a, b) => a.k - b.k || LANGUAGES.indexOf(a.language) - LANGUAGES.indexOf(b.language));
  const newFailures = [];

  const saveFailure = (f) => {
    if (known.has(f.signature)) return false;
    mkdirSync(CORPUS, { recursive: true });
    const file = corpusFileName(f.language, f.input);
    const record = {
      language: f.language,
      function: f.fn,
      kind: f.kind,
      signature: f.signature,
      error: f.message,
      ...(f.stack ? { stack: f.stack } : {}),
      input: f.input,
      seed: f.seed,
      chunk: f.chunk,
      ...(f.original ? { original: f.original } : {}),
    };
    writeFileSync(join(CORPUS, file), `${JSON.stringify(record, null, 2)}\n`);
    known.set(f.signature, file);
    newFailures.push({ ...f, file });
    stats[f.language].newFailures++;
    console.log(`  NEW FAILURE ${file}: ${f.message.split("\n")[0].slice(0, 200)}`);
    return true;
  };

  await new Promise((resolve) => {
    const workers = new Set();
    let lastReport = performance.now();
    const report = (force = false) => {
      if (!force && performance.now() - lastReport < 15_000) return;
      lastReport = performance.now();
      const s = (performance.now() - started) / 1000;
      console.log(`  [${s.toFixed(0)} s] ${args.languages.map((l) => `${l} ${stats[l].runs.toLocaleString("en")}`).join(" · ")}`);
    };
    const startWorker = () => {
      const beat = new Int32Array(new SharedArrayBuffer(12));
      // A large young generation: the inputs are short-lived garbage, and with V8's default
      // (16 MB semi-spaces) scavenges took a tenth of a worker's time and added pauses that
      // the time bound then had to re-measure.
      const w = new Worker(fileURLToPath(import.meta.url), {
        workerData: { timeBoundMs: args.timeBoundMs, shrinkBudgetMs: args.shrinkBudgetMs, known: [...known.keys()], skipClasses, beat },
        resourceLimits: { maxYoungGenerationSizeMb: 96 },
      });
      const state = { w, beat, job: undefined, lastBeat: -1, lastChange: performance.now() };
      workers.add(state);
      const next = () => {
        if (queue.length === 0) {
          // Skipped inputs and chunks cut short by a failure leave a language short of its runs: top it up.
          for (const l of args.languages) {
            const deficit = args.runs - stats[l].runs - stats[l].pending;
            if (deficit > 0) queue.push({ language: l, k: stats[l].nextChunk++, runs: Math.min(args.chunk, deficit) });
          }
        }
        const job = queue.shift();
        if (job !== undefined) stats[job.language].pending += job.runs;
        state.job = job;
        if (job === undefined) {
          workers.delete(state);
          void w.terminate();
          if (workers.size === 0) resolve();
          return;
        }
        state.lastChange = performance.now();
        w.postMessage({
          type: "chunk",
          language: job.language,
          seed: chunkSeed(args.seed, job.language, job.k),
          chunk: job.k,
          runs: job.runs,
        });
      };
      w.on("message", (msg) => {
        if (msg.type === "ready") return next();
        if (msg.type !== "done") return;
        const st = stats[msg.language];
        st.pending -= state.job.runs;
        st.runs += msg.runs - msg.skipped;
        st.skipped += msg.skipped;
        st.knownHits += msg.knownHits;
        st.ms += msg.ms;
        if (msg.failure) {
          const f = { ...msg.failure, language: msg.language, seed: msg.seed, chunk: msg.chunk };
          if (saveFailure(f)) {
            if (f.kind === "over-time-bound" && f.slowClass !== undefined) skipClasses.push([msg.language, f.slowClass]);
            for (const other of workers)
              other.w.postMessage({
                type: "known",
                signature: f.signature,
                skip: f.kind === "over-time-bound" && f.slowClass !== undefined ? [msg.language, f.slowClass] : undefined,
              });
          }
        }
        report();
        next();
      });
      w.on("error", (error) => {
        console.error(`worker error: ${error?.stack ?? error}`);
        failed++;
        workers.delete(state);
        if (state.job) stats[state.job.language].pending -= state.job.runs;
        startWorker();
      });
      return state;
    };
    for (let i = 0; i < args.workers; i++) startWorker();

    // Watchdog: a worker whose heartbeat stands still for hangMs is hung.
    const timer = setInterval(() => {
      for (const state of workers) {
        const b = Atomics.load(state.beat, 0);
        if (b !== state.lastBeat) {
          state.lastBeat = b;
          state.lastChange = performance.now();
          continue;
        }
        if (state.job === undefined || performance.now() - state.lastChange < args.hangMs) continue;
        const job = state.job;
        const index = Atomics.load(state.beat, 1);
        const shrinking = Atomics.load(state.beat, 2) === 1;
        const seed = chunkSeed(args.seed, job.language, job.k);
        const input = fc.sample(ARBITRARIES[job.language], { seed, numRuns: index + 1 })[index];
        console.log(
          `  HANG in ${job.language} chunk ${job.k} (seed ${seed}) at run ${index}${shrinking ? " while shrinking (the input saved is the one the run phase was on)" : ""}`,
        );
        state.job = undefined;
        stats[job.language].pending -= job.runs;
        workers.delete(state);
        void state.w.terminate();
        const cls = slowClass(job.language, input);
        if (cls !== undefined) {
          skipClasses.push([job.language, cls]);
          for (const other of workers)
            other.w.postMessage({ type: "known", signature: `${job.language}: hang`, skip: [job.language, cls] });
        }
        saveFailure({
          language: job.language,
          fn: "(hang)",
          kind: "hang",
          signature: `${job.language}: hang`,
          message: `no answer within ${args.hangMs} ms`,
          input,
          seed,
          chunk: job.k,
        });
        failed++;
        startWorker();
      }
    }, 1000);
    timer.unref();
  });

  // 3. Summary.
  const seconds = (performance.now() - started) / 1000;
  console.log("");
  console.log("language          runs       skipped  known-failure hits  new failures  inputs/s (one core)");
  for (const l of args.languages) {
    const st = stats[l];
    console.log(
      `${l.padEnd(16)} ${String(st.runs).padStart(9)}  ${String(st.skipped).padStart(8)}  ${String(st.knownHits).padStart(18)}  ${String(st.newFailures).padStart(12)}  ${st.ms > 0 ? Math.round(st.runs / (st.ms / 1000)) : "-"}`,
    );
  }
  const total = args.languages.reduce((n, l) => n + stats[l].runs, 0);
  const elu = performance.eventLoopUtilization(elu0);
  console.log(
    `wall time per language (sum over workers): ${args.languages.map((l) => `${l} ${(stats[l].ms / 1000).toFixed(1)} s`).join(" · ")}`,
  );
  console.log(`main thread busy ${(elu.utilization * 100).toFixed(1)}% of the fuzzing phase`);
  console.log(
    `total: ${total.toLocaleString("en")} inputs in ${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString("en")}/s), ${newFailures.length} new failures, ${failed} replayed failures`,
  );
  if (newFailures.length > 0) {
    console.log("new reproducers:");
    for (const f of newFailures) console.log(`  test/fuzz/corpus/${f.file}  ${f.signature}`);
  }
  process.exit(newFailures.length + failed > 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------

async function worker() {
  const lib = await import(LIBRARY);
  const { timeBoundMs, shrinkBudgetMs, beat } = workerData;
  const checker = makeChecker(lib, { timeBoundMs });
  const known = new Set(workerData.known);
  const skip = new Set(workerData.skipClasses.map(([l, c]) => `${l}/${c}`));
  parentPort.on("message", (msg) => {
    if (msg.type === "known") {
      known.add(msg.signature);
      if (msg.skip) skip.add(`${msg.skip[0]}/${msg.skip[1]}`);
      return;
    }
    if (msg.type !== "chunk") return;
    const { language, seed, runs, chunk } = msg;
    const started = performance.now();
    let executed = 0;
    let skipped = 0;
    let knownHits = 0;
    let target;
    let first;
    let shrinkStart = 0;
    Atomics.store(beat, 2, 0);
    const property = fc.property(ARBITRARIES[language], (input) => {
      Atomics.add(beat, 0, 1);
      if (target === undefined) {
        Atomics.store(beat, 1, executed);
        executed++;
        const cls = slowClass(language, input);
        if (cls !== undefined && skip.has(`${language}/${cls}`)) {
          skipped++;
          return true;
        }
      }
      // Shrinking: past the budget, every candidate passes without being run (a slow input's
      // candidates cost the time bound each, and a long string has thousands of them).
      if (target !== undefined && performance.now() - shrinkStart > shrinkBudgetMs) return true;
      const failure = checker.check(language, input);
      if (failure === undefined) return true;
      if (target === undefined) {
        if (known.has(failure.signature)) {
          knownHits++;
          return true;
        }
        target = failure.signature;
        first = { ...failure, input };
        shrinkStart = performance.now();
        Atomics.store(beat, 2, 1);
        return false;
      }
      // Shrinking: keep candidates that fail the same way.
      return failure.signature !== target;
    });
    const result = fc.check(property, { seed, numRuns: runs });
    let failure;
    if (result.failed && first !== undefined) {
      const minimized = result.counterexample?.[0];
      const again = minimized === undefined ? undefined : checker.check(language, minimized);
      const use = again !== undefined && again.signature === target ? { ...again, input: minimized } : first;
      failure = { ...use, slowClass: slowClass(language, use.input), ...(use === first ? {} : { original: first.input }) };
      if (JSON.stringify(failure.original)?.length > 20_000) delete failure.original;
      executed--; // the failing run is counted as a failure, not a run
    } else if (result.failed) {
      failure = {
        fn: "harness",
        kind: "harness-error",
        signature: `${language}: harness: ${String(result.errorInstance?.message).slice(0, 80)}`,
        message: String(result.errorInstance?.stack ?? result.error),
        input: result.counterexample?.[0] ?? null,
      };
    }
    parentPort.postMessage({
      type: "done",
      language,
      seed,
      chunk,
      runs: executed,
      skipped,
      knownHits,
      ms: performance.now() - started,
      failure,
    });
  });
  parentPort.postMessage({ type: "ready" });
}
