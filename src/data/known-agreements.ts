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
  /**
   * Other full names of the same agreement (Japanese, or English without a word): a mention written so gets the key of
   * `name`, so `環太平洋パートナーシップ協定`, `TPP協定` and `Trans-Pacific Partnership` are one agreement. For a generic type,
   * the name without its parties (`日EU・経済連携協定` is the EPA between 日本 and 欧州連合).
   */
  names?: readonly string[];
}

export const KNOWN_AGREEMENTS: readonly KnownAgreement[] = [
  { name: 'Trans-Pacific Partnership Agreement', forms: ['TPP', 'TPP協定'], kind: 'agreement', names: ['Trans-Pacific Partnership', '環太平洋パートナーシップ協定', '環太平洋パートナーシップ(TPP)協定'] },
  { name: 'Comprehensive and Progressive Agreement for Trans-Pacific Partnership', forms: ['CPTPP', 'TPP11', 'TPP11協定', 'TPP 11'], kind: 'agreement', names: ['環太平洋パートナーシップに関する包括的及び先進的な協定'] },
  { name: 'Regional Comprehensive Economic Partnership Agreement', forms: ['RCEP', 'RCEP協定'], kind: 'agreement', names: ['Regional Comprehensive Economic Partnership', '地域的な包括的経済連携協定'] },
  { name: 'Transatlantic Trade and Investment Partnership', forms: ['TTIP', 'T-TIP'], kind: 'agreement', names: ['環大西洋貿易投資パートナーシップ'] },
  { name: 'United States-Mexico-Canada Agreement', forms: ['USMCA'], kind: 'agreement' },
  { name: 'North American Free Trade Agreement', forms: ['NAFTA'], kind: 'agreement' },
  { name: 'General Agreement on Tariffs and Trade', forms: ['GATT'], kind: 'agreement' },
  { name: 'Agreement on Trade Facilitation', forms: ['TFA'], kind: 'agreement', ambiguousInEnglish: true },
  { name: 'Korea-U.S. Free Trade Agreement', forms: ['KORUS', 'KORUS FTA'], kind: 'agreement' },
  { name: 'Treaty on the Non-Proliferation of Nuclear Weapons', forms: ['NPT'], kind: 'treaty', names: ['核兵器の不拡散に関する条約', '核兵器不拡散条約', '核拡散防止条約'] },
  { name: 'Comprehensive Nuclear-Test-Ban Treaty', forms: ['CTBT'], kind: 'treaty' },
  { name: 'United Nations Convention on the Law of the Sea', forms: ['UNCLOS'], kind: 'treaty', names: ['UN Convention on the Law of the Sea', '海洋法に関する国際連合条約', '国連海洋法条約'] },
  { name: 'Joint Comprehensive Plan of Action', forms: ['JCPOA'], kind: 'agreement' },
  { name: 'Intermediate-Range Nuclear Forces Treaty', forms: ['INF Treaty', 'INF条約'], kind: 'treaty' },
  { name: 'Security Treaty between Australia, New Zealand, and the United States', forms: ['ANZUS'], kind: 'treaty' },
  // Types of agreement: one of them between the parties of a prefix.
  { name: 'Economic Partnership Agreement', forms: ['EPA'], kind: 'agreement', generic: true, ambiguousInEnglish: true, names: ['経済連携協定', 'EPA協定'] },
  { name: 'Free Trade Agreement', forms: ['FTA'], kind: 'agreement', generic: true, names: ['自由貿易協定', 'FTA協定'] },
  { name: 'Reciprocal Access Agreement', forms: ['RAA'], kind: 'agreement', generic: true, names: ['円滑化協定', '部隊間協力円滑化協定'] },
  { name: 'Status of Forces Agreement', forms: ['SOFA'], kind: 'agreement', generic: true, ambiguousInEnglish: true, names: ['地位協定'] },
  { name: 'Acquisition and Cross-Servicing Agreement', forms: ['ACSA'], kind: 'agreement', generic: true, names: ['物品役務相互提供協定'] },
  { name: 'General Security of Military Information Agreement', forms: ['GSOMIA'], kind: 'agreement', generic: true, names: ['秘密軍事情報保護協定', '軍事情報包括保護協定'] },
  { name: 'Trade and Investment Framework Agreement', forms: ['TIFA'], kind: 'agreement', generic: true, names: ['貿易投資枠組み協定'] },
  { name: 'Bilateral Investment Treaty', forms: ['BIT'], kind: 'treaty', generic: true, ambiguousInEnglish: true },
];
