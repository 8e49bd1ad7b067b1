import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createJiti } from 'jiti';
import { KijiError } from '../core/errors.js';
import { type KijiConfig, parseConfig } from '../schema/config.js';

export const DEFAULT_CONFIG_FILE = 'pipeline.config.ts';

/**
 * Loads `pipeline.config.ts` (or the file given) with jiti, so users write TypeScript without a build.
 * No file and none asked for: the defaults. A file asked for but missing is an error.
 */
export async function loadConfig(path?: string, cwd = process.cwd()): Promise<{ config: KijiConfig; path?: string }> {
  const file = resolve(cwd, path ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(file)) {
    if (path) throw new KijiError('E_CONFIG_LOAD', `config file not found: ${file}`);
    return { config: parseConfig({}, 'defaults') };
  }
  let exported: unknown;
  try {
    const jiti = createJiti(import.meta.url, { interopDefault: true, moduleCache: false });
    exported = await jiti.import(file, { default: true });
  } catch (error) {
    throw new KijiError('E_CONFIG_LOAD', `could not load ${file}: ${error instanceof Error ? error.message : String(error)}`, {}, { cause: error });
  }
  return { config: parseConfig(exported, file), path: file };
}
