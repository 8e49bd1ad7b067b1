import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, needsOnlyConfigApi } from '../../src/config/load.js';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('loadConfig', () => {
  it("loads the repository's pipeline.config.ts with its lexicon and inputs", async () => {
    const { config, path } = await loadConfig(undefined, repoRoot);
    expect(path).toBe(join(repoRoot, 'pipeline.config.ts'));
    expect(config.inputs).toEqual([join(repoRoot, 'fixtures/articles')]); // relative to the config's folder
    expect(config.lexicons.organisations[0]).toMatchObject({ aliases: ['VJDIF'], kind: 'international' });
  });

  it('falls back to the defaults when no config file exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-config-'));
    const { config, path } = await loadConfig(undefined, dir);
    expect(path).toBeUndefined();
    expect(config.database).toBe('kiji.sqlite');
    expect(config.stages).toEqual({ dates: true, money: true, orgs: true, agreements: true });
  });

  it('names an unknown key and the file it is in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-config-'));
    writeFileSync(join(dir, 'pipeline.config.ts'), "export default { database: 'x.sqlite', stages: { dates: true, moeny: false } };\n");
    await expect(loadConfig(undefined, dir)).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(/pipeline\.config\.ts: unknown key "stages\.moeny"/) });
  });

  it('reports a wrong value type with its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-config-'));
    writeFileSync(join(dir, 'my.config.ts'), "export default { concurrency: 0 };\n");
    await expect(loadConfig('my.config.ts', dir)).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(/concurrency/) });
  });

  it('is found in a folder above, and its relative paths are taken from its own folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-config-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'kiji.config.json'), JSON.stringify({ inputs: ['news'], database: 'out/k.sqlite' }));
    const { config, path } = await loadConfig(undefined, join(dir, 'a', 'b'));
    expect(path).toBe(join(dir, 'kiji.config.json'));
    expect(config.inputs).toEqual([join(dir, 'news')]);
    expect(config.database).toBe(join(dir, 'out/k.sqlite'));
  });

  it('reads .mjs, and defineConfig from kiji works outside this repository (no kiji in node_modules there)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiji-config-'));
    writeFileSync(join(dir, 'kiji.config.mjs'), "export default { concurrency: 1 };\n");
    expect((await loadConfig(undefined, dir)).config.concurrency).toBe(1);
    const ts = mkdtempSync(join(tmpdir(), 'kiji-config-'));
    writeFileSync(join(ts, 'kiji.config.ts'), "import { defineConfig } from 'kiji';\nexport default defineConfig({ language: 'ja' });\n");
    expect((await loadConfig(undefined, ts)).config.language).toBe('ja');
  });

  it('is an error when an explicitly named file is missing', async () => {
    await expect(loadConfig('nope.config.ts', tmpdir())).rejects.toMatchObject({ code: 'E_CONFIG_LOAD' });
  });

  it("resolves 'kiji' to the config API alone when the config takes nothing else from it, else to the whole entry point", async () => {
    expect(needsOnlyConfigApi("import { defineConfig } from 'kiji';\nexport default defineConfig({});")).toBe(true);
    expect(needsOnlyConfigApi('import { defineConfig, type KijiConfigInput } from "kiji";\nimport type { Pipeline } from \'kiji\';')).toBe(true);
    expect(needsOnlyConfigApi('export default { concurrency: 1 };')).toBe(true);
    expect(needsOnlyConfigApi("import { defineConfig, PIPELINE_VERSION } from 'kiji';")).toBe(false);
    expect(needsOnlyConfigApi("import * as kiji from 'kiji';")).toBe(false);
    expect(needsOnlyConfigApi("import { defineConfig } from 'kiji';\nconst { createPipeline } = await import('kiji');")).toBe(false);
    expect(needsOnlyConfigApi("export { defineConfig } from 'kiji';")).toBe(false);
    // A config that takes more still loads, through the whole entry point.
    const dir = mkdtempSync(join(tmpdir(), 'kiji-config-'));
    writeFileSync(join(dir, 'kiji.config.ts'), "import { defineConfig, PIPELINE_VERSION } from 'kiji';\nexport default defineConfig({ database: `k-${typeof PIPELINE_VERSION}.sqlite` });\n");
    expect((await loadConfig(undefined, dir)).config.database).toBe(join(dir, 'k-string.sqlite'));
  });

  it('knows the names src/schema/config exports without importing it (which would load zod)', async () => {
    const api = await import('../../src/schema/config.js');
    for (const name of Object.keys(api)) expect(needsOnlyConfigApi(`import { ${name} } from 'kiji';`)).toBe(true);
    expect(needsOnlyConfigApi("import { RECORD_TYPES } from 'kiji';")).toBe(false);
  });

  describe('the cache of compiled configs and of parsed values', () => {
    const withCache = async <T>(fn: (cache: string) => Promise<T>): Promise<T> => {
      const saved = process.env.KIJI_CACHE_DIR;
      const cache = mkdtempSync(join(tmpdir(), 'kiji-cache-'));
      process.env.KIJI_CACHE_DIR = cache;
      try {
        return await fn(cache);
      } finally {
        if (saved === undefined) delete process.env.KIJI_CACHE_DIR;
        else process.env.KIJI_CACHE_DIR = saved;
      }
    };

    it('compiles a self-contained config once and runs the compiled code on every load, so what it reads at run time is read again', async () => {
      await withCache(async (cache) => {
        const dir = mkdtempSync(join(tmpdir(), 'kiji-config-'));
        writeFileSync(join(dir, 'kiji.config.ts'), "import { defineConfig } from 'kiji';\nconst n: number = Number(process.env.KIJI_TEST_N);\nexport default defineConfig({ concurrency: n });\n");
        process.env.KIJI_TEST_N = '3';
        expect((await loadConfig(undefined, dir)).config.concurrency).toBe(3);
        const compiled = readdirSync(cache).filter((f) => f.startsWith('config-'));
        expect(compiled).toHaveLength(1);
        process.env.KIJI_TEST_N = '4';
        expect((await loadConfig(undefined, dir)).config.concurrency).toBe(4);
        // The cached code is what runs (jiti is not asked again) …
        writeFileSync(join(cache, compiled[0]!), readFileSync(join(cache, compiled[0]!), 'utf8').replace('concurrency: n', 'concurrency: n + 10'));
        expect((await loadConfig(undefined, dir)).config.concurrency).toBe(14);
        // … until the file changes.
        writeFileSync(join(dir, 'kiji.config.ts'), "import { defineConfig } from 'kiji';\nexport default defineConfig({ concurrency: 5 });\n");
        expect((await loadConfig(undefined, dir)).config.concurrency).toBe(5);
        delete process.env.KIJI_TEST_N;
      });
    });

    it('keeps no compiled code for a config that imports anything else, and never caches a failed parse', async () => {
      await withCache(async (cache) => {
        const dir = mkdtempSync(join(tmpdir(), 'kiji-config-'));
        writeFileSync(join(dir, 'shared.mjs'), 'export const database = "shared.sqlite";\n');
        writeFileSync(join(dir, 'kiji.config.ts'), "import { database } from './shared.mjs';\nexport default { database };\n");
        expect((await loadConfig(undefined, dir)).config.database).toBe(join(dir, 'shared.sqlite'));
        expect(readdirSync(cache).filter((f) => f.startsWith('config-'))).toEqual([]);
        writeFileSync(join(dir, 'kiji.config.ts'), 'export default { concurrency: 0 };\n');
        for (let i = 0; i < 2; i++) await expect(loadConfig(undefined, dir)).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(/concurrency/) });
      });
    });

    it('parses a value JSON cannot hold whole with the schema every time', async () => {
      await withCache(async (cache) => {
        const dir = mkdtempSync(join(tmpdir(), 'kiji-config-'));
        // An undefined value under a strict object: the schema sees the key, JSON would not.
        writeFileSync(join(dir, 'kiji.config.mjs'), 'export default { stages: { dates: true, datez: undefined } };\n');
        await expect(loadConfig(undefined, dir)).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(/stages\.datez/) });
        writeFileSync(join(dir, 'kiji.config.mjs'), 'export default { concurrency: 2 };\n');
        expect((await loadConfig(undefined, dir)).config.concurrency).toBe(2);
        expect((await loadConfig(undefined, dir)).config.concurrency).toBe(2);
        expect(readdirSync(cache).filter((f) => f.startsWith('parsed-'))).toHaveLength(1);
      });
    });
  });
});
