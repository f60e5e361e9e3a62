// Flattens the mdast tree into "units" — a heading, a paragraph, a list item's
// text, a table row, a code fence — each with its section, its line and its
// inline code spans. Extractors read units, never the raw document.
import type { Heading, List, ListItem, Nodes, PhrasingContent, RootContent, Table } from 'mdast';
import { headingText, parseMarkdown, plainText } from './markdown.js';
import {
  IN_SCOPE_MARKER,
  OUT_OF_SCOPE_MARKER,
  OUT_OF_SCOPE_PREFIX,
  SECTION_PATTERNS,
  type SectionKind,
} from './vocabulary.js';

export interface CodeSpan {
  value: string;
  /** Index of the opening backtick in `Unit.text`. */
  start: number;
  /** Index just past the closing backtick. */
  end: number;
}

export interface Unit {
  kind: 'heading' | 'paragraph' | 'item' | 'row' | 'code';
  /** Inline text; inline code is kept between single backticks. */
  text: string;
  codes: CodeSpan[];
  line: number;
  section: SectionKind;
  /** Heading texts from the top down to this unit's section. */
  headings: string[];
  outOfScope: boolean;
  /** The list item (head unit) this unit is nested in, if any. */
  parent?: Unit;
  /** The heading unit of the section this unit is in. */
  heading?: Unit;
  /** Headings: the heading of the enclosing section ("## Extended Model: Task" above "### New fields"). */
  above?: Unit;
  depth?: number;
  /** Text of a leading **strong** / *emphasis* run (`**Bookmark**: …`). */
  lead?: string;
  /** Table rows: header texts and one unit per cell. */
  header?: string[];
  cells?: Unit[];
  /** Code fences. */
  lang?: string;
  value?: string;
  /** Where each inline piece starts in `text`, and on which line. */
  pieces: Array<{ at: number; line: number }>;
}

export function lineAt(unit: Unit, index: number): number {
  let best = { at: 0, line: unit.line };
  for (const piece of unit.pieces) if (piece.at <= index) best = piece;
  const between = unit.text.slice(best.at, index);
  return best.line + (between.match(/\n/g)?.length ?? 0);
}

function classifyHeading(text: string): SectionKind {
  return SECTION_PATTERNS.find((entry) => entry.pattern.test(text))?.kind ?? 'other';
}

interface Context {
  section: SectionKind;
  headings: string[];
  outOfScope: boolean;
  parent?: Unit;
  heading?: Unit;
}

function buildInline(
  nodes: readonly PhrasingContent[],
  base: Omit<Unit, 'text' | 'codes' | 'pieces' | 'line'>,
  line: number,
): Unit {
  const unit: Unit = { ...base, text: '', codes: [], pieces: [], line };
  const visit = (node: Nodes): void => {
    const at = unit.text.length;
    const start = node.position?.start.line;
    if (start !== undefined) unit.pieces.push({ at, line: start });
    switch (node.type) {
      case 'text':
        unit.text += node.value;
        return;
      case 'inlineCode':
        unit.codes.push({ value: node.value, start: at, end: at + node.value.length + 2 });
        unit.text += `\`${node.value}\``;
        return;
      case 'break':
        unit.text += '\n';
        return;
      case 'image':
        unit.text += node.alt ?? '';
        return;
      case 'html':
      case 'footnoteReference':
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    }
  };
  for (const node of nodes) visit(node);
  const first = nodes[0];
  if (first && (first.type === 'strong' || first.type === 'emphasis')) unit.lead = plainText(first).trim();
  return unit;
}

