// `npm run demo`: runs `magi backend-spec` on a temp copy of examples/ and
// prints its report, then the Backend section it wrote. Touches nothing here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(path.join(tmpdir(), 'magi-demo-'));
const repo = path.join(work, 'corner-shop-api');
const home = path.join(work, 'home');
cpSync(path.join(root, 'examples'), repo, { recursive: true });
mkdirSync(home);

console.log(`$ cd ${repo}`);
console.log('$ magi backend-spec --answers magi-answers.yaml\n');
// A temp HOME keeps a global magi config of yours out of the demo; the example's .yo-rc.json has the settings.
const run = spawnSync(process.execPath, [path.join(root, 'dist/bin/magi.js'), 'backend-spec', '--answers', 'magi-answers.yaml'], {
  cwd: repo,
  env: { ...process.env, HOME: home, MAGI_CONFIG_PATH: '' },
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);

const spec = readFileSync(path.join(repo, 'docs/03-gift-cards/SPEC.md'), 'utf8');
console.log(`\n----- docs/03-gift-cards/SPEC.md, from "## Backend" on -----\n`);
console.log(spec.slice(spec.indexOf('## Backend')));
console.log(`(the example repo with its changes is in ${repo})`);
