#!/usr/bin/env node
/**
 * The torture test of issue #14, re-run: each case drives the built CLI (dist/bundle/kiji.js) the way a
 * user would, and checks that nothing is lost, nothing stale or duplicated is kept, and every
 * failure has a code and no stack trace.
 *
 *   npm run build && npm run bench:torture        (KIJI_TORTURE_KILLS=10 by default)
 *
 * Cases needing root (a small tmpfs for the full disk, an unprivileged user for the read-only
 * folder) say "skipped" and why when they cannot run. Prints one table; exit 1 when a case fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const bin = join(repo, 'dist/bundle/kiji.js');
const Database = createRequire(import.meta.url)('better-sqlite3');
const KILLS = Number(process.env.KIJI_TORTURE_KILLS ?? 10);
if (!existsSync(bin)) {
  console.error('bench/torture: dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const root = mkdtempSync(join(tmpdir(), 'kiji-torture-'));
chmodSync(root, 0o755);
const rows = [];

/** Our own made-up article (never eval or sample text), with dates, money and organisations that vary with n. */
function article(n) {
  const lines = [`架空市、第${n}回の予算会議`, `公開日:2025/${(n % 12) + 1}/${(n % 27) + 1}`, ''];
  for (let p = 0; p < 4; p++) {
    lines.push(`架空市は${2020 + (n % 6)}年${(p % 12) + 1}月${(n % 27) + 1}日、防衛省と外務省の担当者を招き、総額${n + p + 1}億円の事業を協議した。` +
      `両者は同日、地域協力に関する覚書に署名し、${n * 3 + p}万ドルの追加拠出も検討する。`);
  }
  return `${lines.join('\n')}\n`;
}

function writeCorpus(dir, count, from = 0) {
  mkdirSync(dir, { recursive: true });
  for (let i = from; i < from + count; i++) writeFileSync(join(dir, `a-${String(i).padStart(3, '0')}.txt`), article(i));
}

function kiji(args, options = {}) {
  const started = performance.now();
  const run = spawnSync(options.as ? 'runuser' : process.execPath, options.as ? ['-u', options.as, '--', process.execPath, bin, ...args] : [bin, ...args], { cwd: options.cwd ?? root, encoding: 'utf8', timeout: 600_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, ms: performance.now() - started };
}

function kijiAsync(args) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  return { child, done: new Promise((r) => child.on('exit', (code, signal) => r({ code, signal, stderr: () => stderr }))) };
}

/** Per article path: status and the multiset of its records; and the per-path row count (duplicates). */
function snapshot(db) {
  const conn = new Database(db, { readonly: true });
  try {
    const articles = conn.prepare("SELECT a.path, a.status, (SELECT group_concat(type || ':' || start || ':' || \"end\", ',') FROM (SELECT * FROM mentions m WHERE m.article_id = a.id ORDER BY start, \"end\", type)) AS recs FROM articles a").all();
    const map = new Map();
    for (const a of articles) map.set(a.path, `${a.status} ${a.recs ?? ''}`);
    const mentions = conn.prepare('SELECT COUNT(*) FROM mentions').pluck().get();
    return { map, articles: articles.length, mentions };
  } finally {
    conn.close();
  }
}

/** Records in `expected` not in `actual` (lost), and article rows in `actual` not in `expected` or with other records (stale). */
function compare(actual, expected) {
  let lost = 0;
  let stale = 0;
  for (const [path, value] of expected.map) {
    const got = actual.map.get(path);
    const want = value.split(' ')[1] ? value.split(' ')[1].split(',') : [];
    const have = got?.split(' ')[1] ? got.split(' ')[1].split(',') : [];
    const left = new Map();
    for (const r of have) left.set(r, (left.get(r) ?? 0) + 1);
    for (const r of want) {
      if (left.get(r)) left.set(r, left.get(r) - 1);
      else lost++;
    }
    if (got !== undefined && got !== value) stale++;
  }
  for (const path of actual.map.keys()) if (!expected.map.has(path)) stale++;
  return { lost, stale };
}

const noStack = (text) => !/\n\s+at .+:\d+:\d+/.test(text);
const coded = (text, code) => new RegExp(`kiji: ${code}: `).test(text) && noStack(text);

