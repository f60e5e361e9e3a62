import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMagiError } from '../../lib/errors.js';
import { writeAllOrNothing } from '../../lib/write/atomic.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

describe('all-or-nothing writes', () => {
  it('writes every file and keeps the original mode', () => {
    const root = writeTree(tempDir(), { 'a.md': 'old' });
    chmodSync(path.join(root, 'a.md'), 0o640);
    writeAllOrNothing([
      { path: path.join(root, 'a.md'), contents: 'new' },
      { path: path.join(root, 'deep/new/b.md'), contents: 'b' },
    ], root);
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('new');
    expect(statSync(path.join(root, 'a.md')).mode & 0o777).toBe(0o640);
    expect(readFileSync(path.join(root, 'deep/new/b.md'), 'utf8')).toBe('b');
    expect(readdirSync(root).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('writes nothing when one file is read-only, and names it', () => {
    const root = writeTree(tempDir(), { 'a.md': 'old', 'ro.md': 'locked' });
    chmodSync(path.join(root, 'ro.md'), 0o444);
    try {
      writeAllOrNothing([
        { path: path.join(root, 'a.md'), contents: 'new' },
        { path: path.join(root, 'fresh/c.md'), contents: 'c' },
        { path: path.join(root, 'ro.md'), contents: 'x' },
      ], root);
      expect.unreachable();
    } catch (error) {
      expect(isMagiError(error)).toBe(true);
      expect((error as Error).message).toBe('Cannot write ro.md: permission denied; nothing was written (fix the permissions and re-run)');
    }
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('old');
    expect(existsSync(path.join(root, 'fresh'))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['a.md', 'ro.md']);
  });

  it('writes nothing when a folder is not writable', () => {
    const root = writeTree(tempDir(), { 'a.md': 'old', 'locked/x.md': 'x' });
    chmodSync(path.join(root, 'locked'), 0o555);
    expect(() =>
      writeAllOrNothing([
        { path: path.join(root, 'a.md'), contents: 'new' },
        { path: path.join(root, 'locked/y.md'), contents: 'y' },
      ], root),
    ).toThrow(/Cannot write locked\/y\.md: permission denied/);
    chmodSync(path.join(root, 'locked'), 0o755);
    expect(readFileSync(path.join(root, 'a.md'), 'utf8')).toBe('old');
    expect(readdirSync(path.join(root, 'locked'))).toEqual(['x.md']);
  });
});
