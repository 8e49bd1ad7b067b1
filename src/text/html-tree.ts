/**
 * One streaming pass of htmlparser2 that keeps only what the article text can use: a light tree
 * of the non-boilerplate elements, plus page metadata (`<title>`, `<meta>`, JSON-LD dates)
 * collected even from the parts that are dropped (they live in `<head>`).
 */
import { Parser } from 'htmlparser2';
import { isBoilerplate } from './html-boilerplate.js';
import { flattenDeepNesting } from './html-depth.js';

export interface ElementNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (ElementNode | string)[];
}

export interface PageMetadata {
  /** Text of the first `<title>` outside `<svg>`. */
  readonly title?: string;
  /** `<meta>` content by lower-cased `property`/`name`/`itemprop`; the first occurrence wins. */
  readonly meta: ReadonlyMap<string, string>;
  /** `datePublished` values from `<script type="application/ld+json">`, in document order. */
  readonly jsonLdDates: readonly string[];
}

export interface ParsedPage {
  readonly root: ElementNode;
  readonly metadata: PageMetadata;
}

interface Frame {
  readonly tag: string;
  /** Undefined for dropped elements and everything inside them. */
  readonly node?: ElementNode;
  readonly inContent: boolean;
}

const JSON_LD_DATE_PUBLISHED = /"datePublished"\s*:\s*"([^"]+)"/g;

export function parseHtml(html: string, options: { useMarkers: boolean }): ParsedPage {
  const root: ElementNode = { tag: '#document', attrs: {}, children: [] };
  const stack: Frame[] = [{ tag: root.tag, node: root, inContent: false }];
  const meta = new Map<string, string>();
  const jsonLdDates: string[] = [];
  let title: string | undefined;
  let capture: { kind: 'title' | 'json-ld'; parts: string[] } | undefined;
  /** Open <svg> elements: a <title> inside one is an image's, not the page's (counted, not searched for). */
  let svgDepth = 0;

  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        const parent = stack[stack.length - 1]!;
        if (tag === 'meta') recordMeta(meta, attrs);
        if (tag === 'title' && title === undefined && svgDepth === 0) capture = { kind: 'title', parts: [] };
        if (tag === 'script' && attrs.type?.toLowerCase() === 'application/ld+json') capture = { kind: 'json-ld', parts: [] };

        const inContent = parent.inContent || tag === 'article' || tag === 'main';
        const keep = parent.node !== undefined && !isBoilerplate(tag, attrs, { inContent: parent.inContent, useMarkers: options.useMarkers });
        const node = keep ? { tag, attrs, children: [] } : undefined;
        if (node) parent.node!.children.push(node);
        if (tag === 'svg') svgDepth++;
        stack.push({ tag, inContent, ...(node ? { node } : {}) });
      },
      ontext(text) {
        if (capture) capture.parts.push(text);
        const node = stack[stack.length - 1]!.node;
        if (node) node.children.push(text);
      },
      onclosetag(tag) {
        if (capture && (tag === 'title' || tag === 'script')) {
          const text = capture.parts.join('');
          if (capture.kind === 'title') title = text;
          else for (const m of text.matchAll(JSON_LD_DATE_PUBLISHED)) if (m[1]) jsonLdDates.push(m[1]);
          capture = undefined;
        }
        // htmlparser2 closes every element it opened (implied and void ones too), so the stack stays balanced.
        if (stack.length > 1 && stack.pop()!.tag === 'svg') svgDepth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(flattenDeepNesting(html));
  parser.end();

  return { root, metadata: { ...(title !== undefined ? { title } : {}), meta, jsonLdDates } };
}

function recordMeta(meta: Map<string, string>, attrs: Readonly<Record<string, string>>): void {
  const key = (attrs.property ?? attrs.name ?? attrs.itemprop)?.trim().toLowerCase();
  const content = attrs.content ?? attrs.datetime;
  if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
}

/** Elements with this tag below `node`, in document order (the node itself included). */
export function findAll(node: ElementNode, tag: string, out: ElementNode[] = []): ElementNode[] {
  // An explicit stack: deep nesting must not overflow the call stack.
  const stack: ElementNode[] = [node];
  while (stack.length) {
    const next = stack.pop()!;
    if (next.tag === tag) out.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) {
      const child = next.children[i]!;
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return out;
}
