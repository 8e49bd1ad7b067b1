/**
 * The span scorer of `../shared/eval/score.mjs`, as a library function: strict and lenient
 * precision/recall/F1 per type and value accuracy, with optional gold spans. Every comparison,
 * every count and every division is done in the same order as score.mjs, so the figures agree
 * to the last digit (test/eval/scorer.test.ts runs both). On top of the counts, `score()` can
 * return the individual outcomes (misses, false positives, boundary and value errors) for
 * `kiji eval --show errors`.
 */

/** One span as score.mjs reads it: offsets, type, value; anything else is carried along. */
export interface ScoreSpan {
  start: number;
  end: number;
  type: string;
  text?: string;
  value?: unknown;
  mod?: string;
  optional?: boolean;
  rule?: string;
  [key: string]: unknown;
}

export interface ScoreDoc {
  id: string | number;
  text?: string;
  ref?: string;
  spans?: ScoreSpan[];
}

export interface TypeCounts {
  gold: number;
  pred: number;
  strict: number;
  lenient: number;
  valued: number;
  valueOk: number;
  /** AGREEMENT links among lenient matches: gold spans with a date, those whose date agrees; gold parties, those found. */
  dateN: number;
  dateOk: number;
  partiesN: number;
  partiesOk: number;
}

/** One row of score.mjs `--json` output, same keys, same order. */
export interface ScoreRow {
  type: string;
  gold: number;
  pred: number;
  strictP: number;
  strictR: number;
  strictF1: number;
  lenientP: number;
  lenientR: number;
  lenientF1: number;
  valueAcc: number | null;
  valued: number;
  /** Only on rows with agreement links (score.mjs adds these four keys when a gold span has a date or parties). */
  linkDateAcc?: number | null;
  linkDateN?: number;
  linkPartiesRecall?: number | null;
  linkPartiesN?: number;
}

/** What happened to one span, for error listings. */
export type OutcomeKind = 'miss' | 'false-positive' | 'boundary' | 'value';

export interface Outcome {
  kind: OutcomeKind;
  docId: string;
  type: string;
  /** The gold span (miss, boundary, value). */
  gold?: ScoreSpan;
  /** The predicted span (false positive, boundary, value), or for a miss the prediction of another type overlapping it. */
  pred?: ScoreSpan;
}

export interface ScoreResult {
  missingDocs: number;
  rows: ScoreRow[];
  /** Only with `{ outcomes: true }`. */
  outcomes?: Outcome[];
}

export interface ScoreOptions {
  /** Score only these types (score.mjs `--types`). */
  types?: readonly string[];
  /** Also return the individual errors. */
  outcomes?: boolean;
}

const overlap = (a: ScoreSpan, b: ScoreSpan) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

// TIMEX writes unknown trailing parts as X ("2021-XX-XX" = "2021", "2021-07-XX" = "2021-07"): compare without them.
const timex = (v: unknown) => String(v).split('/').map((x) => x.replace(/(-XX)+$/, '')).join('/');

/** The value rule of score.mjs: null when the gold span has no value, else whether the prediction's value agrees. */
export function valueMatches(g: ScoreSpan, p: ScoreSpan): boolean | null {
  if (g.value === undefined) return null;
  if (p.value === undefined || p.value === null) return false;
  const gv = g.value as Record<string, unknown>;
  const pv = p.value as Record<string, unknown> | undefined;
  if (g.type === 'MONEY') {
    const ga = Number(gv.amount), pa = Number(pv?.amount);
    return Math.abs(ga - pa) <= 1e-9 * Math.max(1, Math.abs(ga)) && gv.currency === pv?.currency;
  }
  // AGREEMENT: the kind is the value; its date and parties are scored apart (agreementLinks).
  if (typeof g.value === 'object') {
    return 'kind' in gv ? gv.kind === pv?.kind : Object.keys(gv).filter((k) => k !== 'date' && k !== 'parties').every((k) => gv[k] === pv?.[k]);
  }
  return timex(g.value) === timex(p.value) && (g.mod === undefined || g.mod === p.mod);
}

