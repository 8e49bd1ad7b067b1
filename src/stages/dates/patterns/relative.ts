/**
 * Relative and anaphoric words: 昨年, 今年, 来年, 先月, 来週, 昨日, 今日度 …, 同年, 同月, 同日, 翌年, 前日, 年末, 上半期.
 * `前年比` and the like are comparisons, not dates.
 */
import { RELATIVE_WORDS } from '../../../data/date-words.js';
import { KANJI_NUM, NUM_BEFORE_CHARS, blockedBefore, startsWith } from '../fragments.js';
import { candidate, type DateParser } from '../types.js';
import { alternation } from '../../../core/regex.js';

/** Words written in hiragana are only dates when a particle or punctuation follows (きょうは, あすから). */
const KANA_WORD = /^[ぁ-ゖ]+$/;
const KANA_FOLLOW = /^(?:は|の|も|から|まで|に|、|。|\s|\d|[\u4e00-\u9fff]|$)/;

export const relativeParsers: readonly DateParser[] = [
  {
    name: 'ja.date.relative.word',
    pattern: new RegExp(`${startsWith([...new Set(Object.keys(RELATIVE_WORDS).map((w) => w[0]))].join(''))}(${alternation(Object.keys(RELATIVE_WORDS))})(?!比|同期|来|以来|券)`, 'g'),
    extract(m, ctx) {
      const word = m[1]!;
      const end = m.index + word.length;
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
      if (entry.offset === 0 && !entry.anaphoric && (entry.mod || entry.half) && (entry.unit === 'year' || entry.unit === 'month')) c.periodWord = true;
      return c;
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
