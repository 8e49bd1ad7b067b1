import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { KijiError } from '../core/errors.js';
import * as configApi from '../schema/config.js';
import { type KijiConfig, parseConfig } from '../schema/config.js';

/** The names looked for in each folder, in this order (the first found wins). */
export const CONFIG_FILES = ['kiji.config.ts', 'kiji.config.mjs', 'kiji.config.js', 'kiji.config.json', 'pipeline.config.ts', 'pipeline.config.mjs', 'pipeline.config.js', 'pipeline.config.json'] as const;

const here = dirname(fileURLToPath(import.meta.url));
/** This kiji's own entry point: `import { … } from 'kiji'` in a config resolves to it, installed or not. */
const KIJI_ENTRY = ['index.js', 'index.ts'].map((name) => join(here, '..', name)).find((p) => existsSync(p));
/**
 * The module of the config API (defineConfig, parseConfig, the schema), which loading a config imports anyway.
 * A config that takes only these names from 'kiji' resolves 'kiji' to it: the whole entry point loads every
 * stage with its data (≈ 120 modules, 100-200 ms of a `kiji run` with nothing to do).
 */
const CONFIG_ENTRY = ['config.js', 'config.ts'].map((name) => join(here, '..', 'schema', name)).find((p) => existsSync(p));
const CONFIG_NAMES: ReadonlySet<string> = new Set(Object.keys(configApi));

/** `import { a, type B } from 'kiji'` (or `import type …`): the names it takes, or undefined for another form. */
const IMPORT_FROM_KIJI = /\bimport\s+(type\s+)?\{([^}]*)\}\s*from\s*(['"])kiji\3/g;
const KIJI_SPECIFIER = /(['"`])kiji\1/g;

/**
 * Whether a config's source takes from 'kiji' only names of the config API. Any other mention of 'kiji' as a
 * string (a namespace or default import, `export … from`, `require`, `import()`, a comment) says no: the whole
 * entry point is loaded, as before.
 */
export function needsOnlyConfigApi(source: string): boolean {
  let imports = 0;
  for (const match of source.matchAll(IMPORT_FROM_KIJI)) {
    imports++;
    if (match[1]) continue; // import type { … }: erased
    for (const part of match[2]!.split(',')) {
      const name = part.trim();
      if (name === '' || name.startsWith('type ')) continue;
      if (!CONFIG_NAMES.has(name.split(/\s+as\s+/)[0]!.trim())) return false;
    }
  }
  return imports === [...source.matchAll(KIJI_SPECIFIER)].length;
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
  if (!file) return { config: parseConfig({}, 'defaults') };
  if (!existsSync(file)) throw new KijiError('E_CONFIG_LOAD', `config file not found: ${file}`);
  let exported: unknown;
  try {
    if (file.endsWith('.json')) exported = JSON.parse(readFileSync(file, 'utf8'));
    else {
      const entry = CONFIG_ENTRY && needsOnlyConfigApi(readFileSync(file, 'utf8')) ? CONFIG_ENTRY : KIJI_ENTRY;
      const jiti = createJiti(import.meta.url, { interopDefault: true, moduleCache: false, alias: entry ? { kiji: entry } : {} });
      exported = await jiti.import(file, { default: true });
    }
  } catch (error) {
    throw new KijiError('E_CONFIG_LOAD', `could not load ${file}: ${error instanceof Error ? error.message : String(error)}`, {}, { cause: error });
  }
  const config = parseConfig(exported, file);
  const base = dirname(file);
  const near = (p: string) => (isAbsolute(p) ? p : join(base, p));
  return { config: { ...config, inputs: config.inputs.map(near), database: near(config.database) }, path: file };
}
