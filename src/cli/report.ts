import { resolve } from 'node:path';
import { Command } from 'commander';
import { writeReport } from '../report/write.js';
import { resolveTarget } from '../store/open.js';
import { type CliIO, writeLine } from './io.js';

export function reportCommand(io: CliIO): Command {
  return new Command('report')
    .description('write a static HTML report of a kiji database: an index of articles to search and filter, a page per article with its records highlighted, and a page per organisation and per agreement')
    .argument('<db>', 'the database written by `kiji run`: a SQLite file or a postgres:// URL')
    .option('--out <folder>', 'where to write index.html and articles/ (a new or empty folder, or one kiji report wrote)', 'report')
    .option('--any-path', 'read article texts from any path the database names, not only inside the folders its runs were given')
    .addHelpText('after', '\nThe pages need no server: open <folder>/index.html in a browser. Article texts come from the database (older databases: read again from their paths).')
    .action(async (db: string, options: { out: string; anyPath?: boolean }) => {
      const out = resolve(io.cwd, options.out);
      const result = await writeReport(resolveTarget(db, io.cwd), out, { anyPath: options.anyPath ?? false });
      for (const warning of result.warnings) writeLine(io.stderr, `kiji report: ${warning}`);
      writeLine(io.stdout, `${result.pages.length} article page${result.pages.length === 1 ? '' : 's'} → ${result.index}`);
    });
}
