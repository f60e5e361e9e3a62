// Source files: which ones are worth reading, what they import, and whether a
// piece of code sits in a function that nothing calls.
import path from 'node:path';
import type { Ecosystem } from '../knowledge/index.js';

const EXTENSION_ECOSYSTEM: Record<string, Ecosystem> = {
  '.ts': 'node', '.tsx': 'node', '.mts': 'node', '.cts': 'node', '.js': 'node', '.mjs': 'node', '.cjs': 'node', '.jsx': 'node',
  '.py': 'python', '.go': 'go', '.rb': 'ruby', '.rs': 'rust', '.java': 'jvm', '.kt': 'jvm', '.php': 'php',
};

export function sourceEcosystem(rel: string): Ecosystem | undefined {
  if (/\.d\.[cm]?ts$|\.min\.js$/.test(rel)) return undefined;
  return EXTENSION_ECOSYSTEM[path.posix.extname(rel)];
}

const GENERATED = /(\.pb\.go|_pb2(_grpc)?\.py|\.gen\.go|_gen\.go|_generated\.\w+|\.generated\.\w+)$/;

/** File stems that usually hold an entry point, wiring or configuration. */
const ENTRY_STEMS = new Set([
  'main', 'app', 'server', 'index', 'application', 'urls', 'settings', 'wsgi', 'asgi', 'routes', 'router', 'api', 'lib',
  'config', 'manage', 'worker', 'workers', 'jobs', 'celery', 'tasks', 'schema', 'resolvers', 'auth', 'middleware',
  'middlewares', 'db', 'database', 'models', 'prisma', 'data-source', 'datasource', 'handler', 'handlers', 'queue', 'queues',
  'session', 'security', 'route', 'trpc', 'context', 'module', 'http', 'grpc', 'bootstrap', 'views', 'mod', 'client',
  'jwt', 'token', 'tokens', 'guard', 'guards', 'strategy', 'cron', 'scheduler', 'hello', 'cmd', 'root', 'startup',
]);
const KEY_DIRS = new Set([
  'src', 'app', 'cmd', 'api', 'routes', 'controllers', 'handlers', 'middleware', 'middlewares', 'auth', 'jobs', 'workers',
  'queues', 'config', 'db', 'models', 'internal', 'server', 'lib', 'graphql', 'resolvers', 'trpc', 'services', 'pages',
  'initializers', 'main', 'java', 'kotlin',
]);

const ENTRY_NAME = new RegExp(`(?:^|\\.)(?:${[...ENTRY_STEMS].join('|')})\\.`, 'i');

export function sourcePriority(relToService: string): number {
  const parts = relToService.split('/');
  const base = parts[parts.length - 1];
  let score = 0;
  if (ENTRY_NAME.test(base)) score += 10;
  for (const dir of parts.slice(0, -1)) if (KEY_DIRS.has(dir)) score += 2;
  if (/Application\.(java|kt)$/.test(base)) score += 10;
  if (GENERATED.test(base)) score -= 30;
  return score - parts.length;
}

/** The `limit` most promising files, best first. */
export function pickSources(files: { rel: string; relToService: string }[], limit: number): string[] {
  return files
    .map((file) => ({ file: file.rel, score: sourcePriority(file.relToService) }))
    .sort((a, b) => b.score - a.score || a.file.localeCompare(b.file))
    .slice(0, limit)
    .map((entry) => entry.file);
}

