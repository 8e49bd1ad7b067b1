/**
 * Relative and anaphoric words: 昨年, 今年, 来年, 先月, 来週, 昨日, 今日度 …, 同年, 同月, 同日, 翌年, 前日, 年末, 上半期.
 * `前年比` and the like are comparisons, not dates (but `前年度比` keeps `前年度`: see below). The prefixes 本 and 同
 * before a day number (本25日, 同17日) are candidates of their own that composition joins to the day.
 */
import { DAY_PREFIXES, RELATIVE_WORDS } from '../../../data/date-words.js';
import { KANJI_NUM, NUM_BEFORE_CHARS, blockedBefore, startsWith } from '../fragments.js';
import { candidate, type DateParser } from '../types.js';
import { alternation } from '../../../core/regex.js';

/** Words written in hiragana are only dates when a particle or punctuation follows (きょうは, あすから). */
const KANA_WORD = /^[ぁ-ゖ]+$/;
/** A character that makes a prefix the end of a word or a counter instead (日本, 山本, 共同, ハンドブック本, 3本). */
const OPEN_WORD_BEFORE = /[0-9\u4e00-\u9fff々〆ァ-ヺー]/;
/** After a relative word: a comparison or a span since (前年比, 前年同期, 昨年来, 年来), or a ticket (当日券). */
const COMPARISON_AFTER = /^(?:比|同期|以来|来|券)/;
const KANA_FOLLOW = /^(?:は|の|も|から|まで|に|、|。|\s|\d|[\u4e00-\u9fff]|$)/;

export const relativeParsers: readonly DateParser[] = [
  {
    name: 'ja.date.relative.word',
    // The longest word, taken whole (a lookahead does not backtrack): 前年度比 must not fall back to 前年 + 度比.
    pattern: new RegExp(`${startsWith([...new Set(Object.keys(RELATIVE_WORDS).map((w) => w[0]))].join(''))}(?=(${alternation(Object.keys(RELATIVE_WORDS))}))\\1`, 'g'),
    extract(m, ctx) {
      const word = m[1]!;
      const end = m.index + word.length;
      // 前年比, 前年同期, 昨年来 are comparisons and spans, not dates; 前年度比 names the fiscal year compared with
      // (the gold marks 前年度 there), as a budget compares one fiscal year's figure with the one before.
      const after = COMPARISON_AFTER.exec(ctx.text.slice(end, end + 2))?.[0];
      if (after && !(after === '比' && RELATIVE_WORDS[word]!.unit === 'fiscal')) return null;
      if (KANA_WORD.test(word) && (!KANA_FOLLOW.test(ctx.text.slice(end, end + 2)) || /[ぁ-ゖ]/.test(ctx.text[m.index - 1] ?? ''))) return null;
      // 3月初め and 2026年末 are a month or year with a suffix, not 月初め / 年末 on their own.
      if ((word[0] === '年' || word[0] === '月') && blockedBefore(ctx.text, m.index, `${NUM_BEFORE_CHARS}元今昨来先去翌同前当本 `)) return null;
      const entry = RELATIVE_WORDS[word]!;
      const rule = entry.anaphoric ? 'ja.date.anaphoric' : 'ja.date.relative';
      const fields = {
        rel: { unit: entry.unit, offset: entry.offset + (entry.nextAfterMidyear && ctx.ref && ctx.ref.month >= 7 ? 1 : 0), ...(entry.anaphoric ? { anaphoric: true } : {}) },
        ...(entry.mod ? { mod: entry.mod } : {}),
        ...(entry.season ? { season: entry.season } : {}),
        ...(entry.half ? { half: entry.half } : {}),
        ...(entry.weekend ? { weekend: true } : {}),
        ...(entry.unit === 'fiscal' ? { fiscal: true } : {}),
      };
      // The text names the period only relative to another date: its parts are implied (by the resolver), not stated.
      const c = candidate(m.index, end, `${rule}.${entry.unit}`, fields, []);
      if (after) c.comparison = true;
      if (entry.offset === 0 && !entry.anaphoric && (entry.mod || entry.half) && (entry.unit === 'year' || entry.unit === 'month')) c.periodWord = true;
      return c;
    },
  },
  {
    // 本25日, 同17日: the prefix alone; composition joins it to the day after it, and finalize drops it otherwise.
    name: 'ja.date.day-prefix',
    pattern: new RegExp(`${startsWith(Object.keys(DAY_PREFIXES).join(''))}(${alternation(Object.keys(DAY_PREFIXES))})(?=\\d)`, 'g'),
    extract(m, ctx) {
      if (OPEN_WORD_BEFORE.test(ctx.text[m.index - 1] ?? '')) return null;
      const entry = DAY_PREFIXES[m[1]!]!;
      const rel = { unit: entry.unit, offset: entry.offset, ...(entry.anaphoric ? { anaphoric: true } : {}) };
      return { ...candidate(m.index, m.index + m[1]!.length, entry.anaphoric ? 'ja.date.anaphoric.month' : 'ja.date.relative.month', { rel }, []), dayPrefix: true, suffixOnly: true };
    },
  },
  {
    name: 'ja.date.anaphoric.next',
    pattern: new RegExp(`(?=[翌])翌(?=[0-9${KANJI_NUM}])`, 'g'),
    extract(m) {
      return { ...candidate(m.index, m.index + 1, this.name, {}, []), nextPrefix: true, suffixOnly: true };
    },
  },
];
