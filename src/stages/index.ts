import type { StageFactory } from '../core/stage.js';
import { agreementsStage } from './agreements/index.js';
import { datesStage } from './dates/index.js';
import { englishStages } from './english/index.js';
import { moneyStage } from './money/index.js';
import { orgsStage } from './orgs/index.js';
import { sentencesStage, tokenizeStage } from './tokenize/index.js';

/**
 * Every stage in run order. Each declares the languages it serves; the pipeline builds one list
 * per language from this and checks requires/provides when it is built.
 */
export const STAGE_FACTORIES: readonly StageFactory[] = [
  sentencesStage,
  tokenizeStage,
  datesStage,
  moneyStage,
  orgsStage,
  agreementsStage,
  ...englishStages,
];
