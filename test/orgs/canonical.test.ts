import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type OrgRecord, type Pipeline } from '../../src/index.js';
import { acrossLanguages, withoutLegalForm } from '../../src/stages/orgs/canonical.js';

describe('withoutLegalForm', () => {
  it.each([
    ['株式会社サクラ精機', 'サクラ精機'],
    ['サクラ精機株式会社', 'サクラ精機'],
    ['サクラ精機(株)', 'サクラ精機'],
    ['(株)サクラ精機', 'サクラ精機'],
    ['㈱サクラ精機', 'サクラ精機'],
    ['Brightline Robotics, Inc.', 'Brightline Robotics'],
    ['Acme Co., Ltd.', 'Acme'],
    ['JERA Co., Inc.', 'JERA'],
    ['Mizuho Bank', 'Mizuho Bank'],
    ['株式会社', '株式会社'],
    ['防衛省', '防衛省'],
  ])('%s → %s', (name, core) => {
    expect(withoutLegalForm(name)).toBe(core);
  });
});

describe('acrossLanguages', () => {
  it('gives the Japanese and English names of a well-known body one name', () => {
    expect(acrossLanguages('Association of Southeast Asian Nations')).toBe('東南アジア諸国連合');
    expect(acrossLanguages('東南アジア諸国連合')).toBe('東南アジア諸国連合');
    expect(acrossLanguages('Brightline Robotics')).toBe('Brightline Robotics');
  });
});

describe('one org_name per organisation', () => {
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await createPipeline({});
  });
  const names = (text: string) => pipeline.process({ text }).records.filter((r): r is OrgRecord => r.type === 'ORG').map((r) => r.value.name);

  it('with or without the legal form', () => {
    expect(names('株式会社サクラ精機は5日、新工場を公開した。')).toEqual(['サクラ精機']);
    expect(names('サクラ精機(株)は5日、新工場を公開した。')).toEqual(['サクラ精機']);
  });

  it('a short form the lexicon knows', () => {
    expect(names('東電は5日、料金の改定を発表した。')).toEqual(['東京電力']);
  });

  it('with an abbreviation spelled out or not', () => {
    expect(names('The U.S. Army trained with the Japan Ground Self-Defense Force, and the United States Army led.')).toEqual(['United States Army', 'Japan Ground Self-Defense Force', 'United States Army']);
    expect(names('Grants from the U.S. Agency for International Development rose.')).toEqual(names('Grants from the United States Agency for International Development rose.'));
  });

  it('a Japanese ministry and its official English name', () => {
    expect(names('経済産業省は新たな指針を公表した。')).toEqual(['経済産業省']);
    expect(names('The Ministry of Economy, Trade and Industry published new guidelines.')).toEqual(['経済産業省']);
    expect(names('The U.S. Department of State issued a statement.')).toEqual(['米国務省']);
    expect(names('A Department of State spokesperson said the talks would resume.')).toEqual(['米国務省']);
  });

  it('without the person named before it', () => {
    expect(names('ジョン・スミス欧州委員会委員長が来日した。')).toEqual(names('European Commission officials arrived.'));
    expect(names('ジョン・スミス欧州理事会議長が演説した。')).toEqual([acrossLanguages('European Council')]);
  });

  it('in Japanese and English articles', () => {
    expect(names('東南アジア諸国連合の外相会議が開かれた。')).toEqual(['東南アジア諸国連合']);
    expect(names('Foreign ministers of the Association of Southeast Asian Nations met in Jakarta on Monday.')).toEqual(['東南アジア諸国連合']);
  });
});
