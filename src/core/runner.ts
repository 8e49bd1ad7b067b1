import type { KijiConfig } from '../schema/config.js';
import { parserOf, REJECTED } from '../schema/compiled.js';
import { type KijiRecord, KijiRecordSchema, type Language } from '../schema/records.js';
import type { ArticleDocument } from './document.js';
import { KijiError } from './errors.js';
import { resolveOverlaps } from './spans.js';
import { isRecordLayer, type Stage, type StageRun } from './stage.js';

/**
 * The stages that run for one language, in order, checked when the pipeline is built:
 * - a stage switched off in `config.stages` does not run, and its record layers count as present and empty
 *   (agreements then have no links);
 * - a stage that provides no record layer runs only if a later stage requires what it provides
 *   (no sentence splitting for a language whose stages read none, no tokenizer loaded for nothing);
 * - every requirement must be provided by an earlier stage, else `E_STAGE_ORDER`.
 */
export function planStages(stages: readonly Stage[], language: Language, config: KijiConfig): Stage[] {
  const serving = stages.filter((s) => s.languages.includes(language));
  const isOn = (s: Stage) => s.switch === undefined || config.stages[s.switch];
  const wanted = new Set<string>();
  const kept: Stage[] = [];
  for (let i = serving.length - 1; i >= 0; i--) {
    const stage = serving[i]!;
    if (!isOn(stage)) continue;
    if (!stage.provides.some((layer) => isRecordLayer(layer) || wanted.has(layer))) continue;
    kept.unshift(stage);
    for (const layer of stage.requires) wanted.add(layer);
  }
  const provided = new Set<string>(serving.filter((s) => !isOn(s)).flatMap((s) => s.provides.filter(isRecordLayer)));
  for (const stage of kept) {
    const missing = stage.requires.filter((layer) => !provided.has(layer));
    if (missing.length > 0) {
      throw new KijiError(
        'E_STAGE_ORDER',
        `stage "${stage.name}" (${language}) requires ${missing.join(', ')}, which no earlier stage provides: put a stage that provides it before "${stage.name}", or drop it from requires`,
        { stage: stage.name, language, missing },
      );
    }
    for (const layer of stage.provides) provided.add(layer);
  }
  return kept;
}

export interface BuiltStage {
  readonly stage: Stage;
  readonly run: StageRun;
}

/** Runs built stages on a document: record layers are resolved per type as they arrive, so later stages see clean layers. */
export function runStages(doc: ArticleDocument, stages: readonly BuiltStage[], timed: <T>(name: string, work: () => T) => T): void {
  for (const { stage, run } of stages) keep(doc, stage, timed(stage.name, () => run(doc)));
}

/**
 * Runs built stages on several documents of one language, stage by stage: each stage takes every document before the
 * next stage starts, so its tables and code stay in the caches from one document to the next instead of being pushed out
 * by the other stages' (the tokenizer's dictionary alone is larger than the last-level cache). The records are those
 * runStages gives each document. A document a stage throws on is reported to `failed` (its index) and left out of the
 * stages after it; the others go on.
 */
export function runStagesOnBatch(docs: readonly ArticleDocument[], stages: readonly BuiltStage[], timed: <T>(name: string, work: () => T) => T, failed: (index: number, error: unknown) => void): void {
  const alive = docs.map(() => true);
  for (const { stage, run } of stages) {
    timed(stage.name, () => {
      for (let i = 0; i < docs.length; i++) {
        if (!alive[i]) continue;
        try {
          keep(docs[i]!, stage, run(docs[i]!));
        } catch (error) {
          alive[i] = false;
          failed(i, error);
        }
      }
    });
  }
}

/** A stage's output kept on its document: each record layer it provides, resolved. */
function keep(doc: ArticleDocument, stage: Stage, output: KijiRecord[] | void): void {
  if (!output) return;
  for (const type of stage.provides) {
    if (isRecordLayer(type)) doc.setRecords(type, resolveOverlaps(output.filter((r) => r.type === type)));
  }
}

/** The record schema compiled once (src/schema/compiled.ts): what zod's parse gives, without its cost per record. */
const parseRecord = parserOf(KijiRecordSchema);

/**
 * Every record satisfies the offset invariant and its schema before anyone sees it. The compiled check
 * accepts a valid record; whatever it rejects goes to zod itself, which has the last word and the message.
 */
export function checkRecord(raw: string, record: KijiRecord): KijiRecord {
  if (raw.slice(record.start, record.end) !== record.text) {
    throw new KijiError('E_OFFSET', `${record.type} record "${record.text}" (rule ${record.rule}) does not match the text at [${record.start}, ${record.end}): "${raw.slice(record.start, record.end)}"`);
  }
  const checked = parseRecord(record);
  if (checked !== REJECTED) return checked as KijiRecord;
  const parsed = KijiRecordSchema.safeParse(record);
  if (!parsed.success) {
    throw new KijiError('E_SCHEMA', `${record.type} record "${record.text}" (rule ${record.rule}) is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
