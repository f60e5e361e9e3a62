// `npm run bench`: the CLI targets of the performance issue, measured side by
// side in one run. For each target: the median of alternating runs of ours and
// of the baseline (a trivial Yeoman generator), the ratio, and peak memory.
// Not a test: nothing fails; it prints figures.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const RUNS = Math.max(10, Number(process.argv[2] ?? 10));
const work = mkdtempSync(path.join(tmpdir(), 'magi-bench-'));
const home = path.join(work, 'home');
mkdirSync(home);
const rssFile = path.join(work, 'rss.txt');
const BIN = path.join(root, 'dist/bin/magi.js');
const env = { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', MAGI_BENCH_RSS: rssFile };

/** Runs `node args` in cwd; returns wall seconds and peak RSS in MB. */
function timed(args, cwd) {
  writeFileSync(rssFile, '');
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(root, 'bench/rss.mjs')).href, ...args], { cwd, env, encoding: 'utf8', input: '' });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  return { seconds, mb: kb / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function freshExample() {
  const repo = mkdtempSync(path.join(work, 'repo-'));
  cpSync(path.join(root, 'examples'), repo, { recursive: true });
  return repo;
}

const baselineDir = mkdtempSync(path.join(work, 'baseline-'));
const baseline = () => timed([path.join(root, 'bench/baseline/run.mjs')], baselineDir);

/** Alternates ours and the baseline so both see the same machine. */
function compare(label, ours, target) {
  const mine = [];
  const base = [];
  for (let run = 0; run < RUNS; run++) {
    mine.push(ours());
    base.push(baseline());
  }
  const oursMedian = median(mine.map((result) => result.seconds));
  const baseMedian = median(base.map((result) => result.seconds));
  const peak = Math.max(...mine.map((result) => result.mb));
  const verdict = target(oursMedian, baseMedian, peak);
  console.log(`${label}`);
  console.log(`  ours     median ${oursMedian.toFixed(3)} s  (min ${Math.min(...mine.map((r) => r.seconds)).toFixed(3)}, max ${Math.max(...mine.map((r) => r.seconds)).toFixed(3)}), peak ${peak.toFixed(0)} MB`);
  console.log(`  baseline median ${baseMedian.toFixed(3)} s  (trivial Yeoman generator), peak ${Math.max(...base.map((r) => r.mb)).toFixed(0)} MB`);
  console.log(`  ratio    ${(oursMedian / baseMedian).toFixed(2)}×   ${verdict}`);
}

function generatedMonorepo(files) {
  const repo = mkdtempSync(path.join(work, 'mono-'));
  const services = ['orders', 'billing', 'users', 'search', 'ledger', 'shipping'];
  const per = Math.floor(files / (services.length + 2));
  services.forEach((name, index) => {
    const dir = path.join(repo, 'services', name);
    mkdirSync(path.join(dir, 'src/routes'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, dependencies: { express: '^5.0.0', zod: '^3.0.0' }, devDependencies: { vitest: '^3.0.0' } }));
    writeFileSync(path.join(dir, 'src/app.ts'), "import express from 'express';\nexport const app = express();\n");
    for (let file = 0; file < per; file++) writeFileSync(path.join(dir, 'src/routes', `r${index}-${file}.ts`), `export const value${file} = ${file};\n`);
  });
  for (const lib of ['ui', 'sdk']) {
    const dir = path.join(repo, 'packages', lib, 'src');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(repo, 'packages', lib, 'package.json'), JSON.stringify({ name: `@acme/${lib}`, version: '1.0.0', main: 'src/index.ts' }));
    for (let file = 0; file < per; file++) writeFileSync(path.join(dir, `c${file}.ts`), `export const c${file} = ${file};\n`);
  }
  writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'mono', private: true, workspaces: ['services/*', 'packages/*'] }));
  return repo;
}

function largeContract(repo, operations) {
  const paths = {};
  const schemas = {};
  for (let index = 0; index < operations / 4; index++) {
    const ref = { $ref: `#/components/schemas/R${index}` };
    schemas[`R${index}`] = { type: 'object', required: ['id'], properties: { id: { type: 'string' }, count: { type: 'integer' } }, additionalProperties: false };
    paths[`/r${index}`] = {
      get: { operationId: `listR${index}`, responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: ref } } } } } },
      post: { operationId: `createR${index}`, requestBody: { content: { 'application/json': { schema: ref } } }, responses: { 201: { description: 'created', content: { 'application/json': { schema: ref } } } } },
    };
    paths[`/r${index}/{id}`] = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', example: 'x' } }],
      get: { operationId: `getR${index}`, responses: { 200: { description: 'ok', content: { 'application/json': { schema: ref } } } } },
      delete: { operationId: `deleteR${index}`, responses: { 204: { description: 'gone' } } },
    };
  }
  const file = path.join(repo, 'big-openapi.yaml');
  writeFileSync(file, stringify({ openapi: '3.1.0', info: { title: 'big', version: '1.0.0' }, paths, components: { schemas } }));
  return 'big-openapi.yaml';
}

console.log(`generator-magi benchmark — node ${process.version}, ${RUNS} alternating runs per target\n`);

compare(
  'magi backend-spec --answers … --force on the example repo (end to end)',
  () => timed([BIN, 'backend-spec', '--answers', 'magi-answers.yaml', '--force'], freshExample()),
  (ours, base, peak) => `target ≤ 0.35× and ≤ 150 MB: ${ours / base <= 0.35 ? 'met' : 'NOT met'} / ${peak <= 150 ? 'met' : 'NOT met'}`,
);

const mono = generatedMonorepo(20_000);
compare('magi detect on a generated 20,000-file monorepo', () => timed([BIN, 'detect', mono], mono), (ours) => `target ≤ 0.5 s: ${ours <= 0.5 ? 'met' : 'NOT met'}`);

const api = freshExample();
const contract = largeContract(api, 520);
compare(
  'magi contract-test from an OpenAPI document with 520 operations',
  () => timed([BIN, 'contract-test', '--contract', contract, '--feature', 'big', '--force', '--dry-run'], api),
  (ours, base) => `target ≤ 0.35×: ${ours / base <= 0.35 ? 'met' : 'NOT met'}`,
);

rmSync(work, { recursive: true, force: true });
