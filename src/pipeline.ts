/**
 * The composition root: the one place that knows which stages exist (src/stages/index.ts lists them)
 * and puts them together with their resources. The kernel (src/core) knows no stage and no language;
 * each stage loads its own resource (kuromoji, compromise) through its declaration's `load()`, and
 * only the stages that will run are loaded.
 */
import { ArticleDocument } from './core/document.js';
import { isoDay } from './core/calendar.js';
import { KijiError } from './core/errors.js';
import { requireReferenceDate } from './core/reference-date.js';
import { type BuiltStage, checkRecord, planStages, runStages, runStagesOnBatch } from './core/runner.js';
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
  /** Processes one article; synchronous once the pipeline is built (for a `lazy` pipeline: once its language is loaded). */
  process(article: ArticleInput): ArticleResult;
  /**
   * Processes several articles, stage by stage (each stage takes every article of a language before the next stage
   * starts: faster than one article after another, since each stage's tables stay in the caches), with the records
   * `process` gives each. One outcome per article, in order: its result, or the error `process` would have thrown
   * for it; one article's error never stops the others.
   */
  processBatch(articles: readonly ArticleInput[]): BatchOutcome[];
  /** The language an article's text is processed as (the config's, or detected for `language: auto`). */
  languageOf(text: string): Language;
  /** Whether `language`'s stages are built (always, unless the pipeline is `lazy`). */
  isLoaded(language: Language): boolean;
  /** Builds `language`'s stages (their resources: kuromoji, compromise) when not built yet. */
  load(language: Language): Promise<void>;
  /**
   * Milliseconds spent in each stage (and in normalizing and checking) since the pipeline was built, and
   * in each stage's `load()` while it was built (`load:tokenize` …): for profiling.
   */
  stageTimings(): Record<string, number>;
}

/** Articles an in-process caller (`kiji eval`, `kiji extract --jsonl`) hands `processBatch` at a time. */
export const DOCUMENTS_PER_BATCH = 32;

/** What `processBatch` gives for one article. */
export type BatchOutcome = { ok: true; result: ArticleResult } | { ok: false; error: unknown };

export interface PipelineOptions {
  /**
   * Build a language's stages when `load(language)` asks for it, not up front: a batch worker under
   * `language: auto` then never loads compromise (≈ 0.5 s) for a folder without English articles.
   * `process` on a language not loaded yet throws E_INTERNAL.
   */
  lazy?: boolean;
}

/**
 * Plans the stages of every language the config can meet (checked now, for every language), loads
 * the resources of those that will run (once each, in parallel; a `lazy` pipeline only when `load`
 * asks) and returns a pipeline that turns articles into validated records.
 * `stages` replaces the stage list (for tests of the kernel's checks).
 */
export async function createPipeline(configInput: KijiConfigInput | KijiConfig = {}, stages: readonly Stage[] = STAGES, options: PipelineOptions = {}): Promise<Pipeline> {
  const config = parseConfig(configInput); // idempotent on an already-parsed config
  const languages: readonly Language[] = config.language === 'auto' ? ['ja', 'en'] : [config.language];
  const plans = new Map(languages.map((language) => [language, planStages(stages, language, config)]));
  const timings: Record<string, number> = {};
  // One build per stage, shared by the languages it serves (the sentence splitter serves both).
  const builds = new Map<Stage, Promise<StageRun>>();
  const buildOnce = (stage: Stage) => {
    let run = builds.get(stage);
    if (!run) {
      run = stage.build(config).then(({ run: built, loadMs }) => {
        if (loadMs !== undefined) timings[`load:${stage.name}`] = loadMs;
        return built;
      });
      builds.set(stage, run);
    }
    return run;
  };
  const stageSets: Partial<Record<Language, BuiltStage[]>> = {};
  const loading = new Map<Language, Promise<void>>();
  const load = (language: Language): Promise<void> => {
    let done = loading.get(language);
    if (!done) {
      const plan = plans.get(language) ?? [];
      done = Promise.all(plan.map(buildOnce)).then((runs) => {
        stageSets[language] = plan.map((stage, i) => ({ stage, run: runs[i]! }));
      });
      loading.set(language, done);
    }
    return done;
  };
  if (!options.lazy) await Promise.all(languages.map(load));
  const languageOf = (text: string): Language => (config.language === 'auto' ? detectLanguage(text) : config.language);

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
    stages: { ja: (plans.get('ja') ?? []).map((s) => s.name), en: (plans.get('en') ?? []).map((s) => s.name) },
    languageOf,
    isLoaded: (language) => stageSets[language] !== undefined || !plans.has(language),
    load: async (language) => {
      if (plans.has(language)) await load(language);
    },
    process(article) {
      const { doc, stageSet } = open(article);
      runStages(doc, stageSet, timed);
      return finish(article, doc);
    },
    processBatch(articles) {
      const outcomes: BatchOutcome[] = new Array(articles.length);
      const byLanguage = new Map<BuiltStage[], { doc: ArticleDocument; index: number }[]>();
      articles.forEach((article, index) => {
        try {
          const { doc, stageSet } = open(article);
          let group = byLanguage.get(stageSet);
          if (!group) byLanguage.set(stageSet, (group = []));
          group.push({ doc, index });
        } catch (error) {
          outcomes[index] = { ok: false, error };
        }
      });
      for (const [stageSet, group] of byLanguage) {
        runStagesOnBatch(group.map((g) => g.doc), stageSet, timed, (k, error) => {
          outcomes[group[k]!.index] = { ok: false, error };
        });
        for (const { doc, index } of group) {
          if (outcomes[index]) continue;
          try {
            outcomes[index] = { ok: true, result: finish(articles[index]!, doc) };
          } catch (error) {
            outcomes[index] = { ok: false, error };
          }
        }
      }
      return outcomes;
    },
  };

  /** An article's document and the stages of its language (throws what `process` throws before any stage runs). */
  function open(article: ArticleInput): { doc: ArticleDocument; stageSet: BuiltStage[] } {
    const raw = article.text;
    const lang = languageOf(raw);
    const stageSet = stageSets[lang] ?? (plans.has(lang) ? undefined : NO_STAGES);
    if (!stageSet) throw new KijiError('E_INTERNAL', `the ${lang} stages of this pipeline are not loaded: await pipeline.load('${lang}') before processing a ${lang} article`);
    const ref = requireReferenceDate(article.publishedAt, 'publishedAt');
    return { doc: new ArticleDocument(raw, timed('normalize', () => normalizeText(raw)), lang, config, ref), stageSet };
  }

  /** The result of a document the stages have run on: its records, resolved and checked. */
  function finish(article: ArticleInput, doc: ArticleDocument): ArticleResult {
    const raw = doc.raw;
    const records = timed('resolve+check', () => resolveOverlaps(doc.allRecords()).map((record) => checkRecord(raw, record)));
    const result: ArticleResult = { id: article.id ?? article.source ?? 'article', lang: doc.lang, chars: raw.length, records };
    if (article.source !== undefined) result.source = article.source;
    if (article.title !== undefined) result.title = article.title;
    if (doc.ref) result.publishedAt = isoDay(doc.ref);
    return result;
  }
}

/** The stages of a language the config never meets (`language: en` given a Japanese text): none. */
const NO_STAGES: BuiltStage[] = [];
