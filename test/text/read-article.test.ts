import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KijiError } from '../../src/core/errors.js';
import { readArticleFile, readArticleFileSync } from '../../src/text/read-article.js';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiji-read-article-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readError(path: string, opts?: { maxBytes?: number }): Promise<KijiError> {
  const error: unknown = await readArticleFile(path, opts).then(
    () => new Error('expected readArticleFile to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof KijiError)) throw error;
  // The worker's synchronous reader fails the same way.
  let syncError: unknown;
  try {
    readArticleFileSync(path, opts);
  } catch (e) {
    syncError = e;
  }
  expect(syncError).toBeInstanceOf(KijiError);
  expect({ code: (syncError as KijiError).code, message: (syncError as KijiError).message }).toEqual({ code: error.code, message: error.message });
  return error;
}

describe('readArticleFile: formats', () => {
  it('plain text in Shift_JIS: title from the first line, date from 公開日, sha256 of the raw bytes', async () => {
    const text = '北陸新幹線、延伸区間の工事が完了\n公開日：2021年11月23日\n\n鉄道建設・運輸施設整備支援機構は２３日、工事の完了を発表した。\n';
    const bytes = iconv.encode(text, 'cp932');
    await writeFile(file('shinkansen.txt'), bytes);
    const article = await readArticleFile(file('shinkansen.txt'));
    expect(article).toEqual({
      path: file('shinkansen.txt'),
      format: 'text',
      encoding: 'shift_jis',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      text,
      title: '北陸新幹線、延伸区間の工事が完了',
      publishedAt: '2021-11-23',
    });
  });

  it('title after navigation lines a scraper kept (menu labels, breadcrumbs, a date line)', async () => {
    await writeFile(file('nav.txt'), 'Search Home Menu Login\nホーム > 国際 > アジア\n公開日:2024/05/01\n港湾協力の覚書に署名\n\n両国は覚書に署名した。\n');
    expect(await readArticleFile(file('nav.txt'))).toMatchObject({ title: '港湾協力の覚書に署名', publishedAt: '2024-05-01' });
    // In an English text a Latin first line is the title.
    await writeFile(file('en-title.txt'), 'Ports Deal Signed\n\nThe two governments signed a memorandum on Monday.\n');
    expect((await readArticleFile(file('en-title.txt'))).title).toBe('Ports Deal Signed');
  });

  it('a bare date line first is the publication date, not the title (#17)', async () => {
    const cases: [string, string, string, string][] = [
      ['bare-ja.txt', '2025年4月1日\n港湾協力の覚書に署名\n\n両国は覚書に署名した。\n', '港湾協力の覚書に署名', '2025-04-01'],
      ['bare-iso.txt', '\n2025-04-01 10:00\n\nPorts Deal Signed\n\nThe two governments signed a memorandum.\n', 'Ports Deal Signed', '2025-04-01T10:00:00'],
      ['labelled.txt', '公開日: 2025-04-01\n港湾協力の覚書に署名\n\n両国は覚書に署名した。\n', '港湾協力の覚書に署名', '2025-04-01'],
      // A title line first, then the date line: unchanged.
      ['title-first.txt', '港湾協力の覚書に署名\n2025年4月1日\n\n両国は覚書に署名した。\n', '港湾協力の覚書に署名', '2025-04-01'],
      ['bare.md', '2025年4月1日\n\n# 港湾協力の覚書に署名\n\n両国は覚書に署名した。\n', '港湾協力の覚書に署名', '2025-04-01'],
      // A time after the date, the hour alone or with 午前/午後, is still a date line.
      ['hour-only.txt', '2025年4月1日 10時\n港湾協力の覚書に署名\n\n両国は覚書に署名した。\n', '港湾協力の覚書に署名', '2025-04-01T10:00:00'],
      ['half-day.txt', '2025年4月1日 午後3時30分\n港湾協力の覚書に署名\n\n両国は覚書に署名した。\n', '港湾協力の覚書に署名', '2025-04-01T15:30:00'],
      ['front-bare.md', '---\ntags: [港湾]\n---\n2025/04/01\n# 港湾協力\n\n本文。\n', '港湾協力', '2025-04-01'],
    ];
    for (const [name, content, title, publishedAt] of cases) {
      await writeFile(file(name), content);
      const article = await readArticleFile(file(name));
      expect({ name, title: article.title, publishedAt: article.publishedAt }).toEqual({ name, title, publishedAt });
      // The date line stays in the text: offsets still point into what was read.
      expect(content.endsWith(article.text)).toBe(true);
    }
  });

  it('no title when the first line is a breadcrumb or a long paragraph', async () => {
    await writeFile(file('crumbs.txt'), 'ホーム > 経済 > 企業\n本文です。');
    expect((await readArticleFile(file('crumbs.txt'))).title).toBeUndefined();
    await writeFile(file('long.txt'), `${'長い段落。'.repeat(30)}\n`);
    expect((await readArticleFile(file('long.txt'))).title).toBeUndefined();
  });

  it('HTML declared as Shift_JIS', async () => {
    const html = '<html><head><meta charset="shift_jis"><title>題名</title></head><body><nav>メニュー</nav><article><h1>㈱サンプル、増益</h1><p>売上高は①国内②海外ともに伸びた。</p></article></body></html>';
    await writeFile(file('page.html'), iconv.encode(html, 'cp932'));
    const article = await readArticleFile(file('page.html'));
    expect(article).toMatchObject({ format: 'html', encoding: 'shift_jis', title: '㈱サンプル、増益' });
    expect(article.text).toBe('㈱サンプル、増益\n\n売上高は①国内②海外ともに伸びた。');
  });

  it('a .txt that is really HTML is read as HTML', async () => {
    await writeFile(file('saved.txt'), '\n<!DOCTYPE html><html><body><p>本文<time datetime="2021-11-23">昨日</time></p></body></html>');
    expect(await readArticleFile(file('saved.txt'))).toMatchObject({ format: 'html', text: '本文昨日', publishedAt: '2021-11-23' });
  });

  it('Markdown: front matter is stripped and gives title and date', async () => {
    const md = '---\ntitle: "港湾の再開発計画"\ndate: 2021-11-23\ntags: [港湾]\n---\n# 見出し\n\n横浜市は再開発計画を発表した。\n';
    await writeFile(file('plan.md'), md);
    expect(await readArticleFile(file('plan.md'))).toMatchObject({
      format: 'markdown',
      title: '港湾の再開発計画',
      publishedAt: '2021-11-23',
      text: '# 見出し\n\n横浜市は再開発計画を発表した。\n',
    });
  });

  it('Markdown without front matter: title from the first heading', async () => {
    await writeFile(file('plain.md'), '## 港湾の再開発\n\n本文。');
    expect(await readArticleFile(file('plain.md'))).toMatchObject({ title: '港湾の再開発', text: '## 港湾の再開発\n\n本文。' });
  });
});

describe('readArticleFile: errors', () => {
  it.each([
    ['a missing file', 'missing.txt', /no such file \(ENOENT\)/],
    ['a directory', 'subdir', /it is a directory/],
    ['a symlink loop', 'loop-a.txt', /a loop of symbolic links .*\(ELOOP\)/],
  ])('E_READ: %s', async (_name, name, message) => {
    await mkdir(file('subdir'), { recursive: true });
    await symlink(file('loop-b.txt'), file('loop-a.txt')).catch(() => undefined);
    await symlink(file('loop-a.txt'), file('loop-b.txt')).catch(() => undefined);
    const error = await readError(file(name));
    expect(error.code).toBe('E_READ');
    expect(error.message).toMatch(message);
    expect(error.details.path).toBe(file(name));
  });

  it.skipIf(process.getuid?.() === 0)('E_READ: permission denied', async () => {
    await writeFile(file('secret.txt'), '非公開');
    await chmod(file('secret.txt'), 0o000);
    const error = await readError(file('secret.txt'));
    expect(error.message).toMatch(/permission denied \(EACCES\)/);
  });

  it('E_TOO_LARGE before reading', async () => {
    await writeFile(file('big.txt'), 'あ'.repeat(100));
    const error = await readError(file('big.txt'), { maxBytes: 100 });
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.details).toMatchObject({ bytes: 300, maxBytes: 100 });
  });

  it('decode errors pass through with the path', async () => {
    await writeFile(file('image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const error = await readError(file('image.txt'));
    expect(error.code).toBe('E_BINARY');
    expect(error.message).toBe(`${file('image.txt')}: not a text file: looks like a PNG image (starts with 89 50 4e 47 0d 0a 1a 0a)`);
    await writeFile(file('empty.md'), '');
    expect((await readError(file('empty.md'))).code).toBe('E_EMPTY');
  });
});

describe('readArticleFile: the HTML fixture', () => {
  it('reads to exactly the visible text its gold offsets point into (fixtures/gold/*.visible-text)', async () => {
    const root = join(import.meta.dirname, '../..');
    const article = await readArticleFile(join(root, 'fixtures/articles/ja-10-html-oda-loan.html'));
    expect(readArticleFileSync(join(root, 'fixtures/articles/ja-10-html-oda-loan.html'))).toEqual(article);
    const visible = await import('node:fs/promises').then((fs) => fs.readFile(join(root, 'fixtures/gold/ja-10-html-oda-loan.html.visible-text'), 'utf8'));
    expect(article.text).toBe(visible);
    // Navigation, the sidebar and the script (with its own date) are not article text.
    expect(article.text).not.toMatch(/<|ログイン|gtag|2025年11月1日/);
  });
});
