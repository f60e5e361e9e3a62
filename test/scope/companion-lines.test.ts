// A question that cites lines of a companion document (a Kiro requirements.md) names that file and its own
// line numbers, not the line numbers of the joined input.
import { describe, expect, it } from 'vitest';
import { extractScope } from '../../lib/scope/index.js';

const PLAN = ['# Sprint 02: tags', '', 'Details in [the spec](../../.kiro/specs/tags/).', '', '- `POST /v1/tags` creates a tag. Body: `name`.', ''].join('\n');
const REQUIREMENTS = [
  '# Requirements',
  '',
  '## Requirement 1',
  '',
  '1. Only admins can rename tags.',
  '2. Only admins can merge tags.',
  '',
].join('\n');

describe('lines cited in questions', () => {
  it('name the companion file and its own line', () => {
    const scope = extractScope(PLAN, [{ path: '.kiro/specs/tags/requirements.md', kind: 'markdown', text: REQUIREMENTS }]);
    const asked = scope.questions.map((question) => question.text).find((text) => text.startsWith('Which operations do the access rules'));
    expect(asked).toContain('at .kiro/specs/tags/requirements.md:5, .kiro/specs/tags/requirements.md:6 apply to?');
  });

  it('keep "on lines" for the plan document alone', () => {
    const scope = extractScope([PLAN, 'Only admins can rename tags.', '', 'Only admins can merge tags.', ''].join('\n'));
    const asked = scope.questions.map((question) => question.text).find((text) => text.startsWith('Which operations do the access rules'));
    expect(asked).toContain('on lines 7, 9 apply to?');
  });
});
