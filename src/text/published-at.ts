/**
 * The publication date a plain-text article states on a line of its own:
 * `公開日：2021年11月23日`, `配信日 2021/11/23 10:00`, `Published: 2021-11-23`,
 * `2021年11月23日 10時 配信`, or a bare date line at the top (`2011-10-02T10:00:00+0900`).
 * Labels live in src/data/published-at.ts.
 */
import {
  DATE_LINE_LABELS,
  DATE_LINE_SUFFIXES,
  LEADING_DATE_LINE_WINDOW,
  type DateLabel,
  type DateLabelKind,
} from '../data/published-at.js';
import { parseDateValue, parseDateValuePrefix } from './date-value.js';
import { alternation } from '../core/regex.js';

const labelAlternation = (labels: readonly DateLabel[]) => alternation(labels.map((l) => l.label));

// Lines are NFKC-normalized first, so ：【】 variants arrive as : and the brackets below.
const DECORATION = String.raw`[\s■□●○◆◇◎・*#>\-]*`;
const LABEL_LINE = new RegExp(
  String.raw`^${DECORATION}[【\[(<〈]?\s*(?<label>${labelAlternation(DATE_LINE_LABELS)})\s*[】\])>〉]?\s*[:=]?\s*`,
  'i',
);
const SUFFIX = new RegExp(String.raw`^\s*(?<label>${labelAlternation(DATE_LINE_SUFFIXES)})(?:日時|日)?\s*$`);

const kindOf = (labels: readonly DateLabel[], label: string): DateLabelKind =>
  labels.find((l) => l.label.toLowerCase() === label.toLowerCase())?.kind ?? 'published';

export function findPublishedAt(text: string): string | undefined {
  let leading: string | undefined;
  let updated: string | undefined;
  let nonEmptySeen = 0;

  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.normalize('NFKC').trim();
    if (line === '') continue;
    nonEmptySeen++;

    const found = labelledDate(line);
    if (found?.kind === 'published') return found.value;
    if (found && updated === undefined) updated = found.value;

    if (!found && leading === undefined && nonEmptySeen <= LEADING_DATE_LINE_WINDOW) {
      leading = parseDateValue(line);
    }
  }
  return leading ?? updated;
}

/**
 * True when the line states a labelled date (`公開日:2021/11/23`, `2021年11月23日 配信`) or is a date and
 * nothing else (`2021年11月23日`, the leading line findPublishedAt reads): a header line, not text or a title.
 */
export function isDateLine(line: string): boolean {
  const normalized = line.normalize('NFKC').trim();
  return labelledDate(normalized) !== undefined || parseDateValue(normalized) !== undefined;
}

/** `LABEL: DATE` or `DATE LABEL` on one line; no sentence may continue after the date. */
function labelledDate(line: string): { value: string; kind: DateLabelKind } | undefined {
  const labelled = LABEL_LINE.exec(line);
  if (labelled?.groups?.label) {
    const rest = line.slice(labelled[0].length);
    const date = parseDateValuePrefix(rest);
    if (date && isLineEnd(rest.slice(date.length))) {
      return { value: date.value, kind: kindOf(DATE_LINE_LABELS, labelled.groups.label) };
    }
  }
  const date = parseDateValuePrefix(line);
  const suffix = date ? SUFFIX.exec(line.slice(date.length)) : null;
  if (date && suffix?.groups?.label) return { value: date.value, kind: kindOf(DATE_LINE_SUFFIXES, suffix.groups.label) };
  return undefined;
}

/** After the date: nothing, or a separator before more header fields (`公開日：… | 更新日：…`), not a sentence. */
function isLineEnd(rest: string): boolean {
  return rest === '' || /^[\s|/,、\])】〉>]/.test(rest);
}

/**
 * A date in a file name (`2025-11-04-budget.txt`, `20251104_budget.html`, `budget.2025.11.04.md`), for
 * files that state none (config `fileNameDates`). Only a real calendar day counts; the first one wins.
 */
export function dateInFileName(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const m of name.matchAll(/(?<!\d)((?:19|20)\d\d)([-_.]?)(\d\d)\2(\d\d)(?!\d)/g)) {
    const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month >= 1 && month <= 12 && day >= 1 && day <= last) return `${m[1]}-${m[3]}-${m[4]}`;
  }
  return undefined;
}
