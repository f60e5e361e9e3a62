// `magi backend-spec` on a terminal (util-linux `script` gives it one): the bin
// asks the open questions itself, without Yeoman's environment, then asks before
// updating an existing file. Keys are typed when each question shows.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyExample, SPEC, type Sandbox } from '../helpers/example.js';

interface Step {
  /** Text of the question to wait for. */
  when: string;
  keys: string;
}

const ENTER = '\r';

function drive(sandbox: Sandbox, steps: Step[]): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} backend-spec`, '/dev/null'], {
      cwd: sandbox.root,
      env: { PATH: process.env.PATH ?? '', HOME: sandbox.home, TERM: 'xterm', NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let next = 0;
    const onData = (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      while (next < steps.length && screen.includes(steps[next].when)) child.stdin.write(steps[next++].keys);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen: screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') });
    });
  });
}

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('backend-spec on a terminal, through the bin', () => {
  it('needs util-linux `script` to give the bin a terminal', () => {
    expect(hasScript).toBe(true);
  });

  it('asks what is open, asks before overwriting the document (Yeoman\'s question and keys), writes, and keeps the answer in .yo-rc.json', async () => {
    const sandbox = copyExample();
    const run = await drive(sandbox, [
      { when: 'Scaffold a contract test for this sprint?', keys: `n${ENTER}` },
      { when: `Overwrite ${SPEC}?`, keys: `y${ENTER}` },
    ]);
    expect(run.code).toBe(0);
    expect(run.screen).toContain('Scaffold a contract test for this sprint?');
    expect(sandbox.read(SPEC)).toContain('## Backend');
    expect(JSON.parse(sandbox.read('.yo-rc.json'))['generator-magi']).toMatchObject({ scaffoldTest: false });
  }, 90_000);

  it('"abort" (x, as in Yeoman\'s conflicter) at the overwrite question writes nothing and exits with the write code', async () => {
    const sandbox = copyExample();
    const before = sandbox.read(SPEC);
    const yoRc = sandbox.read('.yo-rc.json');
    const run = await drive(sandbox, [
      { when: 'Scaffold a contract test for this sprint?', keys: `n${ENTER}` },
      { when: `Overwrite ${SPEC}?`, keys: `x${ENTER}` },
    ]);
    expect(run.screen).toContain(`Aborted at ${SPEC}; nothing was written`);
    expect(run.code).not.toBe(0);
    expect(sandbox.read(SPEC)).toBe(before);
    expect(sandbox.read('.yo-rc.json')).toBe(yoRc);
    expect(existsSync(path.join(sandbox.root, 'docs/03-gift-cards/openapi.yaml'))).toBe(false);
    expect(readFileSync(path.join(sandbox.root, SPEC), 'utf8')).not.toContain('## Backend');
  }, 90_000);
});
