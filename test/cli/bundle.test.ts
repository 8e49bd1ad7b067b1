import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// The `kiji` executable is tools/bundle-cli.mjs's bundle of tsc's output (package.json "bin"); dist/cli/bin.js is
// the same CLI unbundled. The bundle moves every module's code into chunks in another folder, so what it must
// keep is every file a module finds next to itself: the dictionary image, the tagger's model, version.json and the
// worker and writer threads' entry points.
const repoRoot = resolve(import.meta.dirname, '../..');
const bundled = join(repoRoot, 'dist/bundle/kiji.js');
const unbundled = join(repoRoot, 'dist/cli/bin.js');

const ARTICLES = {
  'ja.txt': '東京電力ホールディングスは2025年4月1日、子会社の大陽日酸と3億5,000万円の業務提携契約を結んだと発表した。',
  'en.txt': 'The Ministry of Defense of Japan and the Department of Defense signed a memorandum of understanding on 3 March 2025 worth $12 million.',
};

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kiji-bundle-'));
  mkdirSync(join(root, 'articles'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(root, 'articles', name), text);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cli = (bin: string, args: string[]): string => execFileSync(process.execPath, ['--single-threaded-gc', bin, ...args], { cwd: root, encoding: 'utf8' });

/** Every record of a database, in a stable order, without the run's own ids and times. */
function recordsOf(db: string): unknown[] {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare('SELECT a.path, m.type, m.start, m."end", m.text, m.value_json, m.rule FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.path, m.start, m.end, m.type').all();
  } finally {
    handle.close();
  }
}

describe('the bundled kiji executable', () => {
  it('is built (npm run build bundles the CLI last)', () => {
    expect(existsSync(bundled), `${bundled} is missing: run npm run build`).toBe(true);
  });

  it('extracts what the library does, with the same dictionary and model', async () => {
    const input = join(root, 'in.jsonl');
    writeFileSync(input, Object.entries(ARTICLES).map(([id, text]) => JSON.stringify({ id, text, ref: '2025-04-02' })).join('\n') + '\n');
    const inProcess = await runCli(['extract', '--jsonl', input]);
    expect(inProcess.code).toBe(0);
    const out = cli(bundled, ['extract', '--jsonl', input]);
    expect(out).toBe(inProcess.stdout);
    const types = out.trim().split('\n').flatMap((line) => (JSON.parse(line) as { spans: { type: string }[] }).spans.map((s) => s.type));
    expect(new Set(types)).toEqual(new Set(['DATE', 'MONEY', 'ORG', 'AGREEMENT']));
  });

  it('runs a folder through its workers and writer into the records the unbundled CLI writes', () => {
    for (const [bin, db] of [[bundled, 'bundled.sqlite'], [unbundled, 'unbundled.sqlite']] as const) {
      const summary = JSON.parse(cli(bin, ['run', 'articles', '--db', db, '--json', '--concurrency', '1'])) as { processed: number; failed: number };
      expect(summary).toMatchObject({ processed: 2, failed: 0 });
    }
    const records = recordsOf(join(root, 'bundled.sqlite'));
    expect(records.length).toBeGreaterThan(6);
    expect(records).toEqual(recordsOf(join(root, 'unbundled.sqlite')));
  });

  it('loads node:child_process only when a command spawns a process (commander requires it for executable subcommands)', () => {
    // Prints, at exit, the node modules the process loaded that a bare `node` had not.
    const probe = join(root, 'loaded.cjs');
    writeFileSync(probe, "const before = new Set(process.moduleLoadList); process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));\n");
    cli(bundled, ['run', 'articles', '--db', 'again.sqlite', '--concurrency', '1']);
    for (const args of [['--version'], ['run', 'articles', '--db', 'again.sqlite', '--json']]) {
      const child = spawnSync(process.execPath, ['--require', probe, bundled, ...args], { cwd: root, encoding: 'utf8' });
      expect(child.status).toBe(0);
      const loaded = JSON.parse(child.stderr.trim().split('\n').pop()!) as string[];
      expect(loaded.length, 'the probe saw no module load').toBeGreaterThan(0);
      expect(loaded, `kiji ${args.join(' ')}`).not.toContain('NativeModule child_process');
    }
  });
});
