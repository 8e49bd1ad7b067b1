import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KijiError } from '../core/errors.js';
import type { KijiConfig } from '../schema/config.js';
import { cacheKey, readCached, writeCached } from './cache.js';

/** The names looked for in each folder, in this order (the first found wins). */
export const CONFIG_FILES = ['kiji.config.ts', 'kiji.config.mjs', 'kiji.config.js', 'kiji.config.json', 'pipeline.config.ts', 'pipeline.config.mjs', 'pipeline.config.js', 'pipeline.config.json'] as const;

const here = dirname(fileURLToPath(import.meta.url));
/** This kiji's own entry point: `import { … } from 'kiji'` in a config resolves to it, installed or not. */
const KIJI_ENTRY = ['index.js', 'index.ts'].map((name) => join(here, '..', name)).find((p) => existsSync(p));
/**
 * The module of the config API (defineConfig, parseConfig, the schema). A config that takes only these names
 * from 'kiji' resolves 'kiji' to it: the whole entry point loads every stage with its data (≈ 120 modules,
 * 100-200 ms of a `kiji run` with nothing to do).
 */
const CONFIG_ENTRY = ['config.js', 'config.ts'].map((name) => join(here, '..', 'schema', name)).find((p) => existsSync(p));
/** What src/schema/config exports, as names (importing it to ask would load zod). */
const CONFIG_NAMES: ReadonlySet<string> = new Set(['defineConfig', 'parseConfig', 'KijiConfigSchema', 'OrgLexiconEntrySchema', 'AgreementHeadEntrySchema', 'StageSwitchesSchema', 'DEFAULT_MAX_FILE_BYTES']);
/** defineConfig as src/schema/config has it (it returns its argument), for a config compiled once and run without jiti. */
const DEFINE_ONLY = Object.freeze({ defineConfig: <T>(config: T): T => config });

