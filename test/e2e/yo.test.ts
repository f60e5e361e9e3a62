// The real `yo` CLI after `npm link`, as a user would run it. The link goes to
// a temp npm prefix, so the machine's global packages are untouched. `yo` run
// as root switches to an unprivileged user: every folder it needs is made
// readable (and the repo writable) for that user, and HOME is a temp folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, SPEC } from '../helpers/example.js';
import { tempDir } from '../helpers/tmp.js';

/** chmod -R that never follows a symlink (the link into this repo must stay as it is). */
function openUp(folder: string, writable: boolean) {
  chmodSync(folder, writable ? 0o777 : 0o755);
  for (const entry of readdirSync(folder)) {
    const full = path.join(folder, entry);
    const stats = lstatSync(full);
    if (stats.isSymbolicLink()) continue;
    if (stats.isDirectory()) openUp(full, writable);
    else chmodSync(full, writable ? 0o666 : 0o644);
  }
}

describe('yo magi:backend-spec after npm link', () => {
  it('writes the Backend section through the real yo CLI', () => {
    const prefix = tempDir('magi-prefix-');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['link', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, npm_config_prefix: prefix },
      stdio: 'pipe',
    });
    openUp(prefix, false);
    const home = tempDir('magi-home-');
    const work = tempDir('magi-yo-');
    const repo = path.join(work, 'repo');
    cpSync(path.join(PACKAGE_ROOT, 'examples'), repo, { recursive: true });
    openUp(home, true);
    openUp(work, true);

    const run = spawnSync(path.join(PACKAGE_ROOT, 'node_modules/.bin/yo'), ['magi:backend-spec', '--answers', 'magi-answers.yaml', '--no-insight'], {
      cwd: repo,
      encoding: 'utf8',
      input: '',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', HOME: home, npm_config_prefix: prefix, NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1' },
    });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const spec = readFileSync(path.join(repo, SPEC), 'utf8');
    expect(spec.match(/^## Backend$/gm)).toHaveLength(1);
    expect(spec).toContain('### Open questions');
    expect(readFileSync(path.join(repo, 'docs/03-gift-cards/openapi.yaml'), 'utf8')).toMatch(/^openapi: 3\.1\.0$/m);
    expect(run.stdout).toContain('+## Backend');
  });
});
