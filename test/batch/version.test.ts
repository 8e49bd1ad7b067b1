import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePipelineVersions } from '../../src/build/pipeline-version.js';
import { runBatch } from '../../src/batch/run.js';
import { parseConfig } from '../../src/schema/config.js';
import { LANGUAGE_VERSIONS, PIPELINE_VERSION } from '../../src/version.js';
import { articleText } from './helpers.js';

const repoRoot = resolve(import.meta.dirname, '../..');
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'kiji-version-')); // a copy of the sources to edit
  cpSync(join(repoRoot, 'src'), join(copy, 'src'), { recursive: true });
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const edit = (file: string, append: string) => writeFileSync(join(copy, 'src', file), readFileSync(join(copy, 'src', file), 'utf8') + append);

describe('the pipeline version', () => {
  it('is a hash of the sources, not a number kept by hand; the build writes the same one', () => {
    expect(PIPELINE_VERSION).toMatch(/^[0-9a-f]{12}$/);
    expect(computePipelineVersions(join(repoRoot, 'src'))).toEqual({ version: PIPELINE_VERSION, languages: LANGUAGE_VERSIONS });
    const built = JSON.parse(readFileSync(join(repoRoot, 'dist/version.json'), 'utf8')) as unknown;
    expect(built).toEqual({ version: PIPELINE_VERSION, languages: LANGUAGE_VERSIONS });
  });

  it('changes only the language whose path changed; shared code changes both; CLI code changes neither', () => {
    const before = computePipelineVersions(join(copy, 'src'));
    edit('stages/english/dates.ts', '\n// an English rule changed\n');
    const en = computePipelineVersions(join(copy, 'src'));
    expect(en.languages.ja).toBe(before.languages.ja);
    expect(en.languages.en).not.toBe(before.languages.en);
    edit('stages/dates/index.ts', '\n// a Japanese rule changed\n');
    const ja = computePipelineVersions(join(copy, 'src'));
    expect(ja.languages.ja).not.toBe(en.languages.ja);
    expect(ja.languages.en).toBe(en.languages.en);
    edit('text/normalize.ts', '\n// shared\n');
    const shared = computePipelineVersions(join(copy, 'src'));
    expect(shared.languages.ja).not.toBe(ja.languages.ja);
    expect(shared.languages.en).not.toBe(ja.languages.en);
    edit('cli/query.ts', '\n// not extraction\n');
    expect(computePipelineVersions(join(copy, 'src'))).toEqual(shared);
  });

  it('changes with a data file read at run time (not imported)', () => {
    const before = computePipelineVersions(join(copy, 'src'));
    writeFileSync(join(copy, 'src/data/model.bin'), 'weights');
    expect(computePipelineVersions(join(copy, 'src')).version).not.toBe(before.version);
  });
});

describe('re-processing after an upgrade', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiji-upgrade-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('re-runs only the articles of the language whose version changed', async () => {
    const articles = join(dir, 'articles');
    cpSync(join(repoRoot, 'fixtures/articles/en-07-lng-supply-deal.txt'), join(articles, 'en.txt'));
    writeFileSync(join(articles, 'ja-1.txt'), articleText(1));
    writeFileSync(join(articles, 'ja-2.txt'), articleText(2));
    const db = join(dir, 'kiji.sqlite');
    const config = parseConfig({});
    expect(await runBatch({ inputs: [articles], dbPath: db, config, concurrency: 1 })).toMatchObject({ processed: 3 });
    expect(await runBatch({ inputs: [articles], dbPath: db, config, concurrency: 1 })).toMatchObject({ processed: 0, skipped: 3 });
    const english = await runBatch({ inputs: [articles], dbPath: db, config, concurrency: 1, languageVersions: { en: 'en:changed' } });
    expect(english).toMatchObject({ processed: 1, skipped: 2 });
    // A database written before per-language versions (every article stored as 0.1.0) is re-processed in full.
    expect(await runBatch({ inputs: [articles], dbPath: db, config, concurrency: 1, pipelineVersion: '0.1.0' })).toMatchObject({ processed: 3 });
    expect(await runBatch({ inputs: [articles], dbPath: db, config, concurrency: 1 })).toMatchObject({ processed: 3, skipped: 0 });
  });
});
