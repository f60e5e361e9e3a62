import { describe, expect, it } from 'vitest';
import { isMagiError } from '../../lib/errors.js';
import { applyBackendSection, locateSection } from '../../lib/gate/index.js';
import { merge3 } from '../../lib/gate/merge3.js';

const section = (body: string) => `## Backend\n\n### Stack & layers\n\n${body}\n\n### API contract\n\nREST, 2 operations.\n`;
const SPEC = '# Title\n\n## Context\n\nWhy.\n\n## Out of scope\n\n- UI.\n';

describe('appending', () => {
  it('appends at the end, one blank line before, text above untouched', () => {
    const result = applyBackendSection({ document: SPEC, fresh: section('Express') });
    expect(result.outcome).toBe('appended');
    expect(result.text.startsWith(SPEC)).toBe(true);
    expect(result.text).toBe(`${SPEC}\n${section('Express')}`);
  });

  it('keeps CRLF, BOM and a missing final newline', () => {
    const crlf = '\uFEFF# T\r\n\r\nbody\r\n';
    const result = applyBackendSection({ document: crlf, fresh: section('Express') });
    expect(result.text.startsWith(crlf)).toBe(true);
    expect(result.text.slice(crlf.length)).not.toMatch(/[^\r]\n/);
    const bare = '# T\n\nlast line';
    const appended = applyBackendSection({ document: bare, fresh: section('Express') }).text;
    expect(appended.startsWith(`${bare}\n\n## Backend`)).toBe(true);
    expect(appended.endsWith('\n')).toBe(false);
  });

  it('ignores ## Backend inside code fences and HTML comments', () => {
    const document = '# T\n\n```md\n## Backend\n```\n\n<!--\n## Backend\n-->\n';
    expect(locateSection(document)).toBeUndefined();
    expect(applyBackendSection({ document, fresh: section('x') }).outcome).toBe('appended');
  });
});

describe('an existing section', () => {
  const withSection = `${SPEC}\n${section('Express')}\n## Spec deltas\n\n- none\n`;

  it('re-running with the same inputs changes nothing', () => {
    const result = applyBackendSection({ document: withSection, fresh: section('Express'), base: section('Express'), mode: 'merge' });
    expect(result.outcome).toBe('unchanged');
    expect(result.text).toBe(withSection);
  });

  it('merge refreshes untouched lines and keeps the user\'s edits', () => {
    const edited = withSection.replace('REST, 2 operations.', 'REST, 2 operations.\nWe agreed on cursor pagination with product.');
    const result = applyBackendSection({ document: edited, fresh: section('Express 5'), base: section('Express'), mode: 'merge' });
    expect(result.outcome).toBe('merged');
    expect(result.text).toContain('Express 5');
    expect(result.text).toContain('We agreed on cursor pagination with product.');
    expect(result.text.startsWith(SPEC)).toBe(true);
    expect(result.text.endsWith('\n## Spec deltas\n\n- none\n')).toBe(true);
  });

  it('merge keeps a line the user edited even when we changed it too', () => {
    const edited = withSection.replace('\nExpress\n', '\nExpress (we are moving to Fastify)\n');
    const result = applyBackendSection({ document: edited, fresh: section('Express 5'), base: section('Express'), mode: 'merge' });
    expect(result.text).toContain('Express (we are moving to Fastify)');
    expect(result.conflicts).toBe(1);
  });

  it('merge without a base keeps every user subsection and adds the missing ones', () => {
    const handWritten = `${SPEC}\n## Backend\n\n### Stack & layers\n\nOur own words.\n\n### Notes\n\nMine.\n`;
    const result = applyBackendSection({ document: handWritten, fresh: section('Express'), mode: 'merge' });
    expect(result.text).toContain('Our own words.');
    expect(result.text).toContain('### Notes\n\nMine.');
    expect(result.text).toContain('### API contract\n\nREST, 2 operations.');
    expect(result.text).not.toContain('\nExpress\n');
  });

  it('overwrite replaces the section and nothing else', () => {
    const edited = withSection.replace('REST, 2 operations.', 'hand edit');
    const result = applyBackendSection({ document: edited, fresh: section('Go'), base: section('Express'), mode: 'overwrite' });
    expect(result.outcome).toBe('overwritten');
    expect(result.text).toBe(`${SPEC}\n${section('Go')}\n## Spec deltas\n\n- none\n`);
  });

  it('abort refuses', () => {
    try {
      applyBackendSection({ document: withSection, fresh: section('x'), mode: 'abort' });
      expect.unreachable();
    } catch (error) {
      expect(isMagiError(error) && error.id).toBe('aborted');
    }
  });

  it('two sections are refused, never guessed', () => {
    const twice = `${withSection}\n## Backend\n\nagain\n`;
    expect(() => applyBackendSection({ document: twice, fresh: section('x'), mode: 'merge' })).toThrow(/2 "## Backend" sections/);
  });

  it('a setext Backend heading counts as the section', () => {
    const setext = `${SPEC}\nBackend\n-------\n\nold\n`;
    expect(locateSection(setext)).toBeDefined();
  });

  it('a CRLF document stays CRLF after a merge', () => {
    const crlf = withSection.replace(/\n/g, '\r\n');
    const result = applyBackendSection({ document: crlf, fresh: section('Express 5'), base: section('Express'), mode: 'merge' });
    expect(result.text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(result.text).toContain('Express 5\r\n');
  });
});

describe('merge3', () => {
  it('takes their change where mine is untouched and mine where theirs is', () => {
    expect(merge3(['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'B', 'c']).lines).toEqual(['a', 'B', 'c']);
    expect(merge3(['a', 'b', 'c'], ['a', 'b2', 'c'], ['a', 'b', 'c']).lines).toEqual(['a', 'b2', 'c']);
    expect(merge3(['a', 'b', 'c'], ['a', 'b', 'c', 'mine'], ['x', 'a', 'b', 'c']).lines).toEqual(['x', 'a', 'b', 'c', 'mine']);
  });
});
