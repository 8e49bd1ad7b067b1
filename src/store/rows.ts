import { timexDays } from '../core/timex.js';
import type { ArticleResult, KijiRecord } from '../schema/records.js';

/**
 * Pure conversion of pipeline output to the rows the store writes. It runs inside the workers,
 * so JSON serialization and the typed columns cost the writer thread nothing.
 */

/**
 * One `mentions` row, typed columns included (NULL where they do not apply). A date value has one stored
 * shape whichever record carries it: `dateValue` (TIMEX), `dateMod`, and the first and last day it covers
 * (`dateStart`/`dateEnd`) — a DATE's own, an AGREEMENT's the date of its clause.
 */
export interface MentionRow {
  type: KijiRecord['type'];
  start: number;
  end: number;
  text: string;
  rule: string;
  valueJson: string;
  dateValue: string | null;
  dateMod: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  amountText: string | null;
  amountMinor: bigint | null;
  amountMaxText: string | null;
  currency: string | null;
  moneyMod: string | null;
  orgName: string | null;
  orgKind: string | null;
  agreementKind: string | null;
  agreementRelation: string | null;
  agreementKey: string | null;
  parties: string[];
}

/** What is known about the file whatever happened to it. */
export interface ArticleSource {
  path: string;
  contentHash: string | null;
  bytes: number | null;
  format?: string | null;
  encoding?: string | null;
  /** The file's stat when its bytes were read, if old enough to trust (src/batch/file-hash.ts `fileStamp`); lets the next run skip it unread. */
  fileStat?: string | null;
}

export interface OkArticle extends ArticleSource {
  status: 'ok';
  title: string | null;
  publishedAt: string | null;
  lang: string;
  chars: number;
  /** The decoded text every offset points into. */
  text: string;
  mentions: MentionRow[];
  /** The article's gram tokens (grams.ts), when the worker computed them; else the SQLite writer does. */
  grams?: string;
}

export interface FailedArticle extends ArticleSource {
  status: 'failed';
  errorCode: string;
  error: string;
  /** The config hash the failure depends on, when not the run's (a timeout also depends on the time limit). */
  configHash?: string;
}

export type StoredArticle = OkArticle | FailedArticle;

/**
 * ISO 4217 minor-unit exponents that are not 2. Anything else (USD, EUR, GBP, CNY, …) uses 2.
 * Kept beside the store because only `amount_minor` needs it.
 */
const MINOR_UNIT_EXPONENT: Readonly<Record<string, number>> = {
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, PYG: 0, UGX: 0, XAF: 0, XOF: 0, XPF: 0, KMF: 0, GNF: 0, DJF: 0, RWF: 0, VUV: 0, BIF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

export function minorUnitExponent(currency: string): number {
  return MINOR_UNIT_EXPONENT[currency] ?? 2;
}

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * An exact decimal string in the currency's minor unit as a 64-bit integer: `"9007199254740993"` JPY →
 * 9007199254740993n; `"12.5"` USD → 1250n. NULL when it has more decimals than the currency has
 * (a fraction of a cent) or does not fit in 64 bits.
 */
export function amountInMinorUnits(amountText: string | null | undefined, currency: string): bigint | null {
  if (amountText == null) return null;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amountText);
  if (!match) return null;
  const exponent = minorUnitExponent(currency);
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return null;
  const minor = BigInt(match[2]! + fraction.padEnd(exponent, '0')) * (match[1] ? -1n : 1n);
  return minor > INT64_MAX || minor < INT64_MIN ? null : minor;
}

export function mentionRow(record: KijiRecord): MentionRow {
  const row: MentionRow = {
    type: record.type,
    start: record.start,
    end: record.end,
    text: record.text,
    rule: record.rule,
    valueJson: '',
    dateValue: null,
    dateMod: null,
    dateStart: null,
    dateEnd: null,
    amountText: null,
    amountMinor: null,
    amountMaxText: null,
    currency: null,
    moneyMod: null,
    orgName: null,
    orgKind: null,
    agreementKind: null,
    agreementRelation: null,
    agreementKey: null,
    parties: [],
  };
  switch (record.type) {
    case 'DATE': {
      const { value, mod, kind, startDate, endDate, stated, implied } = record;
      row.valueJson = JSON.stringify({ value, mod, kind, startDate, endDate, stated, implied });
      row.dateValue = value;
      row.dateMod = mod ?? null;
      row.dateStart = startDate ?? null;
      row.dateEnd = endDate ?? null;
      break;
    }
    case 'MONEY': {
      const v = record.value;
      row.valueJson = JSON.stringify(v);
      row.amountText = v.amountText;
      row.amountMinor = amountInMinorUnits(v.amountText, v.currency);
      row.amountMaxText = v.amountMaxText ?? null;
      row.currency = v.currency;
      row.moneyMod = v.mod ?? null;
      break;
    }
    case 'ORG':
      row.valueJson = JSON.stringify(record.value);
      row.orgName = record.value.name;
      row.orgKind = record.value.kind ?? null;
      break;
    case 'AGREEMENT':
      row.valueJson = JSON.stringify(record.value);
      row.agreementKind = record.value.kind;
      if (record.value.date !== undefined) {
        // The linked DATE's days, read off its value (core/timex.ts gives the same days the dates stages do).
        const days = timexDays(record.value.date);
        row.dateValue = record.value.date;
        row.dateStart = days?.start ?? null;
        row.dateEnd = days?.end ?? null;
      }
      row.agreementRelation = record.value.dateRelation ?? null;
      row.agreementKey = record.value.key ?? null;
      row.parties = record.value.parties ?? [];
      break;
  }
  return row;
}

/** What a `mentions` row needs to give its record back. */
export interface StoredMention {
  type: string;
  start: number;
  end: number;
  text: string;
  rule: string;
  /** value_json, parsed. */
  value: unknown;
}

/**
 * The record a `mentions` row was written from, in the zod schema's shape (the inverse of mentionRow):
 * the one shape kiji prints everywhere (extract, query --json, export jsonl, the library).
 */
export function recordOfRow(row: StoredMention): KijiRecord {
  const base = { type: row.type, start: row.start, end: row.end, text: row.text, rule: row.rule };
  // A DATE's value, mod, kind, days and parts are the record's own fields; other types keep a value object.
  // Not parsed again: every record was checked against its schema before it was stored.
  return (row.type === 'DATE' ? { ...base, ...(row.value as object) } : { ...base, value: row.value }) as KijiRecord;
}

/** `text`: the decoded text the pipeline read (what `raw.slice(start, end)` is taken from). */
export function okArticle(source: ArticleSource, result: ArticleResult, text: string): OkArticle {
  return {
    ...source,
    status: 'ok',
    title: result.title ?? null,
    publishedAt: result.publishedAt ?? null,
    lang: result.lang,
    chars: result.chars,
    text,
    mentions: result.records.map(mentionRow),
  };
}
