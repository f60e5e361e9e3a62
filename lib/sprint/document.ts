// Reads the plan document and refuses what we could not edit safely:
// binary content, invalid UTF-8, an absurd size, an unterminated code fence.
import { readFileSync, statSync } from 'node:fs';
import { MagiError } from '../errors.js';

/** Plan documents are prose; a few megabytes is already far beyond a real one. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface PlanDocument {
  /** Repo-relative path. */
  path: string;
  absolutePath: string;
  /** Decoded text, BOM and line endings exactly as on disk. */
  text: string;
}

export function readPlanDocument(absolutePath: string, displayPath: string): PlanDocument {
  let size: number;
  try {
    const stats = statSync(absolutePath);
    if (!stats.isFile()) throw new MagiError('document-not-file', `${displayPath}: is not a regular file; the plan document must be a Markdown file`);
    size = stats.size;
  } catch (cause) {
    if (cause instanceof MagiError) throw cause;
    throw new MagiError('document-unreadable', `${displayPath}: cannot be read (${(cause as NodeJS.ErrnoException).code}); check that it exists and is readable`, { cause });
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new MagiError('document-too-large', `${displayPath}: is ${(size / 1024 / 1024).toFixed(1)} MB (limit ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB); split the plan document before adding a Backend section`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (cause) {
    throw new MagiError('document-unreadable', `${displayPath}: cannot be read (${(cause as NodeJS.ErrnoException).code}); check its permissions`, { cause });
  }
  if (bytes.includes(0)) {
    throw new MagiError('document-binary', `${displayPath}: holds binary data, not Markdown; restore the plan document from version control`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new MagiError('document-encoding', `${displayPath}: is not valid UTF-8; save it as UTF-8 and re-run`);
  }
  const unclosed = findUnclosedFence(text);
  if (unclosed !== undefined) {
    throw new MagiError('document-fence', `${displayPath}: the code fence opened on line ${unclosed} is never closed; close it (a section appended after it would be swallowed)`);
  }
  return { path: displayPath, absolutePath, text };
}

/** 1-based line of a fenced code block (CommonMark ``` or ~~~) that runs to the end of the file. */
export function findUnclosedFence(text: string): number | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let open: { char: string; length: number; line: number } | undefined;
  lines.forEach((line, index) => {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!match) return;
    const [, marker, rest] = match;
    if (!open) {
      // A backtick fence's info string may not contain backticks.
      if (marker[0] === '`' && rest.includes('`')) return;
      open = { char: marker[0], length: marker.length, line: index + 1 };
    } else if (marker[0] === open.char && marker.length >= open.length && rest.trim() === '') {
      open = undefined;
    }
  });
  return open?.line;
}
