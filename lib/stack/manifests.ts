// Dependency manifests of one service folder, parsed into one flat list.
// Parsers are lazy-loaded: a repository without TOML never loads the TOML parser.
import path from 'node:path';
import type { StackWarning } from '../types.js';
import type { Ecosystem } from '../knowledge/index.js';
import { lineOfIndex, type RepoReader } from './scan.js';
import { namedExports } from '../interop.js';

export interface Dep {
  name: string;
  ecosystem: Ecosystem;
  file: string;
  line?: number;
  dev: boolean;
  /** A Go `// indirect` requirement: pulled in by something else, never evidence. */
  indirect?: boolean;
  /** The version requirement as declared (`^4.18.2`, `0.6`), when the manifest gives one. */
  version?: string;
}

export interface Manifests {
  deps: Dep[];
  /** Names the service publishes itself as (package name, module path, crate). */
  names: string[];
  /** The same names with the ecosystem of the manifest that declares them. */
  namedBy: { name: string; ecosystem: Ecosystem }[];
  /** Files parsed, repo-relative. */
  files: string[];
  /** Lines of `-r`/workspace includes etc. are resolved; these are `go.work` / workspace members. */
  workspaceMembers: string[];
  /** A gemspec, or a crate with only a library target. */
  publishesLibrary: boolean;
  warnings: StackWarning[];
}

const MANIFEST_BASENAMES = new Set([
  'package.json', 'pyproject.toml', 'Pipfile', 'setup.py', 'go.mod', 'go.work', 'Gemfile', 'Cargo.toml', 'pom.xml',
  'build.gradle', 'build.gradle.kts', 'composer.json',
]);
const REQUIREMENTS = /^requirements[\w.-]*\.txt$/;

export const MANIFEST_ECOSYSTEM: Record<string, Ecosystem> = {
  'package.json': 'node', 'pyproject.toml': 'python', Pipfile: 'python', 'setup.py': 'python', 'go.mod': 'go', 'go.work': 'go',
  Gemfile: 'ruby', 'Cargo.toml': 'rust', 'pom.xml': 'jvm', 'build.gradle': 'jvm', 'build.gradle.kts': 'jvm', 'composer.json': 'php',
};

/** Folder a manifest makes a service candidate, or undefined when the file is not a manifest. */
export function manifestDir(rel: string): string | undefined {
  const slash = rel.lastIndexOf('/');
  const base = rel.slice(slash + 1);
  const dir = slash < 0 ? '.' : rel.slice(0, slash);
  if (MANIFEST_BASENAMES.has(base) || REQUIREMENTS.test(base)) return dir;
  if (!base.endsWith('.txt') && !base.endsWith('.gemspec')) return undefined;
  if (path.posix.basename(dir) === 'requirements' && base.endsWith('.txt')) return path.posix.dirname(dir);
  if (base.endsWith('.gemspec')) return dir;
  return undefined;
}

const DEV_NAME = /(^|[-_.])(dev|test|tests|testing|lint|ci|docs?|typing|local)([-_.]|$)/i;

