// A small repository written to a temp folder, its stack detected; the folder goes when the test ends.
import { rm } from 'node:fs/promises';
import { onTestFinished } from 'vitest';
import { detectStack } from '../../lib/stack/index.js';
import type { ServiceStack } from '../../lib/types.js';
import { tempDir, writeTree } from './tmp.js';

/** The first service detected in a repository made of `files` (`{ 'src/main.ts': '…' }`). */
export async function detectedService(files: Record<string, string>): Promise<ServiceStack> {
  const root = writeTree(tempDir('magi-repo-'), files);
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  return (await detectStack(root)).services[0];
}
