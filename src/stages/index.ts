import type { Stage } from '../core/stage.js';
import { agreementsStage } from './agreements/index.js';
import { datesStage } from './dates/index.js';
import { englishAgreementsStage } from './english/agreements.js';
import { englishAnalysisStage } from './english/analysis.js';
import { englishDatesStage } from './english/dates.js';
import { englishMoneyStage } from './english/money.js';
import { englishOrgsStage } from './english/orgs.js';
import { moneyStage } from './money/index.js';
import { orgsStage } from './orgs/index.js';
import { tokenFeaturesStage } from './token-features/index.js';
import { sentencesStage, tokenizeStage } from './tokenize/index.js';

/**
 * Every stage in run order. Each declares the languages it serves and what it requires and provides;
 * the pipeline (src/pipeline.ts) plans one list per language from this and checks it when it is built.
 *
 * English (language 'en'): one compromise analysis per document (`en.analysis`: tokens, tags and
 * sentence ends that know `U.S.`, `Nov.`), read by kiji's own grammars for what compromise gets wrong.
 */
export const STAGES: readonly Stage[] = [
  sentencesStage,
  tokenizeStage,
  tokenFeaturesStage,
  datesStage,
  moneyStage,
  orgsStage,
  agreementsStage,
  englishAnalysisStage,
  englishDatesStage,
  englishMoneyStage,
  englishOrgsStage,
  englishAgreementsStage,
];
