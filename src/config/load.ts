import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { KijiError } from '../core/errors.js';
import { type KijiConfig, parseConfig } from '../schema/config.js';


/** The names looked for in each folder, in this order (the first found wins). */
export const CONFIG_FILES = ['kiji.config.ts', 'kiji.config.mjs', 'kiji.config.js', 'kiji.config.json', 'pipeline.config.ts', 'pipeline.config.mjs', 'pipeline.config.js', 'pipeline.config.json'] as const;

/** This kiji's own entry point: `import { defineConfig } from 'kiji'` in a config resolves to it, installed or not. */
const KIJI_ENTRY = ['index.js', 'index.ts'].map((name) => join(dirname(fileURLToPath(import.meta.url)), '..', name)).find((p) => existsSync(p));

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
      const jiti = createJiti(import.meta.url, { interopDefault: true, moduleCache: false, alias: KIJI_ENTRY ? { kiji: KIJI_ENTRY } : {} });
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
