import type { EnTerm, EnglishAnalysis } from './analysis.js';

/**
 * Shared helpers for capitalized names over compromise terms (organisations and agreement names
 * both grow from a head word: left over capitalized words, right over `of …` chains).
 */

export const isCapitalized = (t: EnTerm): boolean => /^[A-Z0-9]/.test(t.text) && /[A-Za-z]/.test(t.text);
/** compromise tags every word of a possessive name as Possessive; only the word written with 's is. */
export const isPossessive = (t: EnTerm): boolean => /['’]s$/.test(t.text);

/** True when two neighbouring terms belong to one name: only spaces between them, or a hyphen (`Self-Defense`). */
export function joined(a: EnTerm, b: EnTerm, text: string): boolean {
  const between = text.slice(a.end, b.start);
  return between === ' ' || between === '-' || between === '' || between === ' & ' || (between === '. ' && /^[A-Z]$/.test(a.text.slice(-1)) && /\./.test(a.text));
}

/** Short words a title-case headline leaves in lower case. */
const TITLE_LOWER = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'to', 'up', 'vs', 'via', 'with', 'from', 'into', 'over', 'amid', 'after', 'under', 'than', 'that', 'upon']);

/** A line written in title case (a headline): every content word capitalized, so capitals say nothing about names. */
export function isTitleCase(analysis: EnglishAnalysis, sentence: number): boolean {
  const from = analysis.sentenceTermStart[sentence]!;
  const to = analysis.sentenceTermStart[sentence + 1]!;
  let capitals = 0;
  for (let i = from; i < to; i++) {
    const t = analysis.terms[i]!;
    if (!/^[A-Za-z]/.test(t.text)) continue;
    if (/^[a-z]/.test(t.text)) {
      if (!TITLE_LOWER.has(t.text)) return false;
    } else if (i > from) capitals++;
  }
  return capitals >= 3;
}

/** Initials of a name's capitalized words (`Association of Southeast Asian Nations` → `ASAN`), hyphen parts included. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

/** Does an acronym plausibly stand for a name? Its capitals appear in order among the name's initials or letters. */
export function acronymFits(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^A-Z]/g, '');
  if (letters.length < 2) return false;
  const init = initials(name);
  if (init.startsWith(letters) || init === letters) return true;
  // Looser: each capital in order, each taken from the start of a word or inside one (ASEAN, JETRO, UNCLOS).
  const words = name.split(/[\s-]+/).filter((w) => /^[A-Z]/.test(w));
  if (words.length === 0 || words[0]![0] !== letters[0]) return false;
  let w = 0;
  let pos = 0;
  for (const ch of letters) {
    let found = false;
    while (w < words.length) {
      const word = words[w]!.toUpperCase();
      const at = word.indexOf(ch, pos);
      if (at >= 0) {
        pos = at + 1;
        found = true;
        break;
      }
      w++;
      pos = 0;
    }
    if (!found) return false;
  }
  return true;
}
