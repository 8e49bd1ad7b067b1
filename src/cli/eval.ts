import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { createPipeline } from '../pipeline.js';
import { KijiError } from '../core/errors.js';
import { formatErrorGroups, groupOutcomesByRule } from '../eval/errors.js';
import { checkThresholds, evaluate, parseMin } from '../eval/run.js';
import { formatScoreTable } from '../eval/score.js';
import type { KijiConfig } from '../schema/config.js';
import { parseTypes } from './query.js';
import { EXIT_OK, EXIT_SOME_FAILED, type CliIO, writeLine } from './io.js';

interface EvalOptions {
  types?: string;
  json?: boolean;
  show?: string;
  min: string[];
  limit: string;
  savePred?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function evalCommand(io: CliIO, getConfig: () => Promise<KijiConfig>, setExit: (code: number) => void): Command {
  return new Command('eval')
    .description('run the pipeline on gold documents and score it exactly as ../shared/eval/score.mjs does (strict/lenient P/R/F1 per type, value accuracy)')
    .argument('<gold>', 'a gold JSONL file ({"id","text","ref"?,"spans"} lines) or a fixtures folder (gold/*.jsonl + articles/)')
    .option('--types <list>', 'score only these types, comma-separated (e.g. DATE,MONEY)')
    .option('--json', 'print {"missingDocs","rows"} as score.mjs --json does (plus "thresholds", and "errors" with --show errors)')
    .option('--show <what>', '"errors": list misses and false positives grouped by rule, with the text around each')
    .option('--min <TYPE=F1>', 'fail (exit 1) when a type\'s lenient F1 is below this (0–1, or a percentage); repeatable; adds to config eval.min', collect, [])
    .option('--limit <n>', 'examples printed per rule with --show errors', '20')
    .option('--save-pred <file>', 'also write the predictions as {"id","spans"} lines (what score.mjs reads)')
    .addHelpText('after', '\nExit codes: 0 scores at or above every threshold, 1 below a threshold (or a document failed), 2 usage error.')
    .action(async (gold: string, options: EvalOptions) => {
      if (options.show !== undefined && options.show !== 'errors') throw new KijiError('E_USAGE', `--show ${options.show}: the only choice is "errors"`);
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 0) throw new KijiError('E_USAGE', `--limit ${options.limit}: expected a whole number`);
      const types = parseTypes(options.types);
      const config = await getConfig();
      const minimums: Record<string, number> = { ...config.eval.min };
      for (const spec of options.min) {
        const [type, value] = parseMin(spec);
        minimums[type] = value;
      }
      const pipeline = await createPipeline(config);
      const showErrors = options.show === 'errors';
      const { docs, warnings, predictions, result } = await evaluate(pipeline, resolve(io.cwd, gold), { ...(types ? { types } : {}), outcomes: showErrors });
      if (options.savePred) writeFileSync(resolve(io.cwd, options.savePred), predictions.map((p) => JSON.stringify({ id: p.id, spans: p.spans })).join('\n') + '\n');
      const checks = checkThresholds(result.rows, types ? Object.fromEntries(Object.entries(minimums).filter(([t]) => types.includes(t))) : minimums);
      const failedDocs = predictions.filter((p) => p.error);
      const groups = showErrors ? groupOutcomesByRule(result.outcomes ?? []) : [];

      if (options.json) {
        writeLine(io.stdout, JSON.stringify({
          missingDocs: result.missingDocs,
          rows: result.rows,
          ...(checks.length ? { thresholds: checks } : {}),
          ...(failedDocs.length ? { failedDocs: failedDocs.map((p) => ({ id: p.id, ...p.error })) } : {}),
          ...(showErrors ? { errors: groups.map((g) => ({ rule: g.rule, counts: g.counts, items: g.items })) } : {}),
        }));
      } else {
        for (const line of formatScoreTable(result)) writeLine(io.stdout, line);
        if (checks.length) {
          writeLine(io.stdout);
          for (const c of checks) {
            const got = c.lenientF1 === null ? 'not scored (no spans of this type)' : `${(100 * c.lenientF1).toFixed(1)}`;
            writeLine(io.stdout, `${c.ok ? 'ok  ' : 'FAIL'} ${c.type} lenient F1 ${got} (minimum ${(100 * c.min).toFixed(1)})`);
          }
        }
        if (showErrors) {
          writeLine(io.stdout);
          const texts = new Map(docs.map((d) => [d.id, d.text]));
          for (const line of formatErrorGroups(groups, texts, limit)) writeLine(io.stdout, line);
        }
      }
      for (const w of warnings) writeLine(io.stderr, `kiji eval: warning: ${w}`);
      for (const p of failedDocs) writeLine(io.stderr, `kiji eval: ${p.id}: ${p.error!.code}: ${p.error!.message}`);
      setExit(checks.some((c) => !c.ok) || failedDocs.length > 0 ? EXIT_SOME_FAILED : EXIT_OK);
    });
}
