import type { StageFactory } from '../../core/stage.js';

/** English stage set (compromise-based); filled in by the English issue. Sentences come from the shared stage. */
export const englishStages: readonly StageFactory[] = [];
