import type { KijiConfig } from '../schema/config.js';
import { type KijiRecord, type Language, RECORD_TYPES, type RecordType } from '../schema/records.js';
import type { ArticleDocument, Layer } from './document.js';

/** What a stage can require or provide: a data layer of the document (sentences, tokens …) or a record layer. */
export type LayerRef = Layer<unknown> | RecordType;

/** The name of a layer: record layers are named by their type. */
export function layerName(layer: LayerRef): string {
  return typeof layer === 'string' ? layer : layer.name;
}

export function isRecordLayer(name: string): name is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(name);
}

/** The `config.stages` key that switches a stage on and off. */
export type StageSwitch = keyof KijiConfig['stages'];

/**
 * What a built stage does to one document: set the data layers it provides, or return the records
 * of the record layer it provides (the runner resolves their overlaps and stores them on the document).
 * What it sets on a document is that document's own: a batch runs each stage on every document before the
 * next stage (runStagesOnBatch), so a layer must not live in a buffer the next document's run reuses.
 */
export type StageRun = (doc: ArticleDocument) => void | KijiRecord[];

/** What `create` gets once, when the pipeline is built. */
export interface StageContext<R> {
  config: KijiConfig;
  /** What `load()` returned (a tokenizer, a tagger …); `undefined` for a stage without one. */
  resource: R;
}

export interface StageDefinition<R = undefined> {
  readonly name: string;
  readonly languages: readonly Language[];
  /** Off when `config.stages[switch]` is false; a stage without a switch always runs (when something needs it). */
  readonly switch?: StageSwitch;
  readonly requires: readonly LayerRef[];
  readonly provides: readonly LayerRef[];
  /**
   * Loads the stage's resource (a dictionary, a model) once per pipeline, only when the stage will run:
   * every file a stage reads is read here, so `create` only puts together what runs per document. The
   * config says which resource (a stage may need none for some configs: the orgs tagger is off by default).
   */
  readonly load?: (config: KijiConfig) => Promise<R>;
  create(context: StageContext<R>): StageRun;
}

/**
 * A stage as the pipeline sees it: a plain declaration of what it requires and provides (checked
 * when the pipeline is built, not when it fails) and a `build` that loads its resource and returns
 * what runs per document. The resource type is closed over, so stages of any resource share one list.
 */
export interface Stage {
  readonly name: string;
  readonly languages: readonly Language[];
  readonly switch?: StageSwitch;
  readonly requires: readonly string[];
  readonly provides: readonly string[];
  /** Loads the resource (reporting how long that took, for a stage that has `load`) and creates the run. */
  build(config: KijiConfig): Promise<{ run: StageRun; loadMs?: number }>;
}

/** Declares a stage. A stage with a resource says how to `load()` it; one without gets `undefined`. */
export function defineStage(definition: StageDefinition & { load?: undefined }): Stage;
export function defineStage<R>(definition: StageDefinition<R> & { load: (config: KijiConfig) => Promise<R> }): Stage;
export function defineStage<R>(definition: StageDefinition<R>): Stage {
  const { name, languages, requires, provides, load, create } = definition;
  const stage: Stage = {
    name,
    languages,
    requires: requires.map(layerName),
    provides: provides.map(layerName),
    async build(config) {
      // Without `load`, the overloads above make R `undefined`.
      if (!load) return { run: create({ config, resource: undefined as R }) };
      const started = performance.now();
      const resource = await load(config);
      const loadMs = performance.now() - started;
      return { run: create({ config, resource }), loadMs };
    },
  };
  return Object.freeze(definition.switch ? { ...stage, switch: definition.switch } : stage);
}
