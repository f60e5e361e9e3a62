// The bin, spawned on temp copies of the example repository, as a user runs it.
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runMagi, SPEC, type Sandbox } from '../helpers/example.js';

const ANSWERS = ['backend-spec', '--answers', 'magi-answers.yaml'];

function snapshotTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), readFileSync(full, 'latin1') + statSync(full).mode);
    }
  };
  walk(root);
  return files;
}

function expectNothingWritten(sandbox: Sandbox, before: Map<string, string>) {
  expect(snapshotTree(sandbox.root)).toEqual(before);
}

describe('magi backend-spec --answers', () => {
  it('appends the section, writes the contract and the test, and reports', () => {
    const sandbox = copyExample();
    const before = sandbox.read(SPEC);
    const run = runMagi(sandbox, ANSWERS);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const after = sandbox.read(SPEC);
    expect(after.startsWith(before)).toBe(true);
    const headings = after.slice(before.length).match(/^#{2,3} .+$/gm);
    expect(headings).toEqual([
      '## Backend',
      '### Stack & layers',
      '### API contract',
      '### Data model changes',
      '### Authn/authz matrix',
      '### Validation & safety',
      '### Idempotency & retries',
      '### Observability',
      '### Test plan',
      '### Open questions',
    ]);
    expect(existsSync(path.join(sandbox.root, 'docs/03-gift-cards/openapi.yaml'))).toBe(true);
    expect(existsSync(path.join(sandbox.root, 'tests/api/gift-cards.contract.test.ts'))).toBe(true);
    expect(run.stdout).toContain('+## Backend');
    expect(run.stdout).toMatch(/created\s+docs\/03-gift-cards\/openapi\.yaml/);
    expect(run.stdout).toContain('Top open questions:');
    expect(run.stdout).toContain('Next:');
    // Previous sprints are never touched.
    const fresh = copyExample();
    for (const file of ['docs/01-user-accounts/SPEC.md', 'docs/02-product-catalog/SPEC.md']) expect(sandbox.read(file)).toBe(fresh.read(file));
  });

  it('a second run with the same inputs changes nothing', () => {
    const sandbox = copyExample();
    expect(runMagi(sandbox, ANSWERS).status).toBe(0);
    const after = snapshotTree(sandbox.root);
    const second = runMagi(sandbox, [...ANSWERS, '--json']);
    expect(second.status).toBe(0);
    expectNothingWritten(sandbox, after);
    const report = JSON.parse(second.stdout);
    expect(report.section.outcome).toBe('unchanged');
    expect(report.files.every((file: { status: string }) => file.status === 'unchanged')).toBe(true);
  });

  it('--json prints one JSON object on stdout', () => {
    const sandbox = copyExample();
    const run = runMagi(sandbox, [...ANSWERS, '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      version: 1,
      sprint: { dir: 'docs/03-gift-cards', num: '03', slug: 'gift-cards', document: SPEC },
      state: 'PLANNING',
      language: 'en',
      section: { outcome: 'appended' },
      contract: { kind: 'openapi', placement: 'file', file: 'docs/03-gift-cards/openapi.yaml' },
      contractTest: { created: true, path: 'tests/api/gift-cards.contract.test.ts' },
      dryRun: false,
    });
    expect(report.stack.framework).toMatchObject({ value: 'express' });
    expect(report.stack.framework.evidence[0]).toHaveProperty('file');
    expect(report.stack.orm.value).toBe('prisma');
    expect(report.stack.databases.map((db: { value: string }) => db.value)).toContain('postgres');
    expect(report.operations.map((operation: { key: string }) => operation.key)).toEqual([
      'POST /v1/gift-cards',
      'GET /v1/gift-cards',
      'GET /v1/gift-cards/{cardId}',
      'POST /v1/orders/{orderId}/gift-card-redemptions',
    ]);
    expect(report.files).toContainEqual({ path: SPEC, status: 'modified' });
    expect(report.openQuestions.length).toBeGreaterThan(0);
    expect(Array.isArray(report.next)).toBe(true);
  });

  it('the JSON report and magi detect --json carry the same stack', () => {
    const sandbox = copyExample();
    const report = JSON.parse(runMagi(sandbox, [...ANSWERS, '--json', '--dry-run']).stdout);
    const detected = JSON.parse(runMagi(sandbox, ['detect', '--json']).stdout);
    expect(detected.services).toHaveLength(1);
    expect(detected.services[0].stack).toEqual(report.stack);
  });

  it('--dry-run shows the diff and writes nothing', () => {
    const sandbox = copyExample();
    const before = snapshotTree(sandbox.root);
    const run = runMagi(sandbox, [...ANSWERS, '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('+## Backend');
    expect(run.stdout).toContain('Dry run: nothing was written');
    expectNothingWritten(sandbox, before);
  });

  it('is deterministic: two fresh copies give the same bytes', () => {
    const first = copyExample();
    const second = copyExample();
    runMagi(first, ANSWERS);
    runMagi(second, ANSWERS);
    for (const file of [SPEC, 'docs/03-gift-cards/openapi.yaml', 'tests/api/gift-cards.contract.test.ts']) {
      expect(first.read(file)).toBe(second.read(file));
    }
  });

  it('keeps CRLF line endings and the bytes above the section', () => {
    const sandbox = copyExample();
    const crlf = sandbox.read(SPEC).replace(/\n/g, '\r\n');
    writeFileSync(path.join(sandbox.root, SPEC), `\uFEFF${crlf}`);
    expect(runMagi(sandbox, ANSWERS).status).toBe(0);
    const after = sandbox.read(SPEC);
    expect(after.startsWith(`\uFEFF${crlf}`)).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('merge keeps a line the user added to the section', () => {
    const sandbox = copyExample();
    runMagi(sandbox, ANSWERS);
    const spec = sandbox.read(SPEC).replace('### Test plan\n', '### Test plan\n\nWe also run k6 against staging before release.\n');
    writeFileSync(path.join(sandbox.root, SPEC), spec);
    const answers = sandbox.read('magi-answers.yaml').replace('populatedTables:\n  - orders\n', 'populatedTables:\n  - orders\n  - users\n');
    writeFileSync(path.join(sandbox.root, 'magi-answers.yaml'), answers);
    expect(runMagi(sandbox, ANSWERS).status).toBe(0);
    expect(sandbox.read(SPEC)).toContain('We also run k6 against staging before release.');
    expect(sandbox.read(SPEC).match(/^## Backend$/gm)).toHaveLength(1);
  });

  it('all or nothing: a read-only contract file stops every write', () => {
    const sandbox = copyExample();
    writeFileSync(path.join(sandbox.root, 'docs/03-gift-cards/openapi.yaml'), 'openapi: 3.1.0\n');
    chmodSync(path.join(sandbox.root, 'docs/03-gift-cards/openapi.yaml'), 0o444);
    const before = snapshotTree(sandbox.root);
    // --force: replacing a contract magi did not write is allowed, and the permission still stops everything.
    const run = runMagi(sandbox, [...ANSWERS, '--force']);
    expect(run.status).toBe(4);
    expect(run.stderr.trim()).toBe('magi: Cannot write docs/03-gift-cards/openapi.yaml: permission denied; nothing was written (fix the permissions and re-run)');
    expectNothingWritten(sandbox, before);
  });
});

describe('magi CLI basics', () => {
  it('--help lists every backend-spec option with one line each', () => {
    const run = runMagi(copyExample(), ['backend-spec', '--help']);
    expect(run.status).toBe(0);
    for (const flag of ['--sprint', '--api-style', '--scaffold-test', '--no-scaffold', '--openapi', '--answers', '--conflict', '--force', '--skip-preflight', '--dry-run', '--json', '--docs-dir', '--service']) {
      expect(run.stdout).toMatch(new RegExp(`^\\s+(-\\w, )?${flag}\\b.*\\S`, 'm'));
    }
  });

  it('--version and --help', () => {
    const sandbox = copyExample();
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(runMagi(sandbox, ['--version']).stdout.trim()).toBe(pkg.version);
    const help = runMagi(sandbox, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/backend-spec[\s\S]*contract-test[\s\S]*setup[\s\S]*detect/);
  });

  it('a typo in a command or an option gets one line with a suggestion', () => {
    const sandbox = copyExample();
    const command = runMagi(sandbox, ['backend-spc']);
    expect(command.status).toBe(2);
    expect(command.stderr).toBe('magi: Unknown command "backend-spc"; did you mean "backend-spec"?; run magi --help\n');
    const option = runMagi(sandbox, ['backend-spec', '--api-styl', 'rest']);
    expect(option.status).toBe(2);
    expect(option.stderr).toBe('magi: Unknown option --api-styl; did you mean --api-style?; run magi backend-spec --help\n');
  });
});
