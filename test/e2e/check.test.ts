// `magi check` on temp copies of the example repository: 0 right after a run,
// 1 with the diff once the document, the contract or the test drifts; never a write.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runMagi, SPEC, type Sandbox } from '../helpers/example.js';

const RUN = ['backend-spec', '--answers', 'magi-answers.yaml'];
const CHECK = ['check', '--answers', 'magi-answers.yaml'];
const CONTRACT = 'docs/03-gift-cards/openapi.yaml';
const TEST = 'tests/api/gift-cards.contract.test.ts';
/** The Prisma change is longer than the section keeps inline: it sits beside the document. */
const CHANGE = 'docs/03-gift-cards/schema-change.md';

/** Contents, mode and mtime of every file: a check must leave all three alone. */
function fingerprint(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), `${readFileSync(full, 'latin1')}|${statSync(full).mode}|${statSync(full).mtimeMs}`);
    }
  };
  walk(root);
  return files;
}

function ranOnce(): Sandbox {
  const sandbox = copyExample();
  const run = runMagi(sandbox, RUN);
  expect(run.status, run.stderr).toBe(0);
  return sandbox;
}

function edit(sandbox: Sandbox, file: string, change: (text: string) => string): void {
  writeFileSync(path.join(sandbox.root, file), change(sandbox.read(file)));
}

describe('magi check', () => {
  it('exits 0 right after a run, and writes nothing', () => {
    const sandbox = ranOnce();
    const before = fingerprint(sandbox.root);
    const check = runMagi(sandbox, CHECK);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(`magi check: up to date (${SPEC}, ${CONTRACT}, ${TEST}, ${CHANGE})`);
    expect(fingerprint(sandbox.root)).toEqual(before);
  });

  it('exits 1 with the diff after the document states a new operation', () => {
    const sandbox = ranOnce();
    edit(sandbox, SPEC, (text) => text.replace('## Out of scope', '- `DELETE /v1/gift-cards/{cardId}` voids a card.\n\n## Out of scope'));
    const before = fingerprint(sandbox.root);
    const check = runMagi(sandbox, CHECK);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`--- a/${SPEC}`);
    expect(check.stdout).toMatch(/^\+.*DELETE/m);
    expect(check.stdout).toContain(`--- a/${CONTRACT}`);
    expect(check.stdout).toMatch(/^\+\s+delete:/m);
    expect(check.stdout).toContain(`magi check: 3 stale: ${SPEC} (stale), ${CONTRACT} (stale), ${TEST} (stale)`);
    expect(check.stdout).toContain('Refresh with: magi backend-spec --answers magi-answers.yaml');
    expect(fingerprint(sandbox.root)).toEqual(before);
    // The run it suggests makes the check pass again.
    expect(runMagi(sandbox, RUN).status).toBe(0);
    expect(runMagi(sandbox, CHECK).status).toBe(0);
  });

  it('lines the user writes into the section, the contract or the test are kept by a run, so they are not stale', () => {
    const sandbox = ranOnce();
    edit(sandbox, SPEC, (text) => text.replace('### Open questions\n', '### Open questions\n\n- Ask finance about expiry.\n'));
    edit(sandbox, CONTRACT, (text) => `${text}# reviewed by finance\n`);
    edit(sandbox, TEST, (text) => `${text}// reviewed\n`);
    expect(runMagi(sandbox, CHECK).status).toBe(0);
    // …and the document still drives them: a new operation makes all three stale, the edits kept.
    edit(sandbox, SPEC, (text) => text.replace('## Out of scope', '- `DELETE /v1/gift-cards/{cardId}` voids a card.\n\n## Out of scope'));
    const check = runMagi(sandbox, CHECK);
    expect(check.status).toBe(1);
    expect(check.stdout).not.toMatch(/^-# reviewed by finance/m);
    expect(check.stdout).toContain(`magi check: 3 stale:`);
  });

  it('before any run everything the run would write is missing', () => {
    const sandbox = copyExample();
    const before = fingerprint(sandbox.root);
    const check = runMagi(sandbox, CHECK);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`${CONTRACT} (missing)`);
    expect(fingerprint(sandbox.root)).toEqual(before);
  });

  it('--json: one versioned object, the diff per stale file', () => {
    const sandbox = ranOnce();
    const fresh = JSON.parse(runMagi(sandbox, [...CHECK, '--json']).stdout);
    expect(fresh).toMatchObject({ version: 1, command: 'check', fresh: true, document: SPEC });
    expect(fresh.files.map((file: { status: string }) => file.status)).toEqual(['fresh', 'fresh', 'fresh', 'fresh']);
    edit(sandbox, SPEC, (text) => text.replace('## Out of scope', '- `DELETE /v1/gift-cards/{cardId}` voids a card.\n\n## Out of scope'));
    const run = runMagi(sandbox, [...CHECK, '--json']);
    expect(run.status).toBe(1);
    const stale = JSON.parse(run.stdout);
    expect(stale.fresh).toBe(false);
    expect(stale.files.find((file: { path: string }) => file.path === CONTRACT)).toMatchObject({ status: 'stale', diff: expect.stringMatching(/^\+\s+delete:/m) });
  });

  it('refuses the flags that only say how to write, in one line', () => {
    const sandbox = ranOnce();
    const check = runMagi(sandbox, [...CHECK, '--force']);
    expect(check.status).toBe(2);
    expect(check.stderr).toBe('magi: Unknown option --force; run magi check --help\n');
  });
});
