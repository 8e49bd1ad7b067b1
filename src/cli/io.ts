import type { Readable, Writable } from 'node:stream';

/** The streams a command writes to: the real ones from the bin shim, captured ones in tests. */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  cwd: string;
}

export const EXIT_OK = 0;
/** Some articles failed; the rest were processed. */
export const EXIT_SOME_FAILED = 1;
/** Usage error or fatal error. */
export const EXIT_FATAL = 2;

export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}
