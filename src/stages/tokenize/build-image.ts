/**
 * `npm run build` runs this after compiling: it makes the dictionary image (dist/dict/ipadic.kijidic)
 * from kuromoji's files, so that no process pays for inflating them at start-up. Run again, it only
 * checks that the image is up to date.
 */
import { readFileSync } from 'node:fs';
import { buildDictionaryImage, dictionarySource, readImageHeader } from './dictionary.js';
import { defaultDictionaryPath, defaultImagePath, writeDictionaryImage } from './dictionary-file.js';

const imagePath = defaultImagePath();
const dicPath = defaultDictionaryPath();
let current = false;
try {
  current = readImageHeader(new Uint8Array(readFileSync(imagePath)))?.source === dictionarySource(dicPath);
} catch {
  /* no image yet */
}
if (!current) {
  const image = buildDictionaryImage(dicPath);
  writeDictionaryImage(imagePath, image);
  console.log(`dictionary image: ${imagePath} (${(image.byteLength / 1048576).toFixed(1)} MB)`);
}
