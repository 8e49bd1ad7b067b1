import type { Readable, Writable } from 'node:stream';

/** The streams a command writes to: the real ones from the bin shim, captured ones in tests. */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  cwd: string;
  /** The environment (NO_COLOR, FORCE_COLOR); default process.env. */
  env?: Record<string, string | undefined>;
}

/**
 * Colours on `stream`? An explicit --color/--no-color wins; then NO_COLOR (any non-empty value:
 * no-color.org) and FORCE_COLOR (non-empty and not 0); else whether the stream is a terminal.
 */
export function useColor(io: CliIO, stream: { isTTY?: boolean }, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const env = io.env ?? process.env;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return Boolean(stream.isTTY);
}

export const EXIT_OK = 0;
/** Some articles failed; the rest were processed. */
export const EXIT_SOME_FAILED = 1;
/** Usage error or fatal error. */
export const EXIT_FATAL = 2;

export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}
