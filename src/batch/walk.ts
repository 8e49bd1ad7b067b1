import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';
import { KijiError } from '../core/errors.js';
import type { FailedArticle } from '../store/rows.js';

export interface WalkResult {
  /** Article files to read: real paths (an article is known by its real path), sorted, each once. */
  files: string[];
  /** Paths that could not be walked (symlink loops, dangling links, unreadable folders): recorded as failed articles. */
  failures: FailedArticle[];
}

const failure = (path: string, error: string): FailedArticle => ({ path, status: 'failed', errorCode: 'E_READ', error, contentHash: null, bytes: null });

/** The names in `dir` whose bytes are not UTF-8, as Node spells them (with U+FFFD). */
async function undecodableNames(dir: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const raw of await readdir(dir, { encoding: 'buffer' })) {
    const name = raw.toString('utf8');
    if (!Buffer.from(name, 'utf8').equals(raw)) names.add(name);
  }
  return names;
}

/** Files whose patterns (gitignore syntax) a folder walk leaves out, each relative to its own folder. */
export const IGNORE_FILES = ['.gitignore', '.kijiignore'] as const;

/** `name` (one entry of the folder `dir`, an absolute and normalized path) in it: what join() gives, without normalizing a path again per entry. */
const child = (dir: string, name: string) => (dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`);

/** Folders never walked into: tools' and dependencies' folders are not articles. */
const isSkippedFolder = (name: string) => name.startsWith('.') || name === 'node_modules';

interface IgnoreRules {
  base: string;
  rules: Ignore;
}

async function readIgnoreRules(dir: string, names: readonly string[]): Promise<IgnoreRules | undefined> {
  // The matcher is loaded only for a folder that has an ignore file: most article folders have none.
  const { default: ignore } = await import('ignore');
  let rules: Ignore | undefined;
  for (const name of names) {
    try {
      (rules ??= ignore()).add(await readFile(join(dir, name), 'utf8'));
    } catch {
      /* no such file, or unreadable: no patterns from it */
    }
  }
  return rules ? { base: dir, rules } : undefined;
}

const isIgnored = (path: string, isDir: boolean, scopes: readonly IgnoreRules[]) =>
  scopes.some(({ base, rules }) => {
    const rel = relative(base, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && rules.ignores(rel.split(sep).join('/') + (isDir ? '/' : ''));
  });

/** Characters without which no input is a pattern (wildcards, classes, braces, extglobs and their negation). */
const GLOB_CHARACTERS = /[*?[\]{}()!+@]/;

/**
 * Inputs as the user typed them, with globs (`'articles/**\/*.html'`, quoted so the shell left them)
 * expanded; a path that exists is taken as it is, even with glob characters in its name.
 */
async function expandGlobs(inputs: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    // The glob matcher (tinyglobby, picomatch, fdir) is loaded only for an input with a character a pattern needs.
    if (!GLOB_CHARACTERS.test(input)) {
      out.push(input);
      continue;
    }
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (!isDynamicPattern(input) || (await lstat(resolve(cwd, input)).then(() => true, () => false))) {
      out.push(input);
      continue;
    }
    const matches = await glob(input, { cwd, absolute: true, onlyFiles: false, ignore: ['**/node_modules/**'], expandDirectories: false });
    if (matches.length === 0) throw new KijiError('E_USAGE', `${input}: the pattern matches no file or folder`);
    out.push(...matches.sort());
  }
  return out;
}

/**
 * Expands files, folders and globs into the sorted list of article files. Folders are walked
 * recursively, leaving out hidden folders, node_modules and what `.gitignore`/`.kijiignore` files in
 * the walked folders list (each for what is below its own folder; the ignore files above an input
 * folder do not count, so a data folder a repository ignores can still be read); a file or folder
 * named explicitly is always read. Symbolic links are followed, a link back to a folder on the
 * current path is a loop (recorded, not followed), and a file or folder reached twice through
 * different links is read once.
 */
export async function walkInputs(inputs: readonly string[], extensions: readonly string[], cwd = process.cwd()): Promise<WalkResult> {
  const wanted = new Set(extensions.map((e) => e.toLowerCase()));
  const files: string[] = [];
  const failures: FailedArticle[] = [];
  /** Real path → the path it is read under: the file's own path when it is reached directly, else the first link. */
  const seenFiles = new Map<string, string>();
  const seenDirs = new Set<string>();

  const addReal = (path: string, real: string) => {
    const known = seenFiles.get(real);
    if (known === undefined || (path === real && known !== real)) seenFiles.set(real, path);
  };
  const addFile = async (path: string) => {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      real = path;
    }
    addReal(path, real);
  };

  /** `ancestors` holds the real paths of the folders above `dir`, for loop detection; `scopes` the ignore rules in force. */
  const walkDir = async (dir: string, ancestors: readonly string[], scopes: readonly IgnoreRules[]) => {
    const real = await realpath(dir);
    if (ancestors.includes(real)) {
      failures.push(failure(dir, `${dir}: symbolic link loop: it leads back to ${real}, a folder that contains it`));
      return;
    }
    if (seenDirs.has(real)) return; // the same folder reached through another link: already walked
    seenDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      failures.push(failure(dir, `${dir}: cannot read the folder: ${(error as Error).message}`));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A name that is not UTF-8 cannot be spelled as a string path (Node decodes it with U+FFFD, a file
    // that does not exist): say so, instead of "no such file".
    const undecodable = entries.some((e) => e.name.includes('\uFFFD')) ? await undecodableNames(dir) : new Set<string>();
    const own = entries.some((e) => (IGNORE_FILES as readonly string[]).includes(e.name)) ? await readIgnoreRules(dir, IGNORE_FILES) : undefined;
    const inForce = own ? [...scopes, own] : scopes;
    for (const entry of entries) {
      if (undecodable.has(entry.name)) {
        if (entry.isDirectory() || wanted.has(extname(entry.name).toLowerCase())) {
          failures.push(failure(join(dir, entry.name), `${join(dir, entry.name)}: the name is not valid UTF-8, so kiji cannot open it; rename it (e.g. with convmv) to UTF-8`));
        }
        continue;
      }
      const path = child(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isSkippedFolder(entry.name) && !isIgnored(path, true, inForce)) await walkDir(path, [...ancestors, real], inForce);
      } else if (isIgnored(path, false, inForce)) {
        continue;
      } else if (entry.isFile()) {
        // A plain file (not a link) in a folder whose real path is known: its real path needs no system call.
        if (wanted.has(extname(entry.name).toLowerCase())) addReal(path, child(real, entry.name));
      } else if (entry.isSymbolicLink()) {
        if (!isSkippedFolder(entry.name)) await followLink(path, entry.name, [...ancestors, real], inForce);
      }
    }
  };

  const followLink = async (path: string, name: string, ancestors: readonly string[], scopes: readonly IgnoreRules[]) => {
    let target;
    try {
      target = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A broken or looping link is only reported when it looks like an article (or a folder: no extension).
      const ext = extname(name).toLowerCase();
      if (ext !== '' && !wanted.has(ext)) return;
      if (code === 'ELOOP') failures.push(failure(path, `${path}: symbolic link loop (ELOOP): the link never reaches a file`));
      else if (code === 'ENOENT') failures.push(failure(path, `${path}: dangling symbolic link: its target does not exist (ENOENT)`));
      else failures.push(failure(path, `${path}: cannot follow the symbolic link: ${(error as Error).message}`));
      return;
    }
    if (target.isDirectory()) await walkDir(path, ancestors, scopes);
    else if (target.isFile() && wanted.has(extname(name).toLowerCase())) await addFile(path);
  };

  for (const input of await expandGlobs(inputs, cwd)) {
    const path = resolve(cwd, input);
    let info;
    try {
      info = await lstat(path);
    } catch (error) {
      // A missing input is a usage error, not a bad article.
      throw new KijiError('E_USAGE', `${input}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`);
    }
    if (info.isSymbolicLink()) {
      try {
        info = await stat(path);
      } catch {
        await followLink(path, '', [], []);
        continue;
      }
    }
    // A file named explicitly is read whatever its extension.
    if (info.isDirectory()) await walkDir(path, [], []);
    else await addFile(path);
  }
  files.push(...seenFiles.keys());
  files.sort();
  failures.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, failures };
}
