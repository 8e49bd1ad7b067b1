import type { KijiConfig } from '../schema/config.js';
import type { KijiRecord, Language, RecordOf, RecordType } from '../schema/records.js';
import { type NormalizedText, toRawSpan } from '../text/normalize.js';
import type { Segment } from '../text/sentences.js';
import type { Token } from '../stages/tokenize/kuromoji.js';
import type { CalendarDate } from './reference-date.js';

/**
 * One article being processed: the raw text (what offsets point into), its normalized view,
 * sentences and tokens (normalized offsets), and one record layer per type (raw offsets).
 */
export class ArticleDocument {
  sentences: Segment[] = [];
  tokens: Token[] = [];
  private readonly layers = new Map<RecordType, KijiRecord[]>();

  constructor(
    readonly raw: string,
    readonly norm: NormalizedText,
    readonly lang: Language,
    readonly config: KijiConfig,
    /** The article's publication date, when known. */
    readonly ref?: CalendarDate,
  ) {}

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
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (normOffset < s.start) hi = mid - 1;
      else if (normOffset >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }
}
