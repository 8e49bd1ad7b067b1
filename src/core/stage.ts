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
  /** Loads the stage's resource (a dictionary, a model) once per pipeline, only when the stage will run. */
  readonly load?: () => Promise<R>;
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
  build(config: KijiConfig): Promise<StageRun>;
}

/** Declares a stage. A stage with a resource says how to `load()` it; one without gets `undefined`. */
export function defineStage(definition: StageDefinition & { load?: undefined }): Stage;
export function defineStage<R>(definition: StageDefinition<R> & { load: () => Promise<R> }): Stage;
export function defineStage<R>(definition: StageDefinition<R>): Stage {
  const { name, languages, requires, provides, load, create } = definition;
  const stage: Stage = {
    name,
    languages,
    requires: requires.map(layerName),
    provides: provides.map(layerName),
    async build(config) {
      // Without `load`, the overloads above make R `undefined`.
      const resource = (load ? await load() : undefined) as R;
      return create({ config, resource });
    },
  };
  return Object.freeze(definition.switch ? { ...stage, switch: definition.switch } : stage);
}