function record(name, checks, extra = {}) {
  const tried = checks.length;
  const passed = checks.filter(Boolean).length;
  const failed = checks.map((ok, i) => (ok ? -1 : i)).filter((i) => i >= 0);
  if (failed.length) process.stderr.write(`bench/torture: ${name}: checks ${failed.join(', ')} failed\n`);
  rows.push({ name, tried, passed, lost: extra.lost ?? 0, stale: extra.stale ?? 0, note: extra.note ?? '' });
  process.stderr.write(`bench/torture: ${name}: ${passed}/${tried}${extra.note ? ` (${extra.note})` : ''}\n`);
}

function skipped(name, why) {
  rows.push({ name, tried: 0, passed: 0, lost: 0, stale: 0, note: `skipped: ${why}` });
  process.stderr.write(`bench/torture: ${name}: skipped (${why})\n`);
}

const corpus = join(root, 'corpus');
writeCorpus(corpus, 40);
const clean = join(root, 'clean.sqlite');
const cleanRun = kiji(['run', corpus, '--db', clean, '--quiet', '--concurrency', '2']);
if (cleanRun.code !== 0) {
  console.error(`bench/torture: the clean run failed: ${cleanRun.stderr}`);
  process.exit(2);
}
const expected = snapshot(clean);

// 1. Bad inputs: each recorded with a code, the rest processed, and the dense worst case bounded.
{
  const dir = join(root, 'bad');
  writeCorpus(dir, 3);
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'undecodable.txt'), Buffer.concat([Buffer.from('日本の記事です。'), Buffer.from([0xff, 0xfe, 0x80, 0x81, 0xff]), Buffer.from('続き')]));
  writeFileSync(join(dir, 'late-nul.txt'), Buffer.concat([Buffer.from('日本語の記事です。'.repeat(1500)), Buffer.from([0]), Buffer.from('続き')]));
  writeFileSync(join(dir, 'deep.html'), `<html><body><article>${'<div>'.repeat(200_000)}2025年1月1日に1億円の覚書に署名した。${'</div>'.repeat(200_000)}</article></body></html>`);
  writeFileSync(join(dir, 'dense.txt'), '2021年3月4日、5億円。'.repeat(Math.ceil(1_000_000 / 14)).slice(0, 1_000_000));
  writeFileSync(Buffer.from(`${dir}/\x93\xfa\x96\x7b.txt`, 'latin1'), '日本の記事。');
  writeFileSync(join(dir, 'cr-only.txt'), '見出し\r公開日：2021年11月23日\r本文では2021年11月22日の会議に触れた。\r');
  symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync('..', join(dir, 'sub', 'loop')); // back to its own ancestor
  writeFileSync(join(root, 'torture.config.mjs'), 'export default { articleTimeoutMs: 10000, maxFileBytes: 8 * 1024 * 1024 };\n');
  const db = join(root, 'bad.sqlite');
  const run = kiji(['--config', 'torture.config.mjs', 'run', dir, '--db', db, '--json', '--concurrency', '2']);
  const summary = JSON.parse(run.stdout || '{}');
  const byName = Object.fromEntries((summary.failures ?? []).map((f) => [f.path.slice(dir.length + 1), f.code]));
  const conn = new Database(db, { readonly: true });
  const dense = conn.prepare("SELECT status, error_code AS code, (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id) AS n FROM articles a WHERE path LIKE '%/dense.txt'").get();
  const cr = conn.prepare("SELECT published_at FROM articles WHERE path LIKE '%/cr-only.txt'").pluck().get();
  conn.close();
  const checks = [
    run.code === 1,
    summary.processed >= 5,
    byName['binary.txt'] === 'E_BINARY',
    byName['empty.txt'] === 'E_EMPTY',
    byName['undecodable.txt'] === 'E_DECODE',
    byName['late-nul.txt'] === 'E_BINARY',
    byName['dangling.txt'] === 'E_READ',
    byName['sub/loop'] === 'E_READ',
    Object.keys(byName).some((name) => name.includes('\uFFFD')),
    !byName['deep.html'],
    cr === '2021-11-23',
    dense !== undefined && (dense.status === 'ok' || dense.code === 'E_TIMEOUT'),
    noStack(run.stderr),
  ];
  record('bad inputs (13 kinds, one batch)', checks, { note: `dense 1M chars: ${dense?.status === 'ok' ? `ok, ${dense.n} records` : dense?.code}; 200k-deep HTML: ${byName['deep.html'] ?? 'ok'}; whole batch ${(run.ms / 1000).toFixed(1)} s` });
}

