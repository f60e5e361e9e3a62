// The bin on a pnpm workspace (apps/nextjs serves packages/api, whose ORM lives in
// packages/db), with a tRPC sprint: backend-spec for `--service packages/api` plans
// the schema in packages/db, and contract-test writes the file the Test plan names.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, runMagi, type Sandbox } from '../helpers/example.js';
import { tempDir } from '../helpers/tmp.js';

const SPRINT = [
  '# Book loans',
  '',
  '## Scope',
  '',
  '- tRPC `loan.create` with input `{ bookId: string (uuid), dueOn: string (date) }` creates a loan.',
  '- tRPC `loan.return` with input `{ loanId: string (uuid) }` marks it returned.',
  '',
  '## Data model',
  '',
  'New table `loans` (id uuid, book_id uuid, due_on date NOT NULL, returned_at timestamptz).',
  '',
].join('\n');

describe('a tRPC workspace through the bin', () => {
  let sandbox: Sandbox;
  let section: string;
  beforeAll(() => {
    const base = tempDir('magi-e2e-ws-');
    const root = path.join(base, 'repo');
    cpSync(path.join(PACKAGE_ROOT, 'test/fixtures/repos/fit-pnpm-api-db'), root, { recursive: true });
    mkdirSync(path.join(root, 'docs/01-book-loans'), { recursive: true });
    writeFileSync(path.join(root, 'docs/01-book-loans/SPEC.md'), SPRINT);
    mkdirSync(path.join(base, 'home'));
    sandbox = { root, home: path.join(base, 'home'), read: (file) => readFileSync(path.join(root, file), 'utf8') };
    const run = runMagi(sandbox, ['backend-spec', '--service', 'packages/api', '--force']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    section = sandbox.read('docs/01-book-loans/SPEC.md');
  });

  it('plans the migration in the ORM’s package, with the ORM and database it brings', () => {
    expect(section).toContain('**ORM**: Drizzle ORM — `packages/db/');
    expect(section).toMatch(/\| 1 \| `packages\/db\/drizzle\/<nnnn>_create_loans\.sql` \|/);
    expect(section).not.toContain('packages/api/packages/db');
  });

  it('contract-test writes, from the document’s procedures, the file the Test plan names', () => {
    const row = /\| Contract \| `([^`]+)` \| `([^`]+)` \|/.exec(section);
    const planned = row?.[1];
    expect(planned).toBe('packages/api/tests/api/book-loans.contract.test.ts');
    // Paths are repo-relative; the command runs from the service folder.
    expect(row?.[2]).toBe('pnpm exec vitest run tests/api/book-loans.contract.test.ts');
    const run = runMagi(sandbox, ['contract-test', '--service', 'packages/api', '--force']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('checks procedure inputs against the procedures stated in docs/01-book-loans/SPEC.md');
    expect(existsSync(path.join(sandbox.root, planned!))).toBe(true);
    const test = sandbox.read(planned!);
    expect(test).toContain("import { appRouter } from '../../src/index.js';");
    expect(test).toContain("it('loan.return refuses an input without loanId'");
  });
});
