import { SENTENCES, TOKENS } from '../../core/document.js';
import { defineStage } from '../../core/stage.js';
import { splitSentences } from '../../text/sentences.js';
import { loadTokenizer, tokenizeSegments } from './kuromoji.js';

/** Sentences (and length-capped segments) over the normalized text: what kuromoji is fed. */
export const sentencesStage = defineStage({
  name: 'sentences',
  languages: ['ja', 'en'],
  requires: [],
  provides: [SENTENCES],
  create: () => (doc) => {
    doc.set(SENTENCES, splitSentences(doc.norm.text));
  },
});

/** kuromoji (IPADIC), loaded once per process or worker when a pipeline that tokenizes is built. */
export const tokenizeStage = defineStage({
  name: 'tokenize',
  languages: ['ja'],
  requires: [SENTENCES],
  provides: [TOKENS],
  load: () => loadTokenizer(),
  create: ({ resource: tokenizer }) => (doc) => {
    doc.set(TOKENS, tokenizeSegments(tokenizer, doc.norm.text, doc.sentences));
  },
});
