// `yo magi:<generator> --help` shows the generator's USAGE: a description and
// examples whose flags the generator really declares.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEnv } from 'yeoman-environment';
import { backendSpecQuestions } from '../../generators/backend-spec/questions.js';
import { contractTestQuestions } from '../../generators/contract-test/questions.js';
import { setupQuestions } from '../../generators/setup/questions.js';
import type { Declaration } from '../../lib/answers/declaration.js';
import { listFrameworks } from '../../lib/contract-test/index.js';
import { PACKAGE_ROOT } from '../helpers/example.js';
import { tempDir } from '../helpers/tmp.js';

const GENERATORS: Array<[name: string, namespace: string, declaration: Declaration]> = [
  ['app', 'magi:app', backendSpecQuestions],
  ['backend-spec', 'magi:backend-spec', backendSpecQuestions],
  ['contract-test', 'magi:contract-test', contractTestQuestions],
  ['setup', 'magi:setup', setupQuestions],
];

async function yeomanHelp(name: string, namespace: string): Promise<string> {
  const env = createEnv({ cwd: tempDir() });
  env.register(path.join(PACKAGE_ROOT, 'dist/generators', name, 'index.js'), { namespace });
  const generator = (await env.create(namespace, { generatorArgs: [], generatorOptions: { help: true } as never })) as unknown as { help(): string };
  return generator.help();
}

describe('USAGE', () => {
  it.each(GENERATORS)('yo %s --help shows its USAGE, examples and options', async (name, namespace) => {
    const usage = readFileSync(path.join(PACKAGE_ROOT, 'generators', name, 'USAGE'), 'utf8');
    const help = await yeomanHelp(name, namespace);
    expect(help).toContain(usage);
    expect(usage).toMatch(/^Description:\n/);
    expect(usage).toContain(`\nExamples:\n  yo ${name === 'app' ? 'magi' : namespace}`);
    expect(help).toContain('--answers');
  });

  it.each(GENERATORS)('%s: every flag in its examples is declared', (name, _namespace, declaration) => {
    const usage = readFileSync(path.join(PACKAGE_ROOT, 'generators', name, 'USAGE'), 'utf8');
    const examples = usage.split('\n').filter((line) => /^ {2}yo /.test(line));
    const flags = examples.flatMap((line) => [...line.matchAll(/--([a-z-]+)/g)].map((match) => match[1]));
    const declared = declaration.flatMap((question) => (question.option ? [question.option.negated ? `no-${question.option.flag}` : question.option.flag] : []));
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.filter((flag) => !declared.includes(flag))).toEqual([]);
  });

  it('contract-test lists exactly the templates it has', () => {
    const usage = readFileSync(path.join(PACKAGE_ROOT, 'generators/contract-test/USAGE'), 'utf8');
    const listed = usage.slice(usage.indexOf('Templates:') + 'Templates:'.length, usage.indexOf('.\n', usage.indexOf('Templates:'))).split(/[,\s]+/).filter(Boolean);
    expect(listed.sort()).toEqual([...listFrameworks()].sort());
  });
});
