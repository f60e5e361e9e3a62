// Markdown parsing shared by the scope stage and the Backend-section merge:
// one GFM parser (micromark), so headings inside code fences, HTML comments
// and setext headings are told apart by the grammar, not by regexes.
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

/** Blanks a leading YAML front matter block (keeping every offset and line) so it is not read as a setext heading. */
export function blankFrontMatter(markdown: string): string {
  const match = /^---[ \t]*(?:\r\n|\r|\n)[\s\S]*?(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r|\n|$)/.exec(markdown);
  if (!match) return markdown;
  return match[0].replace(/[^\r\n]/g, ' ') + markdown.slice(match[0].length);
}

/** GFM mdast root; every node carries `position` (1-based lines, 0-based offsets into `markdown`). */
// GFM without its autolink literals: a bare URL stays text (its words are the same either way), and the
// autolink scan ran on every character, a third of the parse. Built once: constructing the extensions
// costs about a third of a parse too.
export const PARSE_OPTIONS = {
  extensions: [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()],
  mdastExtensions: [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()],
};

// One run parses the same document several times (scope, gate, the appended check): keep the last few trees.
// Trees are shared, so callers treat them as read-only.
const recent = new Map<string, Root>();

export function parseMarkdown(markdown: string): Root {
  const cached = recent.get(markdown);
  if (cached) return cached;
  const root = parseInChunks(blankFrontMatter(markdown));
  recent.set(markdown, root);
  if (recent.size > 4) recent.delete(recent.keys().next().value!);
  return root;
}

/**
 * Text this long or longer is parsed a chunk at a time. micromark's work grows
 * faster than the text within one parse (a 400 KB document took seconds, 1 MB
 * tens of seconds), and linearly over many small ones.
 */
export const CHUNK_CHARS = 32 * 1024;
/** A column-0 ATX heading line: where a top-level block starts, if nothing before it is still open. */
const ATX_LINE = /(?:^|\r\n|\r|\n)(?=#{1,6}(?:[ \t\r\n]|$))/g;
/** A link reference or footnote definition: it resolves references anywhere in the document, so such text is parsed whole. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\\r\n]|\\.)*\]:/m;

/**
 * The same tree as one `fromMarkdown` call over the whole text, parsed in
 * chunks cut before column-0 ATX headings. A cut is kept only when a probe
 * proves that the heading starts a top-level block there: the chunk's last
 * top-level block (the only one that can still be open: a fence, an HTML block,
 * a list, a table) is re-parsed with the heading line, and the heading must come
 * out as a heading of its own at that offset. Blocks do not otherwise depend on
 * each other, except through definitions: text with one is parsed whole.
 */
function parseInChunks(text: string): Root {
  if (text.length < CHUNK_CHARS * 2 || DEFINITION.test(text)) return fromMarkdown(text, PARSE_OPTIONS);
  const children: RootContent[] = [];
  let start = 0;
  let line = 1;
  // After a refused cut, the next try waits for twice the text: re-parsing stays linear overall.
  let minimum = CHUNK_CHARS;
  const emit = (root: Root, offset: number, firstLine: number): void => {
    for (const child of root.children) {
      if (offset || firstLine !== 1) shift(child, offset, firstLine - 1);
      children.push(child);
    }
  };
  for (const cut of cutCandidates(text)) {
    if (cut - start < minimum) continue;
    const chunk = text.slice(start, cut);
    const root = fromMarkdown(chunk, PARSE_OPTIONS);
    if (!headingStartsAt(text, start, root, cut)) {
      minimum = (cut - start) * 2;
      continue;
    }
    minimum = CHUNK_CHARS;
    emit(root, start, line);
    line += countLines(chunk);
    start = cut;
  }
  const rest = fromMarkdown(text.slice(start), PARSE_OPTIONS);
  emit(rest, start, line);
  const whole: Root = { type: 'root', children };
  const last = rest.position?.end;
  whole.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: last ? { line: last.line + line - 1, column: last.column, offset: (last.offset ?? 0) + start } : { line, column: 1, offset: text.length },
  };
  return whole;
}

/** Offsets of column-0 ATX heading lines (the line's first character), in order. */
function* cutCandidates(text: string): Generator<number> {
  ATX_LINE.lastIndex = 0;
  for (let match = ATX_LINE.exec(text); match; match = ATX_LINE.exec(text)) {
    const at = match.index + match[0].length;
    if (at > 0) yield at;
    if (match[0].length === 0) ATX_LINE.lastIndex++;
  }
}

/** Whether the heading line at `cut` starts a top-level heading after the chunk `text[start, cut)` parsed as `root`. */
function headingStartsAt(text: string, start: number, root: Root, cut: number): boolean {
  const last = root.children.at(-1);
  const from = start + (last?.position?.start.offset ?? 0);
  const lineEnd = text.slice(cut).search(/\r|\n/);
  const probe = fromMarkdown(text.slice(from, lineEnd < 0 ? text.length : cut + lineEnd), PARSE_OPTIONS);
  const heading = probe.children.at(-1);
  return heading?.type === 'heading' && heading.position?.start.offset === cut - from && heading.position.start.column === 1;
}

function countLines(text: string): number {
  let lines = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) lines++;
    else if (code === 13) {
      lines++;
      if (text.charCodeAt(index + 1) === 10) index++;
    }
  }
  return lines;
}

/** Moves every position in `node`'s subtree by `offset` characters and `lines` lines (columns are unchanged: chunks start at a line start). */
function shift(node: Nodes, offset: number, lines: number): void {
  const position = node.position;
  if (position) {
    position.start = { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset };
    position.end = { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset };
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shift(child, offset, lines);
}

/** Plain text of a node: text, inline code values and alt texts, without markup. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

export function headingText(heading: Heading): string {
  return plainText(heading).trim();
}

export interface SectionRange {
  /** JS string index of the heading's first character. */
  startOffset: number;
  /** JS string index where the next heading of the same or a higher level starts, or the input length. */
  endOffset: number;
  /** 1-based line of the heading. */
  startLine: number;
}

/**
 * Ranges of every top-level section whose level-`depth` heading text equals `heading`
 * (case-sensitive, after trim). Headings in code fences, HTML comments, lists or
 * block quotes do not count; setext headings do.
 */
export function findSections(markdown: string, heading: string, depth: number): SectionRange[] {
  const root = parseMarkdown(markdown);
  const headings = root.children.filter((node: RootContent): node is Heading => node.type === 'heading');
  const ranges: SectionRange[] = [];
  headings.forEach((node, index) => {
    if (node.depth !== depth || headingText(node) !== heading.trim()) return;
    const next = headings.slice(index + 1).find((other) => other.depth <= depth);
    ranges.push({
      startOffset: node.position?.start.offset ?? 0,
      endOffset: next?.position?.start.offset ?? markdown.length,
      startLine: node.position?.start.line ?? 1,
    });
  });
  return ranges;
}