// A gold party is found when a predicted party contains it or is contained in it, after NFKC, lower case,
// without a leading "the" and without spaces, 「・」 and dots (score.mjs's rule).
const partyKey = (x: unknown) => String(x).normalize('NFKC').toLowerCase().replace(/^the\s+/, '').replace(/[\s・.]/g, '');

/** Counts an agreement's links (signing date, parties) for one lenient match, as score.mjs does. */
export function agreementLinks(g: ScoreSpan, p: ScoreSpan, t: Pick<TypeCounts, 'dateN' | 'dateOk' | 'partiesN' | 'partiesOk'>): void {
  const gv = g.value as Record<string, unknown> | undefined;
  const pv = (p.value ?? {}) as Record<string, unknown>;
  if (!gv || typeof gv !== 'object') return;
  if (gv.date !== undefined) {
    t.dateN++;
    if (pv.date !== undefined && pv.date !== null && timex(gv.date) === timex(pv.date)) t.dateOk++;
  }
  if (Array.isArray(gv.parties) && gv.parties.length) {
    const have = (Array.isArray(pv.parties) ? pv.parties : []).map(partyKey);
    for (const party of gv.parties.map(partyKey)) {
      t.partiesN++;
      if (have.some((h) => h.includes(party) || party.includes(h))) t.partiesOk++;
    }
  }
}

const ratio = (n: number, d: number) => (d ? n / d : 0);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/**
 * Scores predictions against gold documents. `pred` is a list of documents (a later line with the
 * same id replaces an earlier one, as in score.mjs) or a map from id to spans. Documents are the
 * gold list; a prediction for an id not in gold is ignored.
 */
