import type { KijiRecord } from '../schema/records.js';

/**
 * The evaluation contract's span shape (`kiji extract --jsonl`, `kiji eval`): what score.mjs reads
 * (start, end, type, text, value, mod), plus the fields users want (date kind and bounds, rule).
 */
export function toEvalSpan(record: KijiRecord): Record<string, unknown> {
  const { type, start, end, text, rule } = record;
  if (record.type === 'DATE') {
    const { value, mod, kind, startDate, endDate, stated, implied } = record;
    return { start, end, type, text, value, ...(mod ? { mod } : {}), kind, startDate, endDate, stated, implied, rule };
  }
  if (record.type === 'MONEY') {
    return { start, end, type, text, value: record.value, ...(record.value.mod ? { mod: record.value.mod } : {}), rule };
  }
  return { start, end, type, text, value: record.value, rule };
}