/** Reads the document into units, skipping any `Backend` section (our own output). */
export function readUnits(markdown: string): { units: Unit[]; title?: string } {
  const root = parseMarkdown(indentedListsAsLists(markdown));
  const units: Unit[] = [];
  let title: string | undefined;
  const stack: Array<{ depth: number; kind: SectionKind; text: string; unit: Unit }> = [];
  let skipDepth = 0;
  let regionOut = false;

  const current = (): Context => {
    const top = stack[stack.length - 1];
    const section = top?.kind ?? 'other';
    return {
      section,
      headings: stack.map((entry) => entry.text),
      outOfScope: section === 'outOfScope' || regionOut,
      heading: top?.unit,
    };
  };

  const onHeading = (node: Heading): void => {
    const text = headingText(node);
    if (skipDepth && node.depth > skipDepth) return;
    skipDepth = 0;
    regionOut = false;
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
    let kind = classifyHeading(text);
    if (kind === 'backend') {
      skipDepth = node.depth;
      return;
    }
    title ??= text;
    const enclosing = stack[stack.length - 1]?.kind;
    if (enclosing === 'outOfScope' || (kind === 'other' && enclosing)) kind = enclosing ?? kind;
    const context = current();
    const unit = buildInline(node.children, { kind: 'heading', section: kind, headings: [...context.headings, text], outOfScope: kind === 'outOfScope', depth: node.depth }, node.position?.start.line ?? 1);
    if (stack.length) unit.above = stack[stack.length - 1].unit;
    stack.push({ depth: node.depth, kind, text, unit });
    unit.heading = undefined;
    units.push(unit);
  };

  const onList = (list: List, context: Context): void => {
    for (const item of list.children) onItem(item, context);
  };

  const onItem = (item: ListItem, context: Context): void => {
    let head: Unit | undefined;
    let itemOut = context.outOfScope;
    for (const child of item.children) {
      if (child.type === 'paragraph' && !head) {
        head = buildInline(child.children, { kind: 'item', ...context }, child.position?.start.line ?? 1);
        if (OUT_OF_SCOPE_PREFIX.test(head.text) || OUT_OF_SCOPE_MARKER.test(head.text.replace(/\*/g, ''))) {
          itemOut = true;
          head.outOfScope = true;
        }
        units.push(head);
      } else {
        onBlock(child, { ...context, outOfScope: itemOut, parent: head ?? context.parent });
      }
    }
  };

  const onTable = (table: Table, context: Context): void => {
    const [headerRow, ...rows] = table.children;
    const header = headerRow ? headerRow.children.map((cell) => plainText(cell).trim()) : [];
    for (const row of rows) {
      const cells = row.children.map((cell) => buildInline(cell.children, { kind: 'paragraph', ...context }, cell.position?.start.line ?? 1));
      const unit: Unit = {
        kind: 'row',
        ...context,
        text: cells.map((cell) => cell.text).join(' | '),
        codes: [],
        pieces: [],
        line: row.position?.start.line ?? 1,
        header,
        cells,
      };
      let offset = 0;
      for (const cell of cells) {
        for (const code of cell.codes) unit.codes.push({ ...code, start: code.start + offset, end: code.end + offset });
        offset += cell.text.length + 3;
      }
      units.push(unit);
    }
  };

  const onBlock = (node: RootContent, context: Context): void => {
    switch (node.type) {
      case 'heading':
        // A heading inside a list or quote is text, not a section.
        units.push(buildInline(node.children, { kind: 'paragraph', ...context }, node.position?.start.line ?? 1));
        return;
      case 'paragraph': {
        const unit = buildInline(node.children, { kind: 'paragraph', ...context }, node.position?.start.line ?? 1);
        const bare = unit.text.replace(/\*/g, '');
        if (!context.parent && OUT_OF_SCOPE_MARKER.test(bare)) {
          regionOut = true;
          unit.outOfScope = true;
        } else if (!context.parent && IN_SCOPE_MARKER.test(bare)) {
          regionOut = false;
        }
        units.push(unit);
        return;
      }
      case 'list':
        onList(node, context);
        return;
      case 'table':
        onTable(node, context);
        return;
      case 'code':
        units.push({
          kind: 'code',
          ...context,
          text: '',
          codes: [],
          pieces: [],
          line: node.position?.start.line ?? 1,
          lang: (node.lang ?? '').toLowerCase(),
          value: node.value,
        });
        return;
      case 'blockquote':
        for (const child of node.children) onBlock(child, context);
        return;
      default:
        return;
    }
  };

  for (const node of root.children) {
    if (node.type === 'heading') {
      onHeading(node);
      continue;
    }
    if (skipDepth) continue;
    // Read the context per block: a marker paragraph changes it for what follows.
    onBlock(node, current());
  }
  return { units, title };
}

/** A list marker at the start of a line ("-   FR1: …", "1. …"). */
const LIST_LINE = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S/;

