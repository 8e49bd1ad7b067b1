export { score, valueMatches, formatScoreTable, type ScoreDoc, type ScoreSpan, type ScoreRow, type ScoreResult, type ScoreOptions, type Outcome, type OutcomeKind, type TypeCounts } from './score.js';
export { groupOutcomesByRule, formatErrorGroups, shortValue, NO_RULE, type ErrorGroup } from './errors.js';
export { contextSnippet, CONTEXT_CHARS } from './context.js';
export { loadGold, predict, evaluate, checkThresholds, parseMin, readJsonl, type GoldDoc, type Prediction, type ThresholdCheck, type EvalRun } from './run.js';
export { toEvalSpan } from './spans.js';