export function normalizePython(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function lineOf(text: string, needle: string, from = 0): number | undefined {
  const index = text.indexOf(needle, from);
  return index < 0 ? undefined : lineOfIndex(text, index);
}

/** Parses the manifests found directly in `dir` (plus `requirements/*.txt`). */
export async function readManifests(reader: RepoReader, dir: string, files: string[]): Promise<Manifests> {
  const out: Manifests = { deps: [], names: [], namedBy: [], files: [], workspaceMembers: [], publishesLibrary: false, warnings: [] };
  const prefix = dir === '.' ? '' : `${dir}/`;
  const own = files.filter((file) => manifestDir(file) === dir);
  const requirementsSeen = new Set<string>();
  for (const file of own) {
    const base = path.posix.basename(file);
    const text = await reader.read(file);
    if (text === undefined) continue;
    out.files.push(file);
    try {
      if (base === 'package.json') parsePackageJson(text, file, out);
      else if (base === 'pyproject.toml') await parsePyproject(text, file, out);
      else if (base === 'Pipfile') await parsePipfile(text, file, out);
      else if (REQUIREMENTS.test(base) || file.startsWith(`${prefix}requirements/`)) await parseRequirements(reader, file, text, out, requirementsSeen);
      else if (base === 'go.mod') parseGoMod(text, file, out);
      else if (base === 'go.work') parseGoWork(text, dir, out);
      else if (base === 'Gemfile') parseGemfile(text, file, out, parseGemfileLock((await reader.read(`${prefix}Gemfile.lock`)) ?? ''));
      else if (base.endsWith('.gemspec')) out.publishesLibrary = true;
      else if (base === 'Cargo.toml') await parseCargo(text, file, files, prefix, out);
      else if (base === 'pom.xml') await parsePom(text, file, out);
      else if (base === 'composer.json') parseComposer(text, file, out);
      else if (base.startsWith('build.gradle')) {
        parseGradle(text, file, out, await readVersionCatalog(reader, dir, out));
        // The build's name is in its settings file: `rootProject.name = "shelf-service"`.
        const settings = (await reader.read(`${prefix}settings.gradle.kts`)) ?? (await reader.read(`${prefix}settings.gradle`));
        const name = settings && /^\s*rootProject\.name\s*=\s*["']([\w.-]+)["']/m.exec(settings)?.[1];
        if (name && !out.names.includes(name)) out.names.push(name);
      }
      const ecosystem = MANIFEST_ECOSYSTEM[base];
      for (const name of out.names.slice(out.namedBy.length)) out.namedBy.push({ name, ecosystem: ecosystem ?? 'node' });
    } catch (error) {
      out.warnings.push({ code: 'unparsable-manifest', message: `${file} could not be parsed (${(error as Error).message.split('\n')[0]}); its dependencies were skipped.` });
    }
  }
  return out;
}

/**
 * A JSON manifest's name and dependency sections (`package.json`, `composer.json`): each dependency with the line
 * it is declared on and its version requirement. `skip` leaves out names that are no packages (Composer's `php`).
 */
function readJsonManifest(text: string, file: string, out: Manifests, ecosystem: Ecosystem, sections: ReadonlyArray<readonly [string, boolean]>, skip?: (name: string) => boolean): Record<string, unknown> {
  const json = JSON.parse(text) as Record<string, unknown>;
  if (typeof json.name === 'string') out.names.push(json.name);
  for (const [section, dev] of sections) {
    const deps = json[section];
    if (!deps || typeof deps !== 'object') continue;
    const sectionIndex = text.indexOf(`"${section}"`);
    for (const [name, spec] of Object.entries(deps)) {
      if (skip?.(name)) continue;
      out.deps.push({ name, ecosystem, file, line: lineOf(text, `"${name}"`, Math.max(0, sectionIndex)), dev, ...(typeof spec === 'string' ? { version: spec } : {}) });
    }
  }
  return json;
}

function parsePackageJson(text: string, file: string, out: Manifests): void {
  const json = readJsonManifest(text, file, out, 'node', [['dependencies', false], ['optionalDependencies', false], ['devDependencies', true]]);
  const workspaces = Array.isArray(json.workspaces) ? json.workspaces : (json.workspaces as { packages?: unknown })?.packages;
  if (Array.isArray(workspaces)) out.workspaceMembers.push(...workspaces.filter((w): w is string => typeof w === 'string'));
}

/** Composer's `require` / `require-dev`; `php`, `ext-*` and `lib-*` are platform requirements, not packages. */
function parseComposer(text: string, file: string, out: Manifests): void {
  readJsonManifest(text, file, out, 'php', [['require', false], ['require-dev', true]], (name) => name === 'php' || /^(?:ext|lib)-/.test(name));
}

const PEP508 = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?/;

function pushPython(spec: string, file: string, text: string, dev: boolean, out: Manifests): void {
  const match = PEP508.exec(spec);
  if (!match) return;
  const name = normalizePython(match[1]);
  const line = lineOf(text, match[1]);
  out.deps.push({ name, ecosystem: 'python', file, line, dev });
  for (const extra of (match[2] ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    out.deps.push({ name: `${name}/${normalizePython(extra)}`, ecosystem: 'python', file, line, dev });
  }
}

async function parseToml(text: string): Promise<Record<string, any>> {
  const { parse } = namedExports(await import('smol-toml'), 'parse');
  return parse(text) as Record<string, any>;
}

async function parsePyproject(text: string, file: string, out: Manifests): Promise<void> {
  const toml = await parseToml(text);
  const project = toml.project ?? {};
  if (typeof project.name === 'string') out.names.push(normalizePython(project.name));
  for (const spec of project.dependencies ?? []) pushPython(String(spec), file, text, false, out);
  for (const [group, specs] of Object.entries(project['optional-dependencies'] ?? {})) {
    for (const spec of specs as unknown[]) pushPython(String(spec), file, text, DEV_NAME.test(group), out);
  }
  for (const specs of Object.values(toml['dependency-groups'] ?? {})) {
    for (const spec of specs as unknown[]) if (typeof spec === 'string') pushPython(spec, file, text, true, out);
  }
  for (const spec of toml.tool?.uv?.['dev-dependencies'] ?? []) pushPython(String(spec), file, text, true, out);
  const poetry = toml.tool?.poetry;
  if (poetry) {
    if (typeof poetry.name === 'string') out.names.push(normalizePython(poetry.name));
    const addTable = (table: Record<string, unknown> | undefined, dev: boolean) => {
      for (const [name, value] of Object.entries(table ?? {})) {
        if (name.toLowerCase() === 'python') continue;
        const extras = typeof value === 'object' && value && Array.isArray((value as { extras?: unknown }).extras) ? `[${(value as { extras: string[] }).extras.join(',')}]` : '';
        pushPython(`${name}${extras}`, file, text, dev, out);
      }
    };
    addTable(poetry.dependencies, false);
    addTable(poetry['dev-dependencies'], true);
    for (const [group, body] of Object.entries(poetry.group ?? {})) addTable((body as { dependencies?: Record<string, unknown> }).dependencies, group !== 'main');
  }
}

async function parsePipfile(text: string, file: string, out: Manifests): Promise<void> {
  const toml = await parseToml(text);
  for (const name of Object.keys(toml.packages ?? {})) pushPython(name, file, text, false, out);
  for (const name of Object.keys(toml['dev-packages'] ?? {})) pushPython(name, file, text, true, out);
}

async function parseRequirements(reader: RepoReader, file: string, text: string, out: Manifests, seen: Set<string>): Promise<void> {
  if (seen.has(file)) return;
  seen.add(file);
  const dev = DEV_NAME.test(path.posix.basename(file, '.txt'));
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\s#.*$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const include = /^(?:-r|--requirement)[\s=]+(\S+)/.exec(line);
    if (include) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), include[1]));
      const included = await reader.read(target);
      if (included !== undefined) await parseRequirements(reader, target, included, out, seen);
      continue;
    }
    if (line.startsWith('-') || /^[a-z+]+:\/\//i.test(line)) continue;
    const match = PEP508.exec(line);
    if (!match) continue;
    const name = normalizePython(match[1]);
    out.deps.push({ name, ecosystem: 'python', file, line: i + 1, dev });
    for (const extra of (match[2] ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
      out.deps.push({ name: `${name}/${normalizePython(extra)}`, ecosystem: 'python', file, line: i + 1, dev });
    }
  }
}

