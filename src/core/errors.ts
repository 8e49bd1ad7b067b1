/**
 * Every error kiji raises on purpose carries a stable code (for scripts and the database)
 * and a message a user can act on.
 */
export const ERROR_CODES = {
  E_CONFIG: 'the configuration file is invalid',
  E_CONFIG_LOAD: 'the configuration file could not be loaded',
  E_USAGE: 'the command line is invalid',
  E_READ: 'the file could not be read',
  E_EMPTY: 'the file is empty',
  E_BINARY: 'the file is binary, not text',
  E_DECODE: 'the bytes could not be decoded in any supported encoding',
  E_TOO_LARGE: 'the file is larger than the configured limit',
  E_NO_TEXT: 'no article text was found',
  E_TOKENIZE: 'the tokenizer did not reconstruct the input',
  E_STAGE_ORDER: 'a stage requires a layer that no earlier stage provides',
  E_OFFSET: 'a record does not satisfy raw.slice(start, end) === text',
  E_SCHEMA: 'a record does not validate against its schema',
  E_DB: 'the database could not be opened or written',
  E_DB_LOCKED: 'another kiji run holds the database',
  E_WRITE: 'an output file or folder could not be written',
  E_TIMEOUT: 'processing the article took longer than articleTimeoutMs',
  E_MODEL: 'a model file is missing, damaged or stale',
  E_QUEUE: 'the job queue (Redis) could not be reached or used',
  E_JOB_FAILED: 'the queue gave up on the article after its retries',
  E_VERSION: 'a worker runs another kiji version or config than the run that queued the article',
  E_INTERNAL: 'an unexpected internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class KijiError extends Error {
  override readonly name = 'KijiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Turns anything thrown into a code and a one-line reason, for summaries and the `articles.error` column. */
export function describeError(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof KijiError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'E_INTERNAL', message };
}
