// Finds the package root from source (lib/, generators/) and from the build
// (dist/...) alike, so templates and package.json are reachable from both.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function findPackageRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  if (root) return root;
  let current = from;
  while (!existsSync(path.join(current, 'templates')) || !existsSync(path.join(current, 'package.json'))) {
    const parent = path.dirname(current);
    if (parent === current) throw new Error(`generator-magi: cannot find the package root above ${from}`);
    current = parent;
  }
  root = current;
  return root;
}

