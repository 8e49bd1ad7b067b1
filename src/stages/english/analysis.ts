import type nlpType from 'compromise';
import { defineLayer } from '../../core/document.js';
import { spanIndexAt } from '../../core/spans.js';
import { defineStage } from '../../core/stage.js';
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

/** The English analysis of a document, computed once by the stage below and read by the English extractors. */
export const EN_ANALYSIS = defineLayer<EnglishAnalysis>('en.analysis');

type Compromise = typeof nlpType;

/**
 * compromise (~1 s of start-up) is imported when a pipeline that will analyse English is built, so that
 * commands that never do (inspect, query, report, --version) do not pay for it.
 */
export const englishAnalysisStage = defineStage({
  name: 'en.analysis',
  languages: ['en'],
  requires: [],
  provides: [EN_ANALYSIS],
  load: async (): Promise<Compromise> => (await import('compromise')).default,
  create: ({ resource: nlp }) => (doc) => doc.set(EN_ANALYSIS, analyzeText(nlp, doc.norm.text)),
});

export function analyzeText(nlp: Compromise, text: string): EnglishAnalysis {
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
  // Between sentences (spaces): the one before.
  return Math.max(0, spanIndexAt(analysis.sentences, offset));
}
