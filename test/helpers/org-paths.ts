import { beforeAll } from 'vitest';
import { createPipeline, type OrgRecord, type Pipeline } from '../../src/index.js';

/**
 * Both ways to find organisations, the tagger's (the default) and the rules' alone (`orgs: { model: false }`), built
 * once before the file's tests: the list is filled by then.
 */
export function orgPaths(): [string, Pipeline][] {
  const paths: [string, Pipeline][] = [];
  beforeAll(async () => {
    paths.push(['tagger', await createPipeline({})], ['rules', await createPipeline({ orgs: { model: false } })]);
  });
  return paths;
}

/** The texts of a text's ORG records. */
export const orgTexts = (p: Pipeline, text: string): string[] => p.process({ text }).records.filter((r): r is OrgRecord => r.type === 'ORG').map((r) => r.text);
