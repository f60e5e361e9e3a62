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

  it('every promise under Guarantees names a test that exists', () => {
    const guarantees = readme.slice(readme.indexOf('## Guarantees'), readme.indexOf('Exit codes:'));
    const promises = guarantees.split(/^- /m).slice(1);
    expect(promises.length).toBeGreaterThanOrEqual(10);
    for (const promise of promises) {
      const text = promise.replace(/\s+/g, ' ');
      const proofs = [...text.matchAll(/`(test\/[\w./-]+\.test\.ts)` › "([^"]+)"((?: and "[^"]+")*)/g)];
      expect(proofs.length, `no test named in: ${text.slice(0, 60)}`).toBeGreaterThan(0);
      for (const [, file, first, more] of proofs) {
        const source = readFileSync(path.join(PACKAGE_ROOT, file), 'utf8').replace(/\\'/g, "'");
        for (const title of [first, ...[...more.matchAll(/"([^"]+)"/g)].map((match) => match[1])]) expect(source, `${file} › ${title}`).toContain(title);
      }
    }
  });

  it('names the two commands a new user runs', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
  });
});
