// `npm run bench` (also `node bench/imports.mjs [--runs 3]`): what each runtime
// dependency costs to import, in a fresh process (median of a few), slowest
// first. The bin bundles all but Yeoman and the prompt UI (scripts/bundle.mjs),
// so these are upper bounds for the bundled ones. Not a test: it prints.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 3) || 3;
const { dependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const probe = (name) =>
  `const start = performance.now(); await import(${JSON.stringify(name)}); process.stdout.write(String(performance.now() - start));`;

const rows = [];
for (const name of Object.keys(dependencies)) {
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe(name)], { cwd: root, encoding: 'utf8' });
    if (result.status === 0) times.push(Number(result.stdout));
  }
  times.sort((a, b) => a - b);
  rows.push({ name, ms: times.length ? times[times.length >> 1] : undefined });
}
rows.sort((a, b) => (b.ms ?? -1) - (a.ms ?? -1));
console.log(`\nimport time per dependency (fresh process, median of ${RUNS}; unbundled, as node_modules ships it)`);
for (const { name, ms } of rows) console.log(`  ${name.padEnd(28)} ${ms === undefined ? 'failed' : `${ms.toFixed(0).padStart(5)} ms`}`);
