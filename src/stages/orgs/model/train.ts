import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleDocument, SENTENCES, TOKENS } from '../../../core/document.js';
import { KijiError } from '../../../core/errors.js';
import { parseConfig } from '../../../schema/config.js';
import { normalizeText } from '../../../text/normalize.js';
import { splitSentences } from '../../../text/sentences.js';
import { TOKEN_FEATURES, tokenViewOf } from '../../token-features/index.js';
import { loadTokenizer, tokenizeSegments, type Tokenizer } from '../../tokenize/kuromoji.js';
import { longestFirst } from '../../../core/spans.js';
import { collectCandidates } from '../candidates.js';
import { buildOrgLexicon, type OrgLexicon } from '../lexicon.js';
import { extractFeatures, type FeatureInput } from './features.js';
import { encodeModel, quantise, type ModelHeader } from './file.js';
import { beginTag, insideTag, TYPES, typeIndexOfLabel } from './labels.js';
import { train, type Example } from './perceptron.js';

/**
 * `kiji train orgs`: reads the training halves of the two NER sets in ../shared/eval, turns each sentence into
 * kiji's own tokens and features (the same code the stage runs) and gold BIO tags, trains the perceptron and
 * returns the model file's bytes. Only train.jsonl is read: the dev halves are for measuring.
 */
export const TRAINING_FILES = ['stockmark-ner-wikipedia/train.jsonl', 'ud-japanese-gsd-ne/train.jsonl'] as const;
/**
 * How often each file's sentences come up per epoch (and count towards minCount). UD's sentences weigh
 * twice: it has fewer names per sentence than stockmark's and a wider range of kinds (bands, teams,
 * schools, units of a body), and at equal weight the model takes stockmark's Wikipedia-lead style for the
 * rule. Measured on the dev halves over four seeds each (bench/README.md).
 */
export const FILE_WEIGHTS: Readonly<Record<(typeof TRAINING_FILES)[number], number>> = {
  'stockmark-ner-wikipedia/train.jsonl': 1,
  'ud-japanese-gsd-ne/train.jsonl': 2,
};

export const DEFAULT_TRAINING = { epochs: 15, seed: 2, minCount: 2, minWeight: 1 } as const;
/** Sentences per file of the small retrain whose sha256 the full model records (`sliceCheck`). */
export const SLICE = 120;

export interface TrainOrgOptions {
  evalDir: string;
  epochs?: number;
  seed?: number;
  minCount?: number;
  minWeight?: number;
  /** Use only the first `limit` sentences of each file (for the reproducibility test). */
  limit?: number;
  log?: (line: string) => void;
}

interface GoldItem {
  id: string;
  text: string;
  spans: { start: number; end: number; type: string }[];
}

/** A document with kiji's sentences, tokens and token features, made as the pipeline makes them. */
export function tokenizedDocument(tokenizer: Tokenizer, raw: string): ArticleDocument {
  const doc = new ArticleDocument(raw, normalizeText(raw), 'ja', CONFIG);
  doc.set(SENTENCES, splitSentences(doc.norm.text));
  doc.set(TOKENS, tokenizeSegments(tokenizer, doc.norm.text, doc.sentences));
  doc.set(TOKEN_FEATURES, tokenViewOf(doc.tokens));
  return doc;
}
const CONFIG = parseConfig({});

/** What the features read from a tokenized document: the same in training and in the stage. */
export function featureInputOf(doc: ArticleDocument, lexicon: OrgLexicon): FeatureInput {
  const candidates = collectCandidates(doc, lexicon);
  return { text: doc.norm.text, tokens: doc.tokens, candidates, kept: longestFirst(candidates), lexicon };
}

/**
 * Gold tags per token: a token takes the type of the gold span holding most of its characters (raw
 * offsets). Spans of types the tagger does not learn are left O.
 */
