// The bin runs from V8's code cache on the Node the build made it with, and
// from its ES-module build anywhere else; both write the same bytes.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, SPEC, copyExample, runMagi } from '../helpers/example.js';
import { tempDir } from '../helpers/tmp.js';

const DIST_BIN = path.join(PACKAGE_ROOT, 'dist/bin');
const stamp = { node: process.version, v8: process.versions.v8, arch: process.arch, platform: process.platform };

/** Every file a run wrote under docs/, by path. */
function docsOf(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(path.join(root, 'docs'));
  return out;
}

describe('code cache', () => {
  it('the build records a cache for the bin and the lint worker, stamped with this Node', () => {
    for (const name of ['magi', 'lint-worker']) {
      expect(existsSync(path.join(DIST_BIN, `${name}.cjs.cache`)), name).toBe(true);
      expect(JSON.parse(readFileSync(path.join(DIST_BIN, `${name}.cjs.cache.json`), 'utf8'))).toEqual(stamp);
    }
  });

  it('a run uses it (V8 accepts it), and writes the same bytes as the ES-module build', () => {
    const cached = copyExample();
    const plain = copyExample();
    const args = ['backend-spec', '--answers', 'magi-answers.yaml'];
    const withCache = runMagi(cached, args, { DEBUG: 'magi' });
    const without = runMagi(plain, args, { MAGI_NO_CODE_CACHE: '1' });
    expect(withCache.status, withCache.stderr).toBe(0);
    expect(without.status, without.stderr).toBe(0);
    expect(withCache.stderr).toContain('magi:start magi: code cache used');
    expect(cached.read(SPEC)).toContain('## Backend');
    expect(docsOf(cached.root)).toEqual(docsOf(plain.root));
  });

  it('the Yeoman path (dynamic import of an external package) works from the cache', () => {
    const sandbox = copyExample();
    const args = ['setup', '--project', '--output-language', 'en', '--docs-dir', 'docs', '--api-style', 'rest', '--scaffold-test', '--conflict', 'merge', '--force', '--json'];
    const run = runMagi(sandbox, args, { DEBUG: 'magi' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('code cache used');
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'setup' });
  });

  it('on another Node (stamp differs) the ES-module build runs', () => {
    // A copy of the package whose cache stamps name another Node version.
    const root = tempDir('magi-cache-stamp-');
    for (const entry of ['package.json', 'templates', 'references', 'schema', 'node_modules']) symlinkSync(path.join(PACKAGE_ROOT, entry), path.join(root, entry));
    mkdirSync(path.join(root, 'dist'));
    symlinkSync(path.join(PACKAGE_ROOT, 'dist/generators'), path.join(root, 'dist/generators'));
    symlinkSync(path.join(PACKAGE_ROOT, 'dist/lib'), path.join(root, 'dist/lib'));
    cpSync(DIST_BIN, path.join(root, 'dist/bin'), { recursive: true });
    for (const name of ['magi', 'lint-worker']) writeFileSync(path.join(root, 'dist/bin', `${name}.cjs.cache.json`), JSON.stringify({ ...stamp, node: 'v0.0.0' }));
    const sandbox = copyExample();
    const run = spawnSync(process.execPath, [path.join(root, 'dist/bin/magi.js'), 'backend-spec', '--answers', 'magi-answers.yaml'], {
      cwd: sandbox.root,
      encoding: 'utf8',
      input: '',
      env: { PATH: process.env.PATH ?? '', HOME: sandbox.home, NO_COLOR: '1', DEBUG: 'magi' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`no code cache made for Node ${process.version}; running the ES-module build`);
    expect(sandbox.read(SPEC)).toContain('## Backend');
  });
});
