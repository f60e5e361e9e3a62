// Finds the package root from source (lib/, generators/) and from the build
// (dist/...) alike, so templates and package.json are reachable from both.
// The one place that knows where the templates live.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MagiError } from './errors.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
let root: string | undefined;

export function findPackageRoot(from = HERE): string {
  if (root && from === HERE) return root;
  let current = from;
  while (!existsSync(path.join(current, 'templates')) || !existsSync(path.join(current, 'package.json'))) {
    const parent = path.dirname(current);
    if (parent === current) throw new MagiError('templates-missing', `generator-magi: cannot find the package root (templates/ and package.json) above ${from}; reinstall generator-magi`);
    current = parent;
  }
  if (from === HERE) root = current;
  return current;
}

/** A template family's folder: templates/backend-section (per language) or templates/contract-test (per stack). */
export function templatesDir(family: 'backend-section' | 'contract-test', from?: string): string {
  const dir = path.join(findPackageRoot(from), 'templates', family);
  if (!existsSync(dir)) throw new MagiError('templates-missing', `templates/${family} is missing from ${path.dirname(path.dirname(dir))}; reinstall generator-magi`);
  return dir;
}
