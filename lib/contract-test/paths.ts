// Where the test goes and how it reaches the app and the contract.
import { join, posix } from 'node:path';
import { MagiError } from '../errors.js';
import { oneLine } from '../text.js';
import type { StackEntry } from './catalog.js';
import type { RepoLayout } from '../types.js';
import { pickedUp } from '../stack/layout.js';
import { knowledgeOf } from '../knowledge/index.js';

const clean = (path: string): string => posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\/+/, '').replace(/\/+$/, '');

/** A service-relative path made repo-relative (left alone when it already is). */
export function inService(servicePath: string, path: string): string {
  const service = clean(servicePath || '.');
  const target = clean(path);
  if (service === '.' || service === '' || target === service || target.startsWith(`${service}/`)) return target;
  return clean(posix.join(service, target));
}

/** Relative reference from a file's folder to a target, always starting with `.` or `..`. */
export function relativeFrom(fromFile: string, target: string): string {
  const relative = posix.relative(posix.dirname(clean(fromFile)), clean(target));
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** A target relative to a folder (`..`-prefixed when outside), for runtime path joins. */
export function relativeToDir(fromDir: string, target: string): string {
  return posix.relative(clean(fromDir) === '.' ? '' : clean(fromDir), clean(target)) || '.';
}

export interface AppEntry {
  /** Repo-relative file (or folder, for Next's app router). */
  file: string;
  exportName?: string;
}

export function parseAppEntry(raw: string, servicePath: string): AppEntry {
  const [file, exportName] = raw.split('#');
  return { file: inService(servicePath, file), exportName: exportName || undefined };
}

export function slugOf(feature: string): { slug: string; snake: string } {
  const slug = feature.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!slug) throw new MagiError('contract-test.feature', `--feature "${feature}" has no letters or digits; pass a slug such as "order-refunds"`);
  return { slug, snake: slug.replace(/-/g, '_') };
}

/** File names a TypeScript contract test may take, tried in order when the runner's configuration rejects the stack's own. */
const TS_NAMES = ['{slug}.contract.test.ts', '{slug}.contract.spec.ts', '{slug}.e2e-spec.ts', '{slug}.spec.ts', '{slug}.test.ts'];

export function testPathFor(stack: StackEntry, options: {
  slug: string; snake: string; servicePath: string; testDir?: string; out?: string; appEntry: AppEntry; runner?: string;
  /** Which files the runner picks up (jest testRegex/testMatch), read from the repository. */
  testPattern?: RepoLayout['testPattern'];
}): string {
  const own = options.runner ? stack.byRunner?.[options.runner] : undefined;
  const name = (pattern: string) => pattern.replace('{slug}', options.slug).replace('{snake}', options.snake);
  const fileName = name(own?.fileName ?? stack.fileName);
  const looksLikeFile = (path: string): boolean => /\.[a-z]+$/i.test(path) && !path.endsWith('/');
  if (options.out) return looksLikeFile(options.out) ? clean(options.out) : clean(posix.join(clean(options.out), fileName));
  const stackDir = own?.testDir ?? stack.testDir;
  // The repo's test folder, unless it belongs to another runner (spec/ for a Minitest test).
  const repoDir = options.testDir && !(own && !options.testDir.split('/')[0].startsWith(own.testDir.split('/')[0])) ? options.testDir : undefined;
  // Go tests live in the package they test; Rust integration tests in the crate's tests/.
  const dir = stackDir === '<pkg>'
    ? posix.dirname(options.appEntry.file)
    : stack.language === 'rust'
      ? inService(options.servicePath, stackDir)
      : inService(options.servicePath, repoDir ?? stackDir);
  const chosen = clean(posix.join(dir, fileName));
  const pattern = options.testPattern;
  const serviceRelative = (file: string) => clean(posix.relative(clean(options.servicePath || '.') === '.' ? '' : clean(options.servicePath), file));
  if (!pattern || stack.language !== 'typescript' || pickedUp(pattern, serviceRelative(chosen))) return chosen;
  // The runner would never run the file: the first folder and name it does pick up.
  const dirs = [dir, ...(pattern.rootDir ? [inService(options.servicePath, pattern.rootDir), inService(options.servicePath, posix.join(pattern.rootDir, posix.basename(dir)))] : [])];
  for (const folder of dirs) {
    for (const candidate of TS_NAMES) {
      const file = clean(posix.join(folder, name(candidate)));
      if (pickedUp(pattern, serviceRelative(file))) return file;
    }
  }
  return chosen;
}

