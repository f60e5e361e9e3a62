// Lists the repository once and reads only the files detection asks for.
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import ignore from 'ignore';

/** Never descended into: dependencies, build output, caches, VCS. */
export const IGNORED_DIRS = new Set([
  'node_modules', '.git', 'vendor', 'dist', 'build', 'target', '.venv', 'venv', '__pycache__', '.next', '.nuxt',
  '.svelte-kit', 'coverage', '.turbo', '.gradle', '.idea', '.tox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  'bower_components', '.cache', '.terraform', '.serverless', '.yarn', '.pnpm-store', 'tmp', 'log',
]);

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

const roleOfDir = new Map<string, FileRole | undefined>();

/** A JVM source root (`src/main/java`, `src/test/kotlin`): the folders below it are a package name. */
const JVM_SOURCE_ROOT = new Set(['java', 'kotlin', 'scala', 'groovy']);

/**
 * The folders of a path that say what it holds: a package name under a JVM source root is not a folder
 * role (`src/main/java/com/example/demo` is Spring Initializr's default package, not an example).
 */
function roleParts(dir: string): string[] {
  const parts = dir === '' ? [] : dir.split('/');
  const root = parts.findIndex((part, index) => JVM_SOURCE_ROOT.has(part) && index >= 2 && parts[index - 2] === 'src');
  return root < 0 ? parts : parts.slice(0, root + 1);
}

/** Role a folder gives its files; undefined when the file name decides. */
function dirRole(dir: string): FileRole | undefined {
  if (roleOfDir.has(dir)) return roleOfDir.get(dir);
  const parts = roleParts(dir);
  const role = parts.some((part) => AUX_DIRS.has(part)) ? 'aux' : parts.some((part) => TEST_DIRS.has(part)) ? 'test' : undefined;
  if (roleOfDir.size > 50_000) roleOfDir.clear();
  roleOfDir.set(dir, role);
  return role;
}

export function fileRole(rel: string): FileRole {
  const slash = rel.lastIndexOf('/');
  return dirRole(slash < 0 ? '' : rel.slice(0, slash)) ?? (TEST_FILE.test(rel.slice(slash + 1)) ? 'test' : 'main');
}

export function isAuxOrTestDir(dir: string): boolean {
  if (dir === '.') return false;
  return roleParts(dir).some((part) => AUX_DIRS.has(part) || TEST_DIRS.has(part));
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

interface GitignoreRule {
  /** Folder of the .gitignore, with a trailing slash ('' at the root). */
  base: string;
  matcher: ReturnType<typeof ignore>;
}

/**
 * Every file of the repository (repo-relative, `/`-separated, sorted), without
 * dependency/build folders and without what `.gitignore` files ignore. A plain
 * directory walk that prunes early: measured 2-3x faster than a glob engine here.
 */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  await walk(root, '', [], out);
  return out.sort();
}

function isIgnored(rel: string, rules: GitignoreRule[]): boolean {
  for (const rule of rules) if (rel.startsWith(rule.base) && rule.matcher.ignores(rel.slice(rule.base.length))) return true;
  return false;
}

async function walk(root: string, rel: string, inherited: GitignoreRule[], out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(rel ? path.join(root, rel) : root, { withFileTypes: true });
  } catch {
    return;
  }
  let rules = inherited;
  if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
    const text = await readBounded(root, rel ? `${rel}/.gitignore` : '.gitignore', 64 * 1024);
    if (text !== undefined) rules = [...inherited, { base: rel ? `${rel}/` : '', matcher: ignore().add(text) }];
  }
  const subdirs: Promise<void>[] = [];
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (IGNORED_DIRS.has(entry.name) || (rules.length && isIgnored(`${child}/`, rules))) continue;
      subdirs.push(walk(root, child, rules, out));
    } else if (entry.isFile() && !(rules.length && isIgnored(child, rules))) {
      out.push(child);
    }
  }
  await Promise.all(subdirs);
}

/** Reads at most `limit` bytes (into `scratch` when given, to spare allocations); never a secret `.env` file. */
export async function readBounded(root: string, rel: string, limit: number, scratch?: Buffer): Promise<string | undefined> {
  if (isSecretFile(rel)) return undefined;
  let handle;
  try {
    handle = await open(path.join(root, rel), 'r');
    let buffer = scratch && scratch.length >= limit ? scratch : undefined;
    if (!buffer) {
      const { size } = await handle.stat();
      buffer = Buffer.allocUnsafe(Math.max(1, Math.min(size, limit)));
    }
    const { bytesRead } = await handle.read(buffer, 0, Math.min(limit, buffer.length), 0);
    return buffer.toString('utf8', 0, bytesRead);
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

  read(rel: string, limit = 96 * 1024, scratch?: Buffer): Promise<string | undefined> {
    let pending = this.cache.get(rel);
    if (!pending) {
      pending = readBounded(this.root, rel, limit, scratch);
      this.cache.set(rel, pending);
    }
    return pending;
  }

  /** Source files: the first `limit` bytes hold the imports and, almost always, the whole file. */
  async readMany(rels: string[], limit = 48 * 1024, concurrency = 32): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let next = 0;
    const worker = async () => {
      const scratch = Buffer.allocUnsafe(limit);
      while (next < rels.length) {
        const rel = rels[next++];
        const text = await this.read(rel, limit, scratch);
        // Our own output (contract tests) is not evidence of the repo's stack: a re-run must see what the first run saw.
        if (text !== undefined && !isGeneratedByUs(text)) out.set(rel, text);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rels.length) }, worker));
    return out;
  }
}

/** The phrase every file magi generates carries in its first line. */
export const GENERATED_MARKER = 'generated by generator-magi';

export function isGeneratedByUs(text: string): boolean {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || 300);
  return firstLine.includes(GENERATED_MARKER);
}

export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
