import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config/load.js';
import { describeError, KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { PIPELINE_VERSION } from '../version.js';
import { evalCommand } from './eval.js';
import { extractCommand } from './extract.js';
import { exportCommand } from './export.js';
import { fixturesCommand } from './fixtures.js';
import { inspectCommand } from './inspect.js';
import { pruneCommand } from './prune.js';
import { queryCommand } from './query.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { trainCommand } from './train.js';
import { statusCommand } from './status.js';
import { workerCommand } from './worker.js';
import { EXIT_FATAL, EXIT_OK, type CliIO, writeLine } from './io.js';

/**
 * The whole CLI as a function: argv in, exit code out. Only the bin shim touches process.exitCode,
 * so tests call this with captured streams.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = EXIT_OK;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command('kiji')
    .description('typed, queryable records (dates, money, organisations, agreements) from folders of news articles')
    .version(PIPELINE_VERSION)
    .option('--config <file>', 'pipeline config file (default: ./pipeline.config.ts when present)')
    .option('--debug', 'print the stack trace of an unexpected error')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  let cached: Promise<KijiConfig> | undefined;
  const getConfig = () => (cached ??= loadConfig(program.opts<{ config?: string }>().config, io.cwd).then((r) => r.config));
  for (const command of [runCommand(io, getConfig, setExit), extractCommand(io, getConfig, setExit), evalCommand(io, getConfig, setExit), fixturesCommand(io, getConfig, setExit), inspectCommand(io), queryCommand(io), exportCommand(io), reportCommand(io), pruneCommand(io), trainCommand(io), workerCommand(io, getConfig), statusCommand(io)]) {
    program.addCommand(command.exitOverride().configureHelp({ showGlobalOptions: true }).configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) }));
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_FATAL;
    }
    const { code, message } = describeError(error);
    writeLine(io.stderr, `kiji: ${code}: ${message}`);
    // A user's mistake is a code and a sentence; a stack trace is for kiji's own bugs, and only on request.
    if (!(error instanceof KijiError) && error instanceof Error && error.stack) {
      if (program.opts<{ debug?: boolean }>().debug) writeLine(io.stderr, error.stack);
      else writeLine(io.stderr, 'kiji: this is a bug in kiji; run the same command with --debug for the stack trace, and report it');
    }
    return EXIT_FATAL;
  }
}
