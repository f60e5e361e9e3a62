// Lists the repository once and reads only the files detection asks for.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import ignore from 'ignore';

/** Never descended into: dependencies, build output, caches, VCS. */
export const IGNORED_DIRS = [
  'node_modules', '.git', 'vendor', 'dist', 'build', 'target', '.venv', 'venv', '__pycache__', '.next', '.nuxt',
  '.svelte-kit', 'coverage', '.turbo', '.gradle', '.idea', '.tox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  'bower_components', '.cache', '.terraform', '.serverless', '.yarn', '.pnpm-store', 'tmp', 'log',
];

/** Folders that hold demos, docs or fixtures: never what the app is. */
const AUX_DIRS = new Set([
  'examples', 'example', 'samples', 'sample', 'docs', 'doc', 'docs_src', 'fixtures', '__fixtures__', 'testdata',
  'demo', 'demos', 'playground', 'bench', 'benchmark', 'benchmarks', 'loadtest', 'loadtests', 'load-test',
  'load-tests', 'k6', 'perf', 'stories', '__mocks__', 'mocks', 'cookbook', 'tutorial', 'tutorials',
]);

/** Folders that hold tests. */
export const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'e2e', 'testing', 'integration-tests']);

const TEST_FILE = /(\.(test|spec)\.[cm]?[jt]sx?$)|(_test\.(go|py|rb)$)|(^test_.*\.py$)|(_spec\.rb$)|(^conftest\.py$)|(^tests?\.py$)|(Tests?\.(java|kt)$)/;

export type FileRole = 'main' | 'test' | 'aux';

export function fileRole(rel: string): FileRole {
  const parts = rel.split('/');
  const base = parts[parts.length - 1];
  for (let i = 0; i < parts.length - 1; i++) if (AUX_DIRS.has(parts[i])) return 'aux';
  for (let i = 0; i < parts.length - 1; i++) if (TEST_DIRS.has(parts[i])) return 'test';
  return TEST_FILE.test(base) ? 'test' : 'main';
}

export function isAuxOrTestDir(dir: string): boolean {
  if (dir === '.') return false;
  return dir.split('/').some((part) => AUX_DIRS.has(part) || TEST_DIRS.has(part));
}

/** `.env` and its variants hold secrets: only the example/sample/template copies are ever read. */
const ENV_FILE = /^\.env(\..*)?$/;
const ENV_EXAMPLE = /^\.env\.(example|sample|template|dist)$/;

export function isReadableEnvExample(rel: string): boolean {
  return ENV_EXAMPLE.test(path.posix.basename(rel));
}

export function isSecretFile(rel: string): boolean {
  const base = path.posix.basename(rel);
  return ENV_FILE.test(base) && !ENV_EXAMPLE.test(base);
}

export async function listFiles(root: string): Promise<string[]> {
  const all = await glob('**/*', {
    cwd: root,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
    ignore: IGNORED_DIRS.map((dir) => `**/${dir}/**`),
  });
  return applyGitignores(root, all);
}

async function applyGitignores(root: string, files: string[]): Promise<string[]> {
  const gitignores = files.filter((file) => file === '.gitignore' || file.endsWith('/.gitignore'));
  if (gitignores.length === 0) return files.sort();
  const rules: { dir: string; matcher: ReturnType<typeof ignore> }[] = [];
  for (const file of gitignores) {
    const text = await readBounded(root, file, 64 * 1024);
    if (text === undefined) continue;
    const dir = path.posix.dirname(file);
    rules.push({ dir: dir === '.' ? '' : `${dir}/`, matcher: ignore().add(text) });
  }
  return files
    .filter((file) => !rules.some(({ dir, matcher }) => file.startsWith(dir) && matcher.ignores(file.slice(dir.length))))
    .sort();
}

/** Reads at most `limit` bytes; never a secret `.env` file. */
export async function readBounded(root: string, rel: string, limit: number): Promise<string | undefined> {
  if (isSecretFile(rel)) return undefined;
  let handle;
  try {
    handle = await open(path.join(root, rel), 'r');
    const buffer = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(buffer, 0, limit, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** Memoised reader shared by one detection run. */
export class RepoReader {
  private readonly cache = new Map<string, Promise<string | undefined>>();
  constructor(readonly root: string) {}

  read(rel: string, limit = 96 * 1024): Promise<string | undefined> {
    let pending = this.cache.get(rel);
    if (!pending) {
      pending = readBounded(this.root, rel, limit);
      this.cache.set(rel, pending);
    }
    return pending;
  }

  async readMany(rels: string[], concurrency = 64): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let next = 0;
    const worker = async () => {
      while (next < rels.length) {
        const rel = rels[next++];
        const text = await this.read(rel);
        if (text !== undefined) out.set(rel, text);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rels.length) }, worker));
    return out;
  }
}

export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
