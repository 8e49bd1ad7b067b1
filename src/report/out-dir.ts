import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { KijiError } from '../core/errors.js';
import { assertNotDatabase } from '../store/output-guard.js';

/**
 * The folder `kiji report` writes into, which it owns: it carries a marker file, and kiji writes
 * only into an empty or missing folder or one with that marker, so a user's own `index.html` is
 * never overwritten. Files are written under a temporary name and renamed into place, so a symbolic
 * link planted in the folder is replaced, never followed. Pages of articles no longer in the
 * database are removed.
 */
export const REPORT_MARKER = '.kiji-report';

function refuse(dir: string, why: string): never {
  throw new KijiError('E_USAGE', `--out ${dir}: ${why}`, { out: dir });
}

function kindOf(path: string): 'missing' | 'dir' | 'link' | 'file' | 'other' {
  try {
    const info = lstatSync(path);
    return info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'dir' : info.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

export interface ReportFolder {
  readonly dir: string;
  readonly articlesDir: string;
  /** Writes `name` inside the folder (a relative path of at most one sub-folder), replacing what is there. */
  write(relative: string, content: string): string;
  /** Removes the article and entity pages this report did not write. */
  removeStale(): void;
}

export function openReportFolder(dir: string, dbPath: string): ReportFolder {
  assertNotDatabase(dir, dbPath);
  const kind = kindOf(dir);
  if (kind === 'file' || kind === 'other') refuse(dir, 'that is a file, not a folder');
  if (kind === 'missing') mkdirSync(dir, { recursive: true });
  const entries = readdirSync(dir);
  if (entries.length > 0 && !entries.includes(REPORT_MARKER)) {
    refuse(dir, `the folder is not empty and was not written by kiji report (no ${REPORT_MARKER} file); choose an empty or new folder`);
  }
  if (kindOf(join(dir, REPORT_MARKER)) !== 'file') {
    if (entries.includes(REPORT_MARKER)) refuse(dir, `${REPORT_MARKER} is not a plain file; remove it or choose another folder`);
    writeFileSync(join(dir, REPORT_MARKER), 'This folder is written by `kiji report`; it replaces and removes the files in it.\n', { flag: 'wx' });
  }
  const articlesDir = join(dir, 'articles');
  // The page folders: a link or a file where the pages go is replaced by a real folder of our own.
  const pageDirs = [articlesDir, join(dir, 'entities')];
  for (const pagesDir of pageDirs) {
    const pagesKind = kindOf(pagesDir);
    if (pagesKind === 'link' || pagesKind === 'file' || pagesKind === 'other') rmSync(pagesDir, { force: true });
    if (pagesKind !== 'dir') mkdirSync(pagesDir);
  }
  const written = new Set<string>();
  let serial = 0;
  return {
    dir,
    articlesDir,
    write(relative, content) {
      const target = join(dir, relative);
      const temporary = join(dir, relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '', `.${basename(relative)}.${process.pid}.${serial++}.tmp`);
      writeFileSync(temporary, content, { flag: 'wx' }); // O_EXCL: never opens an existing file or link
      if (kindOf(target) === 'dir') rmSync(target, { recursive: true, force: true });
      renameSync(temporary, target);
      written.add(target);
      return target;
    },
    removeStale() {
      for (const pagesDir of pageDirs) {
        for (const name of readdirSync(pagesDir)) {
          const path = join(pagesDir, name);
          // Only pages (and links, which kiji never writes): anything else there is left alone.
          if (!written.has(path) && (name.endsWith('.html') || kindOf(path) === 'link') && kindOf(path) !== 'dir') rmSync(path, { force: true });
        }
      }
    },
  };
}
