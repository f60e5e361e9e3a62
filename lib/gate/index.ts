// The gate: put a freshly rendered `## Backend` section into the plan document.
// Text outside the section is never changed, byte for byte; inside it, a merge
// keeps every line the user wrote (three-way against what we generated last time).
import { EXIT, MagiError } from '../errors.js';
import { findSections, parseMarkdown } from '../scope/markdown.js';
import { merge3 } from './merge3.js';

export type ConflictMode = 'merge' | 'overwrite' | 'abort';
export const SECTION_HEADING = 'Backend';

export interface GateInput {
  /** The document as read (BOM included, line endings untouched). */
  document: string;
  /** The section we render now: starts with `## Backend`, `\n` line endings, ends with one `\n`. */
  fresh: string;
  /** The section as we generated it last time (the merge base), if known. */
  base?: string;
  /** What to do with an existing section; appending needs no mode. */
  mode?: ConflictMode;
}

export interface GateResult {
  text: string;
  outcome: 'appended' | 'merged' | 'overwritten' | 'unchanged';
  /** Regions where the user's edit and ours collided (the user's kept). */
  conflicts: number;
}

interface SectionRange {
  start: number;
  /** End of the section's content, before its trailing blank lines. */
  contentEnd: number;
  /** Where the next section starts (or the document's length). */
  end: number;
}

export type Eol = '\n' | '\r\n' | '\r';
/** CR alone is a line ending too (CommonMark), and a CRLF is one line ending, not two. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Where the one `## Backend` section is, undefined when there is none. Two → refused. */
export function locateSection(document: string): SectionRange | undefined {
  const bom = document.startsWith('\uFEFF') ? 1 : 0;
  const body = bom ? document.slice(1) : document;
  const sections = findSections(body, SECTION_HEADING, 2);
  if (sections.length > 1) {
    const lines = sections.map((section) => section.startLine).join(' and ');
    throw new MagiError('two-sections', `The document has ${sections.length} "## Backend" sections (lines ${lines}); merge them into one by hand, then re-run`, {
      exitCode: EXIT.usage,
    });
  }
  const section = sections[0];
  if (!section) return undefined;
  let contentEnd = section.endOffset;
  while (contentEnd > section.startOffset && /[\r\n \t]/.test(body[contentEnd - 1])) contentEnd--;
  return { start: section.startOffset + bom, contentEnd: contentEnd + bom, end: section.endOffset + bom };
}

export function applyBackendSection({ document, fresh, base, mode }: GateInput): GateResult {
  const range = locateSection(document);
  const freshLines = toLines(fresh);
  if (!range) {
    const text = appendSection(document, freshLines, dominantEol(document));
    assertAppendedVisible(document, text);
    return { text, outcome: 'appended', conflicts: 0 };
  }
  const current = document.slice(range.start, range.contentEnd);
  // Taken from the text around the section, which a run never changes, so the next run picks the same ending.
  const eol = dominantEol([document.slice(0, range.start), document.slice(range.contentEnd)], dominantEol(current));
  const currentLines = toLines(current);
  let lines: string[];
  let conflicts = 0;
  let outcome: GateResult['outcome'];
  switch (mode ?? 'merge') {
    case 'abort':
      throw new MagiError('aborted', 'The document already has a ## Backend section and --conflict is abort; nothing was written (use merge or overwrite)', {
        exitCode: EXIT.aborted,
      });
    case 'overwrite':
      lines = freshLines;
      outcome = 'overwritten';
      break;
    default: {
      const merged = base !== undefined ? merge3(toLines(base), currentLines, freshLines) : mergeWithoutBase(currentLines, freshLines);
      lines = merged.lines;
      conflicts = merged.conflicts;
      outcome = 'merged';
    }
  }
  const replacement = lines.join(eol);
  if (replacement === current) return { text: document, outcome: 'unchanged', conflicts };
  let gap = document.slice(range.contentEnd, range.end);
  // A setext heading right below (`Title` + `---`) would take our last line into its text: keep a blank line between.
  if (range.end < document.length && gap.split(LINE_BREAK).length < 3) gap = eol + eol;
  return { text: document.slice(0, range.start) + replacement + gap + document.slice(range.end), outcome, conflicts };
}

/**
 * A block left open at the end (`<!--`, `<pre>`, …) would swallow the appended section: refuse instead.
 * Only the document's last top-level block can still be open, so the check parses that block plus
 * our heading line, not the whole new document.
 */
