// The counterexamples the properties found, pinned so they are checked on every run
// (a random run may not meet them again).
import { describe, expect, it } from 'vitest';
import { backendSpecQuestions } from '../../generators/backend-spec/questions.js';
import { parseAnswers } from '../../lib/answers/load.js';
import { isMagiError } from '../../lib/errors.js';
import { applyBackendSection, locateSection } from '../../lib/gate/index.js';

const fresh = '## Backend\n\n### Stack & layers\n\nExpress\n';

function twoRuns(document: string, base?: string) {
  const first = applyBackendSection({ document, fresh, base, mode: 'merge' });
  const second = applyBackendSection({ document: first.text, fresh, base: fresh, mode: 'merge' });
  return { first, second };
}

describe('gate counterexamples', () => {
  it('CR-only line endings: the section is appended with CR, after a blank line, with a final CR', () => {
    const { first, second } = twoRuns('# T\r\rbody\r');
    expect(first.text).toBe('# T\r\rbody\r\r## Backend\r\r### Stack & layers\r\rExpress\r');
    expect(second.outcome).toBe('unchanged');
  });

  it('a lone CR at the end is not turned into a CRLF by the separator', () => {
    const { first, second } = twoRuns('a\nb\nc\r');
    expect(first.text.startsWith('a\nb\nc\r\r## Backend\n')).toBe(true);
    expect(second.outcome).toBe('unchanged');
  });

  it('the line ending is chosen from the text around the section, so a second run does not flip it', () => {
    // The section's own CRLF lines outnumber the LF lines around it; after the first run they would not.
    const document = '# T\n\nx\n\n## Backend\r\n\r\nold\r\nold\r\nold\r\n';
    const { first, second } = twoRuns(document, '## Backend\n\nolder\n');
    expect(first.text.startsWith('# T\n\nx\n\n## Backend\n')).toBe(true);
    expect(second.outcome).toBe('unchanged');
  });

  it('a setext heading right below the section keeps its text (a blank line is put between)', () => {
    const document = '# T\n\n## Backend\nNext\n----\n\nbody\n';
    const { first, second } = twoRuns(document);
    expect(first.text).toBe(`# T\n\n${fresh}\nNext\n----\n\nbody\n`);
    expect(locateSection(first.text)?.end).toBe(first.text.indexOf('Next'));
    expect(second.outcome).toBe('unchanged');
  });

  it.each(['<!-- a note', '<pre>', '<?php', '<![CDATA[', '<script>'])('a document ending in an open %s block is refused, not swallowed into', (opening) => {
    const document = `# T\n\ntext\n\n${opening}\nmore\n`;
    try {
      applyBackendSection({ document, fresh });
      expect.unreachable();
    } catch (error) {
      expect(isMagiError(error) && error.id).toBe('document-open-block');
      expect((error as Error).message).toContain('line 5');
    }
  });
});

describe('answers counterexamples', () => {
  it('JSON nested past the stack is refused with a position, not "column NaN"', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    try {
      parseAnswers(text, 'answers.json', backendSpecQuestions);
      expect.unreachable();
    } catch (error) {
      expect(isMagiError(error) && error.id).toBe('answers-syntax');
      expect((error as Error).message).toMatch(/^answers\.json: line 1, column \d+: nested too deeply/);
    }
  });
});
