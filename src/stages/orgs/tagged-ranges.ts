import { overlaps, type Span } from '../../core/spans.js';
import type { OrgCandidate } from './chunk.js';
import { type FeatureInput, tokenRange } from './model/features.js';
import { COMMON_KATAKANA, NAME_LIKE, ORG_CUE, type TokenView } from '../token-features/index.js';

/**
 * Where the organisation tagger reads: the noun runs that hold a token an organisation's name can be made of
 * (proper, unknown, katakana or Latin, IPADIC 組織, ending like a head or a title: NAME_LIKE or ORG_CUE; not a
 * katakana word IPADIC knows as a common noun, COMMON_KATAKANA, alone) and the tokens of the rules' candidates, each
 * with CONTEXT tokens either side, so that the features and the decoder see the edges. The tagger's cost goes with
 * the tokens it reads, and on livedoor news these ranges hold about half of them. The other tokens are O for it: a
 * name made only of common words that no rule proposes is not one the model tags (bench/README.md, "Tagging only
 * where a name can be", counts what changes against tagging whole texts).
 */
const CONTEXT = 3;
/** Ranges this close (in tokens) are read as one. */
const JOIN_GAP = 3;
const CUES = NAME_LIKE | ORG_CUE;

/** [from, to) token ranges, in order and disjoint: the cue runs and the tokens of every rule candidate, widened by CONTEXT. */
export function taggedRanges(view: TokenView, candidates: readonly OrgCandidate[]): [number, number][] {
  const { tokens } = view;
  const n = tokens.length;
  const spans: [number, number][] = [];
  for (let r = 0; r < view.runCount; r++) {
    const a = view.runFrom[r]!;
    const b = view.runTo[r]!;
    for (let i = a; i < b; i++) {
      if ((view.flags[i]! & CUES) === 0 || view.flags[i]! & COMMON_KATAKANA) continue;
      spans.push([a, b]);
      break;
    }
  }
  // A rule's candidate is read too (a word the lexicon knows, `楽天`, may be a common noun for IPADIC).
  for (const c of candidates) {
    const span = tokenRange(tokens, c.start, c.end);
    if (span[0] < span[1]) spans.push(span);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const ranges: [number, number][] = [];
  for (const [a, b] of spans) {
    const from = Math.max(0, a - CONTEXT);
    const to = Math.min(n, b + CONTEXT);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1] + JOIN_GAP) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  return ranges;
}

const touching = (list: readonly OrgCandidate[], span: Span) => list.filter((c) => overlaps(c, span));

/** The tagger's input restricted to tokens [from, to) (from < to): the rule candidates that touch them, the same text and lexicon. */
export function inputOver(input: FeatureInput, from: number, to: number): FeatureInput {
  const tokens = input.tokens.slice(from, to);
  const span = { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
  return { text: input.text, tokens, candidates: touching(input.candidates, span), kept: touching(input.kept, span), lexicon: input.lexicon };
}
