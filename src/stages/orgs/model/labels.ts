/**
 * The tagger's label set. It learns every name type the training data marks, because telling an
 * organisation from a person, a place or a product is most of the work; only ORG spans become records.
 * Tags are BIO: 0 is O, then B-type and I-type for each type in TYPES order.
 */
export const TYPES = ['ORG', 'PERSON', 'LOC', 'FAC', 'PRODUCT', 'EVENT', 'MISC'] as const;
export type NameType = (typeof TYPES)[number];
export const TAG_COUNT = 1 + 2 * TYPES.length;
export const ORG_TYPE = 0;

export const beginTag = (type: number) => 1 + 2 * type;
export const insideTag = (type: number) => 2 + 2 * type;
/** The type of a B or I tag, -1 for O. */
export const typeOfTag = (tag: number) => (tag === 0 ? -1 : (tag - 1) >> 1);
export const isInside = (tag: number) => tag !== 0 && (tag - 1) % 2 === 1;

/**
 * Dataset labels → types. stockmark-ner-wikipedia: ORG (法人名, 政治的組織名, その他の組織名), PERSON, LOCATION,
 * FACILITY, PRODUCT, EVENT. UD Japanese GSD (OntoNotes-style): GPE and LOC are places, FAC facilities,
 * and the other name classes (NORP, WORK_OF_ART, LAW, …) are MISC. Numeric classes (DATE, MONEY, QUANTITY, …)
 * are left O, because the stockmark half does not mark them and they are other stages' work.
 */
const TYPE_OF_LABEL: Readonly<Record<string, NameType>> = {
  ORG: 'ORG',
  PERSON: 'PERSON',
  LOCATION: 'LOC',
  GPE: 'LOC',
  LOC: 'LOC',
  FACILITY: 'FAC',
  FAC: 'FAC',
  PRODUCT: 'PRODUCT',
  EVENT: 'EVENT',
  NORP: 'MISC',
  WORK_OF_ART: 'MISC',
  LAW: 'MISC',
  MOVEMENT: 'MISC',
  LANGUAGE: 'MISC',
  PET_NAME: 'MISC',
  TITLE_AFFIX: 'MISC',
};

/** The type index of a dataset span type, or -1 when the tagger does not learn it. */
export function typeIndexOfLabel(label: string): number {
  const type = TYPE_OF_LABEL[label];
  return type ? TYPES.indexOf(type) : -1;
}

/** May `next` follow `prev` (-1: sentence start)? An I tag continues a B or I of its own type. */
export function allowedTransition(prev: number, next: number): boolean {
  if (!isInside(next)) return true;
  return prev >= 0 && prev !== 0 && typeOfTag(prev) === typeOfTag(next);
}
