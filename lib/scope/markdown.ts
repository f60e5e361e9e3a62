// Markdown parsing shared by the scope stage and the Backend-section merge:
// one GFM parser (micromark), so headings inside code fences, HTML comments
// and setext headings are told apart by the grammar, not by regexes.
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Blanks a leading YAML front matter block (keeping every offset and line) so it is not read as a setext heading. */
export function blankFrontMatter(markdown: string): string {
  const match = /^---[ \t]*(?:\r\n|\r|\n)[\s\S]*?(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r|\n|$)/.exec(markdown);
  if (!match) return markdown;
  return match[0].replace(/[^\r\n]/g, ' ') + markdown.slice(match[0].length);
}

/** GFM mdast root; every node carries `position` (1-based lines, 0-based offsets into `markdown`). */
// Built once: constructing the GFM extensions costs about a third of a parse.
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

// One run parses the same document several times (scope, gate, the appended check): keep the last few trees.
// Trees are shared, so callers treat them as read-only.
const recent = new Map<string, Root>();

export function parseMarkdown(markdown: string): Root {
  const cached = recent.get(markdown);
  if (cached) return cached;
  const root = fromMarkdown(blankFrontMatter(markdown), PARSE_OPTIONS);
  recent.set(markdown, root);
  if (recent.size > 4) recent.delete(recent.keys().next().value!);
  return root;
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
