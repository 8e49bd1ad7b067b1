/** Decides whether an element is page furniture, from its tag, class, id, role and visibility. */
import {
  BOILERPLATE_ROLES,
  BOILERPLATE_TOKENS,
  NEVER_MARKED_BOILERPLATE,
  PAGE_LEVEL_SKIPPED_ELEMENTS,
  SKIPPED_ELEMENTS,
  STATE_CLASS_PREFIXES,
} from '../data/html-boilerplate.js';

export interface BoilerplateContext {
  /** Inside an `<article>` or `<main>`. */
  readonly inContent: boolean;
  /** Apply class/id/role markers (turned off by the fallback when they removed everything). */
  readonly useMarkers: boolean;
}

/** `relatedArticles`, `c-share_buttons` → related, articles, c, share, buttons. */
function tokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

function hasMarkerName(names: string): boolean {
  return names
    .split(/\s+/)
    .filter((name) => name !== '' && !STATE_CLASS_PREFIXES.some((p) => name.toLowerCase().startsWith(p)))
    .some((name) => tokens(name).some((t) => BOILERPLATE_TOKENS.has(t)));
}

export function isBoilerplate(tag: string, attrs: Readonly<Record<string, string>>, ctx: BoilerplateContext): boolean {
  if (SKIPPED_ELEMENTS.has(tag)) return true;
  if (PAGE_LEVEL_SKIPPED_ELEMENTS.has(tag) && !ctx.inContent) return true;
  if (attrs.hidden !== undefined || attrs['aria-hidden'] === 'true') return true;
  if (attrs.style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style)) return true;
  if (!ctx.useMarkers || NEVER_MARKED_BOILERPLATE.has(tag)) return false;
  const role = attrs.role?.trim().toLowerCase();
  if (role && BOILERPLATE_ROLES.has(role)) return true;
  return hasMarkerName(attrs.class ?? '') || hasMarkerName(attrs.id ?? '');
}
