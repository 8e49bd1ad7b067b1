import type { Language } from '../schema/records.js';

/**
 * A short article per language that a new worker processes once, right after building that language's stages and
 * before its first task, as part of loading (not counted against any article's time limit): the first call of each
 * stage's functions compiles them, which would otherwise fall on the first article, and on an article tried again
 * alone on a replacement worker, whose time limit has no allowance for it (scheduler.ts). Written for this purpose.
 */
export const WARM_UP_TEXT: Readonly<Record<Language, string>> = {
  ja: '2025年4月1日、架空商事株式会社は東京都内で山田銀行と業務提携に関する覚書に署名し、総額1億5,000万円を出資すると発表した。同社の担当者によると、来年3月までに新会社を設立する。',
  en: 'On April 1, 2025, Example Trading Co. signed a memorandum of understanding with Sample Bank in Tokyo and said it would invest $15 million. The company plans to set up a joint venture by March next year.',
};
