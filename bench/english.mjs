#!/usr/bin/env node
// kiji's English path against plain compromise on the project's English fixture articles
// (fixtures/articles/en-*.txt, hand gold in fixtures/gold/en.jsonl), both scored by the reference scorer.
//
// Usage: npm run build && node bench/english.mjs [--json]
// The gold lines carry no text (it lives in the article files), so a scorer-ready copy with `text` is
// written to a temporary folder first; then `kiji extract --jsonl` and bench/baselines/compromise-en.mjs
// run on it and ../shared/eval/score.mjs (or KIJI_EVAL_DIR/score.mjs) scores both.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(ROOT, '../shared/eval');
const scorer = join(evalDir, 'score.mjs');
const json = process.argv.includes('--json');
if (!existsSync(scorer)) {
  console.log(`no scorer at ${scorer}: set KIJI_EVAL_DIR to the shared eval folder`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'kiji-english-'));
try {
  const docs = readFileSync(join(ROOT, 'fixtures/gold/en.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const gold = join(work, 'gold.jsonl');
  writeFileSync(gold, docs.map((d) => JSON.stringify({ ...d, text: readFileSync(join(ROOT, 'fixtures/articles', d.id), 'utf8') })).join('\n') + '\n');

  const tools = {
    kiji: [join(ROOT, 'dist/bundle/kiji.js'), 'extract', '--jsonl', gold],
    compromise: [join(ROOT, 'bench/baselines/compromise-en.mjs'), gold],
  };
  const rows = [];
  for (const [tool, argv] of Object.entries(tools)) {
    const pred = join(work, `${tool}.jsonl`);
    writeFileSync(pred, execFileSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] }));
    const scored = JSON.parse(execFileSync(process.execPath, [scorer, gold, pred, '--json', '--types', 'DATE,MONEY,ORG,AGREEMENT'], { encoding: 'utf8' }));
    for (const row of scored.rows) rows.push({ tool, ...row });
  }
  if (json) {
    console.log(JSON.stringify({ gold: 'fixtures/gold/en.jsonl', rows }));
  } else {
    const pct = (x) => (typeof x === 'number' ? (100 * x).toFixed(1) : '-');
    console.log('| type | tool | gold | pred | strict F1 | len P | len R | len F1 | value acc |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const type of ['DATE', 'MONEY', 'ORG', 'AGREEMENT']) {
      for (const r of rows.filter((x) => x.type === type)) {
        console.log(`| ${type} | ${r.tool} | ${r.gold} | ${r.pred} | ${pct(r.strictF1)} | ${pct(r.lenientP)} | ${pct(r.lenientR)} | ${pct(r.lenientF1)} | ${pct(r.valueAcc)} |`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
