// Reads the plan document and refuses what we could not edit safely:
// binary content, invalid UTF-8, an absurd size, an unterminated code fence.
import { readFileSync, statSync } from 'node:fs';
import { MagiError } from '../errors.js';
import { sizeAgainstLimit } from '../input.js';

/** Plan documents are prose; real ones are tens of kilobytes. The cap keeps a run's time and memory bounded. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/**
 * Link and image brackets (`[`) a document may hold. Unresolved brackets make
 * Markdown parsing quadratic within a paragraph (200,000 `[a](` took minutes);
 * a real plan document has a few hundred.
 */
export const MAX_LINK_BRACKETS = 10_000;

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
    throw new MagiError('document-too-large', `${displayPath}: ${sizeAgainstLimit(size, MAX_DOCUMENT_BYTES)}; split the plan document before adding a Backend section`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (cause) {
    throw new MagiError('document-unreadable', `${displayPath}: cannot be read (${(cause as NodeJS.ErrnoException).code}); check its permissions`, { cause });
  }
  const utf16 = utf16Of(bytes);
  if (utf16) {
    throw new MagiError('document-utf16', `${displayPath}: is UTF-16 (${utf16}), not UTF-8; convert it, e.g. iconv -f UTF-16 -t UTF-8 ${displayPath} > SPEC.utf8.md && mv SPEC.utf8.md ${displayPath} (or "Save with encoding: UTF-8" in your editor), then re-run`);
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
  const brackets = countBrackets(text);
  if (brackets > MAX_LINK_BRACKETS) {
    throw new MagiError('document-brackets', `${displayPath}: holds ${brackets} "[" brackets (limit ${MAX_LINK_BRACKETS}); link syntax that dense takes minutes to parse: remove the stray brackets, then re-run`);
  }
  const unclosed = findUnclosedFence(text);
  if (unclosed !== undefined) {
    throw new MagiError('document-fence', `${displayPath}: the code fence opened on line ${unclosed} is never closed; close it (a section appended after it would be swallowed)`);
  }
  return { path: displayPath, absolutePath, text };
}

/** `[` characters: a linear pre-scan before the Markdown parser sees the text. */
export function countBrackets(text: string): number {
  let count = 0;
  for (let index = text.indexOf('['); index !== -1; index = text.indexOf('[', index + 1)) count++;
  return count;
}

/** "little-endian" / "big-endian" for UTF-16 text (a BOM, or NUL bytes in every other position), else undefined. */
export function utf16Of(bytes: Buffer): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, with a BOM';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, with a BOM';
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros++;
    if (sample[index + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  // Mostly-ASCII text in UTF-16 has a zero in one byte of nearly every pair, and never in the other.
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'little-endian';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'big-endian';
  return undefined;
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