function assertAppendedVisible(document: string, text: string): void {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const body = document.slice(bom);
  const lastBlock = parseMarkdown(body).children.at(-1);
  const from = bom + (lastBlock?.position?.start.offset ?? 0);
  const headingAt = text.indexOf(`## ${SECTION_HEADING}`, document.length);
  const headingEnd = text.slice(headingAt).search(LINE_BREAK);
  const probe = text.slice(from, headingEnd < 0 ? text.length : headingAt + headingEnd);
  const found = findSections(probe, SECTION_HEADING, 2);
  if (found.length === 1 && found[0].startOffset + from >= document.length) return;
  const line = lastBlock?.position?.start.line ?? 1;
  const opening = body.split(LINE_BREAK)[line - 1]?.trim().slice(0, 40) ?? '';
  throw new MagiError('document-open-block', `The block opened on line ${line} ("${opening}") is never closed, so a ## Backend section appended below it would be swallowed; close it (e.g. "-->" for a comment), then re-run`, {
    exitCode: EXIT.usage,
  });
}

/** Appends after the last byte, separated by one blank line; a missing final newline stays missing. */
function appendSection(document: string, lines: string[], eol: Eol): string {
  const section = lines.join(eol);
  const body = document.replace(/^\uFEFF/, '');
  if (body.trim() === '') return document + section + eol;
  const documentLines = body.split(LINE_BREAK);
  const last = documentLines.length - 1;
  if (documentLines[last] === '' && documentLines[last - 1].trim() === '') return document + section + eol;
  // After a lone CR, a LF would read as one CRLF: separate with a CR.
  if (documentLines[last] === '') return document + (eol === '\n' && document.endsWith('\r') ? '\r' : eol) + section + eol;
  return document + eol + eol + section;
}

/** Section lines without line endings or the trailing blank lines. */
function toLines(section: string): string[] {
  return section.replace(/((\r\n|\r|\n)[ \t]*)+$/, '').split(LINE_BREAK);
}

/** The most frequent line ending (ties: `\n`, then `\r\n`); `fallback` when there is none. */
export function dominantEol(texts: string | readonly string[], fallback: Eol = '\n'): Eol {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  // Counted part by part: a CR ending one part and a LF starting the next are two line endings.
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    const pairs = text.match(/\r\n/g)?.length ?? 0;
    crlf += pairs;
    cr += text.match(/\r(?!\n)/g)?.length ?? 0;
    lf += (text.match(/\n/g)?.length ?? 0) - pairs;
  }
  if (crlf + cr + lf === 0) return fallback;
  if (crlf > lf && crlf >= cr) return '\r\n';
  return cr > lf && cr > crlf ? '\r' : '\n';
}

/**
 * Without a base we cannot tell our lines from the user's, so nothing the user
 * has is replaced: their subsections stay as they are, and only the
 * subsections they do not have are added, in our order.
 */
function mergeWithoutBase(mine: string[], theirs: string[]): { lines: string[]; conflicts: number } {
  const mineParts = splitSubsections(mine);
  const theirParts = splitSubsections(theirs);
  const known = new Set(theirParts.map((part) => part.heading));
  const lines = [...mineParts[0].lines];
  const used = new Set<number>([0]);
  const emitMineFrom = (index: number) => {
    // A subsection of ours, then the user's own subsections that followed it.
    for (let next = index; next < mineParts.length; next++) {
      if (used.has(next) || (next > index && known.has(mineParts[next].heading))) break;
      used.add(next);
      lines.push(...mineParts[next].lines);
    }
  };
  for (let next = 1; next < mineParts.length && !known.has(mineParts[next].heading); next++) emitMineFrom(next);
  for (const part of theirParts.slice(1)) {
    const mineIndex = mineParts.findIndex((candidate, index) => index > 0 && candidate.heading === part.heading);
    if (mineIndex > 0) emitMineFrom(mineIndex);
    else lines.push(...(lines.length && lines[lines.length - 1].trim() !== '' ? [''] : []), ...part.lines);
  }
  mineParts.forEach((_, index) => {
    if (!used.has(index)) emitMineFrom(index);
  });
  return { lines: trimTrailingBlank(lines), conflicts: 0 };
}

interface Subsection {
  heading: string | null;
  lines: string[];
}

function splitSubsections(lines: string[]): Subsection[] {
  const parts: Subsection[] = [{ heading: null, lines: [] }];
  let fence: string | null = null;
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
    }
    const heading = fence === null ? /^###\s+(.+?)\s*#*\s*$/.exec(line)?.[1] : undefined;
    if (heading !== undefined) parts.push({ heading, lines: [line] });
    else parts[parts.length - 1].lines.push(line);
  }
  return parts;
}

function trimTrailingBlank(lines: string[]): string[] {
  const result = [...lines];
  while (result.length && result[result.length - 1].trim() === '') result.pop();
  return result;
}
