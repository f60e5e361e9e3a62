// The contract test goes where the repository's runner picks it up, and the
// Test plan names exactly that file and the command that runs it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractTestPlace, renderContractTest } from '../../lib/contract-test/index.js';
import { contractTestCommand } from '../../lib/contract-test/paths.js';
import { pickedUp } from '../../lib/stack/layout.js';
import { buildBackendSpec } from '../../lib/model/index.js';
import { detectStack } from '../../lib/stack/index.js';
import type { ServiceStack } from '../../lib/types.js';
import { refundsInput, service, d } from '../model/fixtures.js';

const REPOS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/repos');
const CONTRACT = `openapi: 3.1.0
info: { title: t, version: 1.0.0 }
paths:
  /books:
    get:
      operationId: listBooks
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { type: string } }
`;

async function detected(name: string): Promise<ServiceStack> {
  const report = await detectStack(path.join(REPOS, name));
  return report.services.find((s) => s.kind === 'app')!;
}

function inputsOf(stack: ServiceStack, framework: string) {
  return {
    framework,
    feature: 'book-loans',
    testRunner: stack.testRunner?.value,
    testDir: stack.testDir?.value,
    testPattern: stack.layout?.testPattern,
    appEntry: stack.appEntry?.value,
    packageManager: stack.packageManager?.value,
    servicePath: stack.path,
  };
}

describe('jest with its own testRegex and --config=jest.json', () => {
  let stack: ServiceStack;
  beforeAll(async () => {
    stack = await detected('fit-express-jest-config');
  });

  it('reads the regex and the config file from the test script', () => {
    expect(stack.layout?.testPattern).toMatchObject({ runner: 'jest', regex: '.*\\.spec\\.ts$', config: 'jest.json', evidence: [{ file: 'jest.json' }] });
  });

  it('writes a test the regex matches, and runs it with the same config', async () => {
    const place = contractTestPlace({ ...inputsOf(stack, 'express'), kind: 'openapi' });
    expect(place.path).toBe('test/book-loans.contract.spec.ts');
    expect(pickedUp(stack.layout?.testPattern, place.path)).toBe(true);
    expect(place.command).toBe('npx jest --config jest.json test/book-loans.contract.spec.ts');
    const rendered = await renderContractTest({ ...inputsOf(stack, 'express'), contract: { kind: 'openapi', text: CONTRACT, path: 'docs/01-book-loans/openapi.yaml' } });
    expect(rendered.path).toBe(place.path);
  });

  it('names that same file and command in the Test plan', () => {
    const place = contractTestPlace({ ...inputsOf(stack, 'express'), kind: 'openapi' });
    const spec = buildBackendSpec({ ...refundsInput({ service: stack }), plannedContractTest: { path: place.path, command: place.command } });
    const row = spec.testPlan.commands.find((c) => c.layer === 'contract')!;
    expect(row).toMatchObject({ file: place.path, command: place.command });
  });

  it('honours rootDir and testMatch globs', () => {
    expect(pickedUp({ runner: 'jest', regex: '.*\\.spec\\.ts$', rootDir: 'src', evidence: [] }, 'test/a.spec.ts')).toBe(false);
    expect(pickedUp({ runner: 'jest', regex: '.*\\.spec\\.ts$', rootDir: 'src', evidence: [] }, 'src/a.spec.ts')).toBe(true);
    expect(pickedUp({ runner: 'jest', globs: ['**/*.test.ts'], evidence: [] }, 'tests/api/a.contract.test.ts')).toBe(true);
  });
});

describe('Rails with Minitest', () => {
  let stack: ServiceStack;
  beforeAll(async () => {
    stack = await detected('fit-rails-minitest');
  });

  it('gets a Minitest integration test, not an RSpec spec', async () => {
    expect(stack.testRunner?.value).toBe('minitest');
    const rendered = await renderContractTest({ ...inputsOf(stack, 'rails'), contract: { kind: 'openapi', text: CONTRACT, path: 'docs/01-book-loans/openapi.yaml' } });
    expect(rendered.path).toBe('test/integration/book_loans_contract_test.rb');
    expect(rendered.path).not.toMatch(/_spec\.rb$|^spec\//);
    expect(rendered.content).toContain('require "test_helper"');
    expect(rendered.content).toContain('class BookLoansContractTest < ActionDispatch::IntegrationTest');
    expect(rendered.content).toContain('include Skooma::Minitest[');
    expect(rendered.content).toContain('assert_conform_schema(200)');
    expect(rendered.content).not.toMatch(/RSpec|rails_helper|expect\(/);
    const place = contractTestPlace({ ...inputsOf(stack, 'rails'), kind: 'openapi' });
    expect(place).toMatchObject({ path: rendered.path, command: 'bin/rails test test/integration/book_loans_contract_test.rb', runner: 'minitest' });
  });

  it('still writes an RSpec request spec for an RSpec app', async () => {
    const rendered = await renderContractTest({ framework: 'rails', feature: 'book-loans', testRunner: 'rspec', testDir: 'spec/requests', contract: { kind: 'openapi', text: CONTRACT, path: 'openapi.yaml' } });
    expect(rendered.path).toBe('spec/requests/book_loans_contract_spec.rb');
    expect(rendered.content).toContain('RSpec.describe');
  });
});

describe('commands and folders never doubled', () => {
  it('never produces go test ././...', () => {
    expect(contractTestCommand('go-test', 'go', 'orders_contract_test.go')).toBe('go test .');
    expect(contractTestCommand('go-test', 'go', 'internal/http/orders_contract_test.go')).toBe('go test ./internal/http');
    const goService = service('svc', { language: d('go', 'go.mod'), framework: d('chi', 'main.go'), testRunner: d('go-test', 'main_test.go'), packageManager: d('go', 'go.mod'), testDir: d('.', 'main_test.go') });
    const spec = buildBackendSpec(refundsInput({ service: goService }));
    for (const c of spec.testPlan.commands) expect(c.command).not.toMatch(/\.\/\.\//);
  });

  it('does not nest api/ twice when the repo’s tests already live in tests/api', () => {
    const py = service('svc', { language: d('python', 'pyproject.toml'), testRunner: d('pytest', 'pyproject.toml'), testDir: d('tests/api', 'tests/api/test_x.py') });
    const spec = buildBackendSpec(refundsInput({ service: py }));
    for (const c of spec.testPlan.commands) expect(c.file).not.toMatch(/(^|\/)api\/api\//);
    const place = contractTestPlace({ framework: 'fastapi', feature: 'book-loans', testRunner: 'pytest', testDir: 'tests/api', kind: 'openapi' });
    expect(place.path).toBe('tests/api/test_book_loans_contract.py');
  });
});