function parseGoMod(text: string, file: string, out: Manifests): void {
  const lines = text.split(/\r?\n/);
  let inRequire = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const module = /^module\s+(\S+)/.exec(line);
    if (module) out.names.push(module[1]);
    if (/^require\s*\($/.test(line)) { inRequire = true; continue; }
    if (inRequire && line === ')') { inRequire = false; continue; }
    const single = /^require\s+(\S+)\s+\S+/.exec(line);
    const inBlock = inRequire ? /^(\S+)\s+v\S+/.exec(line) : null;
    const match = single ?? inBlock;
    if (match) out.deps.push({ name: match[1], ecosystem: 'go', file, line: i + 1, dev: false, indirect: /\/\/\s*indirect\b/.test(line) });
  }
}

function parseGoWork(text: string, dir: string, out: Manifests): void {
  const uses = [...text.matchAll(/^\s*(?:use\s+)?(\.[^\s)]*)\s*$/gm)].map((m) => m[1]);
  for (const use of uses) out.workspaceMembers.push(path.posix.normalize(path.posix.join(dir, use)));
}

/** The resolved version of each gem in a Gemfile.lock (`    rails (4.2.6)` under `specs:`). */
function parseGemfileLock(text: string): Map<string, string> {
  const versions = new Map<string, string>();
  for (const match of text.matchAll(/^ {4}([A-Za-z0-9_.-]+) \(([^)\s]+)\)\s*$/gm)) if (!versions.has(match[1])) versions.set(match[1], match[2]);
  return versions;
}