// 2. kill -9 ten times, then resume: the database equals a clean run's. The corpus is ten times the
//    shared one and each kill lands at a random moment of a clean run's duration, so the kills fall
//    mid-run however fast the machine is (a fixed window let every run finish before its kill).
{
  const killCorpus = join(root, 'kill-corpus');
  writeCorpus(killCorpus, 400);
  const killClean = join(root, 'kill-clean.sqlite');
  const reference = kiji(['run', killCorpus, '--db', killClean, '--quiet', '--concurrency', '2']);
  if (reference.code !== 0) throw new Error(`the clean run of the kill corpus failed: ${reference.stderr}`);
  const expectedKilled = snapshot(killClean);
  const db = join(root, 'killed.sqlite');
  let killed = 0;
  for (let i = 0; i < KILLS; i++) {
    const { child, done } = kijiAsync(['run', killCorpus, '--db', db, '--quiet', '--concurrency', '2']);
    const delay = Math.floor(reference.ms * (0.15 + 0.8 * Math.random()));
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    const result = await done;
    clearTimeout(timer);
    if (result.signal === 'SIGKILL') killed++;
  }
  const resume = kiji(['run', killCorpus, '--db', db, '--quiet']);
  const { lost, stale } = compare(snapshot(db), expectedKilled);
  const conn = new Database(db, { readonly: true });
  const running = conn.prepare("SELECT COUNT(*) FROM runs WHERE status = 'running'").pluck().get();
  conn.close();
  const checks = [resume.code === 0, lost === 0, stale === 0, running === 0, !existsSync(`${db}.lock`)];
  record(`kill -9 x${KILLS}, then resume`, checks, { lost, stale, note: `${killed} of ${KILLS} runs killed mid-way` });
}

// 3. Two writers at once: one is refused with E_DB_LOCKED, the other completes; also through a link to the database.
{
  const db = join(root, 'two.sqlite');
  symlinkSync(db, join(root, 'two-link.sqlite'));
  const a = kijiAsync(['run', corpus, '--db', db, '--quiet', '--concurrency', '1']);
  await new Promise((r) => setTimeout(r, 300));
  const b = kijiAsync(['run', corpus, '--db', join(root, 'two-link.sqlite'), '--quiet', '--concurrency', '1']);
  const [ra, rb] = await Promise.all([a.done, b.done]);
  const refused = [ra, rb].filter((r) => r.code === 2 && coded(r.stderr(), 'E_DB_LOCKED')).length;
  const finished = [ra, rb].filter((r) => r.code === 0).length;
  kiji(['run', corpus, '--db', db, '--quiet']);
  const { lost, stale } = compare(snapshot(db), expected);
  const checks = [refused === 1, finished === 1, lost === 0, stale === 0];
  record('two writers (one through a symlink)', checks, { lost, stale });
}

