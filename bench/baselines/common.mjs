// Shared plumbing for the baseline runners: JSONL in, JSONL out, reference dates, span checks.
// Each runner reads GOLD.jsonl lines `{id, text, ref?}` (other fields ignored) and writes one
// `{"id", "spans": [...]}` line per input line, in order, to stdout. A one-line summary goes to stderr.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Read a JSONL file; every non-empty line must be a JSON object with `id` and `text`. */
export function readDocs(path) {
  const docs = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let doc;
    try {
      doc = JSON.parse(lines[i]);
    } catch (e) {
      throw new Error(`${path}:${i + 1}: not JSON: ${e.message}`);
    }
    if (typeof doc.text !== 'string') throw new Error(`${path}:${i + 1}: no "text" string`);
    docs.push(doc);
  }
  return docs;
}

const REF_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?/;

/**
 * The reference date of a document as a `Date` whose *local* wall clock (the process runs in
 * Asia/Tokyo: each runner sets TZ before importing its date library) is the wall clock written in `ref`. An explicit offset (`+09:00`, `+0900`, `Z`) is
 * not converted: the article's own calendar day is what relative and year-less dates resolve against.
 * Returns undefined when `ref` is absent; throws when it is not ISO 8601.
 */
export function refToLocalDate(ref) {
  if (ref === undefined || ref === null || ref === '') return undefined;
  const m = REF_RE.exec(String(ref));
  if (!m) throw new Error(`reference date is not ISO 8601: ${JSON.stringify(ref)}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(date.getTime()) || date.getDate() !== Number(d)) throw new Error(`invalid reference date: ${ref}`);
  return date;
}

export const pad = (n, w = 2) => String(n).padStart(w, '0');

/**
 * Check a span reported by a tool against the raw text. `normalize` maps both sides to the tool's
 * own normalized form (tools that normalize full-width digits etc. report normalized `text`).
 * Returns `{start, end, how}` with end exclusive, where `how` is `exact`, `normalized`, `realigned`,
 * or `null` when the reported text is not found near the reported offsets.
 */
export function alignSpan(text, start, end, reported, normalize = (s) => s) {
  if (text.slice(start, end) === reported) return { start, end, how: 'exact' };
  const want = normalize(reported);
  if (normalize(text.slice(start, end)) === want) return { start, end, how: 'normalized' };
  // Search nearby windows of the same length (normalization above is length-preserving for
  // NFKC on CJK digits/letters; when it is not, this finds nothing and the span is dropped).
  const len = end - start;
  for (let delta = 1; delta <= 8; delta++) {
    for (const s of [start - delta, start + delta]) {
      for (const l of [len, len - delta, len + delta]) {
        if (s < 0 || l <= 0 || s + l > text.length) continue;
        if (normalize(text.slice(s, s + l)) === want) return { start: s, end: s + l, how: 'realigned' };
      }
    }
  }
  return null;
}

/** Count occurrences under a key. */
export class Counter {
  constructor() { this.m = new Map(); }
  add(k, n = 1) { this.m.set(k, (this.m.get(k) ?? 0) + n); }
  get(k) { return this.m.get(k) ?? 0; }
  toString() { return [...this.m].map(([k, v]) => `${k}=${v}`).join(' '); }
}

/**
 * Run a baseline: parse argv (`GOLD.jsonl` plus the options in `flags`), call `perDoc(doc)` for
 * every document and write its spans. `perDoc` may be async. Returns nothing; sets exit code.
 */
export async function runBaseline({ name, usage, flags = {}, setup, perDoc, summary }) {
  const argv = process.argv.slice(2);
  const opts = {};
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') { process.stdout.write(usage + '\n'); return; }
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      if (!(k in flags)) { process.stderr.write(`${name}: unknown option --${k}\n${usage}\n`); process.exitCode = 2; return; }
      opts[k] = flags[k] === 'boolean' ? true : inline ?? argv[++i];
      continue;
    }
    rest.push(a);
  }
  if (rest.length !== 1) { process.stderr.write(usage + '\n'); process.exitCode = 2; return; }
  const goldPath = rest[0];
  const docs = readDocs(goldPath);
  const ctx = (await setup?.(opts)) ?? {};
  const t0 = performance.now();
  let nSpans = 0;
  const out = [];
  const flush = () => { if (out.length) { process.stdout.write(out.join('')); out.length = 0; } };
  for (const doc of docs) {
    const spans = await perDoc(doc, ctx, opts);
    nSpans += spans.length;
    out.push(JSON.stringify({ id: doc.id, spans }) + '\n');
    if (out.length >= 256) flush();
  }
  flush();
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const extra = summary?.(ctx, opts);
  process.stderr.write(`${name}: ${basename(goldPath)}: ${docs.length} docs, ${nSpans} spans, ${secs}s${extra ? `; ${extra}` : ''}\n`);
}
