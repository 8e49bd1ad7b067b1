import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computePipelineVersions, type PipelineVersions } from './build/pipeline-version.js';

/**
 * The pipeline version, which changes whenever what kiji extracts can change (see
 * src/build/pipeline-version.ts). An article is re-processed when its language's version differs
 * from the one stored with it; nobody bumps a number by hand.
 *
 * From dist/ it is read from dist/version.json (written by `npm run build`); from the sources
 * (tests) it is computed from them.
 */
function load(): PipelineVersions {
  const built = fileURLToPath(new URL('./version.json', import.meta.url));
  if (existsSync(built)) return JSON.parse(readFileSync(built, 'utf8')) as PipelineVersions;
  const sources = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './' : '../src/', import.meta.url));
  if (existsSync(sources)) return computePipelineVersions(sources);
  throw new Error('dist/version.json is missing: run `npm run build`');
}

const versions = load();

/** The version of the whole pipeline (both languages), recorded per run and shown by `kiji --version`. */
export const PIPELINE_VERSION: string = versions.version;

/** The version of each language's extraction path, recorded per article. */
export const LANGUAGE_VERSIONS: Readonly<{ ja: string; en: string }> = versions.languages;
