import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkInputs } from '../../src/batch/walk.js';

const EXT = ['.txt', '.html', '.md'];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kiji-walk-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the folder walk, as eslint and textlint users expect', () => {
  it('skips hidden folders and node_modules, and honours .gitignore and .kijiignore in the walked folders', async () => {
    const root = tree({
      'a.txt': 'x',
      '.git/COMMIT_EDITMSG.txt': 'x',
      '.cache/page.html': 'x',
      'node_modules/pkg/README.md': 'x',
      'drafts/b.txt': 'x',
      'keep/c.txt': 'x',
      'keep/old/d.txt': 'x',
      'keep/e.html': 'x',
      '.gitignore': 'drafts/\n',
      'keep/.kijiignore': 'old/\n*.html\n',
    });
    const { files } = await walkInputs([root], EXT);
    expect(files.map((f) => relative(root, f))).toEqual(['a.txt', 'keep/c.txt']);
    // Named explicitly, a file is read even where a walk would skip it.
    const named = await walkInputs([join(root, 'drafts/b.txt'), join(root, '.cache/page.html')], EXT);
    expect(named.files.map((f) => relative(root, f))).toEqual(['.cache/page.html', 'drafts/b.txt']);
  });

  it('ignore files above the input folder do not hide it (a repository that ignores its data folder)', async () => {
    const root = tree({ '.gitignore': 'data/\n', 'data/a.txt': 'x' });
    const { files } = await walkInputs(['data'], EXT, root);
    expect(files.map((f) => relative(root, f))).toEqual(['data/a.txt']);
  });

  it('expands quoted globs, and says when one matches nothing', async () => {
    const root = tree({ 'x/1.html': 'x', 'x/2.txt': 'x', 'y/z/3.html': 'x', 'node_modules/m.html': 'x' });
    const { files } = await walkInputs(['**/*.html'], EXT, root);
    expect(files.map((f) => relative(root, f))).toEqual(['x/1.html', 'y/z/3.html']);
    await expect(walkInputs(['nothing/*.txt'], EXT, root)).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('matches no file') });
  });
});
