import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a stream, each at most `maxChars` long: a longer line is skipped to its end without
 * being held in memory (readline keeps a whole line, and a 100 MB line once took 4 GB) and yielded as
 * `{ tooLong: true }` so the caller can report it and go on. LF or CRLF line ends.
 */
export type JsonlLine = { text: string; tooLong?: false } | { tooLong: true; chars: number };

export async function* boundedLines(input: Readable, maxChars: number): AsyncGenerator<JsonlLine> {
  const decoder = new StringDecoder('utf8');
  let current = '';
  let skipping = false;
  let skipped = 0;
  const finish = function* (): Generator<JsonlLine> {
    if (skipping) yield { tooLong: true, chars: skipped };
    else yield { text: current.endsWith('\r') ? current.slice(0, -1) : current };
    current = '';
    skipping = false;
    skipped = 0;
  };
  const take = function* (chunk: string): Generator<JsonlLine> {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', from);
      const piece = chunk.slice(from, newline === -1 ? chunk.length : newline);
      if (skipping) skipped += piece.length;
      else if (current.length + piece.length > maxChars) {
        skipping = true;
        skipped = current.length + piece.length;
        current = '';
      } else current += piece;
      if (newline === -1) return;
      yield* finish();
      from = newline + 1;
    }
  };
  for await (const chunk of input) yield* take(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
  yield* take(decoder.end());
  if (current !== '' || skipping) yield* finish();
}
