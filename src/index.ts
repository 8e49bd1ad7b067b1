/** kiji's public API: the CLI and the tests use exactly this. */
export { type BatchOutcome, createPipeline, type Pipeline } from './pipeline.js';
export { ArticleDocument } from './core/document.js';
export { KijiError, describeError, type ErrorCode } from './core/errors.js';
export { defineStage, type Stage, type StageDefinition, type StageContext, type StageRun, type LayerRef } from './core/stage.js';
export { defineLayer, type Layer, SENTENCES, TOKENS } from './core/document.js';
export type { Token } from './core/token.js';
export { defineConfig, parseConfig, KijiConfigSchema, type KijiConfig, type KijiConfigInput } from './schema/config.js';
export * from './schema/records.js';
export { PIPELINE_VERSION } from './version.js';
export { recordOfRow, type StoredMention } from './store/rows.js';
