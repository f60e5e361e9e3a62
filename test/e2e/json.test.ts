// `--json` on every command: one versioned object on stdout, success or failure.
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, MagiError } from '../../lib/errors.js';
import { copyExample, PACKAGE_ROOT, runMagi } from '../helpers/example.js';

const ENVELOPE = { version: 1, tool: { name: 'generator-magi', version: expect.stringMatching(/^\d+\.\d+\.\d+/) } };

function parsed(stdout: string): Record<string, unknown> {
  // Exactly one JSON document, nothing around it.
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('--json success', () => {
  const sandbox = copyExample();
  copyFileSync(path.join(PACKAGE_ROOT, 'test/fixtures/openapi/shop-existing.yaml'), path.join(sandbox.root, 'openapi.yaml'));

  it.each([
    ['backend-spec', ['backend-spec', '--answers', 'magi-answers.yaml', '--dry-run', '--json']],
    ['contract-test', ['contract-test', '--contract', 'openapi.yaml', '--framework', 'express', '--dry-run', '--json']],
    ['detect', ['detect', '--json']],
    ['setup', ['setup', '--project', '--output-language', 'en', '--docs-dir', 'docs', '--api-style', 'rest', '--scaffold-test', '--conflict', 'merge', '--force', '--json']],
  ])('%s prints the envelope', (command, args) => {
    const run = runMagi(sandbox, args);
    expect(run.status, run.stderr).toBe(0);
    expect(parsed(run.stdout)).toMatchObject({ ...ENVELOPE, command });
  });
});

describe('--json failure: a JSON error object on stdout, the one line on stderr', () => {
  const sandbox = copyExample();

  it.each([
    ['backend-spec', ['backend-spec', '--answers', 'nope.yaml', '--json'], 'answers-missing', 2, 'nope.yaml: answers file not found', 'check the path given to --answers'],
    ['backend-spec', ['backend-spec', '--api-style', 'soap', '--json'], 'option-invalid', 2, '--api-style: must be one of rest, graphql, grpc, trpc', 'run with --help for the accepted values'],
    ['contract-test', ['contract-test', '--contract', 'missing.yaml', '--json'], undefined, 2, undefined, undefined],
    ['detect', ['detect', 'no-such-folder', '--json'], 'detect-path', 2, 'no-such-folder: not a folder', "pass the repository's folder"],
    ['setup', ['setup', '--conflict', 'maybe', '--json'], 'option-invalid', 2, '--conflict: must be one of merge, overwrite, abort', undefined],
    ['check', ['check', '--sprint', '99', '--json'], undefined, 2, undefined, undefined],
    ['bogus', ['bogus', '--json'], 'unknown-command', 2, 'Unknown command "bogus"', 'run magi --help'],
  ])('%s %#', (command, args, code, exitCode, message, hint) => {
    const run = runMagi(sandbox, args);
    expect(run.status).toBe(exitCode);
    const output = parsed(run.stdout);
    expect(output).toMatchObject({ ...ENVELOPE, command });
    const error = output.error as { code: string; message: string; hint?: string; exitCode: number };
    expect(error.exitCode).toBe(exitCode);
    expect(error.code).toMatch(/^[a-z][a-z.-]+$/);
    if (code) expect(error.code).toBe(code);
    if (message) expect(error.message).toBe(message);
    if (hint) expect(error.hint).toBe(hint);
    // People still get the line on stderr, and no stack trace anywhere.
    expect(run.stderr).toMatch(/^magi: .+\n/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('an answers file with several problems lists them all, with a hint', () => {
    writeFileSync(`${sandbox.root}/bad.yaml`, 'apiStyel: rest\nconflict: sometimes\n');
    const run = runMagi(sandbox, ['backend-spec', '--answers', 'bad.yaml', '--json']);
    expect(run.status).toBe(2);
    const error = (parsed(run.stdout).error ?? {}) as Record<string, string>;
    expect(error.code).toBe('answers-invalid');
    expect(error.message).toMatch(/^bad\.yaml: [^\n]+$/);
    expect(error.message).toContain('apiStyel: unknown key (did you mean "apiStyle"?)');
    expect(error.message).toContain('conflict: must be one of merge, overwrite, abort');
    expect(error.hint).toContain("answers file reference");
  });

  it('without --json, stdout stays empty on failure', () => {
    const run = runMagi(sandbox, ['detect', 'no-such-folder']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });
});

describe('describeError', () => {
  it('splits "what; how to fix" and reports an unexpected error as a bug to debug', () => {
    expect(describeError(new MagiError('x', 'a: b is wrong; do c'))).toEqual({ code: 'x', message: 'a: b is wrong', hint: 'do c', exitCode: 2 });
    expect(describeError(new MagiError('x', 'no hint here', { exitCode: 4 }))).toEqual({ code: 'x', message: 'no hint here', exitCode: 4 });
    expect(describeError(new TypeError('boom\nsecond line'))).toEqual({ code: 'unexpected', message: 'boom', hint: 'run with DEBUG=magi* for details', exitCode: 1 });
  });
});
