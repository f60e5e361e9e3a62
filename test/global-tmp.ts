// Every temp folder the tests make (theirs, yeoman-test's, the spawned bin's)
// lands in one folder per run, removed when the run ends.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'magi-vitest-'));
  // Open like /tmp itself: tests that run the bin or `yo` as another user (an unprivileged one, or the one
  // `yo` switches to under root) must reach their folders inside it.
  chmodSync(root, 0o1777);
  // Workers start after global setup and inherit this environment.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
