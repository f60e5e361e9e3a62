// What the repository's own files say about where generated things go and how
// they are named: the migrations folder and file prefix, the primary key type
// of existing tables, the test files the runner picks up. Read once, during
// detection, so backend-spec and contract-test decide from the same facts.
// Nothing here is a guess: a fact without a file behind it is left out, and
// the consumers fall back to the framework's standard and say so.

import path from 'node:path';
import type { Evidence, RepoLayout, RepoTable, ServiceStack } from '../types.js';
import { entitiesFromCode } from '../scope/grammar/models.js';
import { HANDLER_FILE, knowledgeOf, LIST_ENVELOPES, ORMS, PAGE_WORDS, PAGING_CLASSES, PAGING_PAIRS, QUERY_PARAM_DEFAULTS, QUERY_PARAM_READS, SERVICE_LAYER_MODULES, SQL_PRIMARY_KEY, type KeyType } from '../knowledge/index.js';
import { readErrorBody } from './error-body.js';
import { globToRegExp } from './glob.js';
import { fileRole, lineOfIndex, type RepoReader } from './scan.js';

const posix = path.posix;

/** Folder names migrations live in (the last segment of the folder). */
const MIGRATION_FOLDERS = new Set(['migrations', 'migration', 'migrate', 'versions', 'drizzle']);

const relTo = (dir: string, file: string): string => (dir === '.' || dir === '' ? file : file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : file);
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The migration tool whose folder to look for: the detected one, else the ORM's standard. */
export function migrationToolOfStack(stack: Pick<ServiceStack, 'migrations' | 'orm'>): string | undefined {
  return knowledgeOf('migrations', stack.migrations?.value)?.id ?? knowledgeOf('orm', stack.orm?.value)?.migrationTool;
}

/** Laravel writes its timestamp prefix with underscores: `2024_05_01_000000_create_loans_table.php`. */
const UNDERSCORED_TIMESTAMP = String.raw`\d{4}_\d{2}_\d{2}_\d{6}`;

