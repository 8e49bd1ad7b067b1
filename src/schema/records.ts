import { z } from 'zod';

/**
 * Records are the product: one zod schema per type, types inferred from them.
 * Offsets are UTF-16 code-unit indices into the article's raw text, end exclusive,
 * and `raw.slice(start, end) === text` holds for every record.
 */

import { RECORD_TYPES } from './record-types.js';

export { RECORD_TYPES };
export const RecordTypeSchema = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordTypeSchema>;

const spanBase = {
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
  /** Which rule produced the record, so a wrong record can be traced in one step. */
  rule: z.string().min(1),
};

// ---------------------------------------------------------------- DATE

/**
 * TIMEX3 modifiers used by kiji (START/MID/END for 上旬/中旬/下旬, 年初/年末 …). A length of time takes the money
 * qualifiers' names, as the shared gold does (`5年以上` AT_LEAST, `5年以内` UP_TO, `more than 20 years` MORE_THAN);
 * EQUAL_OR_LESS/EQUAL_OR_MORE are no longer emitted and stay only so that older records still validate.
 */
export const DateModSchema = z.enum(['START', 'MID', 'END', 'APPROX', 'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE', 'LESS_THAN', 'MORE_THAN', 'AT_LEAST', 'UP_TO']);
export type DateMod = z.infer<typeof DateModSchema>;

/** The calendar parts a date can state or imply. */
export const DatePartSchema = z.enum(['era', 'year', 'fiscalYear', 'half', 'quarter', 'season', 'month', 'week', 'day', 'weekday']);
export type DatePart = z.infer<typeof DatePartSchema>;

export const DateKindSchema = z.enum(['point', 'range', 'duration', 'set', 'vague']);
export type DateKind = z.infer<typeof DateKindSchema>;

const isoDay = z.string().regex(/^-?\d{4,}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');

export const DateRecordSchema = z.object({
  type: z.literal('DATE'),
  ...spanBase,
  /** TIMEX3-style value (`2025-11-02`, `2025-11`, `FY2025`, `1995/2025`, `P4Y`, `XXXX-11-02`); null when vague (近年, 最近). */
  value: z.string().min(1).nullable(),
  mod: DateModSchema.optional(),
  kind: DateKindSchema,
  /** First and last day covered (inclusive), for SQL filtering; absent when the year is unknown or for durations. */
  startDate: isoDay.optional(),
  endDate: isoDay.optional(),
  /** Parts written in the text … */
  stated: z.array(DatePartSchema),
  /** … and parts taken from the article's reference date. */
  implied: z.array(DatePartSchema),
}).strict();
export type DateRecord = z.infer<typeof DateRecordSchema>;

// ---------------------------------------------------------------- MONEY

export const MoneyModSchema = z.enum(['APPROX', 'MORE_THAN', 'AT_LEAST', 'LESS_THAN', 'UP_TO']);
export type MoneyMod = z.infer<typeof MoneyModSchema>;

/** An exact decimal string: digits, optional fraction, no exponent. */
const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'an exact decimal string');

export const MoneyValueSchema = z.object({
  /** The amount as a number (what score.mjs reads); null when vague (数百万円). */
  amount: z.number().nullable(),
  /** The same amount exactly, never through binary floating point. */
  amountText: decimalText.nullable(),
  /** Upper bound of a range (3億～4億円). */
  amountMax: z.number().optional(),
  amountMaxText: decimalText.optional(),
  /** ISO 4217 code. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
  mod: MoneyModSchema.optional(),
  /** 数百万円, 数十億ドル: an order of magnitude, not an amount. */
  vague: z.boolean().optional(),
}).strict();
export type MoneyValue = z.infer<typeof MoneyValueSchema>;

export const MoneyRecordSchema = z.object({
  type: z.literal('MONEY'),
  ...spanBase,
  value: MoneyValueSchema,
}).strict();
export type MoneyRecord = z.infer<typeof MoneyRecordSchema>;

// ---------------------------------------------------------------- ORG

/** Fine label where the head word says it; the coarse type is always ORG. */
export const OrgKindSchema = z.enum(['government', 'military', 'legislature', 'party', 'international', 'company', 'media', 'academic', 'other']);
export type OrgKind = z.infer<typeof OrgKindSchema>;

