export { KijiStore, openStore, type ArticleState, type RunCounts, type RunInfo, type RunStatus, type StoreOptions } from './store.js';
export { acquireRunLock, lockPathFor, type RunLock } from './lock.js';
export { MIGRATIONS, SCHEMA_VERSION, migrate } from './schema.js';
export { amountInMinorUnits, mentionRow, minorUnitExponent, okArticle, type ArticleSource, type FailedArticle, type MentionRow, type OkArticle, type StoredArticle } from './rows.js';
export { StoreReader, type ArticleListItem, type ArticleRow, type RecordFilter, type RecordRow, type Summary } from './read.js';
export { displayTarget, isPostgresUrl, openReader } from './open.js';
