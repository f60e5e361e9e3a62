// Temp folders and small file trees for tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'magi-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes `{ 'a/b.md': 'text' }` under root. */
export function writeTree(root: string, files: Record<string, string | Buffer>): string {
  for (const [file, contents] of Object.entries(files)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  return root;
}