export const OrgValueSchema = z.object({
  /** Canonical name: for an alias (`ADMM+`) the full name it stands for. */
  name: z.string().min(1),
  kind: OrgKindSchema.optional(),
  /** True when this mention is an acronym or alias of `name`. */
  alias: z.boolean().optional(),
}).strict();
export type OrgValue = z.infer<typeof OrgValueSchema>;

export const OrgRecordSchema = z.object({
  type: z.literal('ORG'),
  ...spanBase,
  value: OrgValueSchema,
}).strict();
export type OrgRecord = z.infer<typeof OrgRecordSchema>;

// ---------------------------------------------------------------- AGREEMENT

export const AgreementKindSchema = z.enum(['treaty', 'agreement', 'memorandum', 'statement', 'declaration', 'charter', 'partnership', 'framework', 'code_of_conduct', 'other']);
export type AgreementKind = z.infer<typeof AgreementKindSchema>;

/**
 * What the linked date is to the agreement, read off its own clause: 署名/調印/書簡の交換/signed → signed,
 * 締結/結ぶ/concluded → concluded, 採択/adopted → adopted, 発表/発出/issued → issued, 発効/entered into force →
 * in_force; a partnership's 格上げ/樹立/upgraded/established → established; `dated` for a date written onto the name without a verb (`了解覚書(2011年)`, `a 2011 memorandum`).
 */
export const AgreementDateRelationSchema = z.enum(['signed', 'concluded', 'adopted', 'issued', 'established', 'in_force', 'dated']);
export type AgreementDateRelation = z.infer<typeof AgreementDateRelationSchema>;

export const AgreementValueSchema = z.object({
  kind: AgreementKindSchema,
  /** A DATE value (TIMEX) from the agreement's own clause; a signing (or adoption, issue) date is preferred to entry into force. */
  date: z.string().min(1).optional(),
  /** Which event `date` is; present exactly when `date` is. */
  dateRelation: AgreementDateRelationSchema.optional(),
  /** The parties (states, organisations) as the text names them: in the name (日米, between X and Y) or its clause. */
  parties: z.array(z.string().min(1)).optional(),
  /** For an alias or short form (`RCEP`, `日比RAA`, `以下「本協定」`): the full name it stands for. */
  name: z.string().min(1).optional(),
  /** True when this mention is an alias or short form of `name`. */
  alias: z.boolean().optional(),
  /**
   * The same agreement across articles: the normalized full name, plus `|` and the sorted canonical parties
   * when the name itself does not spell them (`防衛装備品・技術移転協定|日本+ベトナム` = `日越防衛装備品・技術移転協定`).
   */
  key: z.string().min(1).optional(),
}).strict().refine((v) => (v.date === undefined) === (v.dateRelation === undefined), { message: 'dateRelation goes with date', path: ['dateRelation'] });
export type AgreementValue = z.infer<typeof AgreementValueSchema>;

export const AgreementRecordSchema = z.object({
  type: z.literal('AGREEMENT'),
  ...spanBase,
  value: AgreementValueSchema,
}).strict();
export type AgreementRecord = z.infer<typeof AgreementRecordSchema>;

// ---------------------------------------------------------------- any record

export const KijiRecordSchema = z.discriminatedUnion('type', [DateRecordSchema, MoneyRecordSchema, OrgRecordSchema, AgreementRecordSchema]);
export type KijiRecord = z.infer<typeof KijiRecordSchema>;
export type RecordOf<T extends RecordType> = Extract<KijiRecord, { type: T }>;

export const LanguageSchema = z.enum(['ja', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const ArticleInputSchema = z.object({
  id: z.string().optional(),
  text: z.string(),
  /** Publication date (ISO date or date-time); relative and partial dates resolve against it. */
  publishedAt: z.string().optional(),
  /** Where the article came from (a path or URL), kept as provenance. */
  source: z.string().optional(),
  title: z.string().optional(),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

export const ArticleResultSchema = z.object({
  id: z.string(),
  source: z.string().optional(),
  title: z.string().optional(),
  lang: LanguageSchema,
  /** The reference date used (YYYY-MM-DD), or absent when none was known. */
  publishedAt: z.string().optional(),
  chars: z.number().int().nonnegative(),
  records: z.array(KijiRecordSchema),
});
export type ArticleResult = z.infer<typeof ArticleResultSchema>;
