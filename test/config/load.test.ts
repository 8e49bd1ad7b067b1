import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('loadConfig', () => {
  it("loads the repository's pipeline.config.ts with its lexicon and inputs", async () => {
    const { config, path } = await loadConfig(undefined, repoRoot);
    expect(path).toBe(join(repoRoot, 'pipeline.config.ts'));
    expect(config.inputs).toEqual(['fixtures/articles']);
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

  it('is an error when an explicitly named file is missing', async () => {
    await expect(loadConfig('nope.config.ts', tmpdir())).rejects.toMatchObject({ code: 'E_CONFIG_LOAD' });
  });
});
