// The generated pytest module really runs: against a Flask app of the fixture
// contract, the cases that need credentials skip without MAGI_ variables and
// pass with them. openapi-core is replaced by a stand-in when it is missing here
// (the TypeScript drift test covers schema checks; this covers the Python runtime:
// imports, env helpers, skip marks, quoting, idempotency keys).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { renderContractTest } from '../../lib/contract-test/index.js';
import { FIXTURE_TOKEN } from '../fixtures/apps/orders.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = join(repoRoot, 'test/fixtures/apps');
const workDir = mkdtempSync(join(tmpdir(), 'magi-contract-py-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const ready = spawnSync('python3', ['-c', 'import flask, pytest, yaml'], { encoding: 'utf8' }).status === 0;

function pytest(variables: Record<string, string>): Map<string, string> {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAGI_')));
  const hasOpenapiCore = spawnSync('python3', ['-c', 'import openapi_core'], { encoding: 'utf8' }).status === 0;
  env.PYTHONPATH = [workDir, ...(hasOpenapiCore ? [] : [join(workDir, 'stubs')])].join(delimiter);
  env.PYTHONDONTWRITEBYTECODE = '1';
  Object.assign(env, variables);
  const run = spawnSync('python3', ['-m', 'pytest', '-v', '-p', 'no:cacheprovider', '-p', 'no:benchmark', 'tests/api'], { cwd: workDir, env, encoding: 'utf8', timeout: 100_000 });
  const outcomes = new Map<string, string>();
  for (const match of run.stdout.matchAll(/::(test_\w+) (PASSED|SKIPPED|FAILED|ERROR)/g)) outcomes.set(match[1], match[2]);
  if (outcomes.size === 0) throw new Error(`pytest did not run:\n${run.stdout}\n${run.stderr}`);
  return outcomes;
}

it('runs the generated Flask module: skipped without variables, green with them', async () => {
  if (!ready) {
    console.warn('python3 with flask, pytest and pyyaml is not installed here; the Python runtime check did not run');
    return;
  }
  cpSync(join(fixtures, 'flask'), workDir, { recursive: true });
  writeFileSync(join(workDir, 'openapi.yaml'), readFileSync(join(fixtures, 'openapi.yaml')));
  const rendered = await renderContractTest({ contract: { kind: 'openapi', text: readFileSync(join(fixtures, 'openapi.yaml'), 'utf8'), path: 'openapi.yaml' }, framework: 'flask', feature: 'orders' });
  mkdirSync(dirname(join(workDir, rendered.path)), { recursive: true });
  writeFileSync(join(workDir, rendered.path), rendered.content);

  const cases = ['test_get_orders', 'test_post_orders', 'test_get_orders_id', 'test_delete_orders_id', 'test_delete_orders_id_without_credentials', 'test_post_orders_id_refund', 'test_post_orders_id_refund_without_credentials'];
  const gated = new Set(['test_delete_orders_id', 'test_post_orders_id_refund']);
  const without = pytest({});
  expect(cases.map((name) => `${name} ${without.get(name)}`)).toEqual(cases.map((name) => `${name} ${gated.has(name) ? 'SKIPPED' : 'PASSED'}`));
  const withVariables = pytest({ MAGI_BEARER_TOKEN: FIXTURE_TOKEN, MAGI_PARAM_ID: 'ord_1' });
  expect(cases.map((name) => `${name} ${withVariables.get(name)}`)).toEqual(cases.map((name) => `${name} PASSED`));
  // A wrong token gets the documented 401, which the case expecting 200 reports.
  expect(pytest({ MAGI_BEARER_TOKEN: 'wrong', MAGI_PARAM_ID: 'ord_1' }).get('test_post_orders_id_refund')).toBe('FAILED');
}, 300_000);
