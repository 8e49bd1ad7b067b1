import { ORG_LEXICON } from '../../data/org-lexicon.js';
import type { KijiConfig } from '../../schema/config.js';
import type { OrgKind } from '../../schema/records.js';

/** One surface form in the lexicon: the canonical name it stands for, and whether it is an alias. */
export interface LexiconForm {
  surface: string;
  name: string;
  kind?: OrgKind;
  alias: boolean;
}

const pairHash = (a: number, b: number) => ((a << 7) ^ b) & 0xffff;

interface TrieNode {
  next: Map<string, TrieNode>;
  form?: LexiconForm;
}

/**
 * A character trie of organisation names and aliases, built once per pipeline (in `create`), and
 * looked up at token starts: `matchesAt(text, i)` walks at most as far as the longest entry.
 */
export class OrgLexicon {
  private readonly root: TrieNode = { next: new Map() };
  /** The first two UTF-16 code units of every entry (one unit for one-unit entries): a cheap test before walking the trie. */
  private readonly firstPairs = new Uint8Array(1 << 16); // a bitmap of hashed pairs: false positives only cost a trie walk
  private readonly singleUnits = new Set<number>();
  size = 0;

  add(entry: { name: string; aliases?: readonly string[]; kind?: OrgKind | undefined }): void {
    this.insert({ surface: entry.name, name: entry.name, alias: false, ...(entry.kind ? { kind: entry.kind } : {}) });
    for (const alias of entry.aliases ?? []) {
      this.insert({ surface: alias, name: entry.name, alias: true, ...(entry.kind ? { kind: entry.kind } : {}) });
    }
  }

  private insert(form: LexiconForm): void {
    const surface = form.surface.normalize('NFKC');
    if (!surface) return;
    if (surface.length === 1) this.singleUnits.add(surface.charCodeAt(0));
    else this.firstPairs[pairHash(surface.charCodeAt(0), surface.charCodeAt(1))] = 1;
    let node = this.root;
    for (const ch of surface) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    if (!node.form) this.size++;
    // A later entry (the user's) overrides a built-in one with the same surface.
    node.form = { ...form, surface };
  }

  /** False when no entry can start at `start` in `text`. */
  mayStartAt(text: string, start: number): boolean {
    const c0 = text.charCodeAt(start);
    if (this.singleUnits.size > 0 && this.singleUnits.has(c0)) return true;
    return start + 1 < text.length && this.firstPairs[pairHash(c0, text.charCodeAt(start + 1))] === 1;
  }

  /** Every entry that starts at `start` in `text`, shortest first, as [end, form]. */
  *matchesAt(text: string, start: number): Generator<[number, LexiconForm]> {
    let node: TrieNode | undefined = this.root;
    let i = start;
    while (i < text.length) {
      const code = text.codePointAt(i)!;
      const ch = String.fromCodePoint(code);
      node = node.next.get(ch);
      if (!node) return;
      i += ch.length;
      if (node.form) yield [i, node.form];
    }
  }
}

/** The built-in lexicon plus the user's `lexicons.organisations`, built once per pipeline. */
export function buildOrgLexicon(config: KijiConfig): OrgLexicon {
  const lexicon = new OrgLexicon();
  for (const entry of ORG_LEXICON) lexicon.add(entry);
  for (const entry of config.lexicons.organisations) lexicon.add(entry);
  return lexicon;
}
