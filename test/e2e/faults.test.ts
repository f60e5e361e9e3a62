// Faults through the bin: a failing write leaves no partial state, Ctrl-C
// writes nothing, two runs on one sprint never interleave, writes are atomic.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockPath } from '../../lib/write/lock.js';
import { BIN, copyExample, SPEC, type Sandbox } from '../helpers/example.js';
import { expectOneLine, leftoverTempFiles, runMagiAsync, signalWhenLocked, snapshotTree, startMagi, type Run } from '../helpers/spawn.js';

const SPRINT = 'docs/03-gift-cards';
/** The repository, HOME and the folder beside them: a run writes to none of them. */
const everything = (sandbox: Sandbox) => path.dirname(sandbox.root);
const ANSWERS = ['backend-spec', '--answers', 'magi-answers.yaml'];
const GENERATED = [SPEC, `${SPRINT}/openapi.yaml`, `${SPRINT}/.magi/backend-section.md`, 'tests/api/gift-cards.contract.test.ts'];

/** A private temp folder for the run: its lock file lands there, where the test can see it. */
function privateTmp(sandbox: Sandbox): string {
  const folder = path.join(sandbox.home, 'tmp');
  mkdirSync(folder, { recursive: true });
  return folder;
}

function lockFileFor(sandbox: Sandbox, tmp: string): string {
  return path.join(tmp, path.basename(lockPath(path.join(sandbox.root, SPRINT))));
}


interface WriteFault {
  name: string;
  /** Go through Yeoman's environment (the path a terminal run takes) instead of the fast path. */
  yeoman?: boolean;
  setup: (sandbox: Sandbox) => void;
  line: RegExp;
  /** Extra arguments (--force: replacing a file magi did not write is allowed, so the fault itself is what stops the run). */
  args?: string[];
}

const WRITE_FAULTS: WriteFault[] = [
  {
    name: 'a read-only SPEC.md',
    setup: (sandbox) => chmodSync(path.join(sandbox.root, SPEC), 0o444),
    line: /^magi: Cannot write docs\/03-gift-cards\/SPEC\.md: permission denied; nothing was written \(fix the permissions and re-run\)$/,
  },
  {
    name: 'a sprint folder that is not writable',
    setup: (sandbox) => chmodSync(path.join(sandbox.root, SPRINT), 0o555),
    line: /^magi: Cannot write docs\/03-gift-cards\/\S+: permission denied; nothing was written \(fix the permissions and re-run\)$/,
  },
  {
    name: 'a test folder where the contract test cannot be created',
    setup: (sandbox) => chmodSync(path.join(sandbox.root, 'tests/api'), 0o555),
    line: /^magi: Cannot write tests\/api\/gift-cards\.contract\.test\.ts: permission denied; nothing was written \(fix the permissions and re-run\)$/,
  },
  {
    name: 'a folder where the contract file goes',
    setup: (sandbox) => mkdirSync(path.join(sandbox.root, SPRINT, 'openapi.yaml')),
    line: /^magi: Cannot write docs\/03-gift-cards\/openapi\.yaml: a folder is in the way; nothing was written \(move that folder away and re-run\)$/,
  },
  {
    name: 'a file where the merge-base folder goes',
    setup: (sandbox) => writeFileSync(path.join(sandbox.root, SPRINT, '.magi'), 'not a folder\n'),
    line: /^magi: Cannot write docs\/03-gift-cards\/\.magi\/\S+: a file is in the way of its folder; nothing was written \(move that file away and re-run\)$/,
  },
  {
    name: 'a read-only contract test that already exists',
    setup: (sandbox) => {
      writeFileSync(path.join(sandbox.root, 'tests/api/gift-cards.contract.test.ts'), '// mine\n');
      chmodSync(path.join(sandbox.root, 'tests/api/gift-cards.contract.test.ts'), 0o444);
    },
    args: ['--force'],
    line: /^magi: Cannot write tests\/api\/gift-cards\.contract\.test\.ts: permission denied; nothing was written \(fix the permissions and re-run\)$/,
  },
];
// Yeoman's own commit writes file by file: ours must replace it there too.
WRITE_FAULTS.push(...WRITE_FAULTS.slice(0, 4).map((fault) => ({ ...fault, name: `Yeoman path: ${fault.name}`, yeoman: true })));