/** The command that runs one contract test file with the repository's runner and package manager. */
/** A repo-relative file as the service folder sees it: commands run from there. */
export function fromService(servicePath: string | undefined, file: string): string {
  const root = servicePath && servicePath !== '.' ? `${servicePath.replace(/\/$/, '')}/` : '';
  return root && file.startsWith(root) ? file.slice(root.length) : file;
}

/** The command that runs one test file, from the service folder (`file` is service-relative). */
export function contractTestCommand(runner: string | undefined, manager: string | undefined, file: string, testPattern?: RepoLayout['testPattern']): string {
  // How this package manager runs an installed tool (lib/knowledge), the same prefix the Test plan uses.
  const tool = knowledgeOf('packageManager', manager ?? 'npm');
  const exec = tool?.ecosystems.includes('node') ? tool.exec.trim() : 'npx';
  const pythonExec = tool?.ecosystems.includes('python') ? tool.exec : '';
  switch (runner) {
    case 'vitest':
      return `${exec} vitest run ${file}`;
    case 'jest':
      return `${exec} jest${testPattern?.config ? ` --config ${testPattern.config}` : ''} ${file}`;
    case 'pytest':
      return `${pythonExec}pytest ${file}`;
    case 'go-test': {
      const dir = posix.dirname(clean(file));
      return dir === '.' || dir === '' ? 'go test .' : `go test ./${dir}`;
    }
    case 'rspec':
      return `bundle exec rspec ${file}`;
    case 'minitest':
      return `bin/rails test ${file}`;
    case 'cargo-test':
      return `cargo test --test ${posix.basename(file, '.rs')}`;
    default:
      return `${exec} vitest run ${file}`;
  }
}

const TEST_FOLDERS = new Set(['test', 'tests', 'spec', 'specs', '__tests__', 'e2e', 'integration', 'contract', 'contracts-tests']);
const TEST_NAME = /(^test_.+\.py$)|(_test\.(py|go|rb|exs?)$)|(_spec\.rb$)|(\.(test|spec|e2e)\.[cm]?[jt]sx?$)/i;

/** A test file by its name (`*.test.ts`, `*_test.go`, `test_*.py`, `*_spec.rb`) or its folder (`tests/`, `spec/`, `__tests__/` …). */
export function isTestPath(file: string): boolean {
  const parts = clean(file).split('/');
  const name = parts.pop() ?? '';
  return TEST_NAME.test(name) || parts.some((part) => TEST_FOLDERS.has(part.toLowerCase()));
}

/**
 * `--out` as a repo-relative posix path: absolute paths inside the repository
 * are made relative; anything that leaves it is refused (never written
 * somewhere else than the message says).
 */
export function repoRelativeOut(root: string, out: string): string {
  const absolute = posix.isAbsolute(out.replace(/\\/g, '/')) || /^[A-Za-z]:[\\/]/.test(out) ? out : join(root, out);
  const relative = clean(posix.relative(root.replace(/\\/g, '/'), absolute.replace(/\\/g, '/')));
  if (relative === '' || relative === '.' || relative === '..' || relative.startsWith('../') || posix.isAbsolute(relative)) {
    throw new MagiError('out-outside', `--out ${printable(out)}: is outside the repository; pass a path inside it, such as tests/api/`);
  }
  return relative;
}

/** A path for a one-line message: control characters (newlines, escape sequences) shown escaped, never sent raw to the terminal. */
export const printable = oneLine;
