/**
 * htmlparser2 keeps its open elements in an array it unshifts and shifts, so each tag costs time in
 * proportion to the nesting depth: 200,000 nested `<div>`s took minutes. No article is nested more
 * than a few dozen levels, so before parsing, tags past `maxDepth` are dropped (their text stays;
 * only the structure below that depth is flattened). One linear scan; pages within the limit are
 * returned untouched.
 */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', '!doctype']);
const TAG = /<(\/?)([A-Za-z!][^\s/>]*)[^>]*?(\/?)>/g;

export const MAX_HTML_DEPTH = 512;

export function flattenDeepNesting(html: string, maxDepth = MAX_HTML_DEPTH): string {
  let depth = 0;
  let exceeded = false;
  TAG.lastIndex = 0;
  // First pass: is the limit ever passed? (The common case: no, and no string is built.)
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (m[3] || VOID.has(name)) continue;
    depth += m[1] ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > maxDepth) {
      exceeded = true;
      break;
    }
  }
  if (!exceeded) return html;
  depth = 0;
  /** Per tag name, how many opened past the limit are waiting for their closing tag (dropped too). */
  const dropped = new Map<string, number>();
  return html.replace(TAG, (tag: string, close: string, rawName: string, selfClosing: string) => {
    const name = rawName.toLowerCase();
    if (selfClosing || VOID.has(name)) return tag;
    if (close) {
      const waiting = dropped.get(name) ?? 0;
      if (waiting > 0) {
        dropped.set(name, waiting - 1);
        return '';
      }
      if (depth > 0) depth--;
      return tag;
    }
    if (depth >= maxDepth) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      return '';
    }
    depth++;
    return tag;
  });
}
