// The generated TypeScript contract tests really run: green against fixture
// apps that conform to the contract, red for each kind of drift. Run once with
// no variables set (cases that need credentials skip, the unauthenticated
// probes run) and once with the credentials and seed id set (every case runs).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderContractTest } from '../../lib/contract-test/index.js';
import { FIXTURE_TOKEN } from '../fixtures/apps/orders.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = join(repoRoot, 'test/fixtures/apps');
const DRIFTS = ['none', 'wrong-type', 'missing-required', 'undocumented-status', 'extra-field'] as const;
const APPS = [
  { framework: 'express', appEntry: 'app.ts#app' },
  { framework: 'fastify', appEntry: 'app.ts#buildApp' },
  { framework: 'nextjs', appEntry: 'app' },
] as const;
const RUNS = {
  anonymous: {},
  credentials: { MAGI_BEARER_TOKEN: FIXTURE_TOKEN, MAGI_PARAM_ID: 'ord_1' },
} as const;
type Run = keyof typeof RUNS;

const REFUND = 'POST /orders/{id}/refund → 200 (needs MAGI_BEARER_TOKEN, MAGI_PARAM_ID)';
const TITLES = [
  'GET /orders → 200',
  'POST /orders → 201',
  'GET /orders/{id} → 200',
  'DELETE /orders/{id} → 204 (needs MAGI_BEARER_TOKEN)',
  'DELETE /orders/{id} without credentials → 401',
  REFUND,
  'POST /orders/{id}/refund without credentials → 401',
];

interface AssertionResult { title: string; status: string; failureMessages: string[] }
interface FileResult { name: string; assertionResults: AssertionResult[] }

let workDir: string;
const results = new Map<string, AssertionResult[]>();
let typeCheck: { status: number | null; output: string };

/** Runs a command to its end, collecting stdout and stderr. */
function spawnCollect(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const timer = setTimeout(() => child.kill(), 170_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, output });
    });
  });
}

/** Runs vitest once: one project per run, each over its own copy of the variants with its own variables. */
async function runVitest(): Promise<void> {
  const outputFile = join(workDir, 'report.json');
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MAGI_')));
  const { output } = await spawnCollect([join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--root', workDir, '--config', join(workDir, 'vitest.config.mjs'), '--reporter=json', `--outputFile=${outputFile}`], env);
  let report: { testResults: FileResult[] };
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    throw new Error(`vitest did not report:\n${output}`);
  }
  for (const file of report.testResults) {
    const [run, drift, framework] = file.name.slice(workDir.length + 1).split('/');
    results.set(`${run}/${drift}/${framework}`, file.assertionResults);
  }
}

/** tsc over the conforming variant: NodeNext, strict, no unused locals. */
async function runTypeCheck(): Promise<void> {
  const variant = join(workDir, 'anonymous', 'none');
  writeFileSync(join(variant, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(variant, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, noUnusedLocals: true, noUnusedParameters: true, types: ['node'] },
    include: ['**/*.ts'],
  }));
  typeCheck = await spawnCollect([join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(variant, 'tsconfig.json')], process.env);
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'magi-contract-'));
  symlinkSync(join(repoRoot, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  const projects = Object.entries(RUNS).map(([run, env]) => ({ test: { name: run, include: [`${run}/**/*.contract.test.ts`], env } }));
  writeFileSync(join(workDir, 'vitest.config.mjs'), `export default ${JSON.stringify({ test: { projects } })};\n`);
  const contract = readFileSync(join(fixtures, 'openapi.yaml'), 'utf8');
  for (const [run, drift] of (Object.keys(RUNS) as Run[]).flatMap((name) => DRIFTS.map((item) => [name, item] as const))) {
    const variant = join(workDir, run, drift);
    cpSync(fixtures, variant, { recursive: true });
    writeFileSync(join(variant, 'drift.ts'), `export type Drift = string;\nexport const drift = '${drift}' as Drift;\n`);
    for (const app of APPS) {
      // The variant folder plays the repository root; each app is a service in it.
      const rendered = await renderContractTest({
        contract: { kind: 'openapi', text: contract, path: 'openapi.yaml' },
        framework: app.framework, feature: 'orders', appEntry: app.appEntry, servicePath: app.framework, testRunner: 'vitest',
      });
      mkdirSync(dirname(join(variant, rendered.path)), { recursive: true });
      writeFileSync(join(variant, rendered.path), rendered.content);
    }
  }
  // tsc writes its package.json and tsconfig before vitest starts, then both run at once.
  await Promise.all([runTypeCheck(), runVitest()]);
}, 180_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

it('type-checks the generated tests against the real packages (NodeNext, strict, no unused locals)', () => {
  expect(typeCheck.output).toBe('');
  expect(typeCheck.status).toBe(0);
});

describe.each(APPS.map((app) => app.framework))('generated %s contract test', (framework) => {
  const statuses = (key: string): string[] => (results.get(key) ?? []).map((a) => `${a.status} ${a.title}`);

  it('without variables: runs the public cases and the unauthenticated probes, skips the rest', () => {
    expect(statuses(`anonymous/none/${framework}`)).toEqual(TITLES.map((title) => `${title.includes('(needs') ? 'skipped' : 'passed'} ${title}`));
  });

  it('with the bearer token and seed id set: runs every case, green', () => {
    expect(statuses(`credentials/none/${framework}`)).toEqual(TITLES.map((title) => `passed ${title}`));
  });

  it.each([
    ['wrong-type', /amount.*must be integer|must be integer/],
    ['missing-required', /must have required property 'status'/],
    ['undocumented-status', /status 202 is not in the contract/],
    ['extra-field', /must NOT have additional properties/],
  ])('fails on drift: %s — a public case always, the authenticated case only with its token', (drift, message) => {
    for (const run of Object.keys(RUNS) as Run[]) {
      const assertions = results.get(`${run}/${drift}/${framework}`) ?? [];
      const byId = assertions.find((a) => a.title === 'GET /orders/{id} → 200');
      expect(byId?.status).toBe('failed');
      expect(byId?.failureMessages.join('\n')).toMatch(message);
    }
    const refundWithout = (results.get(`anonymous/${drift}/${framework}`) ?? []).find((a) => a.title === REFUND);
    expect(refundWithout?.status).toBe('skipped');
    const refundWith = (results.get(`credentials/${drift}/${framework}`) ?? []).find((a) => a.title === REFUND);
    expect(refundWith?.status).toBe('failed');
    expect(refundWith?.failureMessages.join('\n')).toMatch(message);
  });
});
