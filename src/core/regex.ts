/**
 * Building regular expressions from data (word lists, labels): the one place that knows how to quote.
 * No pattern here uses the `u` flag, under which quoting a character that needs none would be an error.
 */

/** `s` quoted to match itself (also `/`, so it can go into a pattern printed as a literal). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Characters quoted for the inside of a character class (`]`, `\`, `^`, `-`). */
export function escapeCharClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/**
 * An alternation of words, longest first (so `令和元年` is tried before `令和`), each quoted by `quote`
 * (default: literally), duplicates dropped.
 */
export function alternation(words: Iterable<string>, quote: (word: string) => string = escapeRegExp): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(quote).join('|');
}
