/**
 * The composition root: the one place that knows which stages exist (src/stages/index.ts lists them)
 * and puts them together with their resources. The kernel (src/core) knows no stage and no language;
 * each stage loads its own resource (kuromoji, compromise) through its declaration's `load()`, and
 * only the stages that will run are loaded.
 */
import { ArticleDocument } from './core/document.js';
import { isoDay } from './core/calendar.js';
import { requireReferenceDate } from './core/reference-date.js';
import { type BuiltStage, checkRecord, planStages, runStages } from './core/runner.js';
import { resolveOverlaps } from './core/spans.js';
import type { Stage, StageRun } from './core/stage.js';
import { type KijiConfig, type KijiConfigInput, parseConfig } from './schema/config.js';
import type { ArticleInput, ArticleResult, Language } from './schema/records.js';
import { STAGES } from './stages/index.js';
import { detectLanguage } from './text/language.js';
import { normalizeText } from './text/normalize.js';
import { PIPELINE_VERSION } from './version.js';

export interface Pipeline {
  readonly config: KijiConfig;
  readonly version: string;
  /** The stage names run for each language, in order. */
  readonly stages: Readonly<Record<Language, readonly string[]>>;
  /** Processes one article; synchronous once the pipeline is built. */
  process(article: ArticleInput): ArticleResult;
  /**
   * Milliseconds spent in each stage (and in normalizing and checking) since the pipeline was built, and
   * in each stage's `load()` while it was built (`load:tokenize` …): for profiling.
   */
  stageTimings(): Record<string, number>;
}

/**
 * Plans the stages of every language the config can meet, loads the resources of those that will run
 * (once each, in parallel) and returns a pipeline that turns articles into validated records.
 * `stages` replaces the stage list (for tests of the kernel's checks).
 */
export async function createPipeline(configInput: KijiConfigInput | KijiConfig = {}, stages: readonly Stage[] = STAGES): Promise<Pipeline> {
  const config = parseConfig(configInput); // idempotent on an already-parsed config
  const languages: readonly Language[] = config.language === 'auto' ? ['ja', 'en'] : [config.language];
  const plans = new Map(languages.map((language) => [language, planStages(stages, language, config)]));
  const needed = [...new Set([...plans.values()].flat())];
  const builds = await Promise.all(needed.map((stage) => stage.build(config)));
  const runOf = new Map<Stage, StageRun>(needed.map((stage, i) => [stage, builds[i]!.run]));
  const built = (language: Language): BuiltStage[] => (plans.get(language) ?? []).map((stage) => ({ stage, run: runOf.get(stage)! }));
  const stageSets: Record<Language, BuiltStage[]> = { ja: built('ja'), en: built('en') };

  const timings: Record<string, number> = {};
  needed.forEach((stage, i) => {
    const { loadMs } = builds[i]!;
    if (loadMs !== undefined) timings[`load:${stage.name}`] = loadMs;
  });
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
    stages: { ja: stageSets.ja.map((s) => s.stage.name), en: stageSets.en.map((s) => s.stage.name) },
    process(article) {
      const raw = article.text;
      const lang = config.language === 'auto' ? detectLanguage(raw) : config.language;
      const ref = requireReferenceDate(article.publishedAt, 'publishedAt');
      const doc = new ArticleDocument(raw, timed('normalize', () => normalizeText(raw)), lang, config, ref);
      runStages(doc, stageSets[lang], timed);
      const records = timed('resolve+check', () => resolveOverlaps(doc.allRecords()).map((record) => checkRecord(raw, record)));
      const result: ArticleResult = { id: article.id ?? article.source ?? 'article', lang, chars: raw.length, records };
      if (article.source !== undefined) result.source = article.source;
      if (article.title !== undefined) result.title = article.title;
      if (ref) result.publishedAt = isoDay(ref);
      return result;
    },
  };
}
