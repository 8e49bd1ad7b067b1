import type { KijiConfig } from '../schema/config.js';
import type { KijiRecord, Language, RecordOf, RecordType } from '../schema/records.js';
import { type NormalizedText, toRawSpan } from '../text/normalize.js';
import type { Segment } from '../text/sentences.js';
import { KijiError } from './errors.js';
import { spanIndexAt } from './spans.js';
import type { CalendarDate } from './calendar.js';
import type { Token } from './token.js';

/**
 * A named, typed data layer of a document (sentences, tokens, an analysis a stage computed for the
 * stages after it). Stages name layers in `requires`/`provides`; the type travels with the key, so
 * `doc.get(layer)` needs no cast at the call site.
 */
export interface Layer<T> {
  readonly name: string;
  /** Never set: carries T for the type checker only. */
  readonly __type?: T;
}

export function defineLayer<T>(name: string): Layer<T> {
  return Object.freeze({ name });
}

/** Sentences (and length-capped segments) over the normalized text. */
export const SENTENCES = defineLayer<Segment[]>('sentences');
/** Tokens over the normalized text. */
export const TOKENS = defineLayer<Token[]>('tokens');

/**
 * One article being processed: the raw text (what offsets point into), its normalized view,
 * its data layers (sentences, tokens …; normalized offsets) and one record layer per type (raw offsets).
 */
export class ArticleDocument {
  private readonly data = new Map<string, unknown>();
  private readonly layers = new Map<RecordType, KijiRecord[]>();

  constructor(
    readonly raw: string,
    readonly norm: NormalizedText,
    readonly lang: Language,
    readonly config: KijiConfig,
    /** The article's publication date, when known. */
    readonly ref?: CalendarDate,
  ) {}

  /** A data layer an earlier stage provided; asking for one that none did is a bug in a stage's `requires`. */
  get<T>(layer: Layer<T>): T {
    if (!this.data.has(layer.name)) {
      throw new KijiError('E_STAGE_ORDER', `the layer "${layer.name}" was read before any stage provided it: add it to the reading stage's requires`);
    }
    return this.data.get(layer.name) as T;
  }

  set<T>(layer: Layer<T>, value: T): void {
    this.data.set(layer.name, value);
  }

  get sentences(): Segment[] {
    return this.get(SENTENCES);
  }

  get tokens(): Token[] {
    return this.get(TOKENS);
  }

  /** The raw span and text for a normalized span: what every record is built from. */
  rawSpan(normStart: number, normEnd: number): { start: number; end: number; text: string } {
    const { start, end } = toRawSpan(this.norm, normStart, normEnd);
    return { start, end, text: this.raw.slice(start, end) };
  }

  records<T extends RecordType>(type: T): RecordOf<T>[] {
    return (this.layers.get(type) ?? []) as RecordOf<T>[];
  }

  setRecords(type: RecordType, records: KijiRecord[]): void {
    this.layers.set(type, records);
  }

  allRecords(): KijiRecord[] {
    return [...this.layers.values()].flat();
  }

  /** The sentence (normalized offsets) containing a normalized offset. */
  sentenceAt(normOffset: number): Segment | undefined {
    const sentence = this.sentences[spanIndexAt(this.sentences, normOffset)];
    return sentence && normOffset < sentence.end ? sentence : undefined;
  }
}
