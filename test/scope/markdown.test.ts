import { describe, expect, it } from 'vitest';
import { findSections, parseMarkdown } from '../../lib/scope/markdown.js';

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
