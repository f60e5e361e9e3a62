// Benchmark of the stack detection stage on a generated 20,000-file monorepo.
// Run after `npm run build`: node bench/detect.mjs [--runs 10] [--files 20000] [--module dist/lib/stack/index.js]
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const RUNS = Math.max(10, Number(option('runs', 10)));
const TOTAL_FILES = Number(option('files', 20_000));
const TARGET_SECONDS = 0.5;
const modulePath = path.resolve(option('module', 'dist/lib/stack/index.js'));
const scanPath = path.join(path.dirname(modulePath), 'scan.js');

const SERVICES = [
  { dir: 'services/orders', kind: 'express' },
  { dir: 'services/billing', kind: 'fastapi' },
  { dir: 'services/shipping', kind: 'gin' },
  { dir: 'services/users', kind: 'express' },
  { dir: 'services/search', kind: 'fastapi' },
  { dir: 'services/ledger', kind: 'gin' },
  { dir: 'packages/ui', kind: 'library' },
  { dir: 'packages/sdk', kind: 'library' },
];

const TEMPLATES = {
  express: {
    manifest: ['package.json', (name) => JSON.stringify({ name, dependencies: { express: '^4', '@prisma/client': '^5', zod: '^3' }, devDependencies: { vitest: '^1' } }, null, 2)],
    entry: ['src/app.ts', "import express from 'express';\nexport const app = express();\napp.get('/health', (_req, res) => res.json({ ok: true }));\n"],
    extra: [['prisma/schema.prisma', 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n']],
    filler: (i) => [`src/modules/m${i % 40}/file${i}.ts`, `export const value${i} = ${i};\n`],
    test: (i) => [`test/unit/t${i}.test.ts`, "import { it } from 'vitest';\nit('ok', () => {});\n"],
  },
  fastapi: {
    manifest: ['pyproject.toml', (name) => `[project]\nname = "${name}"\ndependencies = ["fastapi", "sqlalchemy", "psycopg2-binary"]\n[dependency-groups]\ndev = ["pytest"]\n`],
    entry: ['app/main.py', 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/health")\ndef health():\n    return {"ok": True}\n'],
    extra: [],
    filler: (i) => [`app/domain/d${i % 40}/mod${i}.py`, `VALUE_${i} = ${i}\n`],
    test: (i) => [`tests/test_${i}.py`, 'def test_ok():\n    assert True\n'],
  },
  gin: {
    manifest: ['go.mod', (name) => `module example.com/${name}\n\ngo 1.22\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgorm.io/gorm v1.25.9\n)\n`],
    entry: ['cmd/api/main.go', 'package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() {\n\tr := gin.Default()\n\tr.GET("/health", nil)\n\tr.Run()\n}\n'],
    extra: [],
    filler: (i) => [`internal/pkg${i % 40}/file${i}.go`, `package pkg${i % 40}\n\nconst Value${i} = ${i}\n`],
    test: (i) => [`internal/pkg${i % 40}/file${i}_test.go`, `package pkg${i % 40}\n\nimport "testing"\n\nfunc TestValue${i}(t *testing.T) {}\n`],
  },
  library: {
    manifest: ['package.json', (name) => JSON.stringify({ name, version: '1.0.0', peerDependencies: { react: '^18' } }, null, 2)],
    entry: ['src/index.ts', "export * from './components';\n"],
    extra: [],
    filler: (i) => [`src/components/c${i % 40}/Comp${i}.tsx`, `export const Comp${i} = () => null;\n`],
    test: (i) => [`src/components/c${i % 40}/Comp${i}.test.tsx`, "import { it } from 'vitest';\nit('ok', () => {});\n"],
  },
};

async function put(root, rel, text) {
  const file = path.join(root, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

async function generate(root) {
  const files = new Map();
  files.set('package.json', JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['services/*', 'packages/*'] }));
  files.set('pnpm-workspace.yaml', 'packages:\n  - "services/*"\n  - "packages/*"\n');
  files.set('docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n');
  files.set('.gitignore', 'coverage/\n*.log\n');
  for (let i = 0; i < 200; i++) files.set(`docs/guide/page${i}.md`, `# Page ${i}\n`);
  const perService = Math.floor((TOTAL_FILES - files.size) / SERVICES.length);
  for (const { dir, kind } of SERVICES) {
    const t = TEMPLATES[kind];
    const name = path.basename(dir);
    files.set(`${dir}/${t.manifest[0]}`, t.manifest[1](name));
    files.set(`${dir}/${t.entry[0]}`, t.entry[1]);
    for (const [rel, text] of t.extra) files.set(`${dir}/${rel}`, text);
    let i = 0;
    const start = files.size;
    while (files.size - start < perService - 3) {
      const [rel, text] = i % 5 === 4 ? t.test(i) : t.filler(i);
      files.set(`${dir}/${rel}`, text);
      i++;
    }
  }
  let pad = 0;
  while (files.size < TOTAL_FILES) files.set(`docs/extra/note${pad++}.md`, 'note\n');
  // Dependency folders are present but must not cost anything.
  for (let i = 0; i < 2000; i++) files.set(`node_modules/dep${i % 50}/index${i}.js`, 'module.exports = {};\n');
  const entries = [...files.entries()];
  for (let i = 0; i < entries.length; i += 256) await Promise.all(entries.slice(i, i + 256).map(([rel, text]) => put(root, rel, text)));
  return entries.filter(([rel]) => !rel.startsWith('node_modules/')).length;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const { detectStack } = await import(pathToFileURL(modulePath).href).catch((error) => {
  console.error(`Cannot load ${modulePath} (${error.message}). Run \`npm run build\` first.`);
  process.exit(1);
});
const { RepoReader } = await import(pathToFileURL(scanPath).href);

const root = await mkdtemp(path.join(tmpdir(), 'magi-bench-detect-'));
try {
  const fileCount = await generate(root);
  let reads = 0;
  const read = RepoReader.prototype.read;
  RepoReader.prototype.read = function (...rest) {
    reads++;
    return read.apply(this, rest);
  };
  await detectStack(root); // warm-up: module loading and lazy parser imports
  const readsPerRun = reads;
  const times = [];
  let report;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    report = await detectStack(root);
    times.push((performance.now() - started) / 1000);
  }
  RepoReader.prototype.read = read;
  const med = median(times);
  console.log(`stack detection on a generated monorepo of ${fileCount} files (+2000 in node_modules)`);
  console.log(`services found: ${report.services.map((s) => `${s.path}=${s.framework?.value ?? '-'}`).join(', ')}`);
  console.log(`files read per run: ${readsPerRun}`);
  console.log(`runs: ${RUNS}, median ${med.toFixed(3)} s, min ${Math.min(...times).toFixed(3)} s, max ${Math.max(...times).toFixed(3)} s (target <= ${TARGET_SECONDS} s)`);
  if (med > TARGET_SECONDS) {
    console.error(`median ${med.toFixed(3)} s is above the ${TARGET_SECONDS} s target`);
    process.exitCode = 1;
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
