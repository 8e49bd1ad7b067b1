import { resolve } from 'node:path';
import { Command } from 'commander';
import { KijiError } from '../core/errors.js';
import { acquireRunLock } from '../store/lock.js';
import { pruneMissing } from '../store/identity.js';
import { openStore } from '../store/store.js';
import { existsSync } from 'node:fs';
import { type CliIO, writeLine } from './io.js';

/** `kiji prune`: deletes the articles runs marked `missing` (their files are gone; their records already are). */
export function pruneCommand(io: CliIO): Command {
  return new Command('prune')
    .description('remove the articles whose files a run no longer found (status "missing") from a kiji database')
    .argument('<db>', 'the SQLite database written by `kiji run`')
    .action((db: string) => {
      const path = resolve(io.cwd, db);
      if (!existsSync(path)) throw new KijiError('E_USAGE', `${path}: no such database`);
      const lock = acquireRunLock(path); // a run writing at the same time would race with the delete
      try {
        const store = openStore(path);
        try {
          const removed = pruneMissing(store.db);
          writeLine(io.stdout, `${removed} missing article${removed === 1 ? '' : 's'} removed from ${path}`);
        } finally {
          store.close();
        }
      } finally {
        lock.release();
      }
    });
}
