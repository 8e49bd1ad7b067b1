import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { createPipeline, type Pipeline } from '../src/pipeline.js';
import { describeOutcome, expectedPathOf, fixtureArticles, runFixture } from '../src/fixtures/run.js';

/**
 * Fixture regression: every article in fixtures/articles through the pipeline (with the repository's
 * pipeline.config.ts, as `kiji fixtures` uses it), compared with its `<name>.expected.json`.
 * A failure prints what changed: added / removed / changed records with the text around them.
 *
 * To accept a change on purpose: `KIJI_UPDATE_FIXTURES=1 npm test` (or `kiji fixtures update`),
 * then review the diff it prints and `git diff fixtures/articles`.
 */
const repoRoot = resolve(import.meta.dirname, '..');
const dir = resolve(repoRoot, 'fixtures/articles');
const update = process.env.KIJI_UPDATE_FIXTURES === '1';
const articles = fixtureArticles(dir);
// Before the first snapshot there is nothing to compare with; once any expected file exists, a
// missing one is a failure.
const snapshotted = articles.some((path) => existsSync(expectedPathOf(path)));

describe.skipIf(!update && !snapshotted)(`fixture articles match their expected records${update ? ' (KIJI_UPDATE_FIXTURES=1: rewriting expected files)' : snapshotted ? '' : ' (no .expected.json files yet: create them with `kiji fixtures update`)'}`, () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await createPipeline((await loadConfig(undefined, repoRoot)).config);
  });

  for (const path of articles) {
    const name = path.slice(dir.length + 1);
    it(name, async () => {
      const outcome = await runFixture(pipeline, path, { update });
      const diff = describeOutcome(outcome).join('\n');
      if (update) {
        if (diff) console.log(`${diff}\n`);
        expect(outcome.status, diff).not.toBe('error');
        return;
      }
      if (outcome.status !== 'same') expect.fail(`${diff}\n\n(if this change is intended: KIJI_UPDATE_FIXTURES=1 npm test, or kiji fixtures update)`);
    });
  }
});
