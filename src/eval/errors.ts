import { describeValue } from '../report/values.js';
import { contextSnippet } from './context.js';
import type { Outcome, OutcomeKind, ScoreSpan } from './score.js';

/**
 * Misses and false positives grouped by the rule that made (or failed to make) them, each with the
 * text around it: the rule is where a fix starts. A miss is filed under the rule of a prediction of
 * another type over the same text (the likely thief) or under "(nothing predicted)".
 */
export const NO_RULE = '(nothing predicted)';

export interface ErrorGroup {
  rule: string;
  counts: Record<OutcomeKind, number>;
  items: Outcome[];
}

export function groupOutcomesByRule(outcomes: readonly Outcome[]): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const outcome of outcomes) {
    const rule = outcome.pred?.rule ?? NO_RULE;
    let group = groups.get(rule);
    if (!group) groups.set(rule, (group = { rule, counts: { miss: 0, 'false-positive': 0, boundary: 0, value: 0 }, items: [] }));
    group.counts[outcome.kind]++;
    group.items.push(outcome);
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.rule.localeCompare(b.rule));
}

const LABEL: Record<OutcomeKind, string> = { miss: 'MISS ', 'false-positive': 'FP   ', boundary: 'SPAN ', value: 'VALUE' };
const PLURAL: Record<OutcomeKind, string> = { miss: 'missed', 'false-positive': 'false positive', boundary: 'boundary', value: 'wrong value' };

/** A value as a short string: TIMEX (+mod), amount currency, kind. */
export function shortValue(span: ScoreSpan | undefined): string {
  return (span && describeValue(span)) || '-';
}

/** Human-readable lines for `--show errors`; `limit` caps the examples printed per group. */
export function formatErrorGroups(groups: readonly ErrorGroup[], texts: ReadonlyMap<string, string>, limit = 20): string[] {
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const lines = [`errors by rule (${total}: misses, false positives, boundary and value errors)`];
  for (const group of groups) {
    const summary = (Object.keys(group.counts) as OutcomeKind[]).filter((k) => group.counts[k]).map((k) => `${group.counts[k]} ${PLURAL[k]}`).join(', ');
    lines.push('', `${group.rule}  (${summary})`);
    for (const item of group.items.slice(0, limit)) {
      const text = texts.get(item.docId);
      const anchor = item.kind === 'false-positive' ? item.pred! : item.gold!;
      let detail = '';
      if (item.kind === 'miss') detail = `gold ${shortValue(item.gold)}${item.pred ? `; predicted as ${item.pred.type} "${item.pred.text ?? ''}"` : ''}`;
      else if (item.kind === 'false-positive') detail = `predicted ${shortValue(item.pred)}`;
      else if (item.kind === 'boundary') detail = `predicted "${item.pred!.text ?? text?.slice(item.pred!.start, item.pred!.end) ?? ''}" [${item.pred!.start},${item.pred!.end})`;
      else detail = `gold ${shortValue(item.gold)} ≠ predicted ${shortValue(item.pred)}`;
      lines.push(`  ${LABEL[item.kind]} ${item.type.padEnd(9)} ${item.docId}  ${contextSnippet(text, anchor.start, anchor.end)}  ${detail}`);
    }
    if (group.items.length > limit) lines.push(`  … ${group.items.length - limit} more`);
  }
  return lines;
}
