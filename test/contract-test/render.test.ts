// Every stack's template: snapshot, syntax check in its own language, and the
// placement / dependency / todo rules of renderContractTest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { isMagiError } from '../../lib/errors.js';
import { listFrameworks, renderContractTest, type ContractTestInput } from '../../lib/contract-test/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const fixtures = join(repoRoot, 'test/fixtures/apps');
const read = (file: string): string => readFileSync(join(fixtures, file), 'utf8');
const CONTRACTS = {
  openapi: { kind: 'openapi', text: read('openapi.yaml'), path: 'docs/03-orders/openapi.yaml' },
  graphql: { kind: 'graphql', text: read('schema.graphql'), path: 'docs/03-orders/schema.graphql' },
  proto: { kind: 'proto', text: read('orders.proto'), path: 'docs/03-orders/orders.proto' },
} as const;
const KIND_OF: Record<string, keyof typeof CONTRACTS> = { graphql: 'graphql', 'grpc-go': 'proto' };

const scratch = mkdtempSync(join(tmpdir(), 'magi-ct-syntax-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const has = (command: string, args: string[]): boolean => spawnSync(command, args, { encoding: 'utf8' }).status === 0;
const CHECKERS: Record<string, { tool: string; probe: string[]; check: (file: string) => string[] }> = {
  py: { tool: 'python3', probe: ['--version'], check: (file) => ['python3', '-m', 'py_compile', file] },
  go: { tool: 'gofmt', probe: ['-l', '/dev/null'], check: (file) => ['gofmt', '-e', '-l', file] },
  rb: { tool: 'ruby', probe: ['--version'], check: (file) => ['ruby', '-c', file] },
  rs: { tool: 'rustfmt', probe: ['--version'], check: (file) => ['rustfmt', '--edition', '2021', '--check', file] },
};

function tsSyntaxErrors(content: string): string[] {
  const output = ts.transpileModule(content, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return (output.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe.each(listFrameworks())('%s template', (framework) => {
  it('renders a snapshot that parses in its language', async () => {
    const result = await renderContractTest({ contract: CONTRACTS[KIND_OF[framework] ?? 'openapi'], framework, feature: 'order-refunds' });
    await expect(result.content).toMatchFileSnapshot(`__snapshots__/${framework}/${basename(result.path)}.snap`);
    expect(result.content).not.toMatch(/<%|%>|\[object Object\]|NaN/);
    expect(result.installCommand.length).toBeGreaterThan(0);
    expect(result.todos.length).toBeGreaterThan(0);
    const extension = result.path.split('.').pop() ?? '';
    if (extension === 'ts') {
      expect(tsSyntaxErrors(result.content)).toEqual([]);
      return;
    }
    const checker = CHECKERS[extension];
    expect(checker).toBeDefined();
    if (!has(checker.tool, checker.probe)) {
      console.warn(`${framework}: ${checker.tool} is not installed here; only the snapshot checks ${result.path}`);
      return;
    }
    const file = join(scratch, `${framework}-${basename(result.path)}`);
    writeFileSync(file, result.content);
    const [command, ...args] = checker.check(file);
    const run = spawnSync(command, args, { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('renderContractTest', () => {
  const base: ContractTestInput = { contract: CONTRACTS.openapi, framework: 'express', feature: 'order-refunds' };

  it('has a template folder for every framework and nothing else', () => {
    const folders = readdirSync(join(repoRoot, 'templates/contract-test')).filter((name) => !name.startsWith('_')).sort();
    expect(folders).toEqual([...listFrameworks()].sort());
  });

  it('is deterministic', async () => {
    const first = await renderContractTest(base);
    const second = await renderContractTest(base);
    expect(second).toEqual(first);
  });

  it.each([
    [{ framework: 'express' }, 'tests/api/order-refunds.contract.test.ts'],
    [{ framework: 'express', testDir: 'src/__tests__' }, 'src/__tests__/order-refunds.contract.test.ts'],
    [{ framework: 'express', servicePath: 'services/api', testDir: 'test' }, 'services/api/test/order-refunds.contract.test.ts'],
    [{ framework: 'nestjs' }, 'test/order-refunds.e2e-spec.ts'],
    [{ framework: 'fastapi' }, 'tests/api/test_order_refunds_contract.py'],
    [{ framework: 'gin', appEntry: 'internal/http/router.go#NewRouter' }, 'internal/http/order_refunds_contract_test.go'],
    [{ framework: 'rails', servicePath: 'backend' }, 'backend/spec/requests/order_refunds_contract_spec.rb'],
    [{ framework: 'axum', testDir: 'src' }, 'tests/order_refunds_contract.rs'],
    [{ framework: 'express', out: 'qa/contract/' }, 'qa/contract/order-refunds.contract.test.ts'],
    [{ framework: 'express', out: 'qa/orders.test.ts' }, 'qa/orders.test.ts'],
  ] as const)('places %o at %s', async (overrides, expected) => {
    expect((await renderContractTest({ ...base, ...overrides })).path).toBe(expected);
  });

  it('imports the app and reads the contract relative to the test file', async () => {
    const result = await renderContractTest({ ...base, servicePath: 'services/api', appEntry: 'src/server/app.ts#createApp', testDir: 'tests/contract' });
    expect(result.path).toBe('services/api/tests/contract/order-refunds.contract.test.ts');
    expect(result.content).toContain("import { createApp } from '../../src/server/app.js';");
    expect(result.content).toContain("new URL('../../../../docs/03-orders/openapi.yaml', import.meta.url)");
    expect(result.content).toContain('const server = createApp();');
  });

  it('finds the Next.js app router folder from a detected route file', async () => {
    const result = await renderContractTest({ ...base, framework: 'nextjs', appEntry: 'src/app/api/health/route.ts#GET' });
    expect(result.content).toContain("import * as apiOrdersIdRoute from '../../src/app/api/orders/[id]/route.js';");
  });

  it('follows jest: @jest/globals, __dirname and extensionless imports', async () => {
    const result = await renderContractTest({ ...base, testRunner: 'jest', appEntry: 'src/app.ts#default' });
    expect(result.content).toContain("import { describe, it } from '@jest/globals';");
    expect(result.content).toContain("join(__dirname, '../../docs/03-orders/openapi.yaml')");
    expect(result.content).toContain("import app from '../../src/app';");
    expect(result.dependencies).toEqual(expect.arrayContaining(['jest', '@jest/globals', 'supertest']));
    expect(result.dependencies).not.toContain('vitest');
  });

  it.each([
    ['npm', 'express', 'npm i -D supertest @types/supertest ajv ajv-formats yaml vitest'],
    ['pnpm', 'fastify', 'pnpm add -D ajv ajv-formats yaml vitest'],
    ['yarn', 'hono', 'yarn add -D ajv ajv-formats yaml vitest'],
    ['poetry', 'flask', 'poetry add --group dev pytest openapi-core pyyaml'],
    ['uv', 'fastapi', 'uv add --dev pytest httpx openapi-core pyyaml'],
    ['go', 'echo', 'go get github.com/getkin/kin-openapi'],
    ['bundler', 'rails', 'bundle add rspec-rails skooma --group test'],
    ['pip', 'express', 'npm i -D supertest @types/supertest ajv ajv-formats yaml vitest'],
  ])('install command for %s + %s', async (packageManager, framework, expected) => {
    expect((await renderContractTest({ ...base, framework, packageManager })).installCommand).toBe(expected);
  });

  it('skips yaml packages for a JSON contract', async () => {
    const json = JSON.stringify((await import('yaml')).parse(CONTRACTS.openapi.text));
    const result = await renderContractTest({ ...base, contract: { kind: 'openapi', text: json, path: 'openapi.json' } });
    expect(result.dependencies).not.toContain('yaml');
    expect(result.content).toContain("JSON.parse(readFileSync(contractFile, 'utf8'))");
  });

  it('keeps an all-todo file free of unused imports', async () => {
    const secured = CONTRACTS.openapi.text.replace('components:', 'security:\n  - bearerAuth: []\ncomponents:');
    const result = await renderContractTest({ ...base, contract: { ...CONTRACTS.openapi, text: secured } });
    expect(result.content).not.toMatch(/supertest|ajv|readFileSync|from '..\//);
    expect(result.content.match(/it\.todo\(/g)).toHaveLength(4);
    const go = await renderContractTest({ ...base, framework: 'go-net-http', contract: { ...CONTRACTS.openapi, text: secured } });
    expect(go.content).toContain('import "testing"');
    expect(go.content).not.toContain('kin-openapi');
  });

  it('lists what the contract cannot tell as todos', async () => {
    const result = await renderContractTest(base);
    expect(result.todos).toContain('DELETE /orders/{id}: needs credentials for bearerAuth');
    expect(result.todos.some((todo) => todo.includes('app entry'))).toBe(true);
    const withoutExamples = CONTRACTS.openapi.text.replace(/\n {10}example: ord_1/, '').replace(/\n {12}example:\n {14}amount: 1250\n {14}currency: EUR/, '');
    const bare = await renderContractTest({ ...base, appEntry: 'src/app.ts#app', contract: { ...CONTRACTS.openapi, text: withoutExamples } });
    expect(bare.todos).toEqual([
      'POST /orders: needs a application/json request body (the contract has no example)',
      'GET /orders/{id}: needs a value for path parameter "id" (seed data)',
      'DELETE /orders/{id}: needs credentials for bearerAuth; a value for path parameter "id" (seed data)',
    ]);
  });

  it('uses the GraphQL template for a GraphQL contract on a Node framework', async () => {
    const result = await renderContractTest({ ...base, contract: CONTRACTS.graphql });
    expect(result.content).toContain("await expectContract('query Orders { orders { id amount currency status lines { sku quantity } } }');");
    expect(result.content).toContain("it.todo('query order — TODO: needs values for id: ID! (seed data)');");
  });

  it('refuses an unknown framework and a contract the stack cannot read', async () => {
    const failure = async (input: ContractTestInput): Promise<string> => {
      try {
        await renderContractTest(input);
      } catch (error) {
        expect(isMagiError(error)).toBe(true);
        return (error as Error).message;
      }
      throw new Error('expected a MagiError');
    };
    expect(await failure({ ...base, framework: 'spring' })).toMatch(/unknown framework "spring"/);
    expect(await failure({ ...base, framework: 'fastapi', contract: CONTRACTS.proto })).toMatch(/--framework grpc-go/);
    expect(await failure({ ...base, contract: { kind: 'openapi', text: 'swagger: "2.0"', path: 'api.yaml' } })).toMatch(/OpenAPI 3\.0 or 3\.1/);
    expect(await failure({ ...base, feature: '!!!' })).toMatch(/--feature/);
  });
});
