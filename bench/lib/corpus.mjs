/**
 * What the benches share: their command-line options, and the corpus (JSON lines of `{id, text, ref?}`,
 * livedoor by default) read as items or written out as the article files `kiji run` reads.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CORPUS = resolve(repoRoot, '../shared/eval/livedoor-news/articles.jsonl');

/** `--name value` from the command line, else `fallback`. */
export function option(name, fallback, args = process.argv.slice(2)) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

/** The corpus's first `limit` items (all of them for Infinity). */
export function readCorpusItems(path, limit = Infinity) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
  return lines.slice(0, Number.isFinite(limit) ? limit : undefined).map((l) => JSON.parse(l));
}

/**
 * Writes each item as a .txt file under `folder` (a sub-folder per thousand), its first line
 * `公開日:YYYY-MM-DD` from the item's `ref`, then its text; returns the files' texts in order.
 */
export function writeCorpusFiles(items, folder) {
  return items.map((item, i) => {
    const sub = join(folder, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const ref = typeof item.ref === 'string' ? item.ref.slice(0, 10) : undefined;
    const text = `${ref ? `公開日:${ref}\n` : ''}${item.text}`;
    writeFileSync(join(sub, `${String(item.id ?? i).replace(/[^\w.-]/g, '_')}.txt`), text);
    return text;
  });
}
