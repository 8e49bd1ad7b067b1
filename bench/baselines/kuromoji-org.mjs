#!/usr/bin/env node
// Crude ORG baseline: kuromoji (IPADIC) tokens tagged 名詞,固有名詞,組織 become ORG spans; adjacent
// ones (no gap between them) are merged into one span.
// Usage: node bench/baselines/kuromoji-org.mjs GOLD.jsonl > PRED.jsonl
//
// kuromoji's Viterbi search is quadratic on long runs without 、。, so each text is cut after every
// newline and 。 and the segments are tokenized one by one; a token's offset is the segment offset
// plus `word_position - 1`. Every token's surface is checked against the raw text at that offset.
// It does not always hold: kuromoji counts code points (astral characters shift it), and after it
// splits internally at 、 it restarts from the *start* of the previous sentence's last token, so a
// token such as `%、` shifts every later position by one. A mismatch is realigned by searching
// forward from the end of the previous token, and counted in the summary.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import kuromoji from 'kuromoji';
import { runBaseline, Counter } from './common.mjs';

const require = createRequire(import.meta.url);
const DIC_PATH = join(dirname(require.resolve('kuromoji/package.json')), 'dict');

const buildTokenizer = () =>
  new Promise((resolve, reject) =>
    kuromoji.builder({ dicPath: DIC_PATH }).build((err, tokenizer) => (err ? reject(err) : resolve(tokenizer))));

/** Segments of `text` ending after each newline and 。, with their offsets. */
function* segments(text) {
  const re = /[\n。]/g;
  let from = 0;
  for (let m; (m = re.exec(text)); ) {
    yield { offset: from, text: text.slice(from, m.index + 1) };
    from = m.index + 1;
  }
  if (from < text.length) yield { offset: from, text: text.slice(from) };
}

const isOrg = (t) => t.pos === '名詞' && t.pos_detail_1 === '固有名詞' && t.pos_detail_2 === '組織';

await runBaseline({
  name: 'kuromoji-org',
  usage: 'usage: node bench/baselines/kuromoji-org.mjs GOLD.jsonl > PRED.jsonl',
  setup: async () => ({ tokenizer: await buildTokenizer(), counts: new Counter() }),
  perDoc(doc, { tokenizer, counts }) {
    const spans = [];
    const text = doc.text;
    for (const seg of segments(text)) {
      let cursor = seg.offset;
      for (const t of tokenizer.tokenize(seg.text)) {
        let start = seg.offset + t.word_position - 1;
        if (start < cursor || text.slice(start, start + t.surface_form.length) !== t.surface_form) {
          start = text.indexOf(t.surface_form, cursor);
          if (start < 0 || start >= seg.offset + seg.text.length) throw new Error(`${doc.id}: token ${JSON.stringify(t.surface_form)} not found in the text`);
          counts.add('realigned');
        }
        const end = start + t.surface_form.length;
        cursor = end;
        counts.add('tokens');
        if (!isOrg(t)) continue;
        const last = spans.at(-1);
        if (last && last.end === start) {
          last.end = end;
          last.text = text.slice(last.start, end);
          last.tokens++;
        } else {
          spans.push({ start, end, type: 'ORG', text: t.surface_form, tokens: 1, rule: 'kuromoji.ipadic:名詞,固有名詞,組織' });
        }
      }
    }
    return spans;
  },
  summary: ({ counts }) => `${counts.get('tokens')} tokens, realigned=${counts.get('realigned')}`,
});
