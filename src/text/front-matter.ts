/**
 * A leading YAML front-matter block in Markdown (`---` … `---`). Only flat `key: value` lines
 * are read (title, date); this is not a YAML parser and does not try to be one.
 */
export interface FrontMatter {
  /** Lower-cased keys → unquoted scalar values. */
  readonly fields: ReadonlyMap<string, string>;
  /** The document after the block. */
  readonly body: string;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
const FIELD = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/;

export function splitFrontMatter(markdown: string): FrontMatter | undefined {
  const opening = OPENING.exec(markdown);
  if (!opening) return undefined;
  const rest = markdown.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return undefined;

  const fields = new Map<string, string>();
  for (const line of rest.slice(0, closing.index).split(/\r?\n/)) {
    const field = FIELD.exec(line);
    if (field?.[1] && field[2] !== undefined && !fields.has(field[1].toLowerCase())) {
      fields.set(field[1].toLowerCase(), unquote(field[2]));
    }
  }
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  return { fields, body: afterClosing };
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
  return quoted ? (quoted[1] ?? quoted[2] ?? '') : value;
}