const NODE_IMPORT = /(?:^|[;\s])(import|export)\s+(type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const PYTHON_IMPORT = /^[ \t]*(?:from\s+([\w.]+)\s+import\b|import\s+([\w., \t]+))/gm;
const GO_IMPORT_BLOCK = /^import\s*\(([\s\S]*?)\)/gm;
const GO_IMPORT_SINGLE = /^import\s+(?:[\w.]+\s+)?"([^"]+)"/gm;
const RUBY_REQUIRE = /^\s*require\s*\(?\s*['"]([^'"]+)['"]/gm;
const RUST_USE = /^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+([a-z_][a-z0-9_]*)::|^\s*extern\s+crate\s+([a-z_][a-z0-9_]*)|\b([a-z_][a-z0-9_]*)::[A-Za-z_]/gm;
const JVM_IMPORT = /^\s*import\s+(?:static\s+)?([\w.]+)/gm;
/** `use Illuminate\Support\Facades\Route;`, `use App\Models\{Order, Refund};`: namespaces, read with `\` as written. */
const PHP_USE = /^\s*use\s+(?:function\s+|const\s+)?\\?([A-Za-z_][\w\\]*)/gm;

/** Module specifiers a file imports at run time (type-only imports do not count). */
export function extractImports(text: string, ecosystem: Ecosystem): string[] {
  const out = new Set<string>();
  const add = (value: string | undefined) => value && out.add(value.trim());
  switch (ecosystem) {
    case 'node':
      for (const m of text.matchAll(NODE_IMPORT)) {
        if (m[2]) continue;
        add(m[3] ?? m[4] ?? m[5] ?? m[6]);
      }
      break;
    case 'python':
      for (const m of text.matchAll(PYTHON_IMPORT)) {
        if (m[1]) add(m[1]);
        else for (const part of m[2].split(',')) add(part.trim().split(/\s+/)[0]);
      }
      break;
    case 'go':
      for (const m of text.matchAll(GO_IMPORT_BLOCK)) for (const q of m[1].matchAll(/"([^"]+)"/g)) add(q[1]);
      for (const m of text.matchAll(GO_IMPORT_SINGLE)) add(m[1]);
      break;
    case 'ruby':
      for (const m of text.matchAll(RUBY_REQUIRE)) add(m[1]);
      break;
    case 'rust':
      for (const m of text.matchAll(RUST_USE)) add(m[1] ?? m[2] ?? m[3]);
      break;
    case 'jvm':
      for (const m of text.matchAll(JVM_IMPORT)) add(m[1]);
      break;
    case 'php':
      for (const m of text.matchAll(PHP_USE)) add(m[1].replace(/\\$/, ''));
      break;
  }
  return [...out];
}

/** Does an imported specifier belong to a catalog module name? */
export function importMatches(specifier: string, signal: string): boolean {
  if (signal.endsWith('*')) return specifier.startsWith(signal.slice(0, -1));
  return specifier === signal || specifier.startsWith(`${signal}/`) || specifier.startsWith(`${signal}.`) || specifier.startsWith(`${signal}::`) || specifier.startsWith(`${signal}\\`);
}

const FUNCTION_DECL: Record<Ecosystem, RegExp> = {
  node: /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*(\w+)|^\s*(?:export\s+)?(?:const|let|var)\s+(\w+)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:\([^)]*\)|\w+)\s*(?::\s*[^=]+)?=>|^\s*(?:public\s+|private\s+|protected\s+|static\s+|async\s+)*(\w+)\s*\([^)]*\)\s*(?::\s*[^{]+)?\{\s*$/,
  python: /^\s*(?:async\s+)?def\s+(\w+)/,
  go: /^func\s+(?:\([^)]*\)\s*)?(\w+)/,
  rust: /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?fn\s+(\w+)/,
  ruby: /^\s*def\s+(?:self\.)?(\w+)/,
  jvm: /^\s*(?:public|private|protected|static|final|\s)*[\w<>[\],\s]+\s+(\w+)\s*\([^)]*\)\s*(?:throws[^{]*)?\{\s*$/,
  php: /^\s*(?:public\s+|private\s+|protected\s+|static\s+)*function\s+(\w+)/,
};

const CONTROL_WORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'else', 'do', 'try', 'with']);

/** Name of the function a position sits in (by indentation), or undefined at module level. */
export function enclosingFunction(text: string, index: number, ecosystem: Ecosystem): string | undefined {
  // JVM, Ruby and PHP methods are called by reflection and by convention: reachability cannot be read off the text.
  if (ecosystem === 'jvm' || ecosystem === 'ruby' || ecosystem === 'php') return undefined;
  const lines = text.slice(0, index).split('\n');
  const current = lines[lines.length - 1] + text.slice(index, text.indexOf('\n', index) < 0 ? undefined : text.indexOf('\n', index));
  let minIndent = indentOf(current);
  if (minIndent === 0) return undefined;
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i];
    if (!line.trim()) continue;
    const indent = indentOf(line);
    if (indent >= minIndent) continue;
    const decl = FUNCTION_DECL[ecosystem].exec(line);
    const name = decl ? (decl[1] ?? decl[2] ?? decl[3]) : undefined;
    // A decorated function (`@field_validator(...)`, `@app.get(...)`, `@Get()`) is called by what it is
    // registered with, never by name: whether it runs cannot be read off the text.
    if (name && !CONTROL_WORDS.has(name)) return decoratedAt(lines, i) ? undefined : name;
    minIndent = indent;
    if (indent === 0) return undefined;
  }
  return undefined;
}

/** Whether the declaration at `lines[index]` has a decorator right above it (blank lines and comments between allowed). */
function decoratedAt(lines: readonly string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const above = lines[i].trim();
    if (!above || above.startsWith('#') || above.startsWith('//')) continue;
    // The end of a decorator's argument list spread over lines (`)` closing `@app.get(`).
    if (above.startsWith('@')) return true;
    if (/^[)\]},]/.test(above) || /^\w+\s*=/.test(above)) {
      const indent = indentOf(lines[index]);
      return lines.slice(Math.max(0, i - 8), i).some((line) => line.trim().startsWith('@') && indentOf(line) === indent);
    }
    return false;
  }
  return false;
}

function indentOf(line: string): number {
  const match = /^[ \t]*/.exec(line);
  return match ? match[0].replace(/\t/g, '    ').length : 0;
}

/** Names a runtime, a CLI or a framework calls by convention: never dead code. */
const EXTERNALLY_CALLED = /^(main|init|__init__|create_?app|make_?app|build_?app|get_?app|app|application|handler|bootstrap|run|serve|setup|register|default|configure|lambda_handler)$/i;

/** Is `name` (a function) referenced anywhere besides its own declaration? */
export function isReferenced(name: string, sources: Iterable<string>): boolean {
  if (EXTERNALLY_CALLED.test(name)) return true;
  const pattern = new RegExp(`\\b${name}\\b`, 'g');
  let count = 0;
  for (const text of sources) {
    count += text.match(pattern)?.length ?? 0;
    if (count > 1) return true;
  }
  return false;
}
