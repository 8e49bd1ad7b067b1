import { createHash } from 'node:crypto';
import type { KijiConfig } from '../schema/config.js';

/** JSON with sorted keys, so the same config always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The part of the config that changes what is extracted from an article: stages, language and
 * lexicons. Where the files are, where the database is and how many workers run do not count, so
 * changing them does not re-process anything.
 */
export function extractionConfig(config: KijiConfig): Record<string, unknown> {
  // The reference date changes what relative dates resolve to: a given one, or one taken from file names.
  return { stages: config.stages, language: config.language, lexicons: config.lexicons, publishedAt: config.publishedAt, fileNameDates: config.fileNameDates || undefined };
}

export function configHash(config: KijiConfig): string {
  return createHash('sha256').update(stableJson(extractionConfig(config))).digest('hex').slice(0, 16);
}

/**
 * What a failure that cost a worker (over `articleTimeoutMs`, out of the heap `maxFileBytes` sets) depends
 * on besides the bytes and the pipeline: the extraction config and those limits. Stored with such a failure,
 * so raising a limit tries the article again and nothing else does.
 */
export function limitsConfigHash(config: KijiConfig): string {
  const limits = { articleTimeoutMs: config.articleTimeoutMs, maxFileBytes: config.maxFileBytes };
  return createHash('sha256').update(stableJson({ ...extractionConfig(config), limits })).digest('hex').slice(0, 16);
}
