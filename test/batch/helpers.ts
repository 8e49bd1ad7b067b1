import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** A made-up news article (our own sentences) whose numbers vary with `n`. */
export function articleText(n: number, paragraphs = 3): string {
  const lines = [`架空市、第${n}回の予算会議を開催`, `公開日:2025/${(n % 12) + 1}/${(n % 27) + 1}`, ''];
  for (let p = 0; p < paragraphs; p++) {
    lines.push(
      `　架空市は${2020 + (n % 6)}年${(p % 12) + 1}月${(n % 27) + 1}日、防衛省と外務省の担当者を招いて会議を開き、総額${n + p + 1}億円の事業について協議した。` +
        `市の担当者によると、${n * 3 + p}万ドルの追加拠出も検討しているという。両者は同日、地域協力に関する覚書に署名した。`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function writeArticles(dir: string, count: number, paragraphs = 3): string[] {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `article-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(path, articleText(i, paragraphs));
    paths.push(path);
  }
  return paths;
}

/** What a database holds, independent of row ids and times: per path, status and mention count. */
export function snapshot(dbPath: string): Record<string, string> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db
      .prepare<[], { path: string; status: string; hash: string | null; n: number }>(
        `SELECT a.path, a.status, a.content_hash AS hash, (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id) AS n FROM articles a ORDER BY a.path`,
      )
      .all();
    return Object.fromEntries(rows.map((r) => [r.path, `${r.status} ${r.n} ${r.hash ?? ''}`]));
  } finally {
    db.close();
  }
}
