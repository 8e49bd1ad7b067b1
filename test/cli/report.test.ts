import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/report/html.js';
import { buildFixtureDb, ESCAPE_ARTICLE } from '../helpers/fixture-db.js';
import { runCli } from '../helpers/cli.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.KIJI_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshot of an article page, linked from the README. Refresh: KIJI_UPDATE_SCREENSHOT=1 npx vitest run test/cli/report.test.ts */
const SCREENSHOT = resolve(repoRoot, 'docs/report-article.png');
const ARTICLES = ['ja-01-defence-mou.txt', 'ja-08-sjis-trade-ministers.txt', 'ja-12-no-dateline-port-project.txt', 'en-07-lng-supply-deal.txt'];

/** The little of the DOM these checks use (the project compiles without the DOM library). */
interface El {
  textContent: string | null;
  href?: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  ownerDocument: { defaultView: { getComputedStyle(el: El): { backgroundColor: string } } | null };
}

let db: string;
let out: string;
let dir: string;
const pageOf = (name: string) => join(out, 'articles', readdirSync(join(out, 'articles')).find((f) => f.endsWith(`-${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.html`))!);

beforeAll(async () => {
  ({ db, dir } = await buildFixtureDb(ARTICLES));
  out = join(dir, 'report');
  const run = await runCli(['report', db, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^5 article pages → .*index\.html$/m);
});

describe('kiji report: files', () => {
  it('writes an index and one self-contained page per processed article', () => {
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(readdirSync(join(out, 'articles'))).toHaveLength(ARTICLES.length + 1);
    expect(existsSync(join(out, 'orgs.html')) && existsSync(join(out, 'agreements.html'))).toBe(true);
    expect(readdirSync(join(out, 'entities')).every((f) => /^(org|agreement)-[0-9a-f]{16}\.html$/.test(f))).toBe(true);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('E_BINARY: broken.txt: binary file');
    expect(index).not.toMatch(/<(link|script)[^>]+(src|href)=/); // nothing loaded from elsewhere
  });

  it('escapes article text, so markup in an article stays text', () => {
    expect(escapeHtml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    const html = readFileSync(pageOf(ESCAPE_ARTICLE), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;太字&lt;/b&gt;');
    expect(html).not.toContain('<script>alert');
  });

  it('exit 2 for a missing database; --help exits 0', async () => {
    expect((await runCli(['report', join(dir, 'nope.sqlite'), '--out', join(dir, 'r2')])).code).toBe(2);
    expect((await runCli(['report', '--help'])).code).toBe(0);
  });
});

/** Screenshots of the index and the entity pages; same refresh rule as docs/report-article.png. */
async function shoot(page: import('playwright-core').Page, name: string): Promise<void> {
  const shot = await page.screenshot({ path: join(dir, name) });
  expect(shot.subarray(1, 4).toString()).toBe('PNG');
  const committed = resolve(repoRoot, 'docs', name);
  if (process.env.KIJI_UPDATE_SCREENSHOT === '1' || !existsSync(committed)) writeFileSync(committed, shot);
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe.skipIf(!existsSync(CHROMIUM))(`kiji report in a real browser (needs ${CHROMIUM}: apt-get install chromium fonts-noto-cjk)`, () => {
  let browser: import('playwright-core').Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('highlights every record on its own text, by type, with the value on hover and in the side table; screenshot to docs/', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(pageOf('ja-01-defence-mou.txt')).href);
    const marks = await page.$$eval('article.text mark.rec', (list) => (list as unknown as El[]).map((el) => ({ type: el.getAttribute('data-type'), text: el.textContent, title: el.getAttribute('title'), bg: el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor })));
    const rows = await page.$$eval('table.records tbody tr', (list) => (list as unknown as El[]).map((el) => Array.from(el.querySelectorAll('td'), (td) => td.textContent ?? '')));
    expect(marks.length).toBeGreaterThan(10);
    expect(marks).toHaveLength(rows.length);
    // Each mark is the record's text, of the record's type, in the same order as the side table.
    marks.forEach((m, i) => {
      expect(m.type).toBe(rows[i]![1]);
      expect(m.text).toBe(rows[i]![2]);
    });
    expect(marks).toContainEqual(expect.objectContaining({ type: 'ORG', text: 'ベトナム国防省' }));
    const mou = marks.find((m) => m.text === '防衛産業協力に関する了解覚書')!;
    expect(mou.type).toBe('AGREEMENT');
    expect(mou.title).toMatch(/^AGREEMENT: memorandum 2025-11-02/);
    const date = marks.find((m) => m.text === '11月2日')!;
    expect(date.title).toMatch(/^DATE: 2025-11-02 · rule /);
    // Types are told apart by colour.
    const colour = (type: string) => marks.find((m) => m.type === type)!.bg;
    expect(new Set(['DATE', 'MONEY', 'ORG', 'AGREEMENT'].map(colour)).size).toBe(4);
    // The text around the marks is the article text, unchanged.
    const text = await page.$eval('article.text', (el) => el.textContent);
    expect(text).toContain('日本の防衛省とベトナム国防省は11月2日、ハノイで');
    // The legend hides a type.
    await page.click('.legend input[value="ORG"]');
    expect(await page.$eval('article.text mark.t-ORG', (one) => (one as unknown as El).ownerDocument.defaultView!.getComputedStyle(one as unknown as El).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    await page.click('.legend input[value="ORG"]');
    // The screenshot is always taken; it replaces the committed docs/report-article.png only when
    // asked (KIJI_UPDATE_SCREENSHOT=1) or when there is none, so a test run leaves the tree clean.
    const shot = await page.screenshot({ path: join(dir, 'report-article.png') });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    if (process.env.KIJI_UPDATE_SCREENSHOT === '1' || !existsSync(SCREENSHOT)) {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      writeFileSync(SCREENSHOT, shot);
    }
    await page.close();
  });

  it('marks records in a Shift_JIS article on the right text', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(pageOf('ja-08-sjis-trade-ministers.txt')).href);
    const marks = await page.$$eval('article.text mark.rec', (els) => els.map((el) => el.textContent));
    const rows = await page.$$eval('table.records tbody tr td:nth-child(3)', (els) => els.map((el) => el.textContent));
    expect(marks.length).toBeGreaterThan(5);
    expect(marks).toEqual(rows);
    await page.close();
  });

  it('the index links every article and sorts by a column on click', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    const dates = () => page.$$eval('table.articles tbody tr td:first-child', (els) => els.map((el) => el.getAttribute('data-v') ?? ''));
    const initial = await dates();
    expect(initial.filter(Boolean)).toEqual([...initial.filter(Boolean)].sort());
    await page.click('table.articles th:first-child');
    const descending = (await dates()).filter(Boolean);
    expect(descending).toEqual([...descending].sort().reverse());
    await page.click('table.articles th:nth-child(7)'); // ORG count
    const orgs = await page.$$eval('table.articles tbody tr td:nth-child(7)', (els) => els.map((el) => Number(el.getAttribute('data-v'))));
    expect(orgs).toEqual([...orgs].sort((a, b) => a - b));
    const links = await page.$$eval('table.articles a', (list) => (list as unknown as El[]).map((el) => el.href ?? ''));
    expect(links).toHaveLength(ARTICLES.length + 1);
    await page.goto(links[0]!);
    expect(await page.$$eval('mark.rec', (els) => els.length)).toBeGreaterThan(0);
    await page.close();
  });

  it('the index filters by title, by record type, and pages; screenshot to docs/', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${pathToFileURL(join(out, 'index.html')).href}?per=2`);
    const titles = () => page.$$eval('table.articles tbody tr td:nth-child(2)', (els) => els.map((el) => el.getAttribute('data-v') ?? ''));
    expect(await titles()).toHaveLength(2);
    expect(await page.textContent('#page')).toBe('page 1 of 3');
    const first = await titles();
    await page.click('#next');
    expect(await page.textContent('#page')).toBe('page 2 of 3');
    const second = await titles();
    expect(second).toHaveLength(2);
    expect(second.some((t) => first.includes(t))).toBe(false);
    // A type filter keeps only articles with a record of that type.
    await page.click('.controls .legend input[value="AGREEMENT"]');
    expect(await page.textContent('#page')).toBe('page 1 of 2');
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.click('.controls .legend input[value="AGREEMENT"]');
    const agreementCounts = await page.$$eval('table.articles tbody tr td:nth-child(8)', (els) => els.map((el) => Number(el.getAttribute('data-v'))));
    expect(agreementCounts.length).toBeGreaterThan(0);
    expect(agreementCounts.length).toBeLessThan(ARTICLES.length + 1);
    expect(agreementCounts.every((n) => n > 0)).toBe(true);
    await page.click('.controls .legend input[value="AGREEMENT"]');
    // The search box filters on title and file name.
    await page.fill('#search', 'lng-supply');
    expect(await page.$$eval('table.articles tbody tr', (els) => els.length)).toBe(1);
    expect(await page.textContent('table.articles tbody')).toContain('en-07-lng-supply-deal.txt');
    await page.fill('#search', 'no such article anywhere');
    expect(await page.$$eval('table.articles tbody tr', (els) => els.length)).toBe(0);
    await page.fill('#search', '');
    await shoot(page, 'report-index.png');
    await page.close();
  });

  it('an organisation page lists its mentions, aliases and agreements; an agreement page its dates and parties', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.click('#orgs-link');
    const org = page.locator('table.orgs a', { hasText: 'ベトナム国防省' });
    await org.click();
    expect(await page.textContent('h1')).toBe('ベトナム国防省');
    expect(page.url()).toMatch(/\/entities\/org-[0-9a-f]{16}\.html$/);
    const mentionLinks = await page.$$eval('table.mentions a', (list) => (list as unknown as El[]).map((el) => el.href ?? ''));
    expect(mentionLinks.length).toBeGreaterThan(0);
    expect(mentionLinks[0]).toMatch(/articles\/\d+-ja-01-defence-mou\.txt\.html#r\d+$/);
    expect(await page.textContent('.aliases')).toContain('ベトナム国防省');
    const agreement = page.locator('table.agreements a', { hasText: '防衛産業協力に関する了解覚書' });
    await shoot(page, 'report-org.png');
    await agreement.click();
    expect(page.url()).toMatch(/\/entities\/agreement-[0-9a-f]{16}\.html$/);
    expect(await page.textContent('h1')).toBe('防衛産業協力に関する了解覚書');
    expect(await page.textContent('table.dates')).toContain('2025-11-02');
    expect(await page.textContent('.parties')).toContain('ベトナム国防省');
    expect(await page.$$eval('table.mentions tbody tr', (els) => els.length)).toBeGreaterThan(0);
    await shoot(page, 'report-agreement.png');
    // The party links back to the organisation page.
    await page.locator('.parties a', { hasText: 'ベトナム国防省' }).click();
    expect(await page.textContent('h1')).toBe('ベトナム国防省');
    await page.close();
  });

  it('the organisation list pages, filters and sorts, so thousands of organisations stay one short page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${pathToFileURL(join(out, 'orgs.html')).href}?per=2`);
    const names = () => page.$$eval('table.orgs tbody tr td:first-child', (els) => els.map((el) => el.textContent ?? ''));
    const total = Number((await page.textContent('.shown'))!.split(' of ')[1]);
    expect(total).toBeGreaterThan(2);
    expect(await names()).toHaveLength(2);
    const first = await names();
    await page.click('.next');
    expect(await page.textContent('.page')).toBe(`page 2 of ${Math.ceil(total / 2)}`);
    expect((await names()).some((n) => first.includes(n))).toBe(false);
    await page.fill('input[type=search]', '国防省');
    expect(await names()).toContain('ベトナム国防省');
    expect((await names()).every((n) => n.includes('国防省'))).toBe(true);
    expect(await page.textContent('.page')).toMatch(/^page 1 of/);
    // Sorting by name, then again the other way.
    await page.fill('input[type=search]', '');
    await page.click('table.orgs th:first-child');
    const ascending = await names();
    await page.click('table.orgs th:first-child');
    const descending = await names();
    expect(ascending[0]!.localeCompare(descending[0]!, 'ja')).toBeLessThan(0);
    await page.close();
  });
});