/** `import { a, type B } from 'kiji'` (or `import type …`). */
const IMPORT_FROM_KIJI = /\bimport\s+(type\s+)?\{([^}]*)\}\s*from\s*(['"])kiji\3/g;
const KIJI_SPECIFIER = /(['"`])kiji\1/g;

/**
 * The names a config's source takes from 'kiji' as values, or undefined when it uses 'kiji' some other way (a
 * namespace or default import, `export … from`, `require`, `import()`, a mention in a comment).
 */
function kijiImports(source: string): Set<string> | undefined {
  const names = new Set<string>();
  let imports = 0;
  for (const match of source.matchAll(IMPORT_FROM_KIJI)) {
    imports++;
    if (match[1]) continue; // import type { … }: erased
    for (const part of match[2]!.split(',')) {
      const name = part.trim();
      if (name !== '' && !name.startsWith('type ')) names.add(name.split(/\s+as\s+/)[0]!.trim());
    }
  }
  return imports === [...source.matchAll(KIJI_SPECIFIER)].length ? names : undefined;
}

/** Whether a config's source takes from 'kiji' only names of the config API (see CONFIG_ENTRY). */
export function needsOnlyConfigApi(source: string): boolean {
  const names = kijiImports(source);
  return names !== undefined && [...names].every((name) => CONFIG_NAMES.has(name));
}

/**
 * A config that can run without jiti once compiled: it imports nothing but `defineConfig` from 'kiji' (and
 * types), loads no other module (no other import, require or import()) and awaits nothing. Most configs are.
 */
function isSelfContained(source: string): boolean {
  const names = kijiImports(source);
  if (names === undefined || [...names].some((name) => name !== 'defineConfig')) return false;
  const specifiers = [...source.matchAll(/\bfrom\s*['"]|\bimport\s*['"(]|\brequire\s*\(/g)].length;
  return specifiers === [...source.matchAll(IMPORT_FROM_KIJI)].length && !/\bawait\b/.test(source);
}

/** An installed package's version (part of a cache entry's name: a new jiti compiles differently, a new zod may parse differently). */
const versionOf = (name: string): string => {
  try {
    return (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

async function jitiFor(entry: string | undefined) {
  const { createJiti } = await import('jiti');
  return createJiti(import.meta.url, { interopDefault: true, moduleCache: false, alias: entry ? { kiji: entry } : {} });
}

/** The exported config of a compiled self-contained config (CommonJS, as jiti compiles it). */
function runCompiled(code: string, file: string): unknown {
  const module = { exports: {} as Record<string, unknown> };
  const require = (id: string) => {
    if (id === 'kiji') return DEFINE_ONLY;
    throw new Error(`Cannot find module '${id}'`);
  };
  new Function('exports', 'require', 'module', '__filename', '__dirname', code)(module.exports, require, module, file, dirname(file));
  return 'default' in module.exports ? module.exports.default : module.exports;
}

/**
 * A TypeScript or JavaScript config's exported value. A self-contained config (isSelfContained) is compiled by
 * jiti once and the result kept in the cache (named by the hash of jiti's version, the file's path — jiti writes
 * `import.meta` values into the code — and its text), then run as it is: no jiti on the next runs (≈ 60 ms of
 * CPU). Any other config is loaded by jiti, every time, as before.
 */
async function importConfig(file: string): Promise<unknown> {
  const source = readFileSync(file, 'utf8');
  if (isSelfContained(source)) {
    const name = `config-${cacheKey('compiled', versionOf('jiti'), file, source)}.cjs`;
    let code = readCached(name);
    if (code === undefined) {
      code = (await jitiFor(CONFIG_ENTRY)).transform({ source, filename: file, ts: /\.[cm]?tsx?$/.test(file) });
      // What jiti made must need nothing but 'kiji' either; else it is loaded the usual way.
      if ([...code.matchAll(/\brequire\s*\(/g)].length !== [...code.matchAll(/\brequire\s*\(\s*"kiji"\s*\)/g)].length || /\bimport\s*\(/.test(code)) code = undefined;
      else writeCached(name, code);
    }
    if (code !== undefined) return runCompiled(code, file);
  }
  const jiti = await jitiFor(CONFIG_ENTRY && needsOnlyConfigApi(source) ? CONFIG_ENTRY : KIJI_ENTRY);
  return jiti.import(file, { default: true });
}

/**
 * `value` as JSON when JSON holds all of it (plain objects and arrays of strings, finite numbers, booleans and
 * null; no undefined, which a strict schema can tell from a missing key), else undefined.
 */
function faithfulJson(value: unknown): string | undefined {
  const plain = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
    if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && v.length === Object.keys(v).length && v.every(plain);
    if (typeof v !== 'object') return false;
    const proto = Object.getPrototypeOf(v);
    return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(v).length === 0 && Object.values(v as object).every(plain);
  };
  return plain(value) ? JSON.stringify(value) : undefined;
}

/** The sources the config schema is made of (src/schema/config and what it imports, relatively), hashed: a cached parse is for one schema. */
let schemaIdentity: string | undefined;
function configSchemaIdentity(): string {
  if (schemaIdentity !== undefined) return schemaIdentity;
  const seen = new Map<string, string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    const text = readFileSync(path, 'utf8');
    seen.set(path, text);
    for (const match of text.matchAll(/\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(path), match[1]!);
      const file = [target, target.replace(/\.js$/, '.ts')].find((p) => existsSync(p));
      if (file) visit(file);
    }
  };
  visit(CONFIG_ENTRY!);
  return (schemaIdentity = cacheKey(versionOf('zod'), ...[...seen].sort(([a], [b]) => (a < b ? -1 : 1)).flat()));
}

/**
 * Validates a config with the zod schema (src/schema/config, loaded only here). The result for a plain value is
 * kept in the cache under the hash of the schema's sources and the value, so an unchanged config is not parsed
 * again: zod and the schemas are ≈ 90 ms of CPU of a `kiji run` with nothing to do. Errors are never cached.
 */
async function parseConfigCached(exported: unknown, source: string): Promise<KijiConfig> {
  const json = CONFIG_ENTRY ? faithfulJson(exported ?? {}) : undefined;
  const name = json === undefined ? undefined : `parsed-${cacheKey('parsed', configSchemaIdentity(), json)}.json`;
  const cached = name === undefined ? undefined : readCached(name);
  if (cached !== undefined) {
    try {
      return JSON.parse(cached) as KijiConfig;
    } catch {
      /* a damaged entry: parse again */
    }
  }
  const { parseConfig } = await import('../schema/config.js');
  const config = parseConfig(exported, source);
  if (name !== undefined) writeCached(name, JSON.stringify(config));
  return config;
}

/** The nearest config file: in `cwd`, else in the folders above it (as eslint and textlint look). */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Loads the config given, or the nearest one found from `cwd` upwards: TypeScript and ES modules with
 * jiti (no build step), JSON as it is. Relative `inputs` and `database` are taken relative to the
 * config's folder, so a config found in a parent folder means what it says. No file and none asked
 * for: the defaults. A file asked for but missing is an error.
 */
export async function loadConfig(path?: string, cwd = process.cwd()): Promise<{ config: KijiConfig; path?: string }> {
  const file = path ? resolve(cwd, path) : findConfigFile(cwd);
  if (!file) return { config: await parseConfigCached({}, 'defaults') };
  if (!existsSync(file)) throw new KijiError('E_CONFIG_LOAD', `config file not found: ${file}`);
  let exported: unknown;
  try {
    exported = file.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : await importConfig(file);
  } catch (error) {
    throw new KijiError('E_CONFIG_LOAD', `could not load ${file}: ${error instanceof Error ? error.message : String(error)}`, {}, { cause: error });
  }
  const config = await parseConfigCached(exported, file);
  const base = dirname(file);
  const near = (p: string) => (isAbsolute(p) ? p : join(base, p));
  return { config: { ...config, inputs: config.inputs.map(near), database: near(config.database) }, path: file };
}
