/**
 * One short, readable form of a record's normalized value, used wherever a value is shown on one
 * line: the eval error list, the fixture diff, inspect, query, CSV export and the HTML report.
 *   DATE 2025-11 START · MONEY 約5000万円 → 50000000 JPY APPROX · ORG → canonical name (kind) · AGREEMENT memorandum 2025-11-02
 */
export interface ValueCarrier {
  type: string;
  value?: unknown;
  mod?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function describeValue(record: ValueCarrier): string {
  const { type, value } = record;
  if (value === undefined || value === null) return record.mod ? str(record.mod) : '';
  if (typeof value !== 'object' || Array.isArray(value)) return `${str(value)}${record.mod ? ` ${str(record.mod)}` : ''}`;
  const v = value as Record<string, unknown>;
  if (type === 'MONEY') {
    const amount = v.amountText ?? v.amount;
    const mod = v.mod ?? record.mod;
    const body = amount === null || amount === undefined ? (v.vague ? 'vague' : '?') : str(amount);
    return `${body}${v.amountMaxText ?? v.amountMax ? `–${str(v.amountMaxText ?? v.amountMax)}` : ''} ${str(v.currency)}${mod ? ` ${str(mod)}` : ''}`;
  }
  if (type === 'DATE') {
    // The store keeps a DATE's whole value object ({value, mod, kind, startDate, …}).
    const mod = v.mod ?? record.mod;
    return `${v.value === null || v.value === undefined ? 'vague' : str(v.value)}${mod ? ` ${str(mod)}` : ''}`;
  }
  if (type === 'ORG') return v.name !== undefined ? `${str(v.name)}${v.kind ? ` (${str(v.kind)})` : ''}` : JSON.stringify(v);
  if (type === 'AGREEMENT') return `${str(v.kind)}${v.date ? ` ${str(v.date)}` : ''}`;
  return JSON.stringify(v);
}