// 4. A full disk: a 1.5 MB tmpfs holding the database.
{
  const mnt = join(root, 'small');
  mkdirSync(mnt);
  const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1536k', 'tmpfs', mnt]).status === 0;
  if (!mounted) skipped('full disk (1.5 MB tmpfs)', 'needs root and mount; alternative: run the database on any small filesystem (e.g. a loop-mounted 2 MB image)');
  else {
    try {
      const big = join(root, 'big');
      writeCorpus(big, 400);
      const db = join(mnt, 'full.sqlite');
      const run = kiji(['run', big, '--db', db, '--quiet', '--concurrency', '2']);
      const conn = new Database(db, { readonly: true });
      const last = conn.prepare('SELECT status, processed, finished_at AS finishedAt FROM runs ORDER BY id DESC LIMIT 1').get();
      const stored = conn.prepare("SELECT COUNT(*) FROM articles WHERE status = 'ok'").pluck().get();
      conn.close();
      // Free the space, resume, and compare with a clean run of the same folder.
      const cleanBig = join(root, 'clean-big.sqlite');
      kiji(['run', big, '--db', cleanBig, '--quiet', '--concurrency', '2']);
      // Moved whole: the database and its WAL (a checkpoint the full disk cut short needs the WAL to finish).
      const moved = join(root, 'resumed.sqlite');
      copyFileSync(db, moved);
      if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${moved}-wal`);
      const resume = kiji(['run', big, '--db', moved, '--quiet']);
      const { lost, stale } = compare(snapshot(moved), snapshot(cleanBig));
      const checks = [run.code === 2, coded(run.stderr, 'E_DB'), last?.status === 'failed' && last.finishedAt !== null && last.processed > 0, !existsSync(`${db}.lock`), resume.code === 0, lost === 0, stale === 0];
      record('full disk, then resume elsewhere', checks, { lost, stale, note: `${stored} articles stored before the disk filled; run row: ${last?.status}, processed ${last?.processed}` });
    } finally {
      spawnSync('umount', [mnt]);
    }
  }
}

// 5. A read-only folder: readers work for a user who cannot write it; a run says E_DB and leaves nothing.
{
  const canDrop = process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;
  if (!canDrop) skipped('read-only folder', 'needs root to act as an unprivileged user (runuser -u nobody)');
  else {
    const shared = join(root, 'shared');
    mkdirSync(shared);
    copyFileSync(clean, join(shared, 'kiji.sqlite'));
    const wal = new Database(join(shared, 'kiji.sqlite'));
    wal.pragma('journal_mode = WAL');
    wal.close(); // left in WAL mode, as a killed run leaves it
    chmodSync(shared, 0o555);
    chmodSync(join(shared, 'kiji.sqlite'), 0o444);
    const before = readdirSync(shared).join(',');
    const readers = [['inspect', 'kiji.sqlite'], ['query', 'kiji.sqlite', '--type', 'MONEY', '--limit', '3'], ['export', 'kiji.sqlite', '--format', 'csv'], ['inspect', 'kiji.sqlite', 'a-001.txt']]
      .map((args) => kiji(args, { as: 'nobody', cwd: shared }));
    const write = kiji(['run', corpus, '--db', 'kiji.sqlite', '--quiet'], { as: 'nobody', cwd: shared });
    const checks = [...readers.map((r) => r.code === 0 && r.stdout.length > 0), write.code === 2 && coded(write.stderr, 'E_DB'), readdirSync(shared).join(',') === before];
    record('read-only folder (readers, a writer)', checks);
  }
}

// 6. Upgrade from an older database: schema 1 (the first migration only), every article stored as
//    pipeline 0.1.0, and records today's rules do not make.
{
  const { MIGRATIONS } = await import('../dist/store/schema.js');
  const db = join(root, 'old.sqlite');
  const conn = new Database(db);
  conn.exec(MIGRATIONS[0].sqlite);
  conn.pragma('user_version = 1');
  conn.prepare('ATTACH DATABASE ? AS clean').run(clean);
  for (const table of ['runs', 'articles', 'mentions', 'agreement_parties']) {
    // The columns both schemas have: later migrations add some and drop others (agreement_date went in 5).
    const current = new Set(conn.prepare(`PRAGMA clean.table_info(${table})`).all().map((c) => c.name));
    const columns = conn.prepare(`PRAGMA main.table_info(${table})`).all().filter((c) => current.has(c.name)).map((c) => `"${c.name}"`).join(', ');
    conn.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM clean.${table}`);
  }
  conn.exec('DETACH DATABASE clean');
  const agreement = conn.prepare("SELECT id FROM articles WHERE status = 'ok' ORDER BY path LIMIT 1").pluck().get();
  for (let i = 0; i < 25; i++) {
    conn.prepare("INSERT INTO mentions (article_id, type, start, end, text, rule, value_json, agreement_kind) VALUES (?, 'AGREEMENT', 0, 1, ?, 'old-rule', '{}', 'memorandum')").run(agreement, `stale-${i}`);
  }
  conn.prepare("UPDATE articles SET pipeline_version = '0.1.0'").run();
  conn.prepare("UPDATE runs SET pipeline_version = '0.1.0'").run();
  conn.close();
  const upgrade = kiji(['run', corpus, '--db', db, '--json']);
  const summary = JSON.parse(upgrade.stdout || '{}');
  const again = JSON.parse(kiji(['run', corpus, '--db', db, '--json']).stdout || '{}');
  const after = new Database(db, { readonly: true });
  const staleRecords = after.prepare("SELECT COUNT(*) FROM mentions WHERE rule = 'old-rule'").pluck().get();
  const schema = after.pragma('user_version', { simple: true });
  after.close();
  const { lost, stale } = compare(snapshot(db), expected);
  const checks = [upgrade.code === 0, summary.processed === 40, again.processed === 0 && again.skipped === 40, staleRecords === 0, schema === MIGRATIONS.length, lost === 0, stale === 0];
  record('upgrade from an older database', checks, { lost, stale: stale + staleRecords, note: `re-processed ${summary.processed}, then ${again.processed}` });
}

