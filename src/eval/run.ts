import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { toEvalSpan } from './spans.js';
import { DOCUMENTS_PER_BATCH, type Pipeline } from '../pipeline.js';
import { KijiError, describeError } from '../core/errors.js';
import { readArticleFile } from '../text/read-article.js';
import { type ScoreDoc, type ScoreResult, type ScoreRow, type ScoreSpan, score } from './score.js';

/**
 * `kiji eval` without the CLI: gold documents in, the pipeline's predictions and the scores out.
 * Gold is a JSONL file of `{id, text, ref?, spans}` lines, or a fixtures folder, whose
 * `gold/*.jsonl` lines carry no text: it is read from `articles/<id>` like `kiji run` would.
 */
export interface GoldDoc extends ScoreDoc {
  id: string;
  text: string;
  spans: ScoreSpan[];
}

export function readJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8').split('\n').map((line, i) => [line, i] as const).filter(([line]) => line.trim()).map(([line, i]) => {
    try {
      return JSON.parse(line) as unknown;
    } catch (error) {
      throw new KijiError('E_USAGE', `${path}:${i + 1}: not JSON: ${(error as Error).message}`);
    }
  });
}

/** Where the gold lines and the article texts of a fixtures folder are. */
function fixturesLayout(folder: string): { goldFiles: string[]; articles: string } {
  const goldDir = existsSync(join(folder, 'gold')) ? join(folder, 'gold') : folder;
  const goldFiles = readdirSync(goldDir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(goldDir, f));
  if (goldFiles.length === 0) throw new KijiError('E_USAGE', `${folder}: no gold/*.jsonl files (expected a fixtures folder or a gold .jsonl file)`);
  const articles = [join(folder, 'articles'), join(dirname(goldDir), 'articles')].find((d) => existsSync(d)) ?? join(folder, 'articles');
  return { goldFiles, articles };
}

/**
 * Reads gold documents from a JSONL file or a fixtures folder; every document ends up with its text.
 * Gold spans whose `text` is not what the article text has at their offsets are reported in `warnings`.
 */
export async function loadGold(target: string, warnings: string[] = []): Promise<GoldDoc[]> {
  if (!existsSync(target)) throw new KijiError('E_USAGE', `${target}: no such file or folder`);
  const folder = statSync(target).isDirectory();
  const { goldFiles, articles } = folder ? fixturesLayout(target) : { goldFiles: [target], articles: join(dirname(resolve(target)), '..', 'articles') };
  const docs: GoldDoc[] = [];
  for (const file of goldFiles) {
    for (const [i, line] of readJsonl(file).entries()) {
      const item = line as Partial<GoldDoc> & { id?: unknown };
      if (!item || typeof item !== 'object' || item.id === undefined) throw new KijiError('E_USAGE', `${file}: line ${i + 1} has no "id"`);
      const id = String(item.id);
      let text = item.text;
      let ref = item.ref;
      if (typeof text !== 'string') {
        const path = join(articles, id);
        if (!existsSync(path)) throw new KijiError('E_USAGE', `${file}: document "${id}" has no "text" and ${path} does not exist`);
        const article = await readArticleFile(path);
        text = article.text;
        ref ??= article.publishedAt;
      }
      docs.push({ ...item, id, text, spans: item.spans ?? [], ...(ref ? { ref } : {}) } as GoldDoc);
      const off = (item.spans ?? []).filter((span) => typeof span.text === 'string' && text!.slice(span.start, span.end) !== span.text);
      if (off.length) {
        const first = off[0]!;
        warnings.push(`${id}: ${off.length} of ${item.spans!.length} gold spans do not match the text at their offsets (first: "${first.text}" at ${first.start}–${first.end} reads "${text.slice(first.start, first.end)}"); the gold may refer to a different text`);
      }
    }
  }
  return docs;
}

export interface Prediction {
  id: string;
  spans: ScoreSpan[];
  error?: { code: string; message: string };
}

/** Runs the pipeline on every gold text; a document that fails gets no spans and its reason. */
export function predict(pipeline: Pipeline, docs: readonly GoldDoc[]): Prediction[] {
  const predictions: Prediction[] = [];
  for (let i = 0; i < docs.length; i += DOCUMENTS_PER_BATCH) {
    const batch = docs.slice(i, i + DOCUMENTS_PER_BATCH);
    pipeline.processBatch(batch.map((doc) => ({ id: doc.id, text: doc.text, ...(doc.ref ? { publishedAt: doc.ref } : {}) }))).forEach((outcome, k) => {
      const id = batch[k]!.id;
      predictions.push(outcome.ok ? { id, spans: outcome.result.records.map((r) => toEvalSpan(r) as unknown as ScoreSpan) } : { id, spans: [], error: describeError(outcome.error) });
    });
  }
  return predictions;
}

export interface ThresholdCheck {
  type: string;
  min: number;
  lenientF1: number | null;
  ok: boolean;
}

/**
 * Lenient F1 per type against minimums (fractions 0–1). A type with no gold and no predicted span
 * is not scored and cannot fail.
 */
export function checkThresholds(rows: readonly ScoreRow[], minimums: Readonly<Record<string, number>>): ThresholdCheck[] {
  return Object.entries(minimums).map(([type, min]) => {
    const row = rows.find((r) => r.type === type);
    if (!row) return { type, min, lenientF1: null, ok: true };
    return { type, min, lenientF1: row.lenientF1, ok: row.lenientF1 >= min };
  });
}

/** `DATE=0.8` or `DATE=80` (a percentage) → ['DATE', 0.8]. */
export function parseMin(spec: string): [string, number] {
  const match = /^([A-Za-z_]+)=(\d+(?:\.\d+)?)$/.exec(spec.trim());
  if (!match) throw new KijiError('E_USAGE', `--min ${spec}: expected TYPE=F1, e.g. DATE=0.85 or DATE=85`);
  let value = Number(match[2]);
  if (value > 1) value /= 100;
  if (value > 1) throw new KijiError('E_USAGE', `--min ${spec}: F1 must be between 0 and 1 (or 0 and 100 %)`);
  return [match[1]!.toUpperCase(), value];
}

export interface EvalRun {
  docs: GoldDoc[];
  warnings: string[];
  predictions: Prediction[];
  result: ScoreResult;
}

export async function evaluate(pipeline: Pipeline, target: string, options: { types?: readonly string[]; outcomes?: boolean } = {}): Promise<EvalRun> {
  const warnings: string[] = [];
  const docs = await loadGold(target, warnings);
  const predictions = predict(pipeline, docs);
  const result = score(docs, predictions, { ...(options.types ? { types: options.types } : {}), outcomes: options.outcomes ?? false });
  return { docs, warnings, predictions, result };
}
