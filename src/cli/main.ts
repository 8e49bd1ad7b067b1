import { type Command, Command as CommandClass, CommanderError } from 'commander';
import { loadConfig } from '../config/load.js';
import { describeError, KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { PIPELINE_VERSION } from '../version.js';
import { EXIT_FATAL, EXIT_OK, type CliIO, writeLine } from './io.js';

type CommandFactory = (io: CliIO, getConfig: () => Promise<KijiConfig>, setExit: (code: number) => void) => Promise<Command>;

/**
 * Every command, imported when it is used: `kiji run` does not load the pipeline, the report writer or
 * the queue client (a re-run with nothing to do was mostly module loading).
 */
const COMMANDS: Readonly<Record<string, CommandFactory>> = {
  run: async (io, getConfig, setExit) => (await import('./run.js')).runCommand(io, getConfig, setExit),
  extract: async (io, getConfig, setExit) => (await import('./extract.js')).extractCommand(io, getConfig, setExit),
  eval: async (io, getConfig, setExit) => (await import('./eval.js')).evalCommand(io, getConfig, setExit),
  fixtures: async (io, getConfig, setExit) => (await import('./fixtures.js')).fixturesCommand(io, getConfig, setExit),
  inspect: async (io) => (await import('./inspect.js')).inspectCommand(io),
  query: async (io) => (await import('./query.js')).queryCommand(io),
  export: async (io) => (await import('./export.js')).exportCommand(io),
  report: async (io) => (await import('./report.js')).reportCommand(io),
  prune: async (io) => (await import('./prune.js')).pruneCommand(io),
  train: async (io) => (await import('./train.js')).trainCommand(io),
  worker: async (io, getConfig) => (await import('./worker.js')).workerCommand(io, getConfig),
  status: async (io) => (await import('./status.js')).statusCommand(io),
};

/** The command argv names (its first word that is not an option or --config's value), when it is one of ours; else all (help, typos). */
function commandsFor(argv: readonly string[]): string[] {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config') i++;
    else if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) ? [arg] : Object.keys(COMMANDS);
  }
  return Object.keys(COMMANDS);
}

/**
 * The whole CLI as a function: argv in, exit code out. Only the bin shim touches process.exitCode,
 * so tests call this with captured streams.
 */
/**
 * Where commander writes: help to stdout; its own parse errors (an unknown command or option, a
 * missing argument) as kiji writes every mistake, a code and what to do: `kiji: E_USAGE: … (see kiji run --help)`.
 */
function output(io: CliIO, help: string) {
  return {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
    outputError: (text: string, write: (s: string) => void) => write(`kiji: E_USAGE: ${text.replace(/^error:\s*/, '').trimEnd()} (see \`${help}\`)\n`),
  };
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = EXIT_OK;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new CommandClass('kiji')
    .description('typed, queryable records (dates, money, organisations, agreements) from folders of news articles')
    .version(PIPELINE_VERSION)
    .option('--config <file>', 'config file (default: the nearest kiji.config.{ts,mjs,js,json} or pipeline.config.* in this folder or one above)')
    .option('--debug', 'print the stack trace of an unexpected error')
    .exitOverride()
    .configureOutput(output(io, 'kiji --help'));
  let cached: Promise<KijiConfig> | undefined;
  const getConfig = () => (cached ??= loadConfig(program.opts<{ config?: string }>().config, io.cwd).then((r) => r.config));
  const commands = await Promise.all(commandsFor(argv).map((name) => COMMANDS[name]!(io, getConfig, setExit)));
  for (const command of commands) {
    program.addCommand(command.exitOverride().configureHelp({ showGlobalOptions: true }).configureOutput(output(io, `kiji ${command.name()} --help`)));
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
