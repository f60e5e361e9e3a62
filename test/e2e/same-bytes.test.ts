// The bundled fast path and Yeoman's run loop (what `yo magi:*` runs, from the
// unbundled generators) must give the same bytes: files and report alike.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runMagi, type Sandbox } from '../helpers/example.js';

function files(sandbox: Sandbox): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(sandbox.root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(sandbox.root);
  return out;
}

describe('fast path and Yeoman path', () => {
  it.each([
    ['a first run', ['backend-spec', '--answers', 'magi-answers.yaml']],
    ['a JSON report', ['backend-spec', '--answers', 'magi-answers.yaml', '--json']],
    ['a dry run without the test', ['backend-spec', '--answers', 'magi-answers.yaml', '--no-scaffold', '--dry-run']],
  ])('%s gives identical files and output', (_name, args) => {
    const fast = copyExample();
    const yeoman = copyExample();
    const viaFast = runMagi(fast, args);
    const viaYeoman = runMagi(yeoman, args, { MAGI_YEOMAN: '1' });
    expect(viaFast.status, viaFast.stderr).toBe(0);
    expect(viaYeoman.status, viaYeoman.stderr).toBe(0);
    expect(viaFast.stdout).toBe(viaYeoman.stdout);
    expect(files(fast)).toEqual(files(yeoman));
  });

  it('magi contract-test gives identical files and output', () => {
    const fast = copyExample();
    const yeoman = copyExample();
    for (const sandbox of [fast, yeoman]) runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml', '--no-scaffold']);
    const args = ['contract-test', '--feature', 'cards', '--force'];
    const viaFast = runMagi(fast, args);
    const viaYeoman = runMagi(yeoman, args, { MAGI_YEOMAN: '1' });
    expect(viaFast.status, viaFast.stderr).toBe(0);
    expect(viaYeoman.status, viaYeoman.stderr).toBe(0);
    expect(viaFast.stdout).toBe(viaYeoman.stdout);
    expect(viaFast.stdout).toMatch(/^Wrote tests\/api\/cards\.contract\.test\.ts \(express/);
    expect(files(fast)).toEqual(files(yeoman));
  });

  it('the test backend-spec scaffolds is the one magi contract-test writes from the contract file', () => {
    const sandbox = copyExample();
    expect(runMagi(sandbox, ['backend-spec', '--answers', 'magi-answers.yaml']).status).toBe(0);
    const again = runMagi(sandbox, ['contract-test', '--feature', 'gift-cards', '--force']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^Unchanged tests\/api\/gift-cards\.contract\.test\.ts/);
  });

  it('errors are the same line', () => {
    const args = ['backend-spec', '--answers', 'magi-answers.yaml', '--sprint', '9'];
    const viaFast = runMagi(copyExample(), args);
    const viaYeoman = runMagi(copyExample(), args, { MAGI_YEOMAN: '1' });
    expect(viaFast.status).toBe(2);
    expect(viaYeoman.status).toBe(2);
    expect(viaFast.stderr).toBe(viaYeoman.stderr);
  });
});