/** `<timestamp>`, `<nnnn>`… from the prefixes of existing migration files; undefined when they are not numbers. */
export function prefixOf(written: string[]): string | undefined {
  const prefixes = written.map((prefix) => (new RegExp(`^${UNDERSCORED_TIMESTAMP}$`).test(prefix) ? prefix.replace(/_/g, '') : prefix));
  const numeric = prefixes.filter((prefix) => /^\d+$/.test(prefix));
  if (!numeric.length || numeric.length < prefixes.length / 2) return undefined;
  const lengths = numeric.map((prefix) => prefix.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  return median >= 8 ? '<timestamp>' : `<${'n'.repeat(median)}>`;
}

/** The highest numeric prefix, as written (`0007`). */
function lastInSequence(prefixes: string[]): string | undefined {
  const numeric = prefixes.filter((prefix) => /^\d+$/.test(prefix));
  return numeric.length ? numeric.reduce((a, b) => (Number(b) > Number(a) ? b : a)) : undefined;
}

async function alembicVersions(reader: RepoReader, serviceDir: string, files: string[]): Promise<RepoLayout['migrations'] | undefined> {
  for (const ini of files.filter((file) => posix.basename(file) === 'alembic.ini').sort((a, b) => a.length - b.length)) {
    const text = await reader.read(ini);
    if (!text) continue;
    const match = /^[ \t]*script_location[ \t]*[=:][ \t]*(\S[^\r\n]*?)[ \t]*$/m.exec(text);
    if (!match) continue;
    const iniDir = posix.dirname(ini);
    const location = match[1].replace(/%\(here\)s\/?/g, '').replace(/\\/g, '/');
    if (location.includes(':')) continue; // package:resource form: not a folder we can place
    const versions = posix.normalize(posix.join(iniDir === '.' ? '' : iniDir, location, 'versions'));
    const existing = files.filter((file) => posix.dirname(file) === versions && file.endsWith('.py') && !file.endsWith('__init__.py'));
    const prefixes = existing.map((file) => /^([0-9A-Za-z]+)[_-]/.exec(posix.basename(file))?.[1] ?? '');
    return { dir: relTo(serviceDir, versions), prefix: prefixOf(prefixes), count: existing.length, evidence: [{ file: ini, line: lineOfIndex(text, match.index) }] };
  }
  return undefined;
}

/** The folder of the repository's existing migrations, and their prefix, for the service's migration tool. */
export async function readMigrations(reader: RepoReader, serviceDir: string, files: string[], tool: string | undefined): Promise<RepoLayout['migrations'] | undefined> {
  const conv = knowledgeOf('migrations', tool);
  if (!conv) return undefined;
  if (tool === 'alembic') {
    const fromIni = await alembicVersions(reader, serviceDir, files);
    if (fromIni) return fromIni;
  }
  const rest = conv.file.replace(/^\{dir\}\//, '');
  const segments = rest.split('/').length;
  let first = true;
  const source = rest
    .split(/(<[^>]+>|\{\w+\})/)
    .map((part) => {
      if (/^<[^>]+>$/.test(part)) {
        const group = first ? `(${UNDERSCORED_TIMESTAMP}|[0-9A-Za-z]+)` : '[^/]+';
        first = false;
        return group;
      }
      if (/^\{\w+\}$/.test(part)) return '[^/]+';
      return escape(part);
    })
    .join('');
  const pattern = new RegExp(`^${source}$`);
  const defaultBase = posix.basename(conv.dir);
  const byDir = new Map<string, { files: string[]; prefixes: string[] }>();
  for (const file of files) {
    const rel = relTo(serviceDir, file);
    const parts = rel.split('/');
    if (parts.length <= segments) continue;
    const match = pattern.exec(parts.slice(-segments).join('/'));
    if (!match) continue;
    const dir = parts.slice(0, -segments).join('/');
    const base = posix.basename(dir);
    if (!MIGRATION_FOLDERS.has(base) && base !== defaultBase) continue;
    const entry = byDir.get(dir) ?? byDir.set(dir, { files: [], prefixes: [] }).get(dir)!;
    entry.files.push(file);
    entry.prefixes.push(match[1] ?? '');
  }
  const ranked = [...byDir.entries()].sort((a, b) => b[1].files.length - a[1].files.length || a[0].split('/').length - b[0].split('/').length || a[0].localeCompare(b[0]));
  if (!ranked.length) return undefined;
  // Django keeps one folder per app: which app the sprint's models join is the plan's to say, so with several
  // apps the folder stays `<app>`, under the apps' common parent, with the numbering they all share.
  if (conv.dir.startsWith('<app>/') && ranked.length > 1) {
    const parents = ranked.map(([dir]) => posix.dirname(posix.dirname(dir)));
    const parent = parents.every((candidate) => candidate === parents[0]) ? parents[0] : undefined;
    const all = ranked.flatMap(([, entry]) => entry.files).sort();
    const base = posix.basename(ranked[0][0]);
    return {
      dir: parent === undefined ? conv.dir : `${parent === '.' ? '' : `${parent}/`}<app>/${base}`,
      prefix: prefixOf(ranked.flatMap(([, entry]) => entry.prefixes)),
      count: all.length,
      evidence: [{ file: all[all.length - 1] }],
    };
  }
  const [dir, found] = ranked[0];
  const sorted = [...found.files].sort();
  const prefix = prefixOf(found.prefixes);
  const last = prefix && prefix !== '<timestamp>' ? lastInSequence(found.prefixes) : undefined;
  return { dir, prefix, count: found.files.length, ...(last ? { last } : {}), evidence: [{ file: sorted[sorted.length - 1] }] };
}

/** How raw SQL and each ORM declare a primary key, per key type. */
const PRIMARY_KEY_SIGNALS = [SQL_PRIMARY_KEY, ...ORMS.flatMap((orm) => (orm.primaryKey ? [orm.primaryKey] : []))];

const MODEL_FILE = /(^|\/)(models?|entit(y|ies)|schema|db|domain)(\/|\.|_|$)|\.prisma$|(^|\/)(migrations?|migrate|versions)\//i;
const KEY_SOURCE = /\.(py|ts|js|mjs|cjs|rb|go|prisma|sql|kt|java|php)$/;
const MAX_KEY_FILES = 60;

/** The primary key type the existing tables use, by the knowledge's per-technology signals. */
export async function readPrimaryKey(reader: RepoReader, serviceDir: string, files: string[]): Promise<RepoLayout['primaryKey'] | undefined> {
  const candidates = files
    .filter((file) => KEY_SOURCE.test(file) && MODEL_FILE.test(relTo(serviceDir, file)) && !/(^|\/)(node_modules|vendor|test|tests|spec|__tests__)\//.test(file))
    .sort()
    .slice(0, MAX_KEY_FILES);
  const texts = await reader.readMany(candidates);
  const counts = new Map<KeyType, { count: number; evidence: Evidence }>();
  for (const [file, text] of texts) {
    for (const signals of PRIMARY_KEY_SIGNALS) {
      for (const [type, patterns] of Object.entries(signals) as [KeyType, RegExp[]][]) {
        for (const pattern of patterns) {
          const match = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
          for (const hit of text.matchAll(match)) {
            const entry = counts.get(type) ?? counts.set(type, { count: 0, evidence: { file, line: lineOfIndex(text, hit.index ?? 0) } }).get(type)!;
            entry.count++;
          }
        }
      }
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  if (!ranked.length) return undefined;
  const [type, { evidence }] = ranked[0];
  // `@default(uuid())`, `.defaultRandom()`, `DEFAULT gen_random_uuid()`: the schema itself makes the uuid keys on insert.
  // (A default in application code, `uuid.uuid4` or `uuid.New()`, is not part of a migration.)
  const near = (texts.get(evidence.file) ?? '').split('\n').slice(Math.max(0, (evidence.line ?? 1) - 1), (evidence.line ?? 1) + 2).join('\n');
  const generated = type === 'uuid' && SCHEMA_GENERATED_UUID.test(near);
  return { type, evidence: [evidence], ...(generated ? { generated } : {}) };
}

const HANDLER_SOURCE = /\.(py|ts|js|mjs|cjs|rb|go|java|kt)$/;
const MAX_HANDLER_FILES = 80;

/** A pattern that finds where a handler reads the query parameter `name`, in any framework's idiom. */
function queryRead(name: string): RegExp {
  return new RegExp(QUERY_PARAM_READS.map((read) => read.replace('NAME', name)).join('|'));
}

/** How the existing handlers page: the parameter pair the most handler files read both of. */
export async function readPaging(reader: RepoReader, serviceDir: string, files: string[]): Promise<RepoLayout['paging'] | undefined> {
  const candidates = files
    .filter((file) => HANDLER_SOURCE.test(file) && HANDLER_FILE.test(relTo(serviceDir, file)) && !/(^|\/)(node_modules|vendor|dist|build|test|tests|spec|__tests__)\//.test(file) && !/[._](test|spec)\.\w+$/.test(file))
    .sort()
    .slice(0, MAX_HANDLER_FILES);
  if (!candidates.length) return undefined;
  const texts = await reader.readMany(candidates);
  // A pair counts in a file that reads both parameters; a paging class (DRF `LimitOffsetPagination`) reads its pair
  // itself, so a file that uses it counts as reading both.
  const readers = [
    ...PAGING_PAIRS.map((pair) => {
      const [size, position] = pair.params.map(queryRead);
      return { pair, find: (text: string) => (size.test(text) ? position.exec(text) : null) };
    }),
    ...PAGING_CLASSES.map((pair) => ({ pair, find: (text: string) => pair.pattern.exec(text) })),
  ];
  let best: { pair: (typeof PAGING_PAIRS)[number]; count: number; evidence: Evidence } | undefined;
  for (const { pair, find } of readers) {
    let count = 0;
    let evidence: Evidence | undefined;
    for (const file of candidates) {
      const text = texts.get(file);
      const hit = text === undefined ? null : find(text);
      if (!hit) continue;
      count++;
      evidence ??= { file, line: lineOfIndex(text!, hit.index) };
    }
    if (count && evidence && (!best || count > best.count)) best = { pair, count, evidence };
  }
  if (!best) return undefined;
  // The page size the handlers default to, where the one that pages first states it.
  const size = new RegExp(QUERY_PARAM_DEFAULTS.map((read) => read.replace('NAME', best!.pair.params[0])).join('|'));
  const hit = size.exec(texts.get(best.evidence.file) ?? '');
  const value = hit ? Number(hit.slice(1).find((group) => group !== undefined)) : undefined;
  return { params: [...best.pair.params], kind: best.pair.kind, evidence: [best.evidence], ...(value && value > 0 ? { sizeDefault: value } : {}) };
}

const ENVELOPE_FILE = /(^|\/)(models?|schemas?|dtos?|types|entit(y|ies)|responses?|serializers?)(\/|\.|_|$)/i;

/** The list envelope the most of the repository's response models share (`data` + `count`), with the first one's place. */
export async function readListEnvelope(reader: RepoReader, serviceDir: string, files: string[]): Promise<RepoLayout['listEnvelope'] | undefined> {
  const candidates = files
    .filter((file) => ENVELOPE_FILE.test(relTo(serviceDir, file)) && LIST_ENVELOPES.some((lang) => lang.files.test(file)) && !/(^|\/)(node_modules|dist|build|venv|\.venv|site-packages|test|tests|__tests__|migrations?|alembic)\//.test(file) && !/[._](test|spec)\.\w+$/.test(file))
    .sort()
    .slice(0, MAX_MODEL_FILES);
  const texts = await reader.readMany(candidates);
  const found = new Map<string, { items: string; total: string; count: number; evidence: Evidence }>();
  for (const file of candidates) {
    const text = texts.get(file);
    const lang = LIST_ENVELOPES.find((entry) => entry.files.test(file));
    if (!text || !lang) continue;
    for (const block of text.matchAll(new RegExp(lang.block.source, lang.block.flags))) {
      const body = block[1];
      const items = lang.list.exec(body)?.[1];
      const total = lang.total.exec(body)?.[1];
      if (!items || !total || items === total) continue;
      const fields = [...body.matchAll(new RegExp(lang.field.source, lang.field.flags))].map((match) => match[1]);
      if (fields.some((name) => name !== items && name !== total && !PAGE_WORDS.test(name))) continue;
      const key = `${items} ${total}`;
      const entry = found.get(key) ?? found.set(key, { items, total, count: 0, evidence: { file, line: lineOfIndex(text, block.index) } }).get(key)!;
      entry.count++;
    }
  }
  const best = [...found.values()].sort((a, b) => b.count - a.count)[0];
  return best ? { items: best.items, total: best.total, evidence: [best.evidence] } : undefined;
}

/** The folder or module the service layer already lives in, by the names apps give it (knowledge: SERVICE_LAYER_MODULES). */
export function readServiceLayer(serviceDir: string, files: string[]): RepoLayout['services'] | undefined {
  const sources = files.filter((file) => !/(^|\/)(node_modules|vendor|dist|build|venv|\.venv|site-packages|test|tests|spec|__tests__|migrations?|alembic)\//.test(relTo(serviceDir, file)) && !/(^|\/)__init__\.py$/.test(file));
  for (const { pattern, holds } of SERVICE_LAYER_MODULES) {
    const hits = sources.filter((file) => pattern.test(relTo(serviceDir, file))).sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
    if (hits.length) return { path: holds === 'file' ? hits[0] : posix.dirname(hits[0]), evidence: [{ file: hits[0] }] };
  }
  return undefined;
}

/** Folders and file names that are not the app's own configuration (dependencies, builds, tests). */
const NOT_OWN_FILE = /(^|\/)(node_modules|vendor|dist|build|venv|\.venv|site-packages|test|tests|spec|__tests__)\/|[._](test|spec)\.\w+$/;

/**
 * The first of the app's own files named by `where.files` in which `where.setting` matches, in path order:
 * how knowledge that names a setting (a global prefix, a cookie name, `synchronize: true`) is read.
 */
async function firstSetting(reader: RepoReader, serviceDir: string, files: string[], where: { files: RegExp; setting: RegExp }): Promise<{ file: string; text: string; hit: RegExpExecArray } | undefined> {
  const candidates = files.filter((file) => where.files.test(relTo(serviceDir, file)) && !NOT_OWN_FILE.test(file)).sort();
  const texts = await reader.readMany(candidates);
  for (const file of candidates) {
    const text = texts.get(file);
    const hit = text === undefined ? null : where.setting.exec(text);
    if (hit) return { file, text: text!, hit };
  }
  return undefined;
}

/** Where the migration tool's own configuration hands it the models (Alembic env.py `target_metadata = SQLModel.metadata`). */
export async function readAutogenerate(reader: RepoReader, serviceDir: string, files: string[], tool: string | undefined): Promise<Evidence | undefined> {
  const auto = knowledgeOf('migrations', tool)?.autogenerate;
  const found = auto && (await firstSetting(reader, serviceDir, files, auto));
  return found ? { file: found.file, line: lineOfIndex(found.text, found.hit.index) } : undefined;
}

const SCHEMA_GENERATED_UUID = /@default\(\s*uuid\(\)\s*\)|\.defaultRandom\(\)|gen_random_uuid\(\)|uuid_generate_v4\(\)/i;

/** The one prefix the framework's own setting puts before every route, read from the files that set it. */
export async function readBasePath(reader: RepoReader, serviceDir: string, files: string[], framework: string | undefined): Promise<RepoLayout['basePath'] | undefined> {
  const prefix = knowledgeOf('framework', framework)?.globalPrefix;
  const found = prefix && (await firstSetting(reader, serviceDir, files, prefix));
  return found?.hit[1] ? { path: `/${found.hit[1]}`, evidence: [{ file: found.file, line: lineOfIndex(found.text, found.hit.index) }] } : undefined;
}

/** The session cookie's name: the auth library's setting in the repository, else its documented default. */
export async function readSessionCookie(reader: RepoReader, serviceDir: string, files: string[], auths: string[]): Promise<RepoLayout['sessionCookie'] | undefined> {
  for (const auth of auths) {
    const cookie = knowledgeOf('auth', auth)?.sessionCookie;
    if (!cookie) continue;
    const found = await firstSetting(reader, serviceDir, files, cookie);
    if (found?.hit[1]) return { name: found.hit[1], auth, evidence: [{ file: found.file, line: lineOfIndex(found.text, found.hit.index + found.hit[0].indexOf(found.hit[1])) }] };
    if (cookie.defaultName) return { name: cookie.defaultName, auth, evidence: [] };
  }
  return undefined;
}

/** Where the ORM is told to build the schema from its models at startup, read from its own configuration files. */
export async function readSchemaSync(reader: RepoReader, serviceDir: string, files: string[], orm: string | undefined): Promise<RepoLayout['schemaSync'] | undefined> {
  const sync = knowledgeOf('orm', orm)?.schemaSync;
  if (!orm || !sync) return undefined;
  const found = await firstSetting(reader, serviceDir, files, sync);
  return found ? { orm, setting: sync.label, evidence: [{ file: found.file, line: lineOfIndex(found.text, found.hit.index) }] } : undefined;
}

const MAX_MODEL_FILES = 200;

/** The tables the ORM's model classes declare, read with the same grammar as a document's code blocks. */
export async function readRepoTables(reader: RepoReader, serviceDir: string, files: string[], orm: string | undefined): Promise<RepoTable[] | undefined> {
  const models = knowledgeOf('orm', orm)?.modelFiles;
  if (!models) return undefined;
  const candidates = files
    .filter((file) => models.files.test(relTo(serviceDir, file)) && !/(^|\/)(node_modules|dist|build|test|tests|__tests__)\//.test(file) && !/\.(test|spec)\.[cm]?[jt]s$/.test(file))
    .sort()
    .slice(0, MAX_MODEL_FILES);
  const texts = await reader.readMany(candidates);
  const tables: RepoTable[] = [];
  for (const file of candidates) {
    const text = texts.get(file);
    if (!text || !models.marker.test(text)) continue;
    let entities;
    try {
      entities = entitiesFromCode(models.language, text, 1);
    } catch {
      continue;
    }
    for (const entity of entities) {
      if (tables.some((known) => known.table === entity.table)) continue;
      const className = /\bclass\s+([A-Za-z_$][\w$]*)/.exec(text.split('\n')[entity.line - 1] ?? '')?.[1];
      tables.push({ table: entity.table, ...(className ? { className } : {}), columns: entity.columns.map((column) => ({ name: column.name, ...(column.type ? { type: column.type } : {}) })), evidence: [{ file, line: entity.line }] });
    }
  }
  return tables.length ? tables : undefined;
}

const MAX_MIGRATION_FILES = 200;

/**
 * The tables the repository's SQL migrations create (Flyway `V1__create_tables.sql`, golang-migrate, goose…),
 * for ORMs whose models say nothing about tables (MyBatis mappers, sqlc queries): CREATE TABLE gives a table
 * and its columns, a later ALTER TABLE … ADD COLUMN adds to it.
 */
export async function readMigrationTables(reader: RepoReader, serviceDir: string, files: string[], tool: string | undefined, migrations: RepoLayout['migrations'] | undefined): Promise<RepoTable[] | undefined> {
  if (!migrations || knowledgeOf('migrations', tool)?.body !== 'sql') return undefined;
  const dir = migrations.dir === '.' || migrations.dir === '' ? '' : `${migrations.dir}/`;
  const candidates = files
    .filter((file) => file.endsWith('.sql') && relTo(serviceDir, file).startsWith(dir) && !/(^|\/)(down|rollback)[^/]*$|\.down\.sql$/i.test(file))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
    .slice(0, MAX_MIGRATION_FILES);
  const texts = await reader.readMany(candidates);
  const tables: RepoTable[] = [];
  for (const file of candidates) {
    const text = texts.get(file);
    if (!text || !/\bcreate\s+table\b|\balter\s+table\b/i.test(text)) continue;
    let entities;
    try {
      entities = entitiesFromCode('sql', text, 1);
    } catch {
      continue;
    }
    for (const entity of entities) {
      const known = tables.find((table) => table.table === entity.table);
      const columns = entity.columns.map((column) => ({ name: column.name, ...(column.type ? { type: column.type } : {}) }));
      if (known) {
        for (const column of columns) if (!known.columns.some((existing) => existing.name === column.name)) known.columns.push(column);
      } else if (entity.change === 'new-table') {
        tables.push({ table: entity.table, columns, evidence: [{ file, line: entity.line }] });
      }
    }
  }
  return tables.length ? tables : undefined;
}

const MAX_LAYER_FILES = 400;

/** Per layer, the folder holding most of the main-code files that carry the framework's marker for it (`@Service`). */
export async function readLayers(reader: RepoReader, serviceDir: string, files: string[], framework: string | undefined): Promise<RepoLayout['layers'] | undefined> {
  const named = knowledgeOf('framework', framework)?.layerFiles;
  if (!named) return undefined;
  const candidates = files
    .filter((file) => (serviceDir === '.' || serviceDir === '' || file.startsWith(`${serviceDir}/`)) && named.files.test(file) && fileRole(relTo(serviceDir, file)) === 'main')
    .sort()
    .slice(0, MAX_LAYER_FILES);
  const texts = await reader.readMany(candidates);
  const layers: NonNullable<RepoLayout['layers']> = {};
  for (const [kind, marker] of Object.entries(named.markers) as [keyof NonNullable<RepoLayout['layers']>, RegExp][]) {
    const byDir = new Map<string, string[]>();
    for (const file of candidates) {
      const text = texts.get(file);
      if (!text || !marker.test(text)) continue;
      const dir = posix.dirname(file);
      (byDir.get(dir) ?? byDir.set(dir, []).get(dir)!).push(file);
    }
    const ranked = [...byDir.entries()].sort((a, b) => b[1].length - a[1].length || a[0].split('/').length - b[0].split('/').length || a[0].localeCompare(b[0]));
    if (!ranked.length) continue;
    const [dir, found] = ranked[0];
    const first = found[0];
    const text = texts.get(first)!;
    layers[kind] = { dir, count: found.length, evidence: [{ file: first, line: lineOfIndex(text, marker.exec(text)!.index) }] };
  }
  return Object.keys(layers).length ? layers : undefined;
}

const JEST_CONFIGS = ['jest.config.ts', 'jest.config.js', 'jest.config.mjs', 'jest.config.cjs', 'jest.config.json'];

function stringsOf(raw: string): string[] {
  return [...raw.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2].replace(/\\\\/g, '\\').replace(/\\(['"`])/g, '$1'));
}

/** testRegex / testMatch / rootDir from a jest configuration's text (JSON or a JS object literal). */
export function parseJestConfig(text: string): { regex?: string; globs?: string[]; rootDir?: string; line?: number } | undefined {
  const regex = /["']?testRegex["']?\s*:\s*(\[[^\]]*\]|(['"`])(?:\\.|(?!\2).)*\2)/.exec(text);
  const match = /["']?testMatch["']?\s*:\s*(\[[^\]]*\])/.exec(text);
  const root = /["']?rootDir["']?\s*:\s*(['"`])((?:\\.|(?!\1).)*)\1/.exec(text);
  if (!regex && !match) return undefined;
  const at = (regex ?? match)!.index;
  return {
    regex: regex ? stringsOf(regex[1])[0] : undefined,
    globs: match ? stringsOf(match[1]) : undefined,
    rootDir: root ? root[2] : undefined,
    line: lineOfIndex(text, at),
  };
}

/** Which files jest runs, when the repository narrows them (a config file, `--config=<file>` in a script, package.json "jest"). */
export async function readTestPattern(reader: RepoReader, serviceDir: string, files: string[], runner: string | undefined): Promise<RepoLayout['testPattern'] | undefined> {
  if (runner !== 'jest') return undefined;
  const at = (name: string) => (serviceDir === '.' ? name : `${serviceDir}/${name}`);
  const manifest = await reader.read(at('package.json'));
  let pkg: { scripts?: Record<string, string>; jest?: unknown } | undefined;
  try {
    pkg = manifest ? JSON.parse(manifest) : undefined;
  } catch {
    pkg = undefined;
  }
  const testScript = pkg?.scripts?.test ?? '';
  const flag = /--config(?:=|\s+)(['"]?)([^\s'"]+)\1/.exec(testScript);
  const sources: { file: string; config?: string }[] = [];
  if (flag && !flag[2].startsWith('{')) sources.push({ file: at(posix.normalize(flag[2])), config: flag[2] });
  for (const name of JEST_CONFIGS) if (files.includes(at(name))) sources.push({ file: at(name) });
  if (pkg?.jest && manifest) sources.push({ file: at('package.json') });
  for (const source of sources) {
    const text = source.file === at('package.json') ? JSON.stringify({ jest: pkg?.jest }) : await reader.read(source.file);
    if (!text) continue;
    const parsed = parseJestConfig(text);
    if (!parsed) continue;
    const configDir = posix.dirname(relTo(serviceDir, source.file));
    const rootDir = parsed.rootDir ? posix.normalize(posix.join(configDir, parsed.rootDir.replace(/^<rootDir>\/?/, ''))) : configDir;
    const line = source.file === at('package.json') && manifest ? lineOfIndex(manifest, Math.max(0, manifest.indexOf('"testRegex"') >= 0 ? manifest.indexOf('"testRegex"') : manifest.indexOf('"testMatch"'))) : parsed.line;
    return {
      runner,
      regex: parsed.regex,
      globs: parsed.globs?.map((glob) => glob.replace(/^<rootDir>\//, '')),
      config: source.config,
      rootDir: rootDir === '.' ? undefined : rootDir,
      evidence: [{ file: source.file, line }],
    };
  }
  return undefined;
}

/** Whether the runner configuration picks up a service-relative test file. */
export function pickedUp(pattern: RepoLayout['testPattern'], serviceRelative: string): boolean {
  if (!pattern) return true;
  const file = posix.normalize(serviceRelative);
  if (pattern.rootDir && !file.startsWith(`${pattern.rootDir}/`)) return false;
  const fromRoot = pattern.rootDir ? file.slice(pattern.rootDir.length + 1) : file;
  if (pattern.regex) {
    try {
      return new RegExp(pattern.regex).test(`/${file}`);
    } catch {
      return true;
    }
  }
  if (pattern.globs?.length) {
    return pattern.globs.some((glob) => {
      const negated = glob.startsWith('!');
      const re = globToRegExp(glob.replace(/^!/, '').replace(/^\*\*\//, '**/'));
      return !negated && (re.test(fromRoot) || re.test(file));
    });
  }
  return true;
}

export async function readLayout(reader: RepoReader, serviceDir: string, files: string[], stack: ServiceStack): Promise<RepoLayout | undefined> {
  const layout: RepoLayout = {};
  const tool = migrationToolOfStack(stack);
  const migrations = await readMigrations(reader, serviceDir, files, tool);
  if (migrations) {
    const autogenerate = await readAutogenerate(reader, serviceDir, files, tool);
    layout.migrations = autogenerate ? { ...migrations, autogenerate } : migrations;
  }
  if (stack.orm || stack.migrations || stack.databases.length) {
    const key = await readPrimaryKey(reader, serviceDir, files);
    if (key) layout.primaryKey = key;
  }
  const basePath = await readBasePath(reader, serviceDir, files, stack.framework?.value);
  if (basePath) layout.basePath = basePath;
  const paging = await readPaging(reader, serviceDir, files);
  if (paging) layout.paging = paging;
  const sessionCookie = await readSessionCookie(reader, serviceDir, files, stack.auth.map((auth) => auth.value));
  if (sessionCookie) layout.sessionCookie = sessionCookie;
  const errorBody = await readErrorBody(reader, serviceDir, files, stack.framework?.value);
  if (errorBody) layout.errorBody = errorBody;
  const listEnvelope = await readListEnvelope(reader, serviceDir, files);
  if (listEnvelope) layout.listEnvelope = listEnvelope;
  const services = readServiceLayer(serviceDir, files);
  if (services) layout.services = services;
  const tables = (await readRepoTables(reader, serviceDir, files, stack.orm?.value)) ?? (await readMigrationTables(reader, serviceDir, files, migrationToolOfStack(stack), migrations));
  if (tables) layout.tables = tables;
  const layers = await readLayers(reader, serviceDir, files, stack.framework?.value);
  if (layers) layout.layers = layers;
  const schemaSync = await readSchemaSync(reader, serviceDir, files, stack.orm?.value);
  if (schemaSync) layout.schemaSync = schemaSync;
  const testPattern = await readTestPattern(reader, serviceDir, files, stack.testRunner?.value);
  if (testPattern) layout.testPattern = testPattern;
  return Object.keys(layout).length ? layout : undefined;
}
