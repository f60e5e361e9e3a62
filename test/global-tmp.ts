// Every temp folder the tests make (theirs, yeoman-test's, the spawned bin's)
// lands in one folder per run, removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'magi-vitest-'));
  // Workers start after global setup and inherit this environment.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
