/**
 * Bump when a change to the rules or data changes what kiji extracts: `kiji run` re-processes
 * every article whose stored pipeline version differs.
 */
export const PIPELINE_VERSION = '0.1.0';
