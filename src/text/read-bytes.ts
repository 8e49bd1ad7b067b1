/**
 * A file's bytes with the checks every reader of articles makes (a regular file, not over maxBytes) and
 * their errors (E_READ, E_TOO_LARGE). Apart from decoding, so that a run's main thread, which reads a
 * known file to see whether it changed, does not load the decoders.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { KijiError } from '../core/errors.js';
import { READ_ERROR_WORDS } from '../data/article-formats.js';

export async function readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    checkFile(path, await stat(path), maxBytes);
    return checkSize(path, await readFile(path), maxBytes);
  } catch (error) {
    throw asReadError(path, error);
  }
}

/** A file's bytes, with the same checks and errors (E_READ, E_TOO_LARGE) as reading an article. */
export function readBytesSync(path: string, maxBytes: number): Uint8Array {
  try {
    checkFile(path, statSync(path), maxBytes);
    return checkSize(path, readFileSync(path), maxBytes);
  } catch (error) {
    throw asReadError(path, error);
  }
}

function checkFile(path: string, info: Stats, maxBytes: number): void {
  if (info.isDirectory()) throw readError(path, 'EISDIR');
  if (!info.isFile()) throw new KijiError('E_READ', `${path}: cannot read: not a regular file`, { path });
  if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
}

/** The file may have grown since stat(). */
function checkSize(path: string, bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes.length > maxBytes) throw tooLarge(path, bytes.length, maxBytes);
  return bytes;
}

function asReadError(path: string, error: unknown): KijiError {
  if (error instanceof KijiError) return error;
  return readError(path, (error as NodeJS.ErrnoException | undefined)?.code, error);
}

function readError(path: string, code: string | undefined, cause?: unknown): KijiError {
  const words = (code && READ_ERROR_WORDS[code]) ?? (cause instanceof Error ? cause.message : 'unknown error');
  return new KijiError('E_READ', `${path}: cannot read: ${words}${code ? ` (${code})` : ''}`, { path, errno: code }, { cause });
}

function tooLarge(path: string, size: number, maxBytes: number): KijiError {
  return new KijiError('E_TOO_LARGE', `${path}: ${size} bytes is over the limit of ${maxBytes} bytes`, {
    path,
    bytes: size,
    maxBytes,
  });
}
