/**
 * Where kiji's dictionary image lives and how a process gets it: read once from the file `npm run build`
 * made (dist/dict/ipadic.kijidic), into a SharedArrayBuffer that worker threads are handed instead of
 * loading their own. A missing or stale image (another kuromoji, another image format) is rebuilt from
 * kuromoji's files in memory and written back for next time when the folder is writable.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDictionaryImage, dictionarySource, readImageHeader } from './dictionary.js';

const requireFromHere = createRequire(import.meta.url);

export function defaultDictionaryPath(): string {
  return join(dirname(requireFromHere.resolve('kuromoji/package.json')), 'dict');
}

/** The image next to the compiled code; this module sits three folders below the package root in src/ and dist/ alike. */
export function defaultImagePath(): string {
  return join(fileURLToPath(new URL('../../../', import.meta.url)), 'dist', 'dict', 'ipadic.kijidic');
}

/** Reads a whole file into a SharedArrayBuffer (one copy, no intermediate Buffer), or undefined when it cannot be read. */
function readShared(path: string): SharedArrayBuffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const shared = new SharedArrayBuffer(size);
    const bytes = new Uint8Array(shared);
    for (let at = 0; at < size; ) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n <= 0) return undefined;
      at += n;
    }
    return shared;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes atomically (temporary file + rename), so a concurrent reader never sees half an image. */
export function writeDictionaryImage(path: string, image: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, image);
  renameSync(temporary, path);
}

const shared = new Map<string, SharedArrayBuffer>();

/**
 * The dictionary image of `dicPath` in shared memory, once per process. Uses the prebuilt image when it
 * was made from these very kuromoji files; otherwise builds one (≈ 1 s) and tries to save it.
 */
export function loadDictionaryImage(dicPath = defaultDictionaryPath(), imagePath = dicPath === defaultDictionaryPath() ? defaultImagePath() : undefined): SharedArrayBuffer {
  const key = `${dicPath}\0${imagePath ?? ''}`;
  const cached = shared.get(key);
  if (cached) return cached;
  const source = dictionarySource(dicPath);
  let image = imagePath ? readShared(imagePath) : undefined;
  if (image && readImageHeader(new Uint8Array(image))?.source !== source) image = undefined;
  if (!image) {
    const built = buildDictionaryImage(dicPath);
    if (imagePath) {
      try {
        writeDictionaryImage(imagePath, built);
      } catch {
        /* a read-only install: keep the image in memory only */
      }
    }
    image = new SharedArrayBuffer(built.byteLength);
    new Uint8Array(image).set(built);
  }
  shared.set(key, image);
  return image;
}
