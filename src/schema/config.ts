import { z } from 'zod';
import { KijiError } from '../core/errors.js';
import { parseReferenceDate } from '../core/reference-date.js';
import { AgreementKindSchema, OrgKindSchema, RecordTypeSchema } from './records.js';

/** The config schema is the single source of truth: the types below are inferred from it. */

/** Default size limit for one article file (see `maxFileBytes`). */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

export const OrgLexiconEntrySchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  kind: OrgKindSchema.optional(),
}).strict();

export const AgreementHeadEntrySchema = z.object({
  head: z.string().min(1),
  kind: AgreementKindSchema,
}).strict();

export const StageSwitchesSchema = z.object({
  dates: z.boolean().default(true),
  money: z.boolean().default(true),
  orgs: z.boolean().default(true),
  agreements: z.boolean().default(true),
}).strict();

export const KijiConfigSchema = z.object({
  /** Folders or files `kiji run` reads when none are given on the command line. */
  inputs: z.array(z.string().min(1)).default([]),
  /** SQLite database path. */
  database: z.string().min(1).default('kiji.sqlite'),
  /** File extensions read from folders. */
  extensions: z.array(z.string().regex(/^\.[a-z0-9]+$/i, 'an extension like ".txt"')).default(['.txt', '.html', '.htm', '.md']),
  /** Which extractors run; a disabled extractor's dependants (agreements need orgs and dates for links) still run without links. */
  stages: StageSwitchesSchema.default({ dates: true, money: true, orgs: true, agreements: true }),
  /** Article language: detected from the script ratio, or forced. */
  language: z.enum(['auto', 'ja', 'en']).default('auto'),
  /** Worker threads for `kiji run` (default: the number of cores). */
  concurrency: z.number().int().positive().optional(),
  /**
   * Files larger than this are recorded as failed (E_TOO_LARGE) instead of read. A news article is tens of
   * kilobytes; 8 MiB leaves room for heavy HTML pages while a 50 MB dump cannot take a worker's memory
   * (tokens and records of one file cost ~50 bytes per character). Raise it for unusual inputs.
   */
  maxFileBytes: z.number().int().positive().default(DEFAULT_MAX_FILE_BYTES),
  /**
   * The longest one article may take in `kiji run` (milliseconds). A news article takes well under a
   * second; an article over the limit is recorded as failed (E_TIMEOUT), its worker is replaced, and
   * the batch goes on.
   */
  articleTimeoutMs: z.number().int().positive().default(60_000),
  orgs: z.object({
    /**
     * Organisations are found by the trained tagger (src/data/models/orgs.bin), with the rules as its features
     * and for names and aliases; false brings back the rules alone, for comparison.
     */
    model: z.boolean().default(true),
  }).strict().default({ model: true }),
  /**
   * For files that state no publication date (no date line, no <time>/meta tag): take it from a date in
   * the file name — `2025-11-04-budget.txt`, `20251104_budget.html`, `budget.2025.11.04.md`.
   */
  fileNameDates: z.boolean().default(false),
  /**
   * The publication date of every article read, over what the files state (`kiji run FILE --published-at`
   * sets it for one file). YYYY-MM-DD.
   */
  publishedAt: z.string().refine((v) => parseReferenceDate(v) !== undefined, { message: 'a date YYYY-MM-DD' }).optional(),
  lexicons: z.object({
    /** Extra organisation names (with aliases and kind) on top of the built-in lexicon. */
    organisations: z.array(OrgLexiconEntrySchema).default([]),
    /** Extra agreement head words on top of the built-in ones. */
    agreementHeads: z.array(AgreementHeadEntrySchema).default([]),
  }).strict().default({ organisations: [], agreementHeads: [] }),
  eval: z.object({
    /** Minimum lenient F1 per type for `kiji eval` (exit code 1 below it). */
    min: z.partialRecord(RecordTypeSchema, z.number().min(0).max(1)).default({}),
  }).strict().default({ min: {} }),
}).strict();

export type KijiConfig = z.output<typeof KijiConfigSchema>;
export type KijiConfigInput = z.input<typeof KijiConfigSchema>;

/** Gives `pipeline.config.ts` its types; the value is validated when loaded. */
export function defineConfig(config: KijiConfigInput): KijiConfigInput {
  return config;
}

/** Validates a config object; errors name the offending key and where it came from. */
export function parseConfig(input: unknown, source = 'config'): KijiConfig {
  const result = KijiConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => (path ? `${path}.${key}` : key));
      return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
    }
    return `${path || '(root)'}: ${issue.message}`;
  });
  throw new KijiError('E_CONFIG', `${source}: ${problems.join('; ')}`, { issues: result.error.issues });
}
