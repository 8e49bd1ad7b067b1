import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'kiji-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('upgrading a database written by the first schema', () => {
  it('migrates it with its rows, and its articles can be updated, marked missing and deleted afterwards', () => {
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!.sqlite as string);
    old.pragma('user_version = 1');
    old.exec(`INSERT INTO runs (started_at, config_hash, pipeline_version) VALUES ('2025-01-01T00:00:00Z', 'c', '0.1.0');
      INSERT INTO articles (path, title, status, pipeline_version, config_hash, processed_at) VALUES ('/old/a.txt', 'old title', 'ok', '0.1.0', 'c', 't'), ('/old/b.txt', NULL, 'ok', '0.1.0', 'c', 't')`);
    old.close();
    const store = openStore(path);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      store.db.prepare("UPDATE articles SET title = 'new title', text = 'text' WHERE path = '/old/a.txt'").run();
      store.db.prepare("UPDATE articles SET status = 'missing' WHERE path = '/old/b.txt'").run();
      store.db.prepare("DELETE FROM articles WHERE status = 'missing'").run();
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(store.db.prepare("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'new'").pluck().get()).toBe(1);
    } finally {
      store.close();
    }
  });
});
