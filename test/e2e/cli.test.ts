// The bin's own interface: help per command with examples, -V, argument errors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, PACKAGE_ROOT, runMagi } from '../helpers/example.js';

const sandbox = copyExample();
const COMMANDS = ['backend-spec', 'contract-test', 'setup', 'detect', 'check'];

describe('magi help', () => {
  it('-V and --version print the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    for (const flag of ['-V', '--version']) {
      const run = runMagi(sandbox, [flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });

  it('the overview lists every command and an example of each', () => {
    const run = runMagi(sandbox, ['help']);
    expect(run.status).toBe(0);
    for (const command of COMMANDS) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect(run.stdout).toMatch(new RegExp(`^  magi ${command}`, 'm'));
    }
  });

  it.each(COMMANDS)('magi help %s equals the command --help, with options and examples', (command) => {
    const viaHelp = runMagi(sandbox, ['help', command]);
    const viaFlag = runMagi(sandbox, [command, '--help']);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: magi ${command} `));
    expect(viaHelp.stdout).toContain('\nOptions:\n');
    expect(viaHelp.stdout).toMatch(new RegExp(`\\nExamples:\\n  magi ${command}`));
    expect(viaHelp.stdout).toContain('--json');
  });

  it('help for an unknown command names the nearest one', () => {
    const run = runMagi(sandbox, ['help', 'chek']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('magi: Unknown command "chek"; did you mean "check"?; run magi --help\n');
  });
});

describe('arguments', () => {
  it.each([
    [['detect', 'a', 'b'], 'magi: Unexpected argument "b"; options start with --, run magi detect --help'],
    [['backend-spec', '--sprint', '--dry-run'], 'magi: --sprint needs a value; run with --help for the accepted values'],
    [['check', '--no-sprint'], 'magi: --no-sprint: --sprint takes a value and cannot be negated; run magi check --help'],
    [['contract-test', '--framwork', 'express'], 'magi: Unknown option --framwork; did you mean --framework?; run magi contract-test --help'],
    [['setup', 'now'], 'magi: Unexpected argument "now"; options start with --, run magi setup --help'],
  ])('%j: one line, exit 2, nothing on stdout', (args, line) => {
    const run = runMagi(sandbox, args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.stdout).toBe('');
  });
});

describe('magi setup without a terminal', () => {
  it('the help example works as written: the language alone is enough, the defaults stay unset', () => {
    const fresh = copyExample();
    const run = runMagi(fresh, ['setup', '--project', '--output-language', 'zh-TW', '--force']);
    expect(run.status).toBe(0);
    expect(`${run.stdout}${run.stderr}`).toBe('magi config written to .yo-rc.json\n');
    expect(JSON.parse(fresh.read('.yo-rc.json'))['generator-magi']).toMatchObject({ outputLanguage: 'zh-TW' });
    expect(JSON.parse(fresh.read('.yo-rc.json'))['generator-magi'].apiStyle).toBeUndefined();
  });

  it('without the language it says which option gives it, exit 2, nothing written', () => {
    const fresh = copyExample();
    const before = fresh.read('.yo-rc.json');
    const run = runMagi(fresh, ['setup', '--project', '--force']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('magi: No terminal to ask on (outputLanguage): pass --output-language <tag> (en, zh-TW, …) or --answers <file>\n');
    expect(fresh.read('.yo-rc.json')).toBe(before);
  });
});
