/**
 * Short news articles made from our own templates, in Japanese and English, for the cluster tests
 * and `npm run bench:cluster`: many distinct files (each with dates, amounts, organisations and
 * often an agreement) without shipping hundreds of fixtures. Deterministic: article i is always the same.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const JA_ORGS = ['防衛省', '外務省', '経済産業省', '国際協力機構', '日本貿易振興機構', '財務省', '国土交通省', '総務省'];
const JA_PARTNERS = ['ベトナム', 'フィリピン', 'インドネシア', 'タイ', 'マレーシア', 'インド', 'オーストラリア', 'カナダ'];
const JA_TOPICS = ['港湾整備', '沿岸警備', '再生可能エネルギー', '半導体供給網', '防災協力', '人材育成', 'サイバー防衛', '食料安全保障'];
const JA_DOCS = ['覚書', '協定', '共同声明', '取り決め'];
const EN_ORGS = ['Asian Development Bank', 'World Bank', 'Japan International Cooperation Agency', 'European Union', 'Ministry of Finance', 'International Monetary Fund'];
const EN_PARTNERS = ['Vietnam', 'the Philippines', 'Indonesia', 'Thailand', 'India', 'Australia', 'Canada', 'Malaysia'];
const EN_TOPICS = ['port upgrades', 'coastal surveillance', 'solar power', 'chip supply chains', 'disaster relief', 'rail links', 'water supply', 'flood control'];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

export function sampleArticle(i: number): { name: string; text: string } {
  const month = (i % 12) + 1;
  const day = (i % 27) + 1;
  const year = 2020 + (i % 6);
  if (i % 3 === 2) {
    const org = pick(EN_ORGS, i);
    const partner = pick(EN_PARTNERS, i * 7 + 1);
    const topic = pick(EN_TOPICS, i * 5 + 2);
    const amount = 50 + ((i * 37) % 900);
    return {
      name: `en-${String(i).padStart(4, '0')}.txt`,
      text: `${org} backs ${topic} in ${partner} with $${amount} million loan
Published: ${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}

MANILA — The ${org} approved a $${amount} million loan on ${monthName(month)} ${day} to support ${topic} in ${partner}, officials said.
The programme runs from ${year + 1} to ${year + 4} and adds about ${(amount * 3) % 97 + 3} billion yen in co-financing from Japan.
${i % 2 === 0 ? `The two sides signed a memorandum of understanding on ${topic} in ${year - 1}, which the loan builds on.` : `A first tranche of $${Math.round(amount / 4)} million will be released in the third quarter of ${year + 1}.`}
`,
    };
  }
  const org = pick(JA_ORGS, i);
  const partner = pick(JA_PARTNERS, i * 3 + 1);
  const topic = pick(JA_TOPICS, i * 5 + 3);
  const doc = pick(JA_DOCS, i);
  const oku = 10 + ((i * 13) % 490);
  return {
    name: `ja-${String(i).padStart(4, '0')}.txt`,
    text: `${org}、${partner}と${topic}で${doc}に署名　総額約${oku}億円
公開日：${year}年${month}月${day}日

　${org}は${month}月${day}日、${partner}政府との間で${topic}に関する${doc}に署名した。${year + 1}年度から${3 + (i % 4)}年間で総額約${oku}億円を投じる計画で、第1期として${Math.max(1, Math.round(oku / 5))}億円を来年度予算に計上する。
　${partner}側の担当相は記者会見で「${topic}の協力を${year + 2}年までに本格化させたい」と述べた。${i % 4 === 0 ? `両国は${year - 2}年${(i % 11) + 1}月にも共同声明を発表している。` : `${org}によると、${month === 12 ? 1 : month + 1}月上旬に実務者協議を開く予定だ。`}
`,
  };
}

function monthName(m: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]!;
}

/** Writes articles 0 … count-1 into `dir` (created), returns their paths. */
export function writeSampleArticles(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const { name, text } = sampleArticle(i);
    const path = join(dir, name);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}