describe('no partial state: when one write fails, nothing is written', () => {
  for (const fault of WRITE_FAULTS) {
    it.concurrent(fault.name, async () => {
      const sandbox = copyExample();
      fault.setup(sandbox);
      const before = snapshotTree(everything(sandbox));
      const run = await runMagiAsync(sandbox, [...ANSWERS, ...(fault.args ?? [])], { env: fault.yeoman ? { MAGI_YEOMAN: '1' } : {} });
      expect(run.status, run.stderr).toBe(4);
      expectOneLine(run, fault.line);
      expect(snapshotTree(everything(sandbox))).toEqual(before);
    });
  }

  it.concurrent('an interactive run whose .yo-rc.json is read-only writes neither the document nor the contract', async () => {
    const sandbox = copyExample();
    chmodSync(path.join(sandbox.root, '.yo-rc.json'), 0o444);
    const before = snapshotTree(everything(sandbox));
    // The scaffold answer becomes a project default, so .yo-rc.json is one of the files to write.
    const run = await runInTerminal(sandbox, ['backend-spec'], (question) => (/Scaffold a contract test/.test(question) ? 'n\r' : /^Overwrite /.test(question) ? 'y\r' : undefined));
    // Yeoman's own state file is never asked about; the document is.
    expect(run.questions).toEqual(['Scaffold a contract test for this sprint?', `Overwrite ${SPEC}?`]);
    expect(run.status, run.output).toBe(4);
    // What the terminal shows: the prompt library leaves cursor controls (show cursor) before the line.
    expect(run.output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')).toMatch(/^magi: Cannot write \.yo-rc\.json: permission denied; nothing was written \(fix the permissions and re-run\)\r?$/m);
    expect(snapshotTree(everything(sandbox))).toEqual(before);
  });
});

describe('atomic writes', () => {
  it.concurrent('each file is replaced by a rename of a temp file beside it, keeping its mode', async () => {
    const sandbox = copyExample();
    const spec = path.join(sandbox.root, SPEC);
    chmodSync(spec, 0o640);
    const inode = statSync(spec).ino;
    const run = await runMagiAsync(sandbox, ANSWERS);
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(spec).mode & 0o7777).toBe(0o640);
    expect(statSync(spec).ino).not.toBe(inode);
    expect(sandbox.read(SPEC)).toContain('\n## Backend\n');
    expect(leftoverTempFiles(sandbox.root)).toEqual([]);
  });

  it.concurrent('a failed run leaves no temp file behind', async () => {
    const sandbox = copyExample();
    chmodSync(path.join(sandbox.root, 'tests/api'), 0o555);
    const run = await runMagiAsync(sandbox, ANSWERS);
    expect(run.status).toBe(4);
    expect(leftoverTempFiles(sandbox.root)).toEqual([]);
    for (const file of GENERATED.slice(1)) expect(existsSync(path.join(sandbox.root, file)), file).toBe(false);
  });
});

describe('Ctrl-C', () => {
  it.concurrent('SIGINT before writing: exit 130, nothing written, the lock released', async () => {
    const sandbox = copyExample();
    const tmp = privateTmp(sandbox);
    const lock = lockFileFor(sandbox, tmp);
    const before = snapshotTree(everything(sandbox));
    // The lock is taken after the handler is installed and before anything is written: signal then.
    const { run, signalled } = await signalWhenLocked(startMagi(sandbox, ANSWERS, { env: { TMPDIR: tmp } }), lock, 'SIGINT');
    expect(signalled).toBe(true);
    expect(run.status, run.stderr).toBe(130);
    expect(run.stderr).toBe('\nInterrupted: nothing was written.\n');
    expect(snapshotTree(everything(sandbox))).toEqual(before);
    expect(existsSync(lock)).toBe(false);
  });

  it.concurrent('SIGINT with --json: the interruption is a JSON error on stdout', async () => {
    const sandbox = copyExample();
    const tmp = privateTmp(sandbox);
    const lock = lockFileFor(sandbox, tmp);
    const { run, signalled } = await signalWhenLocked(startMagi(sandbox, [...ANSWERS, '--json'], { env: { TMPDIR: tmp } }), lock, 'SIGINT');
    expect(signalled).toBe(true);
    expect(run.status, run.stderr).toBe(130);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: 1, command: 'backend-spec', error: { code: 'interrupted', exitCode: 130 } });
  });

  it.concurrent('Ctrl-C at a prompt: exit 130, nothing written', async () => {
    const sandbox = copyExample();
    const before = snapshotTree(everything(sandbox));
    const run = await runInTerminal(sandbox, ['backend-spec'], () => '\x03');
    expect(run.questions).toEqual(['Scaffold a contract test for this sprint?']);
    expect(run.status, run.output).toBe(130);
    expect(run.output).toContain('Interrupted: nothing was written.');
    expect(run.output).not.toContain('unexpected error');
    expect(snapshotTree(everything(sandbox))).toEqual(before);
  });
});

