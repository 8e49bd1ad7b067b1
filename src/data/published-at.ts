/**
 * Words that mark a publication date in article text and markup. Data, not code:
 * published-at.ts and html.ts build their matchers from these tables.
 */

/** `published` dates win over `updated` ones when an article has both. */
export type DateLabelKind = 'published' | 'updated';

export interface DateLabel {
  readonly label: string;
  readonly kind: DateLabelKind;
}

/** Labels that precede a date on its own line: `公開日：2021年11月23日`, `Published: 2021-11-23`. Matched case-insensitively. */
export const DATE_LINE_LABELS: readonly DateLabel[] = [
  { label: '公開日時', kind: 'published' },
  { label: '公開日', kind: 'published' },
  { label: '公開', kind: 'published' },
  { label: '配信日時', kind: 'published' },
  { label: '配信日', kind: 'published' },
  { label: '配信', kind: 'published' },
  { label: '掲載日時', kind: 'published' },
  { label: '掲載日', kind: 'published' },
  { label: '掲載', kind: 'published' },
  { label: '発行日', kind: 'published' },
  { label: '発行', kind: 'published' },
  { label: '発表日', kind: 'published' },
  { label: '投稿日時', kind: 'published' },
  { label: '投稿日', kind: 'published' },
  { label: '日付', kind: 'published' },
  { label: 'Published on', kind: 'published' },
  { label: 'Published', kind: 'published' },
  { label: 'Posted on', kind: 'published' },
  { label: 'Posted', kind: 'published' },
  { label: 'Date', kind: 'published' },
  { label: '最終更新日時', kind: 'updated' },
  { label: '最終更新日', kind: 'updated' },
  { label: '更新日時', kind: 'updated' },
  { label: '更新日', kind: 'updated' },
  { label: '更新', kind: 'updated' },
  { label: 'Last updated', kind: 'updated' },
  { label: 'Updated', kind: 'updated' },
  { label: 'Modified', kind: 'updated' },
];

/** Words that may follow a date on its own line: `2021年11月23日 10時00分 配信`. */
export const DATE_LINE_SUFFIXES: readonly DateLabel[] = [
  { label: '配信', kind: 'published' },
  { label: '公開', kind: 'published' },
  { label: '掲載', kind: 'published' },
  { label: '発行', kind: 'published' },
  { label: '投稿', kind: 'published' },
  { label: '更新', kind: 'updated' },
];

/** How many non-empty lines at the top may be a bare date line (`2011-10-02T10:00:00+0900`). */
export const LEADING_DATE_LINE_WINDOW = 5;

/** English month names and abbreviations, for `November 23, 2021` and RFC 2822 `23 Nov 2021`. */
export const ENGLISH_MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** Words before an hour that say which half of the day it is in (`午後3時`, `PM 3:00`), as hours to add. */
export const HALF_DAY_HOURS: Readonly<Record<string, number>> = {
  午前: 0,
  午後: 12,
  AM: 0,
  PM: 12,
};

/** Time-zone names that may follow a time, as UTC offsets. */
export const TIME_ZONE_OFFSETS: Readonly<Record<string, string>> = {
  Z: '+00:00',
  UTC: '+00:00',
  UT: '+00:00',
  GMT: '+00:00',
  JST: '+09:00',
};

/** `<meta>` names/properties that carry the publication date, best first. */
export const PUBLISHED_META_KEYS: readonly string[] = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.issued',
  'dcterms.created',
  'sailthru.date',
  'citation_publication_date',
];
