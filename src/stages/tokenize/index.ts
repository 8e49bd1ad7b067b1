import type { StageFactory } from '../../core/stage.js';
import { splitSentences } from '../../text/sentences.js';
import { tokenizeSegments } from './kuromoji.js';

/** Sentences (and length-capped segments) over the normalized text: what kuromoji is fed. */
export const sentencesStage: StageFactory = {
  name: 'sentences',
  languages: ['ja', 'en'],
  create: () => ({
    name: 'sentences',
    requires: [],
    provides: ['sentences'],
    run(doc) {
      doc.sentences = splitSentences(doc.norm.text);
    },
  }),
};

export const tokenizeStage: StageFactory = {
  name: 'tokenize',
  languages: ['ja'],
  create({ tokenizer }) {
    if (!tokenizer) throw new Error('the tokenize stage needs a loaded kuromoji tokenizer');
    return {
      name: 'tokenize',
      requires: ['sentences'],
      provides: ['tokens'],
      run(doc) {
        doc.tokens = tokenizeSegments(tokenizer, doc.norm.text, doc.sentences);
      },
    };
  },
};
