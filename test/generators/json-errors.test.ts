// `yo magi:<generator> --json`: a failure inside Yeoman's run loop is one JSON
// error object on stdout, as it is from the magi bin (and never printed twice).
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import helpers from 'yeoman-test';
import { copyExample, PACKAGE_ROOT, runMagi } from '../helpers/example.js';
import { tempDir } from '../helpers/tmp.js';

const generator = (name: string) => path.join(PACKAGE_ROOT, 'dist/generators', name, 'index.js');
const fromExample = (dir: string) => cpSync(path.join(PACKAGE_ROOT, 'examples'), dir, { recursive: true });
let stdout: string[];

beforeEach(() => {
  vi.stubEnv('HOME', tempDir('magi-home-'));
  vi.stubEnv('MAGI_CONFIG_PATH', '');
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('yo --json failures', () => {
  it.each([
    ['backend-spec', { sprint: '99', json: true }, 'sprint-unknown'],
    ['backend-spec', { answers: 'nope.yaml', json: true }, 'answers-missing'],
    ['contract-test', { contract: 'missing.yaml', json: true }, undefined],
  ] as const)('%s %j', async (name, options, code) => {
    await expect(helpers.run(generator(name)).inDir(tempDir(), fromExample).withOptions(options as never)).rejects.toThrow();
    const printed = stdout.join('');
    const report = JSON.parse(printed);
    expect(report).toMatchObject({ version: 1, command: name, error: { exitCode: 2 } });
    if (code) expect(report.error.code).toBe(code);
  });

  it('without --json nothing is printed on stdout', async () => {
    await expect(helpers.run(generator('backend-spec')).inDir(tempDir(), fromExample).withOptions({ sprint: '99' } as never)).rejects.toThrow();
    expect(stdout.join('')).toBe('');
  });
});

describe('magi through Yeoman (MAGI_YEOMAN=1) --json', () => {
  it('prints the error object once', () => {
    const run = runMagi(copyExample(), ['backend-spec', '--sprint', '99', '--json'], { MAGI_YEOMAN: '1' });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'backend-spec', error: { code: 'sprint-unknown' } });
  });
});
