// The README is the user's reference: it must list every option the generators declare.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendSpecQuestions } from '../../generators/backend-spec/questions.js';
import { contractTestQuestions } from '../../generators/contract-test/questions.js';
import { setupQuestions } from '../../generators/setup/questions.js';
import { answerKeys, type Declaration } from '../../lib/answers/declaration.js';
import { PACKAGE_ROOT } from '../helpers/example.js';

const readme = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it.each([
    ['backend-spec', backendSpecQuestions],
    ['contract-test', contractTestQuestions],
    ['setup', setupQuestions],
  ] as const)('documents every %s option', (_name, declaration) => {
    for (const question of declaration as Declaration) {
      if (!question.option) continue;
      const flag = `--${question.option.negated ? 'no-' : ''}${question.option.flag}`;
      expect(readme, flag).toContain(`\`${flag}`);
    }
  });

  it('documents every answers-file key', () => {
    const example = readme.slice(readme.indexOf('## Answers file'), readme.indexOf('## JSON report'));
    for (const key of answerKeys(backendSpecQuestions)) expect(example, key).toMatch(new RegExp(`^\\s*${key}:`, 'm'));
  });

  it('names the two commands a new user runs', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
  });
});
