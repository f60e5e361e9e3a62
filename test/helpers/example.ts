// A temp copy of examples/ and a way to run the built `magi` bin on it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './tmp.js';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(PACKAGE_ROOT, 'dist/bin/magi.js');
export const SPEC = 'docs/03-gift-cards/SPEC.md';

export interface Sandbox {
  root: string;
  home: string;
  read(file: string): string;
}

export function copyExample(): Sandbox {
  const base = tempDir('magi-e2e-');
  const root = path.join(base, 'repo');
  const home = path.join(base, 'home');
  cpSync(path.join(PACKAGE_ROOT, 'examples'), root, { recursive: true });
  mkdirSync(home);
  return { root, home, read: (file) => readFileSync(path.join(root, file), 'utf8') };
}

export function runMagi(sandbox: Sandbox, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: sandbox.root,
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH ?? '', HOME: sandbox.home, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
}
