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
  walk(node, layout);
  return layout.finish();
}

/** What the walk does next: enter an element, or finish one (its closing line end). */
type Step = { enter: ElementNode; pre: boolean } | { leave: ElementNode };

/**
 * Depth-first over the tree with an explicit stack, not recursion: a page nested thousands of
 * elements deep overflowed the main thread's stack (`extract`, `inspect`, `report`).
 */
function walk(root: ElementNode, layout: TextLayout): void {
  const steps: Step[] = [{ enter: root, pre: false }];
  while (steps.length) {
    const step = steps.pop()!;
    if ('leave' in step) {
      const paragraph = PARAGRAPH_ELEMENTS.has(step.leave.tag);
      if (paragraph || LINE_ELEMENTS.has(step.leave.tag)) layout.endLine(paragraph);
      if (CELL_ELEMENTS.has(step.leave.tag)) layout.text(' ');
      continue;
    }
    const node = step.enter;
    if (node.tag === '#text') {
      const text = node.children[0] as string;
      if (!step.pre) layout.text(text);
      else {
        // In <pre>, source line breaks are real line breaks.
        text.split('\n').forEach((part, i) => {
          if (i > 0) layout.endLine(false, true);
          layout.text(part);
        });
      }
      continue;
    }
    const pre = step.pre || node.tag === 'pre';
    if (node.tag === 'br') {
      layout.endLine(false, true);
      continue;
    }
    const paragraph = PARAGRAPH_ELEMENTS.has(node.tag);
    if (paragraph || LINE_ELEMENTS.has(node.tag)) layout.endLine(paragraph);
    if (CELL_ELEMENTS.has(node.tag)) layout.text(' ');
    steps.push({ leave: node });
    // Children in reverse, so the first is taken next; text children are laid out when reached.
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]!;
      steps.push(typeof child === 'string' ? { enter: { tag: '#text', attrs: {}, children: [child] }, pre } : { enter: child, pre });
    }
  }
}

/** The text of an element on one line (for titles). */
export function inlineText(node: ElementNode): string {
  const parts: string[] = [];
  const stack: (ElementNode | string)[] = [node];
  while (stack.length) {
    const next = stack.pop()!;
    if (typeof next === 'string') parts.push(next);
    else for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return collapseInline(parts.join(''));
}
