import { describe, expect, it } from 'vitest';
import { PARSE_OPTIONS, findSections, parseMarkdown } from '../../lib/scope/markdown.js';

const slice = (text: string, range: { startOffset: number; endOffset: number }): string => text.slice(range.startOffset, range.endOffset);

describe('findSections', () => {
  it('returns the Backend section up to the next heading of the same level', () => {
    const doc = '# T\n\n## Context\nx\n\n## Backend\n### API contract\ny\n\n## Verification plan\nz\n';
    const [range, ...rest] = findSections(doc, 'Backend', 2);
    expect(rest).toEqual([]);
    expect(slice(doc, range)).toBe('## Backend\n### API contract\ny\n\n');
    expect(range.startLine).toBe(6);
  });

  it('runs to the end of the file when nothing follows', () => {
    const doc = '# T\n\n## Backend\n\nbody\n';
    const [range] = findSections(doc, 'Backend', 2);
    expect(range.endOffset).toBe(doc.length);
  });

  it('ignores headings inside code fences and HTML comments', () => {
    const doc = ['# T', '', '```md', '## Backend', '```', '', '<!--', '## Backend', '-->', '', '~~~', '## Backend', '~~~', ''].join('\n');
    expect(findSections(doc, 'Backend', 2)).toEqual([]);
  });

  it('finds setext headings and stops at a setext heading', () => {
    const doc = 'Title\n=====\n\nBackend\n-------\ntext\n\nNext\n----\nmore\n';
    const [range] = findSections(doc, 'Backend', 2);
    expect(slice(doc, range)).toBe('Backend\n-------\ntext\n\n');
    expect(range.startLine).toBe(4);
  });

  it('keeps offsets exact with CRLF line endings', () => {
    const doc = '# T\r\n\r\n## Backend\r\nold\r\n\r\n## Open questions\r\n- q\r\n';
    const [range] = findSections(doc, 'Backend', 2);
    expect(slice(doc, range)).toBe('## Backend\r\nold\r\n\r\n');
    expect(range.startLine).toBe(3);
  });

  it('matches the heading text exactly (case-sensitive, trimmed, inline markup removed)', () => {
    const doc = '## backend\n\n##   Backend   \nA\n## **Backend**\nB\n## Backend notes\nC\n';
    const ranges = findSections(doc, 'Backend', 2);
    expect(ranges.map((range) => range.startLine)).toEqual([3, 5]);
  });

  it('ends a level-2 section at a level-1 heading but not at a level-3 one', () => {
    const doc = '## Backend\n### Stack & layers\na\n# Appendix\nb\n';
    const [range] = findSections(doc, 'Backend', 2);
    expect(slice(doc, range)).toBe('## Backend\n### Stack & layers\na\n');
  });

  it('does not read YAML front matter as a setext heading', () => {
    const doc = '---\ntitle: x\n---\n\n## Backend\nz\n';
    const [range] = findSections(doc, 'Backend', 2);
    expect(range.startLine).toBe(5);
    expect(findSections(doc, 'title: x', 2)).toEqual([]);
  });

  it('returns every matching section', () => {
    const doc = '## Backend\na\n## Other\n## Backend\nb\n';
    expect(findSections(doc, 'Backend', 2).map((range) => slice(doc, range))).toEqual(['## Backend\na\n', '## Backend\nb\n']);
  });
});

describe('parseMarkdown', () => {
  it('parses GFM tables with positions', () => {
    const root = parseMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(root.children[0].type).toBe('table');
    expect(root.children[0].position?.start.line).toBe(1);
  });
});

describe('parseMarkdown on long documents (parsed in chunks)', () => {
  // The reference: one micromark parse of the whole text, as before chunking.
  const whole = async (text: string) => {
    const { fromMarkdown } = await import('mdast-util-from-markdown');
    return fromMarkdown(text, PARSE_OPTIONS);
  };
  // Blocks that stay open across a column-0 `# ` line: a fence, an HTML comment, an HTML block, a table.
  const tricky = (index: number, eol: string): string =>
    [
      `## Part ${index}`,
      '',
      `Prose about part ${index}, with \`code\`, **bold** and https://example.com/${index} inline.`,
      '- a list item',
      '  continued',
      '```sh',
      '# a shell comment, not a heading',
      'echo hi',
      '```',
      '<!--',
      '# inside a comment',
      '-->',
      '<div>',
      '# inside an HTML block',
      '</div>',
      '',
      '| a | b |',
      '|---|---|',
      `| ${index} | x |`,
      '# Right after a table',
      'Setext title',
      '---',
      '> quoted',
      '# after a quote',
      '',
    ].join(eol);
  const build = (eol: string): string => Array.from({ length: 320 }, (_, index) => tricky(index, eol)).join(eol);

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`gives the same tree as one whole parse (${name} line endings)`, async () => {
      const text = build(eol);
      expect(text.length).toBeGreaterThan(3 * 32 * 1024);
      const chunked = parseMarkdown(text);
      const reference = await whole(text);
      expect(chunked.children.length).toBe(reference.children.length);
      expect(chunked.children).toEqual(reference.children);
      expect(chunked.position).toEqual(reference.position);
    });
  }

  it('keeps a comment opened early and closed late as one block (every cut inside it is refused)', async () => {
    const text = `# Title\n\n<!--\n${'# not a heading\ntext\n'.repeat(5_000)}-->\n\n## Backend\n\nbody\n`;
    const chunked = parseMarkdown(text);
    expect(chunked.children).toEqual((await whole(text)).children);
    expect(chunked.children.map((node) => node.type)).toEqual(['heading', 'html', 'heading', 'paragraph']);
    expect(findSections(text, 'Backend', 2)).toHaveLength(1);
  });

  it('parses text with a link definition whole, so references resolve across chunks', async () => {
    const text = `# Title\n\nSee [the spec][ref].\n\n${'## Part\n\nSome prose.\n\n'.repeat(4_000)}[ref]: https://example.com\n`;
    const chunked = parseMarkdown(text);
    expect(chunked.children).toEqual((await whole(text)).children);
    expect(JSON.stringify(chunked.children[1])).toContain('linkReference');
  });
});

describe('bare URLs', () => {
  it('stay text: the same words as a link would give, at the same positions', () => {
    const root = parseMarkdown('See https://example.com/docs and www.example.org, or mail ops@example.com.\n');
    const paragraph = root.children[0] as { children: Array<{ type: string; value?: string }> };
    expect(paragraph.children.map((node) => node.type)).toEqual(['text']);
    expect(paragraph.children[0].value).toBe('See https://example.com/docs and www.example.org, or mail ops@example.com.');
  });
});