describe('two runs on the same sprint', () => {
  it.concurrent('a run holding the sprint makes the second refuse with exit 6, writing nothing', async () => {
    const sandbox = copyExample();
    const tmp = privateTmp(sandbox);
    // This test process is alive: its pid in the lock file stands for a run in progress.
    writeFileSync(lockFileFor(sandbox, tmp), String(process.pid));
    const before = snapshotTree(everything(sandbox));
    const run = await runMagiAsync(sandbox, ANSWERS, { env: { TMPDIR: tmp } });
    expect(run.status).toBe(6);
    expectOneLine(run, new RegExp(`^magi: Another magi run \\(pid ${process.pid}\\) is working on docs/03-gift-cards; wait for it to finish, then re-run \\(lock: \\S+\\.lock\\)$`));
    expect(snapshotTree(everything(sandbox))).toEqual(before);
  });

  it.concurrent('a lock left by a run that died is taken over', async () => {
    const sandbox = copyExample();
    const tmp = privateTmp(sandbox);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(lockFileFor(sandbox, tmp), String(dead));
    const run = await runMagiAsync(sandbox, ANSWERS, { env: { TMPDIR: tmp } });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(lockFileFor(sandbox, tmp))).toBe(false);
  });

  it.concurrent('two runs started together never interleave: one writes, the other refuses or finds the section written', async () => {
    const sandbox = copyExample();
    const tmp = privateTmp(sandbox);
    const runs = await Promise.all([runMagiAsync(sandbox, ANSWERS, { env: { TMPDIR: tmp } }), runMagiAsync(sandbox, ANSWERS, { env: { TMPDIR: tmp } })]);
    // On a loaded machine the first run can finish before the second starts: then the second finds
    // the section written and rewrites the same bytes. Either way the files end as one run leaves them.
    const statuses = runs.map((run) => run.status).sort();
    expect([[0, 6], [0, 0]]).toContainEqual(statuses);
    const refused = runs.find((run) => run.status === 6);
    if (refused) expectOneLine(refused, /^magi: Another magi run \(pid \d+\) is working on docs\/03-gift-cards; wait for it to finish, then re-run \(lock: \S+\.lock\)$/);
    const solo = copyExample();
    expect((await runMagiAsync(solo, ANSWERS)).status).toBe(0);
    for (const file of GENERATED) expect(sandbox.read(file), file).toBe(solo.read(file));
    expect(sandbox.read(SPEC).match(/^## Backend$/gm)).toHaveLength(1);
  });
});

interface TerminalRun {
  status: number | null;
  /** Everything the terminal showed (stdout and stderr together). */
  output: string;
  /** The questions asked, in order, each once. */
  questions: string[];
}

/**
 * Runs the bin under a pseudo-terminal (util-linux `script`), answering each
 * question once with what `answer` returns (keys as typed, '\r' for Enter).
 */
function runInTerminal(sandbox: Sandbox, args: string[], answer: (question: string) => string | undefined): Promise<TerminalRun> {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: sandbox.root,
    env: { PATH: process.env.PATH ?? '', HOME: sandbox.home, NO_COLOR: '1', TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const questions: string[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    // A prompt is re-drawn as it is edited: answer each question once, in order of appearance.
    for (const match of output.matchAll(/\? ([^?\n]+\?)/g)) {
      const question = match[1];
      if (questions.includes(question)) continue;
      questions.push(question);
      const keys = answer(question);
      if (keys !== undefined) setTimeout(() => child.stdin.write(keys), 50);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output, questions });
    });
  });
}