/**
 * The text with every list that CommonMark reads as an indented code block (a list indented
 * by four spaces under a heading: "#### 功能需求\n    -   FR1: …") moved back to the margin, so it
 * reads as the list its author wrote. Only blocks whose every line is a list item or its
 * continuation, and no fence, change; lines keep their numbers (only leading spaces go).
 */
export function indentedListsAsLists(markdown: string): string {
  const root = parseMarkdown(markdown);
  const spans: Array<{ from: number; to: number }> = [];
  for (const node of root.children) {
    if (node.type !== 'code' || node.lang || !node.position) continue;
    const raw = markdown.slice(node.position.start.offset ?? 0, node.position.end.offset ?? 0);
    if (/^ {0,3}(?:```|~~~)/.test(raw)) continue;
    const lines = node.value.split(/\r?\n/);
    if (!LIST_LINE.test(lines[0]) || !lines.every((line) => !line.trim() || LIST_LINE.test(line) || /^[ \t]+\S/.test(line))) continue;
    spans.push({ from: node.position.start.line, to: node.position.end.line });
  }
  if (!spans.length) return markdown;
  const lines = markdown.split(/(?<=\n)/);
  for (const { from, to } of spans) for (let index = from - 1; index < to && index < lines.length; index++) lines[index] = lines[index].replace(/^(?: {1,4}|\t)/, '');
  return lines.join('');
}

/** Text for output: one line, single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of a unit with code spans removed (for prose-only matching). */
export function proseOf(text: string): string {
  return text.replace(/`[^`]*`/g, ' ');
}

/** Splits a unit's text into sentences/clauses with their start indices (code spans never split). */
export function sentences(text: string): Array<{ text: string; at: number }> {
  const result: Array<{ text: string; at: number }> = [];
  let start = 0;
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '`') inCode = !inCode;
    if (inCode) continue;
    const latinEnd = /[.!?;]/.test(char) && (i + 1 >= text.length || /\s/.test(text[i + 1])) && !/\b(?:e\.g|i\.e|etc|vs)$/i.test(text.slice(Math.max(0, i - 4), i));
    const cjkEnd = /[。！？；]/.test(char);
    if (latinEnd || cjkEnd || i === text.length - 1) {
      const piece = text.slice(start, i + 1);
      if (piece.trim()) result.push({ text: piece.trim(), at: start + (piece.length - piece.trimStart().length) });
      start = i + 1;
    }
  }
  return result;
}

/** One input document of the sprint: the plan document first, then its companions. */
export interface SourceDocument {
  path: string;
  kind: 'markdown' | 'yaml' | 'json' | 'graphql' | 'proto';
  text: string;
}

const FENCE_OF: Record<Exclude<SourceDocument['kind'], 'markdown'>, string> = { yaml: 'yaml', json: 'json', graphql: 'graphql', proto: 'proto' };

function shiftUnit(unit: Unit, offset: number, seen: Set<Unit>): void {
  if (seen.has(unit)) return;
  seen.add(unit);
  unit.line += offset;
  for (const piece of unit.pieces) piece.line += offset;
  for (const cell of unit.cells ?? []) shiftUnit(cell, offset, seen);
}

/**
 * Reads every document of the sprint into one list of units. Lines are numbered
 * as if the documents stood one after the other; `sources` maps them back.
 */
export function readSources(documents: readonly SourceDocument[]): { units: Unit[]; title?: string; sources: Array<{ path: string; offset: number; lines: number }> } {
  const units: Unit[] = [];
  const sources: Array<{ path: string; offset: number; lines: number }> = [];
  let title: string | undefined;
  let offset = 0;
  for (const document of documents) {
    const lines = document.text.split(/\r\n|\r|\n/).length;
    if (document.kind === 'markdown') {
      const read = readUnits(document.text);
      title ??= read.title;
      const seen = new Set<Unit>();
      for (const unit of read.units) shiftUnit(unit, offset, seen);
      units.push(...read.units);
    } else {
      // A contract file reads as one fenced block whose first line is the file's line 1.
      units.push({ kind: 'code', section: 'other', headings: [], outOfScope: false, text: '', codes: [], pieces: [], line: offset, lang: FENCE_OF[document.kind], value: document.text });
    }
    sources.push({ path: document.path, offset, lines });
    offset += lines;
  }
  return { units, title, sources };
}
