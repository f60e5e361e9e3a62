// `npm run bench` (also `node bench/interactive.mjs [--runs 5]`): how long an
// interactive `magi backend-spec` takes to show its first question, in a fresh
// copy of examples/ with nothing answered. The bin gets a terminal through
// util-linux `script`; the time is from spawning it to the first prompt line
// (`?`) on that terminal. The run is then stopped: nothing is written.
// Not a test: nothing fails; it prints figures.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const TARGET = 0.8;
const BIN = path.join(root, 'dist/bin/magi.js');

if (spawnSync('script', ['--version'], { encoding: 'utf8' }).status !== 0) {
  console.log('interactive start-up: skipped (needs util-linux `script` for a terminal)');
  process.exit(0);
}

const work = mkdtempSync(path.join(tmpdir(), 'magi-interactive-'));
const home = path.join(work, 'home');
mkdirSync(home);

/** Seconds from spawn to the first question, or undefined when none came within 30 s. */
function firstQuestion(repo) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} backend-spec`, '/dev/null'], {
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: home, TERM: 'xterm', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'ignore'],
      detached: true,
    });
    let seen = '';
    let done = false;
    const finish = (seconds) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve(seconds);
    };
    const timer = setTimeout(() => finish(undefined), 30_000);
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString('utf8');
      if (/(^|\n)\s*(\x1b\[[0-9;]*m)*\?/.test(seen)) finish((performance.now() - start) / 1000);
    });
    child.on('exit', () => finish(undefined));
  });
}

const times = [];
for (let run = 0; run < RUNS; run++) {
  const repo = mkdtempSync(path.join(work, 'repo-'));
  cpSync(path.join(root, 'examples'), repo, { recursive: true });
  const seconds = await firstQuestion(repo);
  if (seconds !== undefined) times.push(seconds);
}
rmSync(work, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length ? (sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : undefined;
console.log('\ninteractive magi backend-spec on the example repo (nothing answered): time to the first question');
if (median === undefined) console.log('  no question appeared within 30 s');
else console.log(`  median ${median.toFixed(3)} s  (min ${sorted[0].toFixed(3)}, max ${sorted.at(-1).toFixed(3)}, ${times.length}/${RUNS} runs)   target ≤ ${TARGET} s: ${median <= TARGET ? 'met' : 'NOT met'}`);
