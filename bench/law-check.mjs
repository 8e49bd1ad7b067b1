#!/usr/bin/env node
// A rough check of the agreement stage on public gold: ud-japanese-gsd-ne has no AGREEMENT type, but its
// LAW spans include treaties (agreements) beside laws (not agreements). Prints how many treaty-like LAW
// spans kiji's AGREEMENT records overlap, how many laws they overlap (they should not), and every
// AGREEMENT record with what the gold says at that place.
//
// Usage: npm run build && node bench/law-check.mjs [--json]
// A LAW span is treaty-like when its text contains a head word of a treaty or an accord (the list below,
// written for this check, independent of kiji's heads).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.KIJI_EVAL_DIR ?? resolve(ROOT, '../shared/eval');
const goldFile = join(evalDir, 'ud-japanese-gsd-ne/dev.jsonl');
if (!existsSync(goldFile)) {
  console.log(`no gold at ${goldFile}: set KIJI_EVAL_DIR to the shared eval folder`);
  process.exit(0);
}
const TREATY_LIKE = /条約|協定|議定書|覚書|憲章|協約|規約|合意|宣言|声明|パートナーシップ/;

const gold = new Map(readFileSync(goldFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((g) => [g.id, g]));
const out = execFileSync(process.execPath, [join(ROOT, 'dist/bundle/kiji.js'), 'extract', '--jsonl', goldFile], { encoding: 'utf8', maxBuffer: 256 << 20 });
const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const treaties = { total: 0, found: 0, missed: [] };
const laws = { total: 0, found: 0, wrongly: [] };
const records = [];
for (const line of out.split('\n').filter(Boolean)) {
  const { id, spans } = JSON.parse(line);
  const doc = gold.get(id);
  const agreements = spans.filter((s) => s.type === 'AGREEMENT');
  for (const span of doc.spans.filter((s) => s.type === 'LAW')) {
    const hit = agreements.some((a) => overlaps(a, span));
    const bucket = TREATY_LIKE.test(span.text) ? treaties : laws;
    bucket.total++;
    if (hit) bucket.found++;
    if (bucket === treaties && !hit) treaties.missed.push(span.text);
    if (bucket === laws && hit) laws.wrongly.push(span.text);
  }
  for (const a of agreements) records.push({ text: a.text, gold: doc.spans.filter((s) => overlaps(s, a)).map((s) => s.type).join(',') || '-' });
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ treaties, laws, records }));
} else {
  console.log(`ud-japanese-gsd-ne dev, LAW spans: ${treaties.total + laws.total}`);
  console.log(`  treaty-like: ${treaties.total}, found as AGREEMENT: ${treaties.found}${treaties.missed.length ? ` (missed: ${treaties.missed.join(', ')})` : ''}`);
  console.log(`  laws: ${laws.total}, found as AGREEMENT: ${laws.found}${laws.wrongly.length ? ` (${laws.wrongly.join(', ')})` : ''}`);
  console.log(`AGREEMENT records: ${records.length}`);
  for (const r of records) console.log(`  ${r.text}  [gold: ${r.gold}]`);
}
