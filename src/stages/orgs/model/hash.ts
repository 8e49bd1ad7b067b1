/**
 * Features are 32-bit FNV-1a hashes of a template number and strings, computed without building the
 * strings: training and tagging hash the same way, so a collision merely merges two features in both.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Starts a feature hash for template `template`. */
export function startHash(template: number): number {
  return Math.imul(FNV_OFFSET ^ template, FNV_PRIME) >>> 0;
}

/** Adds a string's UTF-16 units (and a separator) to a hash. */
export function addString(hash: number, s: string): number {
  let h = hash;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x1f, FNV_PRIME) >>> 0;
}

/**
 * addString of `text.slice(start, end)`, read from `text` itself: what the features hash for a token's surface, read
 * from the one document text (one string representation for every token) instead of each token's own string.
 */
export function addRange(hash: number, text: string, start: number, end: number): number {
  let h = hash;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ 0x1f, FNV_PRIME) >>> 0;
}

/** Adds a small integer to a hash. */
export function addNumber(hash: number, n: number): number {
  return Math.imul(hash ^ (n + 0x100), FNV_PRIME) >>> 0;
}
