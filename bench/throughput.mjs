#!/usr/bin/env node
/**
 * Throughput benchmark for `kiji run` (issue "Batch runs at scale").
 *
 *   npm run build && npm run bench:throughput -- [--corpus ../shared/eval/livedoor-news/articles.jsonl] [--limit N] [--concurrency N] [--keep]
 *
 * Writes the corpus's articles to a temporary folder as .txt files (first line `公開日:YYYY-MM-DD` from
 * the item's `ref`, then its text; every figure counts the characters of the whole file), then in one run:
 *   (m) MeCab (when `mecab` is installed; Debian: mecab mecab-ipadic-utf8), the same IPADIC, reading the same
 *       texts from one file, its dictionary load included, output to /dev/null: the native yardstick;
 *   (a) bare kuromoji tokenization of the same texts, one thread, split at newlines/。 and capped as kiji does
 *       (stock kuromoji 0.1.2); (a′) the same through kiji's tokenizer as the pipeline runs it (output-identical
 *       lattice builder and token reader, tokenizeSegments);
 *   (b) `kiji run` end to end with 1 worker into a fresh database;
 *   (c) the same with all cores into another fresh database;
 *   (d) a second `kiji run` over (c)'s database with nothing changed (the median of three), and (d′) the same with
 *       --rehash (every file read and hashed instead of skipped on its stat);
 *   (e) the machine's parallel ceiling: tokenizing alone in 1 worker thread vs in N worker threads, the
 *       texts shared out, dictionaries loaded before the clock starts; (c)/(b) cannot exceed it.
 * (b)–(d) are separate processes timed wall-clock from spawn to exit (start-up and dictionary loading included).
 * Prints characters/second and every rate as a ratio to MeCab (m) and to stock kuromoji (a), both in wall time and in
 * CPU time (the CPU is shared with other work on a busy machine: compare the ratios within one run), (d)'s time as % of
 * (b)'s, worker start-up, stage times and peak RSS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, option, readCorpusItems, repoRoot, writeCorpusFiles } from './lib/corpus.mjs';
import { Worker } from 'node:worker_threads';

const args = process.argv.slice(2);
const corpus = resolve(option('corpus', DEFAULT_CORPUS));
const limit = Number(option('limit', 'Infinity'));
const cores = Number(option('concurrency', String(availableParallelism())));
const keep = args.includes('--keep');
const bin = join(repoRoot, 'dist/bundle/kiji.js');

const { loadTokenizer, tokenizeSegments } = await import(join(repoRoot, 'dist/stages/tokenize/kuromoji.js'));
const { splitSentences } = await import(join(repoRoot, 'dist/text/sentences.js'));

// ---------------------------------------------------------------- corpus → files
const items = readCorpusItems(corpus, limit);
const work = mkdtempSync(join(tmpdir(), 'kiji-bench-'));
const folder = join(work, 'articles');
const texts = writeCorpusFiles(items, folder);
const chars = texts.reduce((n, t) => n + t.length, 0);
console.log(`corpus: ${corpus}`);
console.log(`articles: ${items.length}, characters: ${chars.toLocaleString('en-US')} (files in ${folder})`);
console.log(`cores: ${availableParallelism()}, (c) uses ${cores} workers; node ${process.version}\n`);

// ---------------------------------------------------------------- (m) MeCab, when installed
function runMecab() {
  if (spawnSync('mecab', ['--version'], { encoding: 'utf8' }).status !== 0) return undefined;
  const input = join(work, 'mecab-input.txt');
  writeFileSync(input, texts.join('\n'));
  const start = performance.now();
  // `times` prints the shell's children's user and system time: MeCab's CPU time.
  const run = spawnSync('sh', ['-c', 'mecab -o /dev/null "$1" && times', 'sh', input], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) return undefined;
  const seconds = (t) => { const m = /(\d+)m([\d.]+)s/.exec(t); return m ? 60 * Number(m[1]) + Number(m[2]) : NaN; };
  const [user, system] = (run.stdout.trim().split('\n').pop() ?? '').split(/\s+/).map(seconds);
  return { ms, cpuMs: 1000 * (user + system), version: spawnSync('mecab', ['--version'], { encoding: 'utf8' }).stdout.trim() };
}
const mecab = runMecab();

// ---------------------------------------------------------------- (a) bare kuromoji
const loadStart = performance.now();
const loadCpu0 = process.cpuUsage();
const tokenizer = await loadTokenizer(undefined, { stock: true });
const loadMs = performance.now() - loadStart;
const loadCpu = process.cpuUsage(loadCpu0);
const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;
const aStart = performance.now();
const aCpu0 = process.cpuUsage();
let tokens = 0;
for (const text of texts) {
  for (const segment of splitSentences(text)) tokens += tokenizer.tokenize(text.slice(segment.start, segment.end)).length;
}
const aMs = performance.now() - aStart;
const aCpu = process.cpuUsage(aCpu0);
const aCpuMs = (aCpu.user + aCpu.system) / 1000;
const aRate = chars / (aMs / 1000);
const { peakRssMb } = await import(join(repoRoot, 'dist/batch/peak-rss.js'));
const aRss = peakRssMb();

// (a′) kiji's tokenizer as the pipeline runs it: kiji's lattice builder and token reader (tokenizeSegments; identical tokens).
const fastTokenizer = await loadTokenizer();
const a2Start = performance.now();
const a2Cpu0 = process.cpuUsage();
for (const text of texts) {
  tokenizeSegments(fastTokenizer, text, splitSentences(text));
}
const a2Ms = performance.now() - a2Start;
const a2Cpu = process.cpuUsage(a2Cpu0);
const a2CpuMs = (a2Cpu.user + a2Cpu.system) / 1000;

// ---------------------------------------------------------------- (e) parallel ceiling
// Same work, 1 thread vs `cores` threads, timed from `go` to the last thread's end. On a VM whose vCPUs
// share physical cores or memory bandwidth this is below `cores`, and no pool design can beat it.
async function tokenizeInThreads(shares) {
  const workers = Array.from({ length: shares }, (_, share) =>
    new Worker(new URL('./lib/tokenize-share.mjs', import.meta.url), { workerData: { repoRoot, texts, share, shares } }));
  const next = (w) => new Promise((res, rej) => { w.once('message', res); w.once('error', rej); });
  await Promise.all(workers.map(next));
  const start = performance.now();
  const done = workers.map(next);
  for (const w of workers) w.postMessage('go');
  const results = await Promise.all(done);
  const wallMs = performance.now() - start;
  await Promise.all(workers.map((w) => w.terminate()));
  return { wallMs, busyMs: results.map((r) => r.busyMs) };
}
const e1 = await tokenizeInThreads(1);
const eN = cores > 1 ? await tokenizeInThreads(cores) : e1;

// ---------------------------------------------------------------- (b)–(d) kiji run
function kijiRun(db, concurrency, extra = []) {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    // With the V8 flag the kiji command starts with (see src/cli/bin.ts).
    const child = spawn(process.execPath, ['--single-threaded-gc', bin, 'run', folder, '--db', db, '--concurrency', String(concurrency), '--json', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      if (code !== 0 && code !== 1) return reject(new Error(`kiji run exited ${code}`));
      resolvePromise({ ms, summary: JSON.parse(out) });
    });
  });
}

const b = await kijiRun(join(work, 'b.sqlite'), 1);
const c = await kijiRun(join(work, 'c.sqlite'), cores);
// (d) is a few hundred milliseconds, so one run is at the mercy of whatever else the machine does: the median of three.
// (d′) the same with --rehash, every file read and hashed, as every re-run did before files were skipped on their stat.
const dRuns = [];
for (let i = 0; i < 3; i++) dRuns.push(await kijiRun(join(work, 'c.sqlite'), cores));
const d = [...dRuns].sort((x, y) => x.ms - y.ms)[1];
const dRehash = await kijiRun(join(work, 'c.sqlite'), cores, ['--rehash']);

// ---------------------------------------------------------------- report
const rate = (ms) => chars / (ms / 1000);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const pct = (x) => `${(100 * x).toFixed(1)} %`;
const mecabRate = mecab ? rate(mecab.ms) : NaN;
const vsMecab = (r) => (mecab ? `${(r / mecabRate).toFixed(2).padStart(5)} × (m)` : '   – × (m)');
const row = (label, ms, extra = '') => console.log(`${label.padEnd(38)} ${(ms / 1000).toFixed(2).padStart(8)} s ${fmt(rate(ms)).padStart(11)} chars/s  ${vsMecab(rate(ms))}  ${(rate(ms) / aRate).toFixed(2).padStart(5)} × (a)${extra}`);

console.log(mecab ? `(m) ${mecab.version}, IPADIC, one process reading one file of the same texts, dictionary load included` : '(m) MeCab is not installed (Debian: apt-get install mecab mecab-ipadic-utf8): no native yardstick in this run');
console.log(`(a) stock kuromoji, 1 thread: ${fmt(tokens)} tokens; dictionary load ${(loadMs / 1000).toFixed(2)} s (not counted)`);
if (mecab) row('(m) MeCab tokenize only', mecab.ms);
row('(a) kuromoji tokenize only', aMs);
row('(a′) kiji tokenizer only (same tokens)', a2Ms, `   ${(aMs / a2Ms).toFixed(2)} × faster than (a)`);
row('(b) kiji run, 1 worker, fresh DB', b.ms, `   [failed ${b.summary.failed}]`);
row(`(c) kiji run, ${cores} workers, fresh DB`, c.ms, `   (c)/(b) = ${(b.ms / c.ms).toFixed(2)}`);
row(`(d) kiji run again, nothing changed`, d.ms, `   = ${pct(d.ms / b.ms)} of (b)'s time; skipped ${d.summary.skipped}/${d.summary.seen}; median of ${dRuns.map((r) => Math.round(r.ms)).join(', ')} ms; start-up ${Math.round(d.ms - d.summary.elapsedMs)} ms`);
row(`(d′) the same with --rehash`, dRehash.ms, `   = ${pct(dRehash.ms / b.ms)} of (b)'s time; every file read and hashed (${fmt(dRehash.summary.timings.hashMs)} ms)`);

console.log(`(e) parallel ceiling, tokenizing only: 1 thread ${(e1.wallMs / 1000).toFixed(2)} s, ${cores} threads ${(eN.wallMs / 1000).toFixed(2)} s` +
  ` (busy ${eN.busyMs.map((ms) => (ms / 1000).toFixed(2)).join(' / ')} s) ⇒ ${(e1.wallMs / eN.wallMs).toFixed(2)} × on ${cores} threads; (c)/(b) = ${(b.ms / c.ms).toFixed(2)} of it`);

// In-run throughput, without process start-up and the dictionary load (what a long run converges to).
const steady = (r) => {
  const t = r.summary.timings;
  const startup = r.ms - r.summary.elapsedMs; // node start-up + module loading before the run began
  const loadPerWorker = t.loadMs / Math.max(1, r.summary.concurrency);
  return { startup, loadPerWorker, steadyMs: r.summary.elapsedMs - loadPerWorker };
};
const sb = steady(b);
const sc = steady(c);
console.log('');
console.log('without process start-up and dictionary loading (the rate a long run converges to):');
row('(b′) 1 worker, steady', sb.steadyMs, `   start-up ${(sb.startup / 1000).toFixed(2)} s, dictionary ${(sb.loadPerWorker / 1000).toFixed(2)} s`);
row(`(c′) ${cores} workers, steady`, sc.steadyMs, `   (c′)/(b′) = ${(sb.steadyMs / sc.steadyMs).toFixed(2)}`);

// CPU time (all threads) — holds when other processes share the cores, which wall time does not.
console.log('');
const load = (await import('node:os')).loadavg();
console.log(`CPU time (user + system, all threads; load average now ${load.map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores):`);
const cpuRow = (label, ms) => console.log(`${label.padEnd(38)} ${(ms / 1000).toFixed(2).padStart(8)} s ${fmt(chars / (ms / 1000)).padStart(11)} chars/CPU-s  ${mecab ? `${(mecab.cpuMs / ms).toFixed(2).padStart(5)} × (m)` : '   – × (m)'}  ${(aCpuMs / ms).toFixed(2).padStart(5)} × (a)`);
if (mecab) cpuRow('(m) MeCab tokenize only', mecab.cpuMs);
cpuRow('(a) kuromoji tokenize only', aCpuMs);
cpuRow('(a′) kiji tokenizer only', a2CpuMs);
cpuRow('(b) kiji run, 1 worker (whole process)', b.summary.cpuMs);
cpuRow(`(c) kiji run, ${cores} workers (whole process)`, c.summary.cpuMs);
cpuRow('(d) kiji run again (whole process)', d.summary.cpuMs);
const inRun = (r) => r.summary.cpuMs - r.summary.cpuAtStartMs - loadCpuMs * r.summary.concurrency;
cpuRow('(b″) in-run, minus 1 dictionary load', inRun(b));
cpuRow(`(c″) in-run, minus ${cores} dictionary loads`, inRun(c));
console.log(`(d) CPU = ${pct(d.summary.cpuMs / b.summary.cpuMs)} of (b)'s; dictionary load in (a): ${(loadCpuMs / 1000).toFixed(2)} CPU-s`);

const t = b.summary.timings;
const busy = t.readMs + t.processMs;
console.log('');
console.log(`(b) where the worker's time goes: read+decode ${pct(t.readMs / busy)} (${fmt(t.readMs)} ms), pipeline ${pct(t.processMs / busy)} (${fmt(t.processMs)} ms)` +
  ` — kiji's tokenizer alone (a′) took ${fmt(a2Ms)} ms, so normalization + extraction + validation ≈ ${fmt(t.processMs - a2Ms)} ms`);
console.log(`(b) overhead over tokenizing alone with the same tokenizer: (b′)/(a′) = ${(rate(sb.steadyMs) / (chars / (a2Ms / 1000))).toFixed(2)} (steady rates)`);
console.log(`(b) writer (its own thread): ${fmt(t.writeMs)} ms in transactions; walk ${fmt(t.walkMs)} ms`);
// The writer runs beside the workers; it is the bottleneck only when it is busy for most of the run.
console.log(`(c) writer busy ${fmt(c.summary.timings.writeMs)} ms of the run's ${fmt(c.summary.elapsedMs)} ms (${pct(c.summary.timings.writeMs / c.summary.elapsedMs)}): ${c.summary.timings.writeMs < 0.5 * c.summary.elapsedMs ? 'not the bottleneck' : 'near the bottleneck'}`);
// The writer's own CPU time (Linux): on two cores, every CPU-ms of it is taken from the workers, however busy it looks.
const writerCpu = (r) => r.summary.timings.writerCpuMs;
if (writerCpu(b) !== undefined && writerCpu(c) !== undefined) {
  console.log(`(b) writer thread CPU ${fmt(writerCpu(b))} ms = ${pct(writerCpu(b) / b.summary.cpuMs)} of the process's; (c) ${fmt(writerCpu(c))} ms = ${pct(writerCpu(c) / c.summary.cpuMs)}`);
}
console.log(`(d) main thread: hashing unchanged files ${fmt(d.summary.timings.hashMs)} ms, walk ${fmt(d.summary.timings.walkMs)} ms, in-run total ${fmt(d.summary.elapsedMs)} ms`);

const perWorker = cores > 1 ? (c.summary.memory.peakRssMb - b.summary.memory.peakRssMb) / (cores - 1) : NaN;
console.log('');
console.log('peak RSS (whole process; workers are threads of it):');
console.log(`  (a) bench process with one kuromoji: ${fmt(aRss)} MB`);
console.log(`  (b) main + 1 worker: ${fmt(b.summary.memory.peakRssMb)} MB; worker V8 heap peak ${b.summary.memory.workerHeapMb.join(', ')} MB`);
console.log(`  (c) main + ${cores} workers: ${fmt(c.summary.memory.peakRssMb)} MB; worker V8 heap peaks ${c.summary.memory.workerHeapMb.join(', ')} MB`);
console.log(`  (d) main thread alone (no worker started): ${fmt(d.summary.memory.peakRssMb)} MB`);
if (Number.isFinite(perWorker)) console.log(`  ⇒ per worker ≈ ((c) − (b)) / ${cores - 1} = ${fmt(perWorker)} MB; main ≈ (b) − per worker = ${fmt(b.summary.memory.peakRssMb - perWorker)} MB`);

// The targets of issue #19, each from this run's own figures (ratios, so a busy machine slows both sides).
const a2Rate = chars / (a2Ms / 1000);
const readyMs = (r) => r.summary.timings.loadMs / Math.max(1, r.summary.concurrency);
const versionStart = performance.now();
spawnSync(process.execPath, ['--single-threaded-gc', bin, '--version']);
const versionMs = performance.now() - versionStart;
const target = (label, ok, figure) => console.log(`  ${ok ? 'met    ' : 'NOT met'}  ${label.padEnd(58)} ${figure}`);
console.log('');
console.log('targets (issue #19), from this run:');
if (mecab) {
  target('tokenizing ≥ 0.5 × MeCab (wall)', a2Rate / mecabRate >= 0.5, `(a′)/(m) = ${(a2Rate / mecabRate).toFixed(2)}`);
  target('tokenizing ≥ 0.5 × MeCab (CPU time)', mecab.cpuMs / a2CpuMs >= 0.5, `(a′)/(m) = ${(mecab.cpuMs / a2CpuMs).toFixed(2)}`);
}
target('one worker end to end ≥ 0.6 × tokenizer-only rate', rate(b.ms) / a2Rate >= 0.6, `(b)/(a′) = ${(rate(b.ms) / a2Rate).toFixed(2)}`);
const ceiling = e1.wallMs / eN.wallMs;
target(`${cores} workers ≥ 1.8 × one, or within 5 % of the ceiling (e)`, b.ms / c.ms >= 1.8 || b.ms / c.ms >= 0.95 * ceiling, `(c)/(b) = ${(b.ms / c.ms).toFixed(2)}, (e) = ${ceiling.toFixed(2)}`);
target(`peak RSS with ${cores} workers ≤ 500 MB`, c.summary.memory.peakRssMb <= 500, `${fmt(c.summary.memory.peakRssMb)} MB`);
target('a worker ready ≤ 0.3 s (pipeline loaded, dictionary shared)', readyMs(c) <= 300, `${fmt(readyMs(b))} ms (b), ${fmt(readyMs(c))} ms per worker (c)`);
target('`kiji --version` ≤ 0.2 s', versionMs <= 200, `${fmt(versionMs)} ms wall`);
target('unchanged re-run ≤ 2 % of a full run', d.ms / b.ms <= 0.02, `(d)/(b) = ${pct(d.ms / b.ms)}`);

console.log('');
console.log(JSON.stringify({
  articles: items.length, chars, cores,
  loadavg: load,
  m: mecab ? { ms: Math.round(mecab.ms), cpuMs: Math.round(mecab.cpuMs), charsPerSec: Math.round(mecabRate), version: mecab.version } : null,
  a: { ms: Math.round(aMs), cpuMs: Math.round(aCpuMs), charsPerSec: Math.round(aRate) },
  a2: { ms: Math.round(a2Ms), cpuMs: Math.round(a2CpuMs), ratioToM: mecab ? +(a2Rate / mecabRate).toFixed(3) : null, cpuRatioToM: mecab ? +(mecab.cpuMs / a2CpuMs).toFixed(3) : null, charsPerSec: Math.round(chars / (a2Ms / 1000)), ratioToA: +(aMs / a2Ms).toFixed(3) },
  b: { ms: Math.round(b.ms), charsPerSec: Math.round(rate(b.ms)), ratioToA: +(rate(b.ms) / aRate).toFixed(3), steadyRatioToA: +(rate(sb.steadyMs) / aRate).toFixed(3), timings: b.summary.timings, cpuMs: b.summary.cpuMs, cpuRatioToA: +(aCpuMs / b.summary.cpuMs).toFixed(3), inRunCpuRatioToA: +(aCpuMs / inRun(b)).toFixed(3), peakRssMb: b.summary.memory.peakRssMb },
  c: { ms: Math.round(c.ms), charsPerSec: Math.round(rate(c.ms)), ratioToA: +(rate(c.ms) / aRate).toFixed(3), ratioToB: +(b.ms / c.ms).toFixed(3), steadyRatioToB: +(sb.steadyMs / sc.steadyMs).toFixed(3), cpuMs: c.summary.cpuMs, peakRssMb: c.summary.memory.peakRssMb },
  e: { oneThreadMs: Math.round(e1.wallMs), threadsMs: Math.round(eN.wallMs), threads: cores, speedup: +(e1.wallMs / eN.wallMs).toFixed(3) },
  d: { ms: Math.round(d.ms), runsMs: dRuns.map((r) => Math.round(r.ms)), startupMs: Math.round(d.ms - d.summary.elapsedMs), percentOfB: +(100 * d.ms / b.ms).toFixed(2), cpuMs: d.summary.cpuMs, cpuPercentOfB: +(100 * d.summary.cpuMs / b.summary.cpuMs).toFixed(2), peakRssMb: d.summary.memory.peakRssMb },
  dRehash: { ms: Math.round(dRehash.ms), percentOfB: +(100 * dRehash.ms / b.ms).toFixed(2), hashMs: dRehash.summary.timings.hashMs },
}));

if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
