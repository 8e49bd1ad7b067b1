import { CANONICAL_ORGANISATIONS } from '../../data/org-canonical.js';
import { NAME_ABBREVIATIONS } from '../../data/english/organisations.js';
import { escapeRegExp } from '../../core/regex.js';
import { BRACKET_COMPANY_FORMS, COMPANY_FORMS, LATIN_COMPANY_SUFFIXES } from '../../data/org-heads.js';
import type { OrgLexicon } from './lexicon.js';

/**
 * One `org_name` per organisation across articles and languages: the legal form is dropped
 * (`株式会社サクラ精機`, `サクラ精機(株)`, `㈱サクラ精機` → `サクラ精機`; `Brightline Robotics, Inc.` →
 * `Brightline Robotics`), a short form the lexicon knows gives its full name (`東電` → `東京電力`), and the
 * Japanese and English names of a well-known body give one name (src/data/org-canonical.ts).
 */

const ACROSS_LANGUAGES: ReadonlyMap<string, string> = new Map(CANONICAL_ORGANISATIONS.flatMap((c) => [[c.name, c.name] as const, ...c.names.map((n) => [n, c.name] as const)]));

const ABBREVIATIONS = NAME_ABBREVIATIONS.map(([short, full]) => [new RegExp(`(?<![A-Za-z.])${escapeRegExp(short)}(?=[ -]|$)`, 'g'), full] as const);

/** A name with the abbreviations inside it spelled out (`U.S. Army` → `United States Army`). */
function spelledOut(name: string): string {
  if (!name.includes('.')) return name;
  let out = name;
  for (const [pattern, full] of ABBREVIATIONS) out = out.replace(pattern, full);
  return out;
}

/** The name shared by the Japanese and English names of a well-known body, or the name itself (abbreviations spelled out). */
export function acrossLanguages(name: string): string {
  const full = spelledOut(name);
  return ACROSS_LANGUAGES.get(full) ?? full;
}

// `Holdings`, `Group`, `Bank` and `University` are part of names (`Mizuho Bank`), not legal forms.
const LATIN_FORMS = LATIN_COMPANY_SUFFIXES.filter((s) => !['Group', 'Holdings', 'Bank', 'University'].includes(s)).sort((a, b) => b.length - a.length);
const JA_FORMS = [...COMPANY_FORMS, ...BRACKET_COMPANY_FORMS].sort((a, b) => b.length - a.length);

/** The name without its legal form, when something name-like (two characters or more) remains. */
export function withoutLegalForm(name: string): string {
  let core = name.normalize('NFKC');
  for (const form of JA_FORMS) {
    if (core.startsWith(form) && core.length - form.length >= 2) core = core.slice(form.length).trimStart();
    else if (core.endsWith(form) && core.length - form.length >= 2) core = core.slice(0, -form.length).trimEnd();
  }
  // `JERA Co., Inc.`: forms can stack.
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const form of LATIN_FORMS) {
      const m = core.length > form.length + 2 && core.endsWith(form) ? core.slice(0, -form.length) : undefined;
      if (m && /[ ,]$/.test(m)) {
        core = m.replace(/[ ,]+$/, '');
        stripped = true;
        break;
      }
    }
  }
  return core;
}

/** The canonical name of an organisation whose text (or lexicon name) is `name`. */
export function canonicalName(name: string, lexicon: OrgLexicon): string {
  const core = withoutLegalForm(name);
  let full = core;
  if (lexicon.mayStartAt(core, 0)) for (const [end, form] of lexicon.matchesAt(core, 0)) if (end === core.length) full = form.name;
  return acrossLanguages(full);
}
