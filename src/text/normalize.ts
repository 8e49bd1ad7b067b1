/**
 * A normalized view of the raw text for matching, with an offset map back to the raw text.
 *
 * Normalization changes lengths (NFKC expands ㈱ → (株), folds ｶﾞ → ガ; digit commas are removed),
 * so every normalized code unit remembers the raw range it came from. Extractors match on
 * `NormalizedText.text` and turn their spans into raw offsets with `toRawSpan`.
 */

/** Characters NFKC leaves alone and that are common in Japanese news: skipping `normalize()` for them keeps this linear and fast. */
function isStable(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) ||
    code === 0x0a ||
    (code >= 0x3041 && code <= 0x3096) || // hiragana
    (code >= 0x30a1 && code <= 0x30fa) || // katakana
    code === 0x30fc || // ー
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3001 && code <= 0x3003) || // 、。〃
    (code >= 0x3005 && code <= 0x3007) || // 々〆〇
    (code >= 0x300c && code <= 0x300f) // 「」『』
  );
}

/** Marks that NFKC folds into the preceding character (half-width and combining voiced marks). */
function isCombiningMark(code: number): boolean {
  return code === 0xff9e || code === 0xff9f || code === 0x3099 || code === 0x309a || (code >= 0x0300 && code <= 0x036f);
}

/** Folds NFKC leaves apart but matching wants together; one data table, applied after NFKC. */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  '\u301c': '~', // 〜 wave dash
  '\u2212': '-', // − minus sign
  '\u2010': '-', // ‐ hyphen
  '\u2011': '-',
  '\u2013': '-', // – en dash
  '\u2014': '-', // — em dash (ranges like 2025—2026)
  '\u2015': '-', // ― horizontal bar
  '\u00a0': ' ',
  '\r': '\n',
};

/** Folded forms of clusters already seen: news text repeats the same few full-width characters. */
const foldCache = new Map<string, string>();

function foldCluster(cluster: string): string {
  let folded = foldCache.get(cluster);
  if (folded === undefined) {
    const nfkc = cluster.normalize('NFKC');
    folded = EXTRA_FOLDS[nfkc] ?? nfkc;
    if (foldCache.size < 10_000) foldCache.set(cluster, folded);
  }
  return folded;
}

/** The folded form of one UTF-16 unit alone (a full-width digit or space, a bracket), by its code: no one-character string per unit to look up. */
const unitCache = new Map<number, string>();

function foldUnit(code: number): string {
  let folded = unitCache.get(code);
  if (folded === undefined) {
    folded = foldCluster(String.fromCharCode(code));
    unitCache.set(code, folded);
  }
  return folded;
}

export interface NormalizedText {
  /** The normalized text. */
  readonly text: string;
  /** Raw start offset of the source of each normalized code unit. */
  readonly rawStarts: Int32Array;
  /** Raw end offset (exclusive) of the source of each normalized code unit. */
  readonly rawEnds: Int32Array;
}

export function normalizeText(raw: string): NormalizedText {
  const out: string[] = [];
  let starts = new Int32Array(raw.length + 16);
  let ends = new Int32Array(raw.length + 16);
  let n = 0;
  // NFKC can expand a cluster (㍻ → 平成), so the map may outgrow the raw length.
  const reserve = (extra: number) => {
    if (n + extra <= starts.length) return;
    const size = Math.max(starts.length * 2, n + extra);
    const grownStarts = new Int32Array(size);
    grownStarts.set(starts);
    starts = grownStarts;
    const grownEnds = new Int32Array(size);
    grownEnds.set(ends);
    ends = grownEnds;
  };

  let i = 0;
  while (i < raw.length) {
    const code = raw.charCodeAt(i);
    if (isStable(code)) {
      let j = i + 1;
      while (j < raw.length && isStable(raw.charCodeAt(j))) j++;
      // A combining mark after the run folds into the run's last character: leave that one to the slow path.
      if (j < raw.length && isCombiningMark(raw.charCodeAt(j))) j--;
      if (j > i) {
        reserve(j - i);
        for (let k = i; k < j; k++) {
          starts[n] = k;
          ends[n] = k + 1;
          n++;
        }
        out.push(raw.slice(i, j));
        i = j;
        continue;
      }
    }
    // Slow path: one code point plus the combining marks that fold into it.
    let j = i + (code >= 0xd800 && code <= 0xdbff && i + 1 < raw.length ? 2 : 1);
    while (j < raw.length && isCombiningMark(raw.charCodeAt(j))) j++;
    const folded = j === i + 1 ? foldUnit(code) : foldCluster(raw.slice(i, j));
    reserve(folded.length);
    for (let k = 0; k < folded.length; k++) {
      starts[n] = i;
      ends[n] = j;
      n++;
    }
    out.push(folded);
    i = j;
  }

  const text = out.join('');
  if (text.length !== n) throw new Error(`normalize: map length ${n} != text length ${text.length}`);
  return removeDigitCommas(text, starts.subarray(0, n), ends.subarray(0, n));
}

/** `1,300,000` → `1300000` (only commas that separate groups of exactly three digits), keeping the map. */
function removeDigitCommas(text: string, rawStarts: Int32Array, rawEnds: Int32Array): NormalizedText {
  // A comma after a digit (the lookbehind after the comma, so the search can skip to commas).
  const pattern = /,(?<=\d,)(?=\d{3}(?!\d))/g;
  if (!pattern.test(text)) return { text, rawStarts, rawEnds };
  pattern.lastIndex = 0;
  // The kept pieces of text and of the map, copied piece by piece.
  const pieces: string[] = [];
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  let n = 0;
  let last = 0;
  const keep = (from: number, to: number) => {
    pieces.push(text.slice(from, to));
    starts.set(rawStarts.subarray(from, to), n);
    ends.set(rawEnds.subarray(from, to), n);
    n += to - from;
  };
  for (const match of text.matchAll(pattern)) {
    keep(last, match.index);
    last = match.index + 1;
  }
  keep(last, text.length);
  return { text: pieces.join(''), rawStarts: starts.subarray(0, n), rawEnds: ends.subarray(0, n) };
}

/** Maps a normalized span [start, end) to the raw span that covers it. */
export function toRawSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (start < 0 || end > norm.text.length || start >= end) {
    throw new RangeError(`toRawSpan: bad normalized span [${start}, ${end}) for length ${norm.text.length}`);
  }
  return { start: norm.rawStarts[start]!, end: norm.rawEnds[end - 1]! };
}
