import type { Tokenizer } from '../stages/tokenize/kuromoji.js';
import type { KijiConfig } from '../schema/config.js';
import type { KijiRecord, Language, RecordType } from '../schema/records.js';
import type { ArticleDocument } from './document.js';

/** What a stage can require or provide: the text layers and the record layers. */
export type LayerName = 'sentences' | 'tokens' | RecordType;

/**
 * A stage is a plain object: it declares what it requires and provides (checked when the
 * pipeline is built, not when it fails) and runs on one document. Extractor stages return the
 * records of the type they provide; the runner resolves overlaps and stores them on the document.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly provides: readonly LayerName[];
  run(doc: ArticleDocument): void | KijiRecord[];
}

/** What a stage factory gets once, when the pipeline is built. */
export interface StageContext {
  config: KijiConfig;
  /** Present for Japanese stage sets. */
  tokenizer?: Tokenizer;
}

export interface StageFactory {
  readonly name: string;
  readonly languages: readonly Language[];
  /** Disabled through `config.stages` when this returns false. */
  enabled?(config: KijiConfig): boolean;
  create(context: StageContext): Stage;
}