// 7. Identity: a linked folder, a renamed file, a deleted file — no duplicates, nothing stale.
{
  const dir = join(root, 'moving');
  writeCorpus(dir, 6);
  symlinkSync(dir, join(root, 'moving-link'));
  const db = join(root, 'moving.sqlite');
  kiji(['run', dir, '--db', db, '--quiet']);
  kiji(['run', join(root, 'moving-link'), '--db', db, '--quiet']);
  renameSync(join(dir, 'a-001.txt'), join(dir, 'renamed.txt'));
  unlinkSync(join(dir, 'a-002.txt'));
  const after = JSON.parse(kiji(['run', dir, '--db', db, '--json']).stdout || '{}');
  const conn = new Database(db, { readonly: true });
  const live = conn.prepare("SELECT COUNT(*) FROM articles WHERE status = 'ok'").pluck().get();
  const missing = conn.prepare("SELECT COUNT(*) FROM articles WHERE status = 'missing'").pluck().get();
  const orphanRecords = conn.prepare("SELECT COUNT(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.status <> 'ok'").pluck().get();
  conn.close();
  const pruned = kiji(['prune', db]);
  const staleCount = Math.abs(live - 5) + orphanRecords;
  const checks = [after.renamed === 1, after.missing === 1, after.processed === 0, live === 5, missing === 1, orphanRecords === 0, /^1 missing article removed/.test(pruned.stdout)];
  record('linked folder, renamed and deleted files', checks, { stale: staleCount });
}

// 8. Output paths and hostile databases.
{
  const db = join(root, 'victim.sqlite');
  copyFileSync(clean, db);
  const size = snapshot(db).mentions;
  const overDb = kiji(['export', db, '--format', 'jsonl', '--out', db]);
  symlinkSync(db, join(root, 'victim-link.sqlite'));
  const overLink = kiji(['export', db, '--format', 'csv', '--out', join(root, 'victim-link.sqlite')]);
  const site = join(root, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<p>mine</p>');
  const overSite = kiji(['report', db, '--out', site]);
  const conn = new Database(db);
  conn.prepare("UPDATE articles SET path = '/etc/passwd', title = ? WHERE id = (SELECT MIN(id) FROM articles)").run('x\u001b]0;owned\u0007');
  conn.close();
  const inspect = kiji(['inspect', db, 'passwd']);
  const checks = [coded(overDb.stderr, 'E_USAGE'), coded(overLink.stderr, 'E_USAGE'), snapshot(db).mentions === size, coded(overSite.stderr, 'E_USAGE'), !inspect.stdout.includes('root:'), !inspect.stdout.includes('\u001b')];
  record('output paths, hostile database', checks);
}

// The table.
const total = rows.reduce((a, r) => ({ tried: a.tried + r.tried, passed: a.passed + r.passed, lost: a.lost + r.lost, stale: a.stale + r.stale }), { tried: 0, passed: 0, lost: 0, stale: 0 });
const lines = ['| case | checks tried | passed | records lost | stale or duplicate articles | note |', '|---|---:|---:|---:|---:|---|'];
for (const r of rows) lines.push(`| ${r.name} | ${r.tried} | ${r.passed} | ${r.lost} | ${r.stale} | ${r.note} |`);
lines.push(`| **all** | **${total.tried}** | **${total.passed}** | **${total.lost}** | **${total.stale}** | |`);
console.log(lines.join('\n'));
try {
  rmSync(root, { recursive: true, force: true });
} catch {
  /* a mount left behind: say where */
  console.error(`bench/torture: could not remove ${root}`);
}
process.exit(total.passed === total.tried && total.lost === 0 && total.stale === 0 ? 0 : 1);
