/**
 * A record in its surroundings, on one line: `…20 chars before⟦the text⟧20 chars after…`.
 * Shared by `kiji eval --show errors` and the fixture diff so both read the same way.
 */
export const CONTEXT_CHARS = 20;

const oneLine = (s: string) => s.replace(/\r\n|\r|\n/g, '⏎').replace(/\t/g, ' ');

export function contextSnippet(text: string | undefined, start: number, end: number, width = CONTEXT_CHARS): string {
  if (text === undefined) return '';
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  // Never cut a surrogate pair (𠮷, emoji) in half.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  return `${from > 0 ? '…' : ''}${oneLine(before)}⟦${oneLine(text.slice(start, end))}⟧${oneLine(after)}${to < text.length ? '…' : ''}`;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
