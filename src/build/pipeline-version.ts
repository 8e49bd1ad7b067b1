import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The pipeline version: a hash of everything that can change what kiji extracts, computed from the
 * sources when kiji is built (`npm run build` writes dist/version.json) and, when kiji runs from its
 * sources (the tests), computed on the spot the same way.
 *
 * There is one version per language path, so that an upgrade re-processes only the articles whose
 * path changed: a change to the English stages re-runs English articles only, a change to a
 * Japanese stage or to kuromoji Japanese ones only, and a change to shared code (reading, decoding,
 * normalization, the document model, span resolution, shared data) both.
 *
 * What is hashed: every source file the extraction entry points import (followed through relative
 * imports, so moving a module changes nothing by itself but a new import is seen), every non-code
 * file under src/data (models, tables read at run time), and the installed versions of kuromoji
 * (the dictionary ships inside it) and compromise.
 */
export interface PipelineVersions {
  /** The whole: changes when either language's version changes. Shown by `kiji --version`. */
  version: string;
  /** Per language, stored with each article. */
  languages: { ja: string; en: string };
}

/** Files whose imports define the extraction (whichever of them exist: the composition root has moved before). */
const ENTRY_POINTS = ['pipeline.ts', 'core/pipeline.ts', 'text/read-article.ts'];
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function tsFileOf(spec: string, from: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The source files reachable from `roots` through relative imports. */
function closure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = tsFileOf(match[1]!, file);
      if (target && !target.endsWith('.d.ts')) stack.push(target);
    }
  }
  return seen;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function packageVersion(name: string, srcDir: string): string {
  try {
    const require = createRequire(join(srcDir, 'x.js'));
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function hashFiles(files: Iterable<string>, srcDir: string, extra: string): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    // The path relative to src/ (with / separators) and the bytes: the same on every machine.
    hash.update(relative(srcDir, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.update(extra).digest('hex').slice(0, 16);
}

export function computePipelineVersions(srcDir: string): PipelineVersions {
  const inSrc = (p: string) => join(srcDir, p);
  const entries = ENTRY_POINTS.map(inSrc).filter((p) => existsSync(p));
  if (entries.length === 0) throw new Error(`no extraction entry point under ${srcDir}`);
  const all = closure(entries);
  // The version machinery itself (imported by the pipeline to report its version) extracts nothing.
  for (const file of [...all]) if (file === inSrc('version.ts') || file.startsWith(inSrc('build'))) all.delete(file);
  for (const file of filesUnder(inSrc('data'))) if (!file.endsWith('.ts')) all.add(file);

  // Every file of the stages, code or not (a model file a stage reads at run time is part of it).
  const stageFiles = filesUnder(inSrc('stages')).filter((f) => !f.endsWith('.d.ts'));
  for (const file of stageFiles) all.add(file);
  const isEnglish = (f: string) => f.split(sep).includes('english');
  const english = closure([...stageFiles.filter(isEnglish), ...filesUnder(inSrc('data/english'))]);
  const japanese = closure(stageFiles.filter((f) => !isEnglish(f) && f !== inSrc('stages/index.ts')));
  // Data files read at run time (not imported) go with the language whose folder holds them, else to both.
  const onlyEnglish = new Set([...english].filter((f) => !japanese.has(f)));
  const onlyJapanese = new Set([...japanese].filter((f) => !english.has(f)));

  const kuromoji = `kuromoji@${packageVersion('kuromoji', srcDir)}`;
  const compromise = `compromise@${packageVersion('compromise', srcDir)}`;
  const ja = hashFiles([...all].filter((f) => !onlyEnglish.has(f)), srcDir, kuromoji);
  const en = hashFiles([...all].filter((f) => !onlyJapanese.has(f)), srcDir, compromise);
  if (process.env.KIJI_VERSION_DEBUG) {
    for (const file of [...all].sort()) process.stderr.write(`${onlyEnglish.has(file) ? 'en' : onlyJapanese.has(file) ? 'ja' : '  '} ${relative(srcDir, file)}\n`);
  }
  const version = createHash('sha256').update(`ja:${ja}\0en:${en}`).digest('hex').slice(0, 12);
  return { version, languages: { ja: `ja:${ja}`, en: `en:${en}` } };
}
