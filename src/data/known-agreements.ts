import type { AgreementKind } from '../schema/records.js';

/**
 * Well-known agreements by their short names, in both languages: each short form is an AGREEMENT record of its own,
 * linked to the full name (value.name, alias: true). `generic` forms name a type of agreement, not one agreement
 * (EPA, FTA, RAA …): they are records with a party prefix (`日EU・EPA`, `日比RAA`, `U.S.-Australia FTA`), and alone
 * only where they are not also something else (`EPA` in English is also the Environmental Protection Agency).
 */
export interface KnownAgreement {
  /** The full name (English). */
  name: string;
  /** Short forms as written: acronyms and Japanese short names. */
  forms: readonly string[];
  kind: AgreementKind;
  generic?: boolean;
  /** Not a record alone in English text. */
  ambiguousInEnglish?: boolean;
}

export const KNOWN_AGREEMENTS: readonly KnownAgreement[] = [
  { name: 'Trans-Pacific Partnership Agreement', forms: ['TPP', 'TPP協定'], kind: 'agreement' },
  { name: 'Comprehensive and Progressive Agreement for Trans-Pacific Partnership', forms: ['CPTPP', 'TPP11', 'TPP11協定', 'TPP 11'], kind: 'agreement' },
  { name: 'Regional Comprehensive Economic Partnership Agreement', forms: ['RCEP', 'RCEP協定'], kind: 'agreement' },
  { name: 'Transatlantic Trade and Investment Partnership', forms: ['TTIP', 'T-TIP'], kind: 'agreement' },
  { name: 'United States-Mexico-Canada Agreement', forms: ['USMCA'], kind: 'agreement' },
  { name: 'North American Free Trade Agreement', forms: ['NAFTA'], kind: 'agreement' },
  { name: 'General Agreement on Tariffs and Trade', forms: ['GATT'], kind: 'agreement' },
  { name: 'Agreement on Trade Facilitation', forms: ['TFA'], kind: 'agreement', ambiguousInEnglish: true },
  { name: 'Korea-U.S. Free Trade Agreement', forms: ['KORUS', 'KORUS FTA'], kind: 'agreement' },
  { name: 'Treaty on the Non-Proliferation of Nuclear Weapons', forms: ['NPT'], kind: 'treaty' },
  { name: 'Comprehensive Nuclear-Test-Ban Treaty', forms: ['CTBT'], kind: 'treaty' },
  { name: 'United Nations Convention on the Law of the Sea', forms: ['UNCLOS'], kind: 'treaty' },
  { name: 'Joint Comprehensive Plan of Action', forms: ['JCPOA'], kind: 'agreement' },
  { name: 'Intermediate-Range Nuclear Forces Treaty', forms: ['INF Treaty', 'INF条約'], kind: 'treaty' },
  { name: 'Security Treaty between Australia, New Zealand, and the United States', forms: ['ANZUS'], kind: 'treaty' },
  // Types of agreement: one of them between the parties of a prefix.
  { name: 'Economic Partnership Agreement', forms: ['EPA'], kind: 'agreement', generic: true, ambiguousInEnglish: true },
  { name: 'Free Trade Agreement', forms: ['FTA'], kind: 'agreement', generic: true },
  { name: 'Reciprocal Access Agreement', forms: ['RAA'], kind: 'agreement', generic: true },
  { name: 'Status of Forces Agreement', forms: ['SOFA'], kind: 'agreement', generic: true, ambiguousInEnglish: true },
  { name: 'Acquisition and Cross-Servicing Agreement', forms: ['ACSA'], kind: 'agreement', generic: true },
  { name: 'General Security of Military Information Agreement', forms: ['GSOMIA'], kind: 'agreement', generic: true },
  { name: 'Trade and Investment Framework Agreement', forms: ['TIFA'], kind: 'agreement', generic: true },
  { name: 'Bilateral Investment Treaty', forms: ['BIT'], kind: 'treaty', generic: true, ambiguousInEnglish: true },
];
