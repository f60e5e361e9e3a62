// Records V8's code cache for dist/bin/magi.cjs and lint-worker.cjs (see
// bin/code-cache.ts): runs the bin on a temp copy of the bundled example, one
// command after another; each run starts from the cache the last one left and
// adds what it compiled. A failed run leaves no cache: the bin then runs its
// ES-module build, as it would on another Node.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = path.resolve('dist/bin/magi.js');
const work = mkdtempSync(path.join(tmpdir(), 'magi-code-cache-'));
const repo = path.join(work, 'repo');
const home = path.join(work, 'home');
cpSync('examples', repo, { recursive: true });
mkdirSync(home);
const env = { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', MAGI_CONFIG_PATH: '', MAGI_RECORD_CODE_CACHE: '1' };
const runs = [
  ['backend-spec', '--answers', 'magi-answers.yaml', '--force'],
  ['contract-test', '--force', '--dry-run'],
  ['detect'],
  ['check', '--answers', 'magi-answers.yaml'],
];
try {
  for (const args of runs) {
    const run = spawnSync(process.execPath, [bin, ...args], { cwd: repo, env, encoding: 'utf8', input: '' });
    // check exits 1 when it finds drift; anything else is a failed run.
    if (run.status !== 0 && !(args[0] === 'check' && run.status === 1)) throw new Error(`magi ${args.join(' ')} exited ${run.status}: ${run.stderr.trim()}`);
  }
} catch (error) {
  for (const name of ['magi', 'lint-worker']) for (const file of [`${name}.cjs.cache`, `${name}.cjs.cache.json`]) rmSync(path.join('dist/bin', file), { force: true });
  console.warn(`code cache not recorded (${error.message}); the bin runs its ES-module build`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
