import type nlpType from 'compromise';
import { KijiError } from '../../core/errors.js';
import type { ArticleDocument } from '../../core/document.js';
import type { Segment } from '../../text/sentences.js';

/**
 * compromise, run once per document over the normalized text (measured faster than once per
 * sentence or paragraph: the tagger's fixed cost per call dominates short inputs). Its term offsets
 * are UTF-16 indices into the string it was given, so they are normalized offsets here and every
 * record goes through `doc.rawSpan`. The compromise-dates plugin is not loaded: kiji's own date
 * grammar resolves TIMEX values, and the plugin made each call ~60 % slower.
 */
export interface EnTerm {
  /** The term as written, without surrounding punctuation (`Corp` for `Corp.`). */
  text: string;
  /** Normalized offsets of `text`. */
  start: number;
  end: number;
  /** Punctuation and spaces before and after, as compromise saw them. */
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  /** Index of the sentence the term is in. */
  sentence: number;
}

export interface EnglishAnalysis {
  /** Sentences (normalized offsets): compromise's sentence ends, also cut at line breaks. */
  sentences: Segment[];
  terms: EnTerm[];
  /** Index of the first term of each sentence, plus terms.length at the end. */
  sentenceTermStart: number[];
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface CompromiseSentence {
  offset: { start: number; length: number };
  terms: CompromiseTerm[];
}

const cache = new WeakMap<ArticleDocument, EnglishAnalysis>();

/** The English analysis of a document, computed once and shared by the English stages. */
export function analyzeEnglish(doc: ArticleDocument): EnglishAnalysis {
  let analysis = cache.get(doc);
  if (!analysis) {
    analysis = analyzeText(doc.norm.text);
    cache.set(doc, analysis);
  }
  return analysis;
}

let nlp: typeof nlpType | undefined;

/**
 * Loads compromise (~1 s of start-up) once, when a pipeline that can meet English text is built, so that
 * commands that never analyse English (inspect, query, report, --version) do not pay for it.
 */
export async function loadCompromise(): Promise<void> {
  nlp ??= (await import('compromise')).default;
}

export function analyzeText(text: string): EnglishAnalysis {
  if (!nlp) throw new KijiError('E_INTERNAL', 'compromise is not loaded: build the pipeline with createPipeline (it calls loadCompromise)');
  const sentences: Segment[] = [];
  const terms: EnTerm[] = [];
  const sentenceTermStart: number[] = [];
  const json = nlp(text).json({ offset: true }) as CompromiseSentence[];
  for (const s of json) {
    // compromise already ends sentences at line breaks; cut any that still span one (defensive, cheap).
    const from = s.offset.start;
    const to = s.offset.start + s.offset.length;
    let pieceStart = from;
    const pieces: Segment[] = [];
    for (let i = from; i < to; i++) {
      if (text.charCodeAt(i) === 10) {
        if (i > pieceStart) pieces.push({ start: pieceStart, end: i });
        pieceStart = i + 1;
      }
    }
    if (to > pieceStart) pieces.push({ start: pieceStart, end: to });
    let piece = 0;
    for (const t of s.terms) {
      if (t.offset.length === 0) continue;
      while (piece < pieces.length - 1 && t.offset.start >= pieces[piece]!.end) piece++;
      if (sentences[sentences.length - 1] !== pieces[piece]) {
        sentences.push(pieces[piece]!);
        sentenceTermStart.push(terms.length);
      }
      const sentence = sentences.length - 1;
      const start = t.offset.start;
      terms.push({ text: text.slice(start, start + t.offset.length), start, end: start + t.offset.length, pre: t.pre, post: t.post, tags: new Set(t.tags), sentence });
    }
  }
  sentenceTermStart.push(terms.length);
  return { sentences, terms, sentenceTermStart };
}

/** The sentence (normalized offsets) containing an offset, by binary search. */
export function sentenceIndexAt(analysis: EnglishAnalysis, offset: number): number {
  const list = analysis.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  // Between sentences (spaces): the one before.
  return Math.max(0, hi);
}
