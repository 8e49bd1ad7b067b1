import { ByteTable, escapeRegExp } from '../../core/regex.js';
import { overlapsAny } from '../../core/spans.js';
import { KNOWN_AGREEMENTS, type KnownAgreement } from '../../data/known-agreements.js';
import type { AgreementKind } from '../../schema/records.js';

/**
 * Short names of agreements: the well-known ones (src/data/known-agreements.ts) and the ones a text defines
 * (`…協定(以下「本協定」という。)`, `(略称「税務行政執行共助条約」)`, `…Partnership, or CPTPP`, `(“the X”, or “the Y”)`).
 * Offsets are into the normalized text.
 */
export interface AliasMention {
  start: number;
  end: number;
  kind: AgreementKind;
  /** The full name it stands for. */
  name: string;
  rule: string;
  /** The party prefix written onto a type acronym (`日EU・`, `Japan-Philippines `), when there is one. */
  prefix?: string;
}

/** `日EU・`, `日比`, `日・ASEAN`, `日米` before a Japanese type acronym. */
const JA_PREFIX = /(?:日・?(?:EU|ASEAN|[米越中韓比豪印英仏独露加])|[米越中韓比豪印英仏独露]・?日)・?$/;
/** `Japan-Philippines `, `U.S.-Australia ` before an English type acronym. */
const EN_PREFIX = /(?:[A-Z][A-Za-z.]*-)+[A-Z][A-Za-z.]*\s$/;
/** Organisation heads after an acronym: `TPP政府対策本部` is an office, not the agreement. */
const ORG_AFTER = /^(?:政府|対策|本部|事務局|室|交渉官)/;

function formPattern(form: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(form)}(?![A-Za-z0-9])`, 'g');
}
/** Each known agreement's forms, longest first, with the pattern that finds one as a word of its own. */
const PATTERNS = new Map<KnownAgreement, { form: string; pattern: RegExp }[]>(
  KNOWN_AGREEMENTS.map((k) => [k, [...k.forms].sort((a, b) => b.length - a.length).map((form) => ({ form, pattern: formPattern(form) }))]),
);

/** Every form by its first character: a text holds a form only where that character stands. */
const FORMS_BY_FIRST = new Map<number, string[]>();
for (const { form } of [...PATTERNS.values()].flat()) FORMS_BY_FIRST.set(form.charCodeAt(0), [...(FORMS_BY_FIRST.get(form.charCodeAt(0)) ?? []), form]);

/** 1 at the first character of some form: most characters of a text are passed over with one table read. */
const FIRST = new ByteTable(
  (() => {
    const flat = new Uint8Array(65536);
    for (const c of FORMS_BY_FIRST.keys()) flat[c] = 1;
    return flat;
  })(),
);

/** Which forms `text` holds: one pass over the text instead of a search for each form. */
function formsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (FIRST.of(c) === 0) continue;
    const forms = FORMS_BY_FIRST.get(c);
    if (forms) for (const form of forms) if (text.startsWith(form, i)) found.add(form);
  }
  return found;
}

/** Known short names in a text, longest form first at each place; a type acronym only with a party prefix (or alone where allowed). */
export function knownAliases(text: string, lang: 'ja' | 'en'): AliasMention[] {
  const out: AliasMention[] = [];
  const present = formsIn(text);
  if (present.size === 0) return out;
  for (const known of KNOWN_AGREEMENTS) {
    for (const { form, pattern } of PATTERNS.get(known)!) {
      // A text without the form has no match: the pattern's lookbehind at every position is not cheap.
      if (!present.has(form)) continue;
      for (const m of text.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        if (out.some((o) => o.start < end && start < o.end)) continue;
        if (lang === 'ja' && ORG_AFTER.test(text.slice(end, end + 4))) continue;
        const prefix = (lang === 'ja' ? JA_PREFIX : EN_PREFIX).exec(text.slice(Math.max(0, start - 24), start))?.[0];
        if (!prefix && lang === 'en' && known.ambiguousInEnglish) continue;
        const mention: AliasMention = { start: prefix ? start - prefix.length : start, end, kind: known.kind, name: known.name, rule: prefix ? 'agreement.known.prefixed' : 'agreement.known' };
        if (prefix) mention.prefix = prefix.trim().replace(/・$/, '');
        out.push(mention);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Short names a text defines right after a name ending at `end`: `(以下「X」という。)`, `(以下、「X」といいます。)`,
 * `(略称「X」)`, `(“the X”, or “the Y”)`, `, or X`. Empty when there is none.
 */
export function definedAliases(text: string, end: number): string[] {
  const after = text.slice(end, end + 120);
  const ja = /^」?\((?:以下|略称|通称)[、,]?「([^」]{1,30})」/.exec(after);
  if (ja) return [ja[1]!];
  const en = /^\s*\(\s*[“"]?(?:the\s+)?([^”")]{2,80}?)[”"]?(?:\s*,\s*or\s+[“"]?(?:the\s+)?([^”")]{2,60}?)[”"]?)?\s*\)/.exec(after);
  if (en && /[“"]/.test(after.slice(0, en[0].length))) {
    const forms = [en[1]!, ...(en[2] ? [en[2]] : [])].map((f) => f.trim());
    // `the Japan-Philippines RAA` is also called `the RAA`.
    for (const f of [...forms]) {
      const acronym = /\s([A-Z]{2,}[A-Za-z0-9]*)$/.exec(f)?.[1];
      if (acronym && !forms.includes(acronym)) forms.push(acronym);
    }
    return forms;
  }
  const or = /^,\s+or\s+([A-Z][A-Za-z0-9-]*[A-Z0-9])(?![A-Za-z0-9])/.exec(after);
  if (or) return [or[1]!];
  return [];
}

/** Every mention of the defined short forms (whole words for Latin forms), from `from` on. */
export function mentionsOf(text: string, forms: readonly string[], from: number): { start: number; end: number; form: string }[] {
  const out: { start: number; end: number; form: string }[] = [];
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    const latin = /^[A-Za-z0-9]/.test(form);
    for (let i = text.indexOf(form, from); i >= 0; i = text.indexOf(form, i + 1)) {
      if (latin && (/[A-Za-z0-9]/.test(text[i - 1] ?? '') || /[A-Za-z0-9]/.test(text[i + form.length] ?? ''))) continue;
      const span = { start: i, end: i + form.length, form };
      if (!overlapsAny(out, span)) out.push(span);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
