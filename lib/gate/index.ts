// The gate: put a freshly rendered `## Backend` section into the plan document.
// Text outside the section is never changed, byte for byte; inside it, a merge
// keeps every line the user wrote (three-way against what we generated last time).
import { EXIT, MagiError } from '../errors.js';
import { findSections } from '../scope/markdown.js';
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
}

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
  return { start: section.startOffset + bom, contentEnd: contentEnd + bom };
}

export function applyBackendSection({ document, fresh, base, mode }: GateInput): GateResult {
  const eol = dominantEol(document);
  const range = locateSection(document);
  const freshLines = toLines(fresh);
  if (!range) {
    return { text: appendSection(document, freshLines, eol), outcome: 'appended', conflicts: 0 };
  }
  const current = document.slice(range.start, range.contentEnd);
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
  return { text: document.slice(0, range.start) + replacement + document.slice(range.contentEnd), outcome, conflicts };
}

/** Appends after the last byte, separated by one blank line; a missing final newline stays missing. */
function appendSection(document: string, lines: string[], eol: string): string {
  const section = lines.join(eol);
  const body = document.replace(/^\uFEFF/, '');
  if (body.trim() === '') return document + section + eol;
  if (/(\r?\n)[ \t]*\r?\n$/.test(document)) return document + section + eol;
  if (/\r?\n$/.test(document)) return document + eol + section + eol;
  return document + eol + eol + section;
}

/** Section lines without line endings or the trailing blank lines. */
function toLines(section: string): string[] {
  return section.replace(/(\r?\n[ \t]*)+$/, '').split(/\r?\n/);
}

export function dominantEol(text: string): '\n' | '\r\n' {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? '\r\n' : '\n';
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
