// The generators through Yeoman itself (yeoman-test), from the build in dist/.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import helpers from 'yeoman-test';
import { PACKAGE_ROOT, SPEC } from '../helpers/example.js';
import { tempDir } from '../helpers/tmp.js';

const generator = (name: string) => path.join(PACKAGE_ROOT, 'dist/generators', name, 'index.js');
// Our options are declared at run time (questions.ts), so the static option type of the generator is widened here.
const run = (name: string) => helpers.run(generator(name));
const opts = (options: Record<string, unknown>) => options as never;
const fromExample = (dir: string) => cpSync(path.join(PACKAGE_ROOT, 'examples'), dir, { recursive: true });

beforeEach(() => {
  vi.stubEnv('HOME', tempDir('magi-home-'));
  vi.stubEnv('MAGI_CONFIG_PATH', '');
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('yo magi:backend-spec', () => {
  it('with an answers file: appends the section, writes contract and test, asks nothing', async () => {
    const result = await run('backend-spec')
      .inDir(tempDir(), fromExample)
      .withOptions(opts({ answers: 'magi-answers.yaml' }));
    result.assertFileContent(SPEC, /\n## Backend\n\n### Stack & layers\n/);
    result.assertFile(['docs/03-gift-cards/openapi.yaml', 'tests/api/gift-cards.contract.test.ts', 'docs/03-gift-cards/.magi/backend-section.md']);
    expect(result.askedQuestions).toEqual([]);
  });

  it('yo magi (app) is the same job', async () => {
    const result = await run('app').inDir(tempDir(), fromExample).withOptions(opts({ answers: 'magi-answers.yaml' }));
    result.assertFileContent(SPEC, /\n## Backend\n/);
  });

  it('prompts only for what options and answers left open, in one batch', async () => {
    const result = await run('backend-spec')
      .inDir(tempDir(), fromExample)
      .withOptions(opts({ 'api-style': 'rest' }))
      .withAnswers({ scaffoldTest: false });
    expect(result.askedQuestions.map((question) => question.name)).toEqual(['scaffoldTest']);
    result.assertNoFile('tests/api/gift-cards.contract.test.ts');
    // Prompted answers become the project's defaults.
    result.assertJsonFileContent('.yo-rc.json', { 'generator-magi': { scaffoldTest: false, outputLanguage: 'en' } });
  });

  it('an existing section: asks merge/overwrite/abort, and abort writes nothing', async () => {
    const first = await run('backend-spec').inDir(tempDir(), fromExample).withOptions(opts({ answers: 'magi-answers.yaml' }));
    const before = readFileSync(path.join(first.cwd, SPEC), 'utf8');
    await expect(
      run('backend-spec').cd(first.cwd).withOptions(opts({ 'scaffold-test': false, 'api-style': 'rest' })).withAnswers({ conflict: 'abort' }),
    ).rejects.toThrow(/already has a ## Backend section/);
    expect(readFileSync(path.join(first.cwd, SPEC), 'utf8')).toBe(before);
  });

  it('all or nothing: refusing one file in the conflicter writes none', async () => {
    const first = await run('backend-spec').inDir(tempDir(), fromExample).withOptions(opts({ answers: 'magi-answers.yaml' }));
    const root = first.cwd;
    // A new operation changes both the document and the contract file.
    const spec = readFileSync(path.join(root, SPEC), 'utf8').replace(
      '- `GET /v1/gift-cards` lists',
      '- `DELETE /v1/gift-cards/{cardId}` cancels a card.\n- `GET /v1/gift-cards` lists',
    );
    writeFileSync(path.join(root, SPEC), spec);
    const contractBefore = readFileSync(path.join(root, 'docs/03-gift-cards/openapi.yaml'), 'utf8');
    const asked: string[] = [];
    await expect(
      run('backend-spec')
        .cd(root)
        .withOptions(opts({ force: false, 'scaffold-test': true, 'api-style': 'rest', conflict: 'merge' }))
        .withAnswers({}, {
          callback: (answer, { question }) => {
            asked.push(String(question.message));
            return String(question.message).includes('openapi.yaml') ? 'skip' : 'write';
          },
        }),
    ).rejects.toThrow(/docs\/03-gift-cards\/openapi\.yaml was refused; nothing was written/);
    expect(asked.some((message) => message.includes('SPEC.md'))).toBe(true);
    expect(readFileSync(path.join(root, SPEC), 'utf8')).toBe(spec);
    expect(readFileSync(path.join(root, 'docs/03-gift-cards/openapi.yaml'), 'utf8')).toBe(contractBefore);
  });

  it('refuses before the plan exists, naming the state', async () => {
    await expect(
      run('backend-spec')
        .inDir(tempDir(), (dir) => {
          fromExample(dir);
          mkdirSync(path.join(dir, 'docs/04-loyalty-points'));
          writeFileSync(path.join(dir, 'docs/04-loyalty-points/notes.md'), 'ideas\n');
        })
        .withOptions(opts({ force: false, 'api-style': 'rest', 'scaffold-test': false })),
    ).rejects.toThrow('Cannot run backend-spec: no PLAN/SPEC found in current sprint (state=INITIALIZED); plan the sprint first (/magi.plan in the magi workflow, or write the SPEC.md yourself), then re-run');
  });

  it('an unknown sprint is one clear error', async () => {
    await expect(
      run('backend-spec').inDir(tempDir(), fromExample).withOptions(opts({ answers: 'magi-answers.yaml', sprint: '7' })),
    ).rejects.toThrow('--sprint 7: no such sprint in docs/; choose one of 01-user-accounts, 02-product-catalog, 03-gift-cards');
  });
});

describe('yo magi:setup', () => {
  it('writes the language and defaults into the workflow config, keeping its keys', async () => {
    const home = process.env.HOME!;
    const file = path.join(home, '.config/magi-workflow-workflow/config.json');
    await run('setup')
      .inDir(tempDir(), () => {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify({ output_language: 'en', models: ['a', 'b'] }));
      })
      .withOptions(opts({ 'output-language': 'zh-TW', 'api-style': 'graphql', 'docs-dir': 'magi', 'scaffold-test': true, conflict: 'merge' }));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      output_language: 'zh-TW',
      models: ['a', 'b'],
      'generator-magi': { docsDir: 'magi', apiStyle: 'graphql', scaffoldTest: true, conflict: 'merge' },
    });
  });

  it('creates the newer workflow path when no config exists, from prompts', async () => {
    const result = await run('setup').withAnswers({ outputLanguage: 'en', docsDir: 'docs', apiStyle: 'rest', scaffoldTest: false, conflict: 'merge' });
    const file = path.join(process.env.HOME!, '.config/magi-workflow/config.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).output_language).toBe('en');
    expect(result.askedQuestions.map((question) => question.name)).toEqual(['outputLanguage', 'docsDir', 'apiStyle', 'scaffoldTest', 'conflict']);
  });
});

describe('yo magi:contract-test', () => {
  it('writes a test from the sprint contract for the detected framework', async () => {
    const first = await run('backend-spec').inDir(tempDir(), fromExample).withOptions(opts({ answers: 'magi-answers.yaml', scaffold: false }));
    const result = await run('contract-test').cd(first.cwd).withOptions(opts({ feature: 'cards', force: true }));
    result.assertFileContent('tests/api/cards.contract.test.ts', /docs\/03-gift-cards\/openapi\.yaml/);
    result.assertFileContent('tests/api/cards.contract.test.ts', /generated by generator-magi/);
    result.assertFileContent('tests/api/cards.contract.test.ts', /GET \/v1\/gift-cards/);
  });
});
