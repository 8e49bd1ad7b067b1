/** The record types, apart from their zod schemas (records.ts), for code that names them without validating (a run's summary). */
export const RECORD_TYPES = ['DATE', 'MONEY', 'ORG', 'AGREEMENT'] as const;
