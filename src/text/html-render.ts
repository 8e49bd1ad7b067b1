/**
 * Lays out the kept element tree as plain text, deterministically: block elements end lines
 * (paragraph blocks leave one blank line), whitespace inside a line collapses as a browser
 * would, lines are trimmed, and blank lines never repeat. Later stages' offsets point into this text.
 */
import { CELL_ELEMENTS, LINE_ELEMENTS, PARAGRAPH_ELEMENTS } from '../data/html-boilerplate.js';
import type { ElementNode } from './html-tree.js';

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * Collapses HTML whitespace to one space, except that a line break between two wide (CJK)
 * characters disappears — as CSS Text 3 does, so `日本政府は\n発表した` stays one word run.
 */
export function collapseInline(raw: string): string {
  return raw
    .replace(/[ \t\n\r\f\u00a0]+/g, (run: string, offset: number, whole: string) => {
      if (/[\n\r]/.test(run)) {
        const before = whole[offset - 1];
        const after = whole[offset + run.length];
        if (before && after && WIDE.test(before) && WIDE.test(after)) return '';
      }
      return ' ';
    })
    .trim();
}

class TextLayout {
  private readonly lines: string[] = [];
  private inline: string[] = [];

  text(s: string): void {
    this.inline.push(s);
  }

  /** Ends the current line; with `blank`, also leaves one blank line. `forced` keeps an empty line (for `<br><br>`). */
  endLine(blank: boolean, forced = false): void {
    const line = collapseInline(this.inline.join(''));
    this.inline = [];
    if (line !== '') this.lines.push(line);
    else if (forced) this.blankLine();
    if (blank) this.blankLine();
  }

  private blankLine(): void {
    const last = this.lines[this.lines.length - 1];
    if (last !== undefined && last !== '') this.lines.push('');
  }

  finish(): string {
    this.endLine(false);
    while (this.lines[this.lines.length - 1] === '') this.lines.pop();
    return this.lines.join('\n');
  }
}

export function renderText(node: ElementNode): string {
  const layout = new TextLayout();
  walk(node, layout, false);
  return layout.finish();
}

function walk(node: ElementNode, layout: TextLayout, inPre: boolean): void {
  const pre = inPre || node.tag === 'pre';
  if (node.tag === 'br') return layout.endLine(false, true);
  const paragraph = PARAGRAPH_ELEMENTS.has(node.tag);
  const line = LINE_ELEMENTS.has(node.tag);
  if (paragraph || line) layout.endLine(paragraph);
  if (CELL_ELEMENTS.has(node.tag)) layout.text(' ');

  for (const child of node.children) {
    if (typeof child !== 'string') walk(child, layout, pre);
    else if (!pre) layout.text(child);
    else {
      // In <pre>, source line breaks are real line breaks.
      const parts = child.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) layout.endLine(false, true);
        layout.text(part);
      });
    }
  }

  if (paragraph || line) layout.endLine(paragraph);
  if (CELL_ELEMENTS.has(node.tag)) layout.text(' ');
}

/** The text of an element on one line (for titles). */
export function inlineText(node: ElementNode): string {
  const parts: string[] = [];
  const collect = (n: ElementNode) => {
    for (const child of n.children) typeof child === 'string' ? parts.push(child) : collect(child);
  };
  collect(node);
  return collapseInline(parts.join(''));
}
