import { resolve } from 'node:path';
import { Command } from 'commander';
import { writeReport } from '../report/write.js';
import { resolveTarget } from '../store/open.js';
import { type CliIO, writeLine } from './io.js';

export function reportCommand(io: CliIO): Command {
  return new Command('report')
    .description('write a static HTML report of a kiji database: an index of articles and one page per article with its records highlighted')
    .argument('<db>', 'the database written by `kiji run`: a SQLite file or a postgres:// URL')
    .option('--out <folder>', 'where to write index.html and articles/', 'report')
    .addHelpText('after', '\nThe pages need no server: open <folder>/index.html in a browser. Article texts come from the database.')
    .action(async (db: string, options: { out: string }) => {
      const out = resolve(io.cwd, options.out);
      const result = await writeReport(resolveTarget(db, io.cwd), out);
      for (const warning of result.warnings) writeLine(io.stderr, `kiji report: ${warning}`);
      writeLine(io.stdout, `${result.pages.length} article page${result.pages.length === 1 ? '' : 's'} → ${result.index}`);
    });
}
