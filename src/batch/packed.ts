import { deserialize, serialize } from 'node:v8';
import type { OkArticle, StoredArticle } from '../store/rows.js';

/**
 * A processed article as the main thread of a local run handles it: what it counts, and the row itself
 * serialized once in the worker (v8.serialize: the structured clone a message makes) into a buffer that is
 * transferred, not copied, to the main thread and on to the writer thread, which unpacks it. An article's
 * rows and gram tokens are ≈ 16 KB: cloned into the main thread and again out of it, they cost that thread,
 * which feeds the workers, more than anything else it does per article.
 */
export interface PackedArticle {
  status: 'ok';
  path: string;
  chars: number;
  packed: Uint8Array;
}

/** What the batch writer takes: a row, or a row packed by a worker. */
export type ArticleToWrite = StoredArticle | PackedArticle;

export function packArticle(article: OkArticle): PackedArticle {
  return { status: 'ok', path: article.path, chars: article.chars, packed: serialize(article) };
}

export function unpackArticle(article: ArticleToWrite): StoredArticle {
  return 'packed' in article ? (deserialize(article.packed) as StoredArticle) : article;
}

/** The buffers to transfer with a batch: those its packed articles own whole (v8.serialize's do). */
export function transferablesOf(articles: readonly ArticleToWrite[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const a of articles) if ('packed' in a && ownsBuffer(a.packed)) out.push(a.packed.buffer as ArrayBuffer);
  return out;
}

export function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !(bytes.buffer instanceof SharedArrayBuffer);
}
