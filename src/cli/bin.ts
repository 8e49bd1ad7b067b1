#!/usr/bin/env -S node --single-threaded-gc
// --single-threaded-gc: kiji's batch runs keep every core busy with a worker, and V8's parallel GC
// helper threads then only compete with them; measured on livedoor (2 cores), runs are 8-12 % faster
// and use less CPU with 1 or 2 workers. That flag can only be given at start-up, hence the shebang.
import { setFlagsFromString } from 'node:v8';

// Half of V8's inlining budget per optimized function (920 bytes of bytecode by default): each worker compiles
// kiji's hot functions anew, and the large ones were compiled with so much inlined that TurboFan's threads took
// 30 % of a worker's CPU beside it, competing with the other workers. Compiler CPU 1.17 → 0.83 s per 1,000
// livedoor articles, the worker's own as before; a 2-worker run over 2,000 files 7.8–8.1 → 6.8–7.4 s
// (bench/README.md, "Less inlining, less compiling").
// Read when a function is compiled, so setting it here, before any worker starts, is enough.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');

const argv = process.argv.slice(2);
// `kiji --version` answers without loading the commands (SQLite, the pool, the stages: ~0.3 s of imports).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { PIPELINE_VERSION } = await import('../version.js');
  process.stdout.write(`${PIPELINE_VERSION}\n`);
  process.exit(0);
}
// With --debug a stack trace names the TypeScript sources (the bundle's and tsc's source maps), not the bundle's chunks:
// enabled before the commands' modules load, since node reads a module's source map only when it loads it.
if (argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { main } = await import('./main.js');

// `kiji export … | head`: the reader went away; that is the user's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// process.stdin is a getter that sets up the stream (≈ 1 ms): only the commands that read it pay for it.
const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), get stdin() { return process.stdin; } };
// The only place that sets the process exit code.
process.exitCode = await main(argv, io);
