import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { Command } from 'commander';
import { KijiError } from '../core/errors.js';
import { SHIPPED_MODEL } from '../stages/orgs/model/tagger.js';
import { DEFAULT_TRAINING, TRAINING_FILES, trainOrgModel } from '../stages/orgs/model/train.js';
import { type CliIO, writeLine } from './io.js';

const whole = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new KijiError('E_USAGE', `--${name} ${value}: expected a whole number`);
  return n;
};

export function trainCommand(io: CliIO): Command {
  return new Command('train')
    .description('train a model from the training halves of the shared NER sets (deterministic: same data and seed, same bytes)')
    .argument('<model>', 'the model to train; the only one is "orgs" (the organisation tagger)')
    .option('--data <folder>', `the eval folder holding ${TRAINING_FILES.join(' and ')}`, '../shared/eval')
    .option('--out <file>', 'where to write the model (default: the shipped model, src/data/models/orgs.bin)')
    .option('--epochs <n>', 'passes over the training data', String(DEFAULT_TRAINING.epochs))
    .option('--seed <n>', 'seed of the example order', String(DEFAULT_TRAINING.seed))
    .option('--min-count <n>', 'drop features seen in fewer training tokens', String(DEFAULT_TRAINING.minCount))
    .option('--limit <n>', 'use only the first n sentences of each training file')
    .action(async (model: string, options: { data: string; out?: string; epochs: string; seed: string; minCount: string; limit?: string }) => {
      if (model !== 'orgs') throw new KijiError('E_USAGE', `unknown model "${model}": the only one is "orgs"`);
      const started = performance.now();
      const bytes = await trainOrgModel({
        evalDir: resolve(io.cwd, options.data),
        epochs: whole('epochs', options.epochs),
        seed: whole('seed', options.seed),
        minCount: whole('min-count', options.minCount),
        ...(options.limit !== undefined ? { limit: whole('limit', options.limit) } : {}),
        log: (line) => writeLine(io.stderr, line),
      });
      const out = options.out ? resolve(io.cwd, options.out) : SHIPPED_MODEL;
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, bytes);
      const sha = createHash('sha256').update(bytes).digest('hex');
      writeLine(io.stdout, `${out}: ${bytes.length} bytes, sha256 ${sha}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });
}
