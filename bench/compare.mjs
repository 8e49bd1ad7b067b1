#!/usr/bin/env node
// Side-by-side comparison: kiji and the baselines in bench/baselines/, on the shared gold sets,
// every prediction scored by the reference scorer (shared/eval/score.mjs, run as a child process).
//
// Usage: node bench/compare.mjs [--only dates|money|orgs[,…]] [--tools kiji,chrono-ja,…] [--json] [--keep]
//   --only   restrict to some record types (dates = DATE, money = MONEY, orgs = ORG)
//   --tools  restrict to some tools (names as in the table)
//   --json   print {evalDir, date, rows, runs} instead of the table
//   --keep   keep the prediction files (written under os.tmpdir()) and print where they are
// The eval folder is KIJI_EVAL_DIR, else ../shared/eval relative to the repo root; when it is missing
// the script says so and exits 0. kiji runs as `node dist/bundle/kiji.js extract --jsonl GOLD` (one
// `{"id","spans"}` line per input line); when dist/bundle/kiji.js does not exist its rows say "not built".
// Exit code: 0, or 1 when a tool or the scorer failed, 2 on a usage error.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASELINES = join(ROOT, 'bench', 'baselines');
const KIJI_BIN = join(ROOT, 'dist', 'cli', 'bin.js');
const RUN_TIMEOUT_MS = 20 * 60 * 1000;

const GROUPS = { dates: 'DATE', money: 'MONEY', orgs: 'ORG' };

/** Tools: the types each one predicts and the command that writes its predictions for GOLD. */
const TOOLS = [
  { name: 'kiji', types: ['DATE', 'MONEY', 'ORG'], argv: (gold) => [KIJI_BIN, 'extract', '--jsonl', gold], missing: () => (existsSync(KIJI_BIN) ? null : 'not built') },
  { name: 'chrono-ja', types: ['DATE'], argv: (gold) => [join(BASELINES, 'chrono-ja.mjs'), gold] },
  { name: 'recognizers-dates', types: ['DATE'], argv: (gold) => [join(BASELINES, 'recognizers-dates.mjs'), gold] },
  { name: 'recognizers-dates-zh', types: ['DATE'], argv: (gold) => [join(BASELINES, 'recognizers-dates.mjs'), '--culture', 'zh-cn', gold] },
  { name: 'recognizers-money', types: ['MONEY'], argv: (gold) => [join(BASELINES, 'recognizers-money.mjs'), gold] },
  { name: 'kuromoji-org', types: ['ORG'], argv: (gold) => [join(BASELINES, 'kuromoji-org.mjs'), gold] },
];

/** Gold sets and the types scored on each (see each folder's README for why only these). */
const DATASETS = [
  { name: 'ja-timex', file: 'ja-timex/dev.jsonl', types: ['DATE'] },
  { name: 'recognizers-text-ja/dates', file: 'recognizers-text-ja/dev-dates.jsonl', types: ['DATE'] },
  { name: 'recognizers-text-ja/money', file: 'recognizers-text-ja/dev-money.jsonl', types: ['MONEY'] },
  { name: 'ud-japanese-gsd-ne', file: 'ud-japanese-gsd-ne/dev.jsonl', types: ['DATE', 'MONEY', 'ORG'] },
  { name: 'stockmark-ner-wikipedia', file: 'stockmark-ner-wikipedia/dev.jsonl', types: ['ORG'] },
];

function parseArgs(argv) {
  const opts = { json: false, keep: false, only: null, tools: null };
  for (let i = 0; i < argv.length; i++) {
    const [a, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (a === '--json') opts.json = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--only') {
      opts.only = value()?.split(',').map((g) => {
        const t = GROUPS[g] ?? (Object.values(GROUPS).includes(g.toUpperCase()) ? g.toUpperCase() : null);
        if (!t) throw new UsageError(`--only: unknown group "${g}" (dates, money, orgs)`);
        return t;
      });
    } else if (a === '--tools') {
      opts.tools = value()?.split(',');
      for (const t of opts.tools ?? []) if (!TOOLS.some((x) => x.name === t)) throw new UsageError(`--tools: unknown tool "${t}" (${TOOLS.map((x) => x.name).join(', ')})`);
    } else if (a === '-h' || a === '--help') throw new UsageError(null);
    else throw new UsageError(`unknown argument ${argv[i]}`);
  }
  return opts;
}

class UsageError extends Error {}

/** Run `node ...argv` with stdout to `outPath`; resolves {code, stderr, seconds}. */
function runNode(argv, outPath) {
  return new Promise((resolvePromise) => {
    const fd = openSync(outPath, 'w');
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], timeout: RUN_TIMEOUT_MS });
    let stderr = '';
    child.stderr.on('data', (b) => { stderr += b; });
    const done = (code, error) => {
      closeSync(fd);
      resolvePromise({ code, stderr: error ? `${stderr}${error.message}\n` : stderr, seconds: (performance.now() - t0) / 1000 });
    };
    child.on('error', (e) => done(-1, e));
    child.on('close', (code, signal) => done(code ?? (signal ? `signal ${signal}` : -1)));
  });
}

