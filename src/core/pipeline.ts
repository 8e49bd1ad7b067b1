import { type KijiConfig, type KijiConfigInput, parseConfig } from '../schema/config.js';
import { type ArticleInput, type ArticleResult, type KijiRecord, KijiRecordSchema, type Language, RECORD_TYPES, type RecordType } from '../schema/records.js';
import { loadTokenizer } from '../stages/tokenize/kuromoji.js';
import { STAGE_FACTORIES } from '../stages/index.js';
import { loadCompromise } from '../stages/english/analysis.js';
import { detectLanguage } from '../text/language.js';
import { normalizeText } from '../text/normalize.js';
import { PIPELINE_VERSION } from '../version.js';
import { ArticleDocument } from './document.js';
import { KijiError } from './errors.js';
import { formatCalendarDate, parseReferenceDate } from './reference-date.js';
import { resolveOverlaps } from './spans.js';
import type { LayerName, Stage, StageContext } from './stage.js';

export interface Pipeline {
  readonly config: KijiConfig;
  readonly version: string;
  /** The stage names run for each language, in order. */
  readonly stages: Readonly<Record<Language, readonly string[]>>;
  /** Processes one article; synchronous once the pipeline is built. */
  process(article: ArticleInput): ArticleResult;
  /** Milliseconds spent in each stage (and in normalizing and checking) since the pipeline was built: for profiling. */
  stageTimings(): Record<string, number>;
}

/** Builds the stage list for one language and checks that each stage's requirements are met by earlier stages. */
function buildStages(language: Language, context: StageContext): Stage[] {
  const stages = STAGE_FACTORIES.filter((f) => f.languages.includes(language) && (f.enabled?.(context.config) ?? true)).map((f) => f.create(context));
  const provided = new Set<LayerName>();
  for (const stage of stages) {
    const missing = stage.requires.filter((layer) => !provided.has(layer) && !isDisabledRecordLayer(layer, context.config));
    if (missing.length > 0) {
      throw new KijiError('E_STAGE_ORDER', `stage "${stage.name}" (${language}) requires ${missing.join(', ')}, which no earlier stage provides`);
    }
    for (const layer of stage.provides) provided.add(layer);
  }
  return stages;
}

const STAGE_SWITCH_OF: Record<RecordType, keyof KijiConfig['stages']> = { DATE: 'dates', MONEY: 'money', ORG: 'orgs', AGREEMENT: 'agreements' };

/** A record layer switched off in the config counts as present and empty (agreements then have no links). */
function isDisabledRecordLayer(layer: LayerName, config: KijiConfig): boolean {
  return (RECORD_TYPES as readonly string[]).includes(layer) && !config.stages[STAGE_SWITCH_OF[layer as RecordType]];
}

/** Loads kuromoji once and returns a pipeline that turns articles into validated records. */
export async function createPipeline(configInput: KijiConfigInput | KijiConfig = {}): Promise<Pipeline> {
  const config = parseConfig(configInput); // idempotent on an already-parsed config
  const [tokenizer] = await Promise.all([config.language === 'en' ? undefined : loadTokenizer(), config.language === 'ja' ? undefined : loadCompromise()]);
  const context: StageContext = tokenizer ? { config, tokenizer } : { config };
  const stageSets: Record<Language, Stage[]> = {
    ja: tokenizer ? buildStages('ja', context) : [],
    en: buildStages('en', context),
  };

  const timings: Record<string, number> = {};
  const timed = <T>(name: string, work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      timings[name] = (timings[name] ?? 0) + performance.now() - started;
    }
  };

  return {
    config,
    version: PIPELINE_VERSION,
    stageTimings: () => ({ ...timings }),
    stages: { ja: stageSets.ja.map((s) => s.name), en: stageSets.en.map((s) => s.name) },
    process(article) {
      const raw = article.text;
      const lang = config.language === 'auto' ? detectLanguage(raw) : config.language;
      const ref = parseReferenceDate(article.publishedAt);
      const doc = new ArticleDocument(raw, timed('normalize', () => normalizeText(raw)), lang, config, ref);
      for (const stage of stageSets[lang]) {
        const output = timed(stage.name, () => stage.run(doc));
        if (output) {
          for (const type of stage.provides) {
            if ((RECORD_TYPES as readonly string[]).includes(type)) {
              doc.setRecords(type as RecordType, resolveOverlaps(output.filter((r) => r.type === type)));
            }
          }
        }
      }
      const records = timed('resolve+check', () => resolveOverlaps(doc.allRecords()).map((record) => checkRecord(raw, record)));
      const result: ArticleResult = { id: article.id ?? article.source ?? 'article', lang, chars: raw.length, records };
      if (article.source !== undefined) result.source = article.source;
      if (article.title !== undefined) result.title = article.title;
      if (ref) result.publishedAt = formatCalendarDate(ref);
      return result;
    },
  };
}

/** Every record satisfies the offset invariant and its schema before anyone sees it. */
function checkRecord(raw: string, record: KijiRecord): KijiRecord {
  if (raw.slice(record.start, record.end) !== record.text) {
    throw new KijiError('E_OFFSET', `${record.type} record "${record.text}" (rule ${record.rule}) does not match the text at [${record.start}, ${record.end}): "${raw.slice(record.start, record.end)}"`);
  }
  const parsed = KijiRecordSchema.safeParse(record);
  if (!parsed.success) {
    throw new KijiError('E_SCHEMA', `${record.type} record "${record.text}" (rule ${record.rule}) is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
