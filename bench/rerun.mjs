#!/usr/bin/env node
/**
 * What a `kiji run` with nothing to do costs (issue #19: an unchanged re-run ≤ 2 % of a full run), and where it goes.
 *
 *   npm run build && node bench/rerun.mjs [--corpus …/articles.jsonl] [--limit 2000] [--runs 7] [--keep]
 *
 * Writes the corpus's first `limit` articles as files (as bench/throughput.mjs does) with a `kiji.config.ts` beside
 * them (`import { defineConfig } from 'kiji'`, as a user's would be; the extraction stages off, so that the one
 * full run that fills the database is quick: what a re-run costs does not depend on them), runs `kiji run` once to
 * fill the database and once more (files written less than 3 s before a run are hashed, not trusted on their stat,
 * until a run finds them older), then `runs` times each:
 *   (d)  `kiji run` again, nothing changed: files skipped on their stat;
 *   (d′) the same with `--rehash`: every file read and hashed (what every re-run did before the stat skip);
 *   and, as floors, `node -e ''` (node's own start-up) and `kiji --version`.
 * Each is a separate process timed from spawn to exit; the table gives the median and the fastest of the runs, the
 * whole process's CPU time (all threads), and from the run's own summary its in-run time (walk, hashing) and the
 * start-up before it (node, module loading, the config). On a busy machine compare within one run of the script.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot, writeCorpusFiles } from './lib/corpus.mjs';

const args = process.argv.slice(2);
const corpus = resolve(option('corpus', DEFAULT_CORPUS));
const limit = Number(option('limit', '2000'));
const runs = Number(option('runs', '7'));
const keep = args.includes('--keep');
const bin = join(repoRoot, 'dist/bundle/kiji.js');

const work = mkdtempSync(join(tmpdir(), 'kiji-rerun-'));
const folder = join(work, 'articles');
const db = join(work, 'kiji.sqlite');
const items = readCorpusItems(corpus, limit);
writeCorpusFiles(items, folder);
writeFileSync(join(work, 'kiji.config.ts'), `import { defineConfig } from 'kiji';

export default defineConfig({
  database: 'kiji.sqlite',
  stages: { dates: false, money: false, orgs: false, agreements: false },
});
`);

/** One process: wall time from spawn to exit, CPU time of the whole process (user + system, all threads, from `time`). */
function timed(argv) {
  const start = performance.now();
  // `times` prints the shell's children's user and system time.
  const child = spawnSync('sh', ['-c', '"$@"; status=$?; times >&2; exit $status', 'sh', process.execPath, '--single-threaded-gc', ...argv], { cwd: work, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`${argv.join(' ')} exited ${child.status}: ${child.stderr}`);
  const seconds = (t) => { const m = /(\d+)m([\d.]+)s/.exec(t); return m ? 60 * Number(m[1]) + Number(m[2]) : NaN; };
  const [user, system] = (child.stderr.trim().split('\n').pop() ?? '').split(/\s+/).map(seconds);
  return { ms, cpuMs: 1000 * (user + system), stdout: child.stdout };
}
const kijiRun = (...extra) => {
  const r = timed([bin, 'run', 'articles', '--json', ...extra]);
  return { ...r, summary: JSON.parse(r.stdout) };
};

const fill = kijiRun();
console.log(`corpus: ${corpus}\narticles: ${items.length} files in ${folder}; filled in ${(fill.ms / 1000).toFixed(1)} s (stages off), node ${process.version}`);
kijiRun(); // stores the stats of files the filling run found too recent to trust

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
const series = (label, run) => {
  const results = Array.from({ length: runs }, run);
  return { label, results };
};
const d = series('(d) kiji run again, nothing changed', () => kijiRun());
const d2 = series('(d′) the same with --rehash', () => kijiRun('--rehash'));
const bare = series("node -e '' (node's start-up)", () => timed(['-e', '']));
const version = series('kiji --version', () => timed([bin, '--version']));

for (const { results } of [d, d2]) {
  for (const r of results) if (r.summary.skipped !== items.length) throw new Error(`expected every article skipped, got ${JSON.stringify(r.summary)}`);
}

const f = (ms) => `${Math.round(ms)}`.padStart(6);
console.log(`\n${`median of ${runs} (fastest)`.padEnd(38)}   wall ms        CPU ms     in-run ms   walk  hash  start-up ms`);
for (const { label, results } of [d, d2, bare, version]) {
  const walls = results.map((r) => r.ms);
  const cpus = results.map((r) => r.cpuMs);
  let extra = '';
  if (results[0].summary) {
    const inRun = results.map((r) => r.summary.elapsedMs);
    const startUp = results.map((r) => r.ms - r.summary.elapsedMs);
    extra = `  ${f(median(inRun))} (${f(min(inRun))})  ${f(median(results.map((r) => r.summary.timings.walkMs)))} ${f(median(results.map((r) => r.summary.timings.hashMs)))}  ${f(median(startUp))} (${f(min(startUp))})`;
  }
  console.log(`${label.padEnd(38)} ${f(median(walls))} (${f(min(walls))})  ${f(median(cpus))} (${f(min(cpus))})${extra}`);
}
const dm = median(d.results.map((r) => r.ms));
const d2m = median(d2.results.map((r) => r.ms));
console.log(`\n(d)/(d′) = ${(dm / d2m).toFixed(2)} wall; (d) is ${Math.round(dm - median(version.results.map((r) => r.ms)))} ms over kiji --version for ${items.length} files`);
console.log(JSON.stringify({
  articles: items.length, runs,
  d: { medianMs: Math.round(dm), minMs: Math.round(min(d.results.map((r) => r.ms))), medianCpuMs: Math.round(median(d.results.map((r) => r.cpuMs))) },
  rehash: { medianMs: Math.round(d2m), minMs: Math.round(min(d2.results.map((r) => r.ms))), medianCpuMs: Math.round(median(d2.results.map((r) => r.cpuMs))) },
  node: { medianMs: Math.round(median(bare.results.map((r) => r.ms))) },
  version: { medianMs: Math.round(median(version.results.map((r) => r.ms))) },
}));
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
