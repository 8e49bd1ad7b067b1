/**
 * Build step (`npm run build`): writes dist/version.json, the pipeline versions of the sources this
 * dist/ was compiled from, so an installed kiji (which ships no TypeScript sources) knows them.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computePipelineVersions } from './pipeline-version.js';

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));
const out = fileURLToPath(new URL('../version.json', import.meta.url));
const versions = computePipelineVersions(srcDir);
writeFileSync(out, `${JSON.stringify(versions, null, 2)}\n`);
process.stdout.write(`pipeline version ${versions.version} (${versions.languages.ja}, ${versions.languages.en}) → ${out}\n`);
