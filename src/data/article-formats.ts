/** File extensions → article format. Unknown extensions are sniffed (HTML or plain text). */
export type ArticleFormat = 'text' | 'html' | 'markdown';

export const FORMAT_BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

/** A decoded file that starts like this (case-insensitive, after whitespace) is HTML whatever its extension. */
export const HTML_OPENINGS: readonly string[] = ['<!doctype html', '<html'];

/** Plain-text titles longer than this are taken to be a first paragraph, not a title. */
export const MAX_PLAIN_TITLE_LENGTH = 120;

/** fs error codes in plain words, for E_READ. */
export const READ_ERROR_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ELOOP: 'a loop of symbolic links (or too many links in a row)',
  ENAMETOOLONG: 'the path is too long',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  EIO: 'an input/output error from the disk',
};