export function goldTags(doc: ArticleDocument, spans: GoldItem['spans']): Uint8Array {
  const tags = new Uint8Array(doc.tokens.length);
  const owner = new Int32Array(doc.tokens.length).fill(-1);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  doc.tokens.forEach((t, i) => {
    const raw = doc.rawSpan(t.start, t.end);
    const length = raw.end - raw.start;
    sorted.forEach((s, k) => {
      if (typeIndexOfLabel(s.type) < 0 || owner[i] !== -1) return;
      const overlap = Math.min(raw.end, s.end) - Math.max(raw.start, s.start);
      if (overlap > 0 && overlap * 2 >= length) owner[i] = k;
    });
  });
  for (let i = 0; i < tags.length; i++) {
    const k = owner[i]!;
    if (k < 0) continue;
    const type = typeIndexOfLabel(sorted[k]!.type);
    tags[i] = i > 0 && owner[i - 1] === k ? insideTag(type) : beginTag(type);
  }
  return tags;
}

/** Sentences written for this fingerprint (not from any data set): their features change when a template does. */
const PROBE = [
  '北陸みらい銀行と株式会社ミナトロボティクスは5日、業務提携を発表した。',
  '防衛省の報道官によると、ASEAN国防相会議は来月ハノイで開かれる。',
  'Brightline Robotics, Inc.の山田太郎社長は東京大学大学院の出身だ。',
  '国際協力機構(JICA)と東電、(株)サクラ精機が覚書に署名した。',
];

/** sha256 of the features of the probe sentences: recorded in the model, checked by the model test. */
export function featureProbe(tokenizer: Tokenizer, lexicon: OrgLexicon): string {
  const hash = createHash('sha256');
  for (const text of PROBE) {
    const f = extractFeatures(featureInputOf(tokenizedDocument(tokenizer, text), lexicon));
    hash.update(new Uint8Array(f.offsets.buffer, f.offsets.byteOffset, f.offsets.byteLength));
    hash.update(new Uint8Array(f.hashes.buffer, f.hashes.byteOffset, f.hashes.byteLength));
  }
  return hash.digest('hex');
}

export async function trainOrgModel(options: TrainOrgOptions): Promise<Uint8Array> {
  const epochs = options.epochs ?? DEFAULT_TRAINING.epochs;
  const seed = options.seed ?? DEFAULT_TRAINING.seed;
  const minCount = options.minCount ?? DEFAULT_TRAINING.minCount;
  const minWeight = options.minWeight ?? DEFAULT_TRAINING.minWeight;
  const log = options.log ?? (() => {});
  const tokenizer = await loadTokenizer();
  const lexicon = buildOrgLexicon(CONFIG);
  const examples: Example[] = [];
  const data: ModelHeader['data'] = [];
  for (const file of TRAINING_FILES) {
    const path = join(options.evalDir, file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new KijiError('E_READ', `training data ${path} could not be read (${(error as Error).message}); pass --data with the folder holding ${TRAINING_FILES.join(' and ')}`);
    }
    let lines = bytes.toString('utf8').split('\n').filter((l) => l.trim());
    if (options.limit !== undefined) lines = lines.slice(0, options.limit);
    const weight = FILE_WEIGHTS[file];
    const own: Example[] = [];
    for (const line of lines) {
      const item = JSON.parse(line) as GoldItem;
      const doc = tokenizedDocument(tokenizer, item.text);
      if (doc.tokens.length === 0) continue;
      own.push({ features: extractFeatures(featureInputOf(doc, lexicon)), gold: goldTags(doc, item.spans) });
    }
    // The file's sentences `weight` times over, one copy after the other (the shuffle mixes them).
    for (let k = 0; k < weight; k++) examples.push(...own);
    const sha256 = createHash('sha256').update(options.limit === undefined ? bytes : lines.join('\n')).digest('hex');
    data.push({ file, sha256, sentences: lines.length, weight });
    log(`${file}: ${lines.length} sentences`);
  }
  const trained = train(examples, { epochs, seed, minCount, log });
  const { scale, ...weights } = quantise(trained, minWeight);
  log(`${trained.hashes.length} features, ${weights.hashes.length} kept after pruning (largest |weight| < ${minWeight}) and quantising`);
  const header: ModelHeader = { format: 1, tags: 1 + 2 * TYPES.length, types: TYPES, scale, epochs, seed, minCount, minWeight, data, featureProbe: featureProbe(tokenizer, lexicon) };
  if (options.limit === undefined) {
    // The same code on a small slice: the model test retrains it in seconds and compares this hash.
    const slice = await trainOrgModel({ ...options, limit: SLICE, log: () => {} });
    header.sliceCheck = createHash('sha256').update(slice).digest('hex');
  }
  return encodeModel({ header, ...weights });
}