function parseGemfile(text: string, file: string, out: Manifests, locked: Map<string, string>): void {
  const lines = text.split(/\r?\n/);
  const groups: boolean[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const group = /^group\s+(.+?)\s+do\b/.exec(line);
    if (group) {
      groups.push(!/:production\b|:default\b/.test(group[1]));
      continue;
    }
    if (/^(platforms|source|install_if)\b.*\bdo\b/.test(line)) { groups.push(groups[groups.length - 1] ?? false); continue; }
    if (line === 'end' && groups.length) { groups.pop(); continue; }
    if (/^gemspec\b/.test(line)) out.publishesLibrary = true;
    const gem = /^gem\s*\(?\s*['"]([^'"]+)['"](.*)$/.exec(line);
    if (!gem) continue;
    const inlineDev = /group[s]?:\s*\[?[^\]]*:(development|test)/.test(gem[2]) && !/:production/.test(gem[2]);
    // `gem 'rails', '4.2.6'`, `gem "rails", "~> 7.1", ">= 7.1.3"`: the requirement as declared; else the locked version.
    const requirements = [...gem[2].replace(/\b\w+:.*$/, '').matchAll(/['"]((?:[~><=!]+\s*)?\d[\w.]*)['"]/g)].map((match) => match[1]);
    const version = requirements.length ? requirements.join(', ') : locked.get(gem[1]);
    out.deps.push({ name: gem[1], ecosystem: 'ruby', file, line: i + 1, dev: (groups[groups.length - 1] ?? false) || inlineDev, ...(version ? { version } : {}) });
  }
}

async function parseCargo(text: string, file: string, files: string[], prefix: string, out: Manifests): Promise<void> {
  const toml = await parseToml(text);
  if (typeof toml.package?.name === 'string') out.names.push(toml.package.name);
  const add = (table: Record<string, unknown> | undefined, dev: boolean, section: string) => {
    const sectionIndex = Math.max(0, text.indexOf(`[${section}]`));
    for (const [name, value] of Object.entries(table ?? {})) {
      const at = text.indexOf(`\n${name}`, sectionIndex);
      const line = at < 0 ? undefined : lineOfIndex(text, at + 1);
      const realName = typeof value === 'object' && value && typeof (value as { package?: unknown }).package === 'string' ? (value as { package: string }).package : name;
      const version = typeof value === 'string' ? value : typeof (value as { version?: unknown } | undefined)?.version === 'string' ? (value as { version: string }).version : undefined;
      out.deps.push({ name: realName, ecosystem: 'rust', file, line, dev, ...(version ? { version } : {}) });
      const features = typeof value === 'object' && value ? (value as { features?: unknown }).features : undefined;
      if (Array.isArray(features)) for (const feature of features) out.deps.push({ name: `${realName}/${feature}`, ecosystem: 'rust', file, line, dev });
    }
  };
  add(toml.dependencies, false, 'dependencies');
  add(toml['dev-dependencies'], true, 'dev-dependencies');
  add(toml.workspace?.dependencies, false, 'workspace.dependencies');
  for (const member of toml.workspace?.members ?? []) out.workspaceMembers.push(String(member));
  const hasBinary = Array.isArray(toml.bin) || files.includes(`${prefix}src/main.rs`) || files.some((f) => f.startsWith(`${prefix}src/bin/`));
  if (toml.package && !hasBinary) out.publishesLibrary = true;
}

async function parsePom(text: string, file: string, out: Manifests): Promise<void> {
  const { XMLParser } = namedExports(await import('fast-xml-parser'), 'XMLParser');
  const pom = new XMLParser({ ignoreAttributes: true }).parse(text)?.project;
  if (!pom) throw new Error('no <project> element');
  if (pom.artifactId) out.names.push(String(pom.artifactId));
  const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : value ? [value] : []) as Record<string, unknown>[];
  const push = (dep: Record<string, unknown>, dev: boolean) => {
    const coords = `${dep.groupId}:${dep.artifactId}`;
    out.deps.push({ name: coords, ecosystem: 'jvm', file, line: lineOf(text, `<artifactId>${dep.artifactId}</artifactId>`), dev });
  };
  if (pom.parent) push(pom.parent, false);
  for (const dep of list(pom.dependencies?.dependency)) push(dep, dep.scope === 'test');
  for (const plugin of list(pom.build?.plugins?.plugin)) if (plugin.groupId) push(plugin, true);
  for (const module of list(pom.modules?.module)) out.workspaceMembers.push(String(module));
}

const GRADLE_CONFIGURATIONS = 'implementation|api|compile|runtimeOnly|compileOnly|developmentOnly|kapt|ksp|annotationProcessor|testImplementation|testRuntimeOnly|testCompileOnly';
const GRADLE_DEP = new RegExp(String.raw`\b(${GRADLE_CONFIGURATIONS})\s*\(?\s*["']([\w.-]+):([\w.-]+)(?::([^"']*))?["']`);
/** A dependency through the version catalog: `implementation(libs.ktor.server.core)`, `implementation(libs.bundles.exposed)`. */
const GRADLE_CATALOG_DEP = new RegExp(String.raw`\b(${GRADLE_CONFIGURATIONS})\s*\(?\s*libs\.([\w.]+)`);
const GRADLE_PLUGIN = /\bid\s*\(?\s*["']([\w.-]+)["']|\bkotlin\(\s*"([\w.-]+)"\s*\)/;
/** A plugin through the version catalog: `alias(libs.plugins.ktor)`. */
const GRADLE_CATALOG_PLUGIN = /\balias\s*\(\s*libs\.plugins\.([\w.]+)\s*\)/;

/**
 * A Gradle version catalog (`gradle/libs.versions.toml`), keyed by accessor: Gradle turns an alias's `-`, `_`
 * and `.` into the dots a build script writes (`ktor-server-core` is `libs.ktor.server.core`).
 */
export interface VersionCatalog {
  file: string;
  libraries: Map<string, { module: string; version?: string }>;
  bundles: Map<string, string[]>;
  plugins: Map<string, { id: string; version?: string }>;
}

const accessor = (alias: string): string => alias.replace(/[-_.]+/g, '.');

/**
 * The catalog of the Gradle build a module belongs to: `gradle/libs.versions.toml` in its folder or the nearest one
 * above (a multi-project build keeps it at the build's root, which may be another service's folder).
 */
async function readVersionCatalog(reader: RepoReader, dir: string, out: Manifests): Promise<VersionCatalog | undefined> {
  for (let folder = dir; ; folder = path.posix.dirname(folder)) {
    const file = folder === '.' ? 'gradle/libs.versions.toml' : `${folder}/gradle/libs.versions.toml`;
    const text = await reader.read(file);
    if (text !== undefined) {
      // Every module of the build (and each ancestor read for a service) shares one catalog: parsed once per run.
      const parsed = parsedCatalogs.get(reader) ?? parsedCatalogs.set(reader, new Map()).get(reader)!;
      if (!parsed.has(file)) parsed.set(file, parseToml(text).then((toml) => parseVersionCatalog(toml, file), (error: Error) => error));
      const catalog = await parsed.get(file)!;
      if (!(catalog instanceof Error)) return catalog;
      out.warnings.push({ code: 'unparsable-manifest', message: `${file} could not be parsed (${catalog.message.split('\n')[0]}); the dependencies it names were skipped.` });
      return undefined;
    }
    if (folder === '.') return undefined;
  }
}

const parsedCatalogs = new WeakMap<RepoReader, Map<string, Promise<VersionCatalog | Error>>>();

export function parseVersionCatalog(toml: Record<string, any>, file: string): VersionCatalog {
  const versions = (toml.versions ?? {}) as Record<string, unknown>;
  const versionOf = (entry: Record<string, any>): string | undefined => {
    const version = entry.version;
    if (typeof version === 'string') return version;
    const ref = typeof version?.ref === 'string' ? version.ref : undefined;
    return ref !== undefined && typeof versions[ref] === 'string' ? (versions[ref] as string) : undefined;
  };
  const catalog: VersionCatalog = { file, libraries: new Map(), bundles: new Map(), plugins: new Map() };
  for (const [alias, entry] of Object.entries((toml.libraries ?? {}) as Record<string, any>)) {
    if (typeof entry === 'string') {
      const [group, name, version] = entry.split(':');
      if (group && name) catalog.libraries.set(accessor(alias), { module: `${group}:${name}`, ...(version ? { version } : {}) });
      continue;
    }
    const module = typeof entry?.module === 'string' ? entry.module : entry?.group && entry?.name ? `${entry.group}:${entry.name}` : undefined;
    const version = versionOf(entry ?? {});
    if (module) catalog.libraries.set(accessor(alias), { module, ...(version ? { version } : {}) });
  }
  for (const [alias, members] of Object.entries((toml.bundles ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(members)) catalog.bundles.set(accessor(alias), members.filter((member): member is string => typeof member === 'string').map(accessor));
  }
  for (const [alias, entry] of Object.entries((toml.plugins ?? {}) as Record<string, any>)) {
    const [id, version] = typeof entry === 'string' ? entry.split(':') : [entry?.id, versionOf(entry ?? {})];
    if (typeof id === 'string' && id) catalog.plugins.set(accessor(alias), { id, ...(version ? { version } : {}) });
  }
  return catalog;
}

function parseGradle(text: string, file: string, out: Manifests, catalog: VersionCatalog | undefined): void {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const dep = GRADLE_DEP.exec(lines[i]);
    if (dep) out.deps.push({ name: `${dep[2]}:${dep[3]}`, ecosystem: 'jvm', file, line: i + 1, dev: dep[1].startsWith('test'), ...(dep[4] && !dep[4].includes('$') ? { version: dep[4] } : {}) });
    const plugin = GRADLE_PLUGIN.exec(lines[i]);
    if (plugin) out.deps.push({ name: `plugin:${plugin[1] ?? `kotlin-${plugin[2]}`}`, ecosystem: 'jvm', file, line: i + 1, dev: false });
    if (!catalog) continue;
    const viaCatalog = GRADLE_CATALOG_DEP.exec(lines[i]);
    if (viaCatalog) {
      const dev = viaCatalog[1].startsWith('test');
      const key = viaCatalog[2].replace(/\.get$/, '');
      const members = key.startsWith('bundles.') ? (catalog.bundles.get(key.slice('bundles.'.length)) ?? []) : [key];
      for (const member of members) {
        const library = catalog.libraries.get(member);
        if (library) out.deps.push({ name: library.module, ecosystem: 'jvm', file, line: i + 1, dev, ...(library.version ? { version: library.version } : {}) });
      }
    }
    const pluginAlias = GRADLE_CATALOG_PLUGIN.exec(lines[i]);
    const catalogPlugin = pluginAlias ? catalog.plugins.get(pluginAlias[1]) : undefined;
    if (catalogPlugin) out.deps.push({ name: `plugin:${catalogPlugin.id}`, ecosystem: 'jvm', file, line: i + 1, dev: false, ...(catalogPlugin.version ? { version: catalogPlugin.version } : {}) });
  }
}

/** Does a declared name match a catalog signal? Go paths and `*` signals match by prefix; a JVM signal without a group matches the artifact. */
export function depMatches(name: string, signal: string): boolean {
  if (signal.endsWith('*')) return name.startsWith(signal.slice(0, -1));
  if (name === signal) return true;
  if (name.startsWith(`${signal}/`) && !signal.includes(':')) return /^[a-z0-9.-]+\.[a-z]{2,}\//.test(signal) || /\/v\d+$/.test(name);
  return false;
}