/** Score with the reference scorer; resolves {rows, missingDocs} or throws with its stderr. */
async function score(scorer, gold, pred, types, tmp) {
  const out = join(tmp, `score-${Math.random().toString(36).slice(2)}.json`);
  const r = await runNode([scorer, gold, pred, '--json', '--types', types.join(',')], out);
  if (r.code !== 0) throw new Error(`score.mjs exited ${r.code}: ${r.stderr.trim()}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** The line worth showing from a tool's stderr: its summary (last line), or on failure the error. */
const noteOf = (stderr, ok) => {
  const lines = stderr.trim().split('\n').filter(Boolean);
  return (ok ? undefined : lines.find((l) => /\b\w*Error\b/.test(l))) ?? lines.at(-1) ?? '(no stderr output)';
};

async function main(argv) {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) process.stderr.write(`compare: ${e.message}\n`);
    process.stderr.write('usage: node bench/compare.mjs [--only dates|money|orgs] [--tools a,b] [--json] [--keep]\n');
    return e.message ? 2 : 0;
  }
  const evalDir = resolve(process.env.KIJI_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval'));
  const scorer = join(evalDir, 'score.mjs');
  if (!existsSync(scorer)) {
    process.stdout.write(`compare: no eval folder with score.mjs at ${evalDir} — set KIJI_EVAL_DIR to the shared eval folder. Nothing compared.\n`);
    return 0;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'kiji-compare-'));
  const rows = [], runs = [];
  let failed = false;
  try {
    for (const ds of DATASETS) {
      const dsTypes = ds.types.filter((t) => !opts.only || opts.only.includes(t));
      if (!dsTypes.length) continue;
      const gold = join(evalDir, ds.file);
      if (!existsSync(gold)) {
        process.stderr.write(`compare: ${gold} is missing; skipped\n`);
        continue;
      }
      for (const tool of TOOLS) {
        if (opts.tools && !opts.tools.includes(tool.name)) continue;
        const types = dsTypes.filter((t) => tool.types.includes(t));
        if (!types.length) continue;
        const base = { dataset: ds.name, goldFile: ds.file, tool: tool.name };
        const missing = tool.missing?.();
        if (missing) {
          for (const type of types) rows.push({ ...base, type, status: missing });
          continue;
        }
        const pred = join(tmp, `${ds.name.replace(/\W+/g, '_')}.${tool.name}.jsonl`);
        const run = await runNode(tool.argv(gold), pred);
        runs.push({ ...base, pred: opts.keep ? pred : undefined, exit: run.code, seconds: run.seconds, note: noteOf(run.stderr, run.code === 0) });
        if (run.code !== 0) {
          failed = true;
          for (const type of types) rows.push({ ...base, type, status: `failed (exit ${run.code})`, seconds: run.seconds });
          continue;
        }
        let scored;
        try {
          scored = await score(scorer, gold, pred, types, tmp);
        } catch (e) {
          failed = true;
          runs.at(-1).note = `${runs.at(-1).note}\nscorer: ${e.message}`;
          for (const type of types) rows.push({ ...base, type, status: 'scorer failed', seconds: run.seconds });
          continue;
        }
        for (const type of types) {
          const r = scored.rows.find((x) => x.type === type) ?? { gold: 0, pred: 0, strictP: 0, strictR: 0, strictF1: 0, lenientP: 0, lenientR: 0, lenientF1: 0, valueAcc: null, valued: 0 };
          const { type: _, ...figures } = r;
          rows.push({ ...base, type, status: 'ok', ...figures, missingDocs: scored.missingDocs, seconds: run.seconds });
        }
      }
    }
  } finally {
    if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
  }

  if (opts.json) {
    process.stdout.write(JSON.stringify({ evalDir, date: new Date().toISOString(), predictions: opts.keep ? tmp : null, rows, runs }) + '\n');
  } else {
    process.stdout.write(formatTable(rows) + '\n');
    process.stdout.write('\nruns (stderr summary of each tool):\n');
    for (const r of runs) process.stdout.write(`  ${r.dataset} / ${r.tool}: ${r.exit === 0 ? '' : `exit ${r.exit}: `}${r.note}\n`);
    const missingDocs = rows.filter((r) => r.missingDocs);
    for (const r of missingDocs) process.stdout.write(`  warning: ${r.dataset} / ${r.tool}: ${r.missingDocs} gold document(s) had no prediction line\n`);
    if (opts.keep) process.stdout.write(`\npredictions kept in ${tmp}\n`);
  }
  return failed ? 1 : 0;
}

const pct = (x) => (x === null || x === undefined ? '-' : (100 * x).toFixed(1));

/** A Markdown table (readable in a terminal, pasteable into a note). */
export function formatTable(rows) {
  const head = ['dataset', 'type', 'tool', 'gold', 'pred', 'strict F1', 'len P', 'len R', 'len F1', 'value acc (n)', 'time s'];
  const body = rows.map((r) =>
    r.status === 'ok'
      ? [r.dataset, r.type, r.tool, r.gold, r.pred, pct(r.strictF1), pct(r.lenientP), pct(r.lenientR), pct(r.lenientF1), r.valued ? `${pct(r.valueAcc)} (${r.valued})` : '-', r.seconds.toFixed(1)]
      : [r.dataset, r.type, r.tool, r.status, '', '', '', '', '', '', r.seconds === undefined ? '' : r.seconds.toFixed(1)]);
  const all = [head, ...body].map((row) => row.map(String));
  const width = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const numeric = (i) => i >= 3;
  const line = (row) => `| ${row.map((c, i) => (numeric(i) ? c.padStart(width[i]) : c.padEnd(width[i]))).join(' | ')} |`;
  const rule = `|${width.map((w, i) => (numeric(i) ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`;
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