export function score(gold: readonly ScoreDoc[], pred: readonly ScoreDoc[] | ReadonlyMap<string, readonly ScoreSpan[]>, options: ScoreOptions = {}): ScoreResult {
  const predById: ReadonlyMap<string, readonly ScoreSpan[]> = Array.isArray(pred)
    ? new Map((pred as readonly ScoreDoc[]).map((d) => [String(d.id), d.spans ?? []]))
    : (pred as ReadonlyMap<string, readonly ScoreSpan[]>);
  const typeFilter = options.types;
  const outcomes: Outcome[] | undefined = options.outcomes ? [] : undefined;
  const stats: Record<string, TypeCounts> = {};
  const st = (t: string) => (stats[t] ??= { gold: 0, pred: 0, strict: 0, lenient: 0, valued: 0, valueOk: 0, dateN: 0, dateOk: 0, partiesN: 0, partiesOk: 0 });
  let missingDocs = 0;
  for (const doc of gold) {
    const id = String(doc.id);
    if (!predById.has(id)) missingDocs++;
    const keep = (s: ScoreSpan) => !typeFilter || typeFilter.includes(s.type);
    const g = (doc.spans ?? []).filter(keep);
    const allPred = predById.get(id) ?? [];
    const p = allPred.filter(keep);
    const required = g.filter((s) => !s.optional), optional = g.filter((s) => s.optional);
    const scored = p.filter((s) => !optional.some((o) => o.type === s.type && overlap(o, s) > 0) || required.some((r) => r.type === s.type && overlap(r, s) > 0));
    for (const s of required) st(s.type).gold++;
    for (const s of scored) st(s.type).pred++;
    // strict: identical type and boundaries (not one to one, as in score.mjs)
    const strictHit = new Set<ScoreSpan>();
    for (const r of required) {
      if (scored.some((s) => s.type === r.type && s.start === r.start && s.end === r.end)) {
        st(r.type).strict++;
        strictHit.add(r);
      }
    }
    // lenient: one-to-one by largest overlap, same type
    const pairs: [number, ScoreSpan, ScoreSpan][] = [];
    for (const r of required) for (const s of scored) if (r.type === s.type && overlap(r, s) > 0) pairs.push([overlap(r, s), r, s]);
    pairs.sort((a, b) => b[0] - a[0]);
    const usedG = new Set<ScoreSpan>(), usedP = new Set<ScoreSpan>();
    for (const [, r, s] of pairs) {
      if (usedG.has(r) || usedP.has(s)) continue;
      usedG.add(r);
      usedP.add(s);
      const t = st(r.type);
      t.lenient++;
      const ok = valueMatches(r, s);
      if (ok !== null) {
        t.valued++;
        if (ok) t.valueOk++;
      }
      if (r.type === 'AGREEMENT') agreementLinks(r, s, t);
      if (outcomes) {
        if (!strictHit.has(r)) outcomes.push({ kind: 'boundary', docId: id, type: r.type, gold: r, pred: s });
        if (ok === false) outcomes.push({ kind: 'value', docId: id, type: r.type, gold: r, pred: s });
      }
    }
    if (outcomes) {
      for (const r of required) {
        if (usedG.has(r)) continue;
        // A prediction of another type over the same text usually explains a miss (a DATE read as MONEY …).
        const other = allPred.filter((s) => s.type !== r.type && overlap(r, s) > 0).sort((a, b) => overlap(r, b) - overlap(r, a))[0];
        outcomes.push({ kind: 'miss', docId: id, type: r.type, gold: r, ...(other ? { pred: other } : {}) });
      }
      for (const s of scored) if (!usedP.has(s)) outcomes.push({ kind: 'false-positive', docId: id, type: s.type, pred: s });
    }
  }
  // Object.entries(...).sort() without a comparator, exactly as score.mjs orders its rows.
  const rows = Object.entries(stats).sort().map(([type, s]): ScoreRow => {
    const sp = ratio(s.strict, s.pred), sr = ratio(s.strict, s.gold), lp = ratio(s.lenient, s.pred), lr = ratio(s.lenient, s.gold);
    return {
      type, gold: s.gold, pred: s.pred, strictP: sp, strictR: sr, strictF1: f1(sp, sr), lenientP: lp, lenientR: lr, lenientF1: f1(lp, lr), valueAcc: s.valued ? s.valueOk / s.valued : null, valued: s.valued,
      ...(s.dateN || s.partiesN ? { linkDateAcc: s.dateN ? s.dateOk / s.dateN : null, linkDateN: s.dateN, linkPartiesRecall: s.partiesN ? s.partiesOk / s.partiesN : null, linkPartiesN: s.partiesN } : {}),
    };
  });
  return outcomes ? { missingDocs, rows, outcomes } : { missingDocs, rows };
}

/** The table score.mjs prints, line for line. */
export function formatScoreTable(result: ScoreResult): string[] {
  const pct = (x: number | null) => (x === null ? '   -  ' : (100 * x).toFixed(1).padStart(6));
  const lines = ['type        gold  pred  strictP strictR strictF1  lenP   lenR   lenF1  valueAcc(n)'];
  for (const r of result.rows) {
    lines.push(`${r.type.padEnd(10)} ${String(r.gold).padStart(5)} ${String(r.pred).padStart(5)}  ${pct(r.strictP)}  ${pct(r.strictR)}  ${pct(r.strictF1)}  ${pct(r.lenientP)} ${pct(r.lenientR)} ${pct(r.lenientF1)}  ${pct(r.valueAcc)} (${r.valued})`);
  }
  for (const r of result.rows) {
    if (r.linkDateN || r.linkPartiesN) lines.push(`${r.type} links among lenient matches: date ${pct(r.linkDateAcc ?? null)} (${r.linkDateN}), parties found ${pct(r.linkPartiesRecall ?? null)} (${r.linkPartiesN})`);
  }
  if (result.missingDocs) lines.push(`${result.missingDocs} gold document(s) had no prediction line`);
  return lines;
}
