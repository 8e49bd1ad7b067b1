#!/usr/bin/env -S node --single-threaded-gc
// --single-threaded-gc: kiji's batch runs keep every core busy with a worker, and V8's parallel GC
// helper threads then only compete with them; measured on livedoor (2 cores), runs are 8-12 % faster
// and use less CPU with 1 or 2 workers. A V8 flag can only be given at start-up, hence the shebang.

const argv = process.argv.slice(2);
// `kiji --version` answers without loading the commands (SQLite, the pool, the stages: ~0.3 s of imports).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { PIPELINE_VERSION } = await import('../version.js');
  process.stdout.write(`${PIPELINE_VERSION}\n`);
  process.exit(0);
}
const { main } = await import('./main.js');

// `kiji export … | head`: the reader went away; that is the user's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The only place that sets the process exit code.
process.exitCode = await main(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() });
