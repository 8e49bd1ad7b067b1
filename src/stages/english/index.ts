import type { StageFactory } from '../../core/stage.js';
import { englishAgreementsStage } from './agreements.js';
import { englishDatesStage } from './dates.js';
import { englishMoneyStage } from './money.js';
import { englishOrgsStage } from './orgs.js';

/**
 * English stage set (language 'en'): compromise tokenization and tags (one run per document, shared
 * through `analyzeEnglish`) with kiji's own grammars for what compromise gets wrong. The shared
 * 'sentences' stage still runs; these stages use compromise's sentence ends instead (it knows `U.S.`, `Nov.`).
 */
export const englishStages: readonly StageFactory[] = [englishDatesStage, englishMoneyStage, englishOrgsStage, englishAgreementsStage];
