/** kiji's public API: the CLI and the tests use exactly this. */
export { createPipeline, type Pipeline } from './core/pipeline.js';
export { ArticleDocument } from './core/document.js';
export { KijiError, describeError, type ErrorCode } from './core/errors.js';
export type { Stage, StageFactory, StageContext, LayerName } from './core/stage.js';
export { defineConfig, parseConfig, KijiConfigSchema, type KijiConfig, type KijiConfigInput } from './schema/config.js';
export * from './schema/records.js';
export { PIPELINE_VERSION } from './version.js';
export { recordOfRow, type StoredMention } from './store/rows.js';
