import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { createPipeline } from '../pipeline.js';
import { KijiError } from '../core/errors.js';
import { describeOutcome, runFixtures } from '../fixtures/run.js';
import type { KijiConfig } from '../schema/config.js';
import { EXIT_OK, EXIT_SOME_FAILED, type CliIO, writeLine } from './io.js';

export const DEFAULT_FIXTURES_DIR = 'fixtures/articles';

export function fixturesCommand(io: CliIO, getConfig: () => Promise<KijiConfig>, setExit: (code: number) => void): Command {
  return new Command('fixtures')
    .description('fixture regression: compare the pipeline\'s records on every fixture article with its .expected.json (check), or rewrite the expected files on purpose (update)')
    .argument('[action]', '"check" (default) or "update"', 'check')
    .option('--dir <folder>', 'the fixture articles', DEFAULT_FIXTURES_DIR)
    .addHelpText('after', [
      '',
      'Each article <name> (.txt, .html, .md) has its records in <name>.expected.json next to it.',
      'check: prints what changed (added / removed / changed value, with the text around it); exit 1 on any change.',
      'update: rewrites the expected files that differ and prints the same diff; exit 1 only when an article failed.',
      'The test suite does the same: `npm test` compares, `KIJI_UPDATE_FIXTURES=1 npm test` updates.',
    ].join('\n'))
    .action(async (action: string, options: { dir: string }) => {
      if (action !== 'check' && action !== 'update') throw new KijiError('E_USAGE', `unknown action "${action}": use "check" or "update"`);
      const dir = resolve(io.cwd, options.dir);
      if (!existsSync(dir)) throw new KijiError('E_USAGE', `${dir}: no such folder`);
      const pipeline = await createPipeline(await getConfig());
      const update = action === 'update';
      const outcomes = await runFixtures(pipeline, dir, { update });
      for (const outcome of outcomes) {
        const lines = describeOutcome(outcome);
        if (lines.length) {
          for (const line of lines) writeLine(io.stdout, line);
          writeLine(io.stdout);
        }
      }
      const count = (s: string) => outcomes.filter((o) => o.status === s).length;
      const written = outcomes.filter((o) => o.written).length;
      writeLine(io.stdout, `${outcomes.length} fixture articles: ${count('same')} unchanged, ${count('changed')} changed, ${count('new')} new, ${count('error')} failed` +
        (update ? `; ${written} expected file${written === 1 ? '' : 's'} written` : ''));
      const failed = update ? count('error') > 0 : outcomes.some((o) => o.status !== 'same');
      setExit(failed ? EXIT_SOME_FAILED : EXIT_OK);
    });
}
