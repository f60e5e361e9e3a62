// The detector: finds service folders, gathers evidence for every knowledge entry,
// and turns evidence into values with confidence. All technology knowledge comes
// from lib/knowledge; this file only knows how to weigh evidence.
import path from 'node:path';
import type { Ambiguity, ApiStyle, Detected, Evidence, ServiceStack, SingleDimension, StackReport, StackWarning } from '../types.js';
import { readLayout } from './layout.js';
import { KNOWLEDGE, knowledgeOf, type Ecosystem, type FileSignal, type FrameworkEntry, type Kind, type KnowledgeEntry } from '../knowledge/index.js';
import { globToRegExp, literalBasenames, literalExtensions } from './glob.js';
import { isComposeFile, readCompose, readEnvSchemes, type ComposeFile } from './infra.js';
import { depMatches, MANIFEST_ECOSYSTEM, manifestDir, readManifests, type Dep, type Manifests } from './manifests.js';
import { fileRole, isAuxOrTestDir, isReadableEnvExample, lineOfIndex, listFiles, RepoReader, TEST_DIRS, type FileRole } from './scan.js';
import { enclosingFunction, extractImports, importMatches, isReferenced, pickSources, sourceEcosystem } from './sources.js';
import { resolveAppEntry, type ConstructHit } from './entry.js';

/** Bounds that keep the cost tied to manifests and candidate files, not to the repository's size. */
export const LIMITS = { sourcesPerService: 120, sourcesPerPlainPackage: 15, testsPerService: 20, containsReadsPerSignal: 5, evidencePerValue: 5 };

/** Evidence weights, combined as a noisy-or: 1 - Π(1 - w). */
const WEIGHT = { dep: 0.45, devDep: 0.15, toolDep: 0.5, import: 0.5, usage: 0.6, moreUsage: 0.3, file: 0.5, testUsage: 0.5, image: 0.45, weakImage: 0.25, scheme: 0.45, ancestorScheme: 0.3 };
/** Below this a value is not reported. */
export const REPORT_THRESHOLD = 0.4;
/** Two candidates this close are both kept, as an ambiguity. */
const AMBIGUITY_MARGIN = 0.15;
/** Auth code in these files or functions serves a side purpose (reset links, webhooks), not user authentication. */
const SIDE_PURPOSE = /(reset|password|forgot|invite|unsubscribe|webhook|mailer|email|magic.?link|download|signed.?url)/i;
const TOOLING_KINDS = new Set<Kind>(['testRunner', 'packageManager', 'migrations']);

/** Dependency names that make a folder worth reading in full: frameworks, job runners, API layers. */
const SERVER_DEPS = new Map<Ecosystem, string[]>();
for (const entry of KNOWLEDGE) {
  if (entry.kind !== 'framework' && entry.kind !== 'job' && entry.kind !== 'apiStyle') continue;
  for (const [eco, names] of Object.entries(entry.signals.deps ?? {}) as [Ecosystem, string[]][]) SERVER_DEPS.set(eco, [...(SERVER_DEPS.get(eco) ?? []), ...names]);
}


interface SourceFile {
  file: string;
  text: string;
  ecosystem: Ecosystem;
  imports: string[];
}

interface Service {
  dir: string;
  main: string[];
  tests: string[];
  /** Files directly in ancestor folders (lockfiles of a workspace root). */
  ancestorFiles: string[];
  manifests: Manifests;
  ancestorDeps: Dep[];
  ecosystems: Set<Ecosystem>;
  sources: SourceFile[];
  testSources: SourceFile[];
  /** Ecosystems whose main sources were all read. */
  complete: Set<Ecosystem>;
  sourceCount: Map<Ecosystem, number>;
  extensionCount: Map<string, number>;
  index: FileIndex;
  extra: Map<string, { weight: number; evidence: Evidence }[]>;
}

interface FileIndex {
  byBase: Map<string, string[]>;
  byExt: Map<string, string[]>;
  /** By the name of the folder a file sits in (`migrations`). */
  byParent: Map<string, string[]>;
  all: string[];
}

interface Scored {
  entry: KnowledgeEntry;
  confidence: number;
  evidence: Evidence[];
  constructs: ConstructHit[];
  /** Source files where its usage was found, live. */
  uses: number;
}

interface Repo {
  root: string;
  reader: RepoReader;
  files: string[];
  roles: Map<string, FileRole>;
  candidates: string[];
  owned: Map<string, string[]>;
  filesByDir: Map<string, string[]>;
  compose: ComposeFile[];
  sharedInfra: string[];
  warnings: StackWarning[];
}

export async function detect(root: string): Promise<StackReport> {
  const reader = new RepoReader(root);
  const files = await listFiles(root);
  if (files.length === 0) return { kind: 'empty', services: [], warnings: [] };
  const repo = await prepareRepo(root, reader, files);
  const services: ServiceStack[] = [];
  const libraries: ServiceStack[] = [];
  const analysed = await Promise.all(repo.candidates.map((dir) => analyseService(repo, dir)));
  for (const stack of analysed) {
    if (!stack) continue;
    (stack.kind === 'app' ? services : libraries).push(stack);
  }
  const packages = inheritFromWorkspace(services, libraries);
  const warnings = dedupeWarnings(repo.warnings);
  if (services.length > 0) return { kind: services.length > 1 ? 'monorepo' : 'app', services, ...(packages.length ? { packages } : {}), warnings };
  if (libraries.length === 0) return { kind: 'empty', services: [], warnings };
  const rootLibrary = libraries.find((lib) => lib.path === '.') ?? libraries[0];
  warnings.push({ code: 'no-backend-app', message: 'No backend app was found: the repository looks like a library, an SDK or a frontend.' });
  return { kind: 'library', services: [rootLibrary], warnings };
}

/** The version requirement the service's manifest declares for an entry's own package. */
function declaredVersion(service: Service, entry: KnowledgeEntry): string | undefined {
  for (const [eco, signals] of Object.entries(entry.signals.deps ?? {}) as [Ecosystem, string[]][]) {
    const dep = service.manifests.deps.find((candidate) => candidate.ecosystem === eco && candidate.version && signals.some((signal) => depMatches(candidate.name, signal)));
    if (dep?.version) return dep.version;
  }
  return undefined;
}

/** Package names and dependency names of each analysed folder, for workspace links. */
const PACKAGE_LINKS = new WeakMap<ServiceStack, { names: string[]; deps: string[] }>();

/**
 * In a workspace the app (`apps/web`) serves a package (`packages/api`) that
 * depends on another (`packages/db`): what those packages use (ORM, database,
 * migrations) is the app's too. Returns the packages some app depends on,
 * themselves completed from their own workspace dependencies, so `--service
 * packages/api` can name one.
 */
function inheritFromWorkspace(apps: ServiceStack[], libraries: ServiceStack[]): ServiceStack[] {
  const byName = new Map<string, ServiceStack>();
  for (const stack of [...apps, ...libraries]) for (const name of PACKAGE_LINKS.get(stack)?.names ?? []) byName.set(name, stack);
  const reached = (from: ServiceStack): ServiceStack[] => {
    const seen = new Set<ServiceStack>([from]);
    const queue = [from];
    for (let next = queue.shift(); next; next = queue.shift()) {
      for (const dep of PACKAGE_LINKS.get(next)?.deps ?? []) {
        const linked = byName.get(dep);
        if (linked && !seen.has(linked)) {
          seen.add(linked);
          queue.push(linked);
        }
      }
    }
    seen.delete(from);
    return [...seen];
  };
  const inherit = (stack: ServiceStack, from: ServiceStack[]): void => {
    for (const linked of from) {
      if (!stack.orm && linked.orm) stack.dataPath = linked.dataPath ?? linked.path;
      stack.orm ??= linked.orm;
      stack.migrations ??= linked.migrations;
      if (!stack.databases.length && linked.databases.length) stack.databases = [...linked.databases];
      // An auth package (`packages/auth` with better-auth) authenticates the API that depends on it.
      if (!stack.auth.length && linked.auth.length) stack.auth = [...linked.auth];
    }
  };
  const served = new Set<ServiceStack>();
  // Packages first (completed from what they depend on), then the apps that use them.
  for (const library of libraries) inherit(library, reached(library));
  for (const app of apps) {
    const linked = reached(app);
    for (const library of linked) if (library.kind === 'library') served.add(library);
    inherit(app, linked);
  }
  // Only packages with a backend part are named (and can be picked by --service), not UI kits or lint configs.
  return [...served].filter((pkg) => pkg.orm || pkg.databases.length || pkg.auth.length || pkg.apiStyles.length || pkg.jobs.length || pkg.framework);
}

function dedupeWarnings(warnings: StackWarning[]): StackWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => !seen.has(w.message) && seen.add(w.message));
}

const PACKAGING_SCRIPT = /\b(?:setuptools|distutils)\b[\s\S]*\bsetup\s*\(/;

async function prepareRepo(root: string, reader: RepoReader, files: string[]): Promise<Repo> {
  const roles = new Map(files.map((file) => [file, fileRole(file)] as const));
  const filesByDir = new Map<string, string[]>();
  const allDirs = new Set<string>(['.']);
  for (const file of files) {
    const dir = path.posix.dirname(file);
    (filesByDir.get(dir) ?? filesByDir.set(dir, []).get(dir)!).push(file);
    for (let d = dir; !allDirs.has(d); d = d.includes('/') ? path.posix.dirname(d) : '.') allDirs.add(d);
  }
  const candidateSet = new Set<string>(['.']);
  for (const file of files) {
    const dir = manifestDir(file);
    if (dir === undefined || isAuxOrTestDir(dir)) continue;
    // A `setup.py` that packages nothing (a Django settings helper) is a module, not a service's manifest.
    if (path.posix.basename(file) === 'setup.py' && !PACKAGING_SCRIPT.test((await reader.read(file)) ?? '')) continue;
    candidateSet.add(dir);
  }
  const compose: ComposeFile[] = [];
  for (const file of files.filter((f) => isComposeFile(f) && roles.get(f) === 'main')) {
    const parsed = await readCompose(reader, file);
    if (!parsed) continue;
    compose.push(parsed);
    for (const service of parsed.services) {
      if (service.buildDir && service.buildDir !== '.' && !service.buildDir.startsWith('..') && !isAuxOrTestDir(service.buildDir) && allDirs.has(service.buildDir)) {
        candidateSet.add(service.buildDir);
      }
    }
  }
  const candidates = [...candidateSet].sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b)));
  const owned = new Map<string, string[]>(candidates.map((dir) => [dir, []]));
  for (const [dir, dirFiles] of filesByDir) {
    let owner = dir;
    while (!candidateSet.has(owner)) owner = owner.includes('/') ? path.posix.dirname(owner) : '.';
    owned.get(owner)!.push(...dirFiles);
  }
  const sharedInfra = (owned.get('.') ?? []).filter((file) => /\.ya?ml$/.test(file));
  return { root, reader, files, roles, candidates, owned, filesByDir, compose, sharedInfra, warnings: [] };
}

function relTo(dir: string, file: string): string {
  return dir === '.' ? file : file.slice(dir.length + 1);
}

function ancestorsOf(dir: string): string[] {
  const out: string[] = [];
  let current = dir;
  while (current !== '.') {
    current = current.includes('/') ? path.posix.dirname(current) : '.';
    out.push(current);
  }
  return out;
}

function buildIndex(files: string[]): FileIndex {
  const byBase = new Map<string, string[]>();
  const byExt = new Map<string, string[]>();
  const byParent = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, file: string) => (map.get(key) ?? map.set(key, []).get(key)!).push(file);
  for (const file of files) {
    const slash = file.lastIndexOf('/');
    const base = file.slice(slash + 1);
    const dot = base.lastIndexOf('.');
    push(byBase, base, file);
    if (dot > 0) push(byExt, base.slice(dot), file);
    if (slash > 0) push(byParent, file.slice(file.lastIndexOf('/', slash - 1) + 1, slash), file);
  }
  return { byBase, byExt, byParent, all: files };
}

async function analyseService(repo: Repo, dir: string): Promise<ServiceStack | undefined> {
  const ownedFiles = repo.owned.get(dir) ?? [];
  const main = ownedFiles.filter((file) => repo.roles.get(file) === 'main');
  const tests = ownedFiles.filter((file) => repo.roles.get(file) === 'test');
  const manifests = await readManifests(repo.reader, dir, ownedFiles);
  repo.warnings.push(...manifests.warnings);

  const sourceCount = new Map<Ecosystem, number>();
  const extensionCount = new Map<string, number>();
  const sourceFiles: { rel: string; relToService: string; ecosystem: Ecosystem }[] = [];
  for (const file of main) {
    const ecosystem = sourceEcosystem(file);
    if (!ecosystem) continue;
    sourceCount.set(ecosystem, (sourceCount.get(ecosystem) ?? 0) + 1);
    const ext = path.posix.extname(file);
    extensionCount.set(ext, (extensionCount.get(ext) ?? 0) + 1);
    sourceFiles.push({ rel: file, relToService: relTo(dir, file), ecosystem });
  }
  const ecosystems = new Set<Ecosystem>();
  for (const file of manifests.files) {
    const eco = MANIFEST_ECOSYSTEM[path.posix.basename(file)] ?? (/requirements/.test(file) ? 'python' : /\.gemspec$/.test(file) ? 'ruby' : undefined);
    if (eco) ecosystems.add(eco);
  }
  if (ecosystems.size === 0) for (const eco of sourceCount.keys()) ecosystems.add(eco);
  if (ecosystems.size === 0) return undefined;

  // A folder without its own manifest for an ecosystem inherits the nearest ancestor's dependencies.
  const ancestorDeps: Dep[] = [];
  for (const ancestor of ancestorsOf(dir)) {
    if (!repo.owned.has(ancestor)) continue;
    const parent = await readManifests(repo.reader, ancestor, repo.owned.get(ancestor) ?? []);
    ancestorDeps.push(...parent.deps);
  }
  const ownEcosystems = new Set(manifests.deps.map((dep) => dep.ecosystem));
  for (const dep of ancestorDeps) if (!ownEcosystems.has(dep.ecosystem) && ecosystems.has(dep.ecosystem)) manifests.deps.push(dep);

  const relevant = sourceFiles.filter((file) => ecosystems.has(file.ecosystem));
  // A package that declares no server, job or API dependency (a UI kit, an SDK) gets a glance, not a full read;
  // Go is the exception, as its standard library serves HTTP without any dependency.
  const plain = !ecosystems.has('go') && !manifests.deps.some((dep) => !dep.dev && !dep.indirect && SERVER_DEPS.get(dep.ecosystem)?.some((signal) => depMatches(dep.name, signal)));
  const picked = pickSources(relevant, plain ? LIMITS.sourcesPerPlainPackage : LIMITS.sourcesPerService);
  const texts = await repo.reader.readMany(picked);
  const ecoOf = new Map(relevant.map((file) => [file.rel, file.ecosystem] as const));
  const sources: SourceFile[] = picked
    .filter((file) => texts.has(file))
    .map((file) => ({ file, text: texts.get(file)!, ecosystem: ecoOf.get(file)!, imports: extractImports(texts.get(file)!, ecoOf.get(file)!) }));
  const complete = new Set<Ecosystem>();
  for (const eco of ecosystems) {
    const total = relevant.filter((file) => file.ecosystem === eco).length;
    if (sources.filter((source) => source.ecosystem === eco).length >= total) complete.add(eco);
  }
  const testCandidates = tests
    .map((file) => ({ rel: file, relToService: relTo(dir, file), ecosystem: sourceEcosystem(file) }))
    .filter((file): file is { rel: string; relToService: string; ecosystem: Ecosystem } => !!file.ecosystem && ecosystems.has(file.ecosystem));
  const pickedTests = pickSources(testCandidates, LIMITS.testsPerService);
  const testTexts = await repo.reader.readMany(pickedTests);
  const testSources: SourceFile[] = pickedTests
    .filter((file) => testTexts.has(file))
    .map((file) => {
      const ecosystem = sourceEcosystem(file)!;
      return { file, text: testTexts.get(file)!, ecosystem, imports: extractImports(testTexts.get(file)!, ecosystem) };
    });

  const ancestorFiles = ancestorsOf(dir).flatMap((ancestor) => repo.filesByDir.get(ancestor) ?? []).filter((file) => repo.roles.get(file) === 'main');
  const service: Service = {
    dir, main, tests, ancestorFiles, manifests, ancestorDeps, ecosystems, sources, testSources, complete, sourceCount, extensionCount,
    index: buildIndex([...main, ...tests]),
    extra: await infraEvidence(repo, dir, ownedFiles),
  };

  const scored = new Map<string, Scored>();
  for (const entry of KNOWLEDGE) {
    if (entry.kind === 'language') continue;
    if (!entry.ecosystems.some((eco) => ecosystems.has(eco))) continue;
    // Frameworks come first in the catalog, so `within` can look at their scores.
    if (entry.within && !entry.within.some((id) => (scored.get(`framework:${id}`)?.confidence ?? 0) >= REPORT_THRESHOLD)) continue;
    const result = await evaluate(repo, service, entry);
    if (result.confidence > 0) scored.set(`${entry.kind}:${entry.id}`, result);
  }
  applyImplications(scored);
  const stack = assemble(repo, service, scored);
  const layout = await readLayout(repo.reader, dir, [...main, ...tests], stack);
  if (layout) stack.layout = layout;
  PACKAGE_LINKS.set(stack, { names: manifests.names, deps: [...new Set(manifests.deps.filter((dep) => !dep.indirect).map((dep) => dep.name))] });
  return stack;
}

/** docker-compose images and `.env.example` URL schemes, attributed to this service. */
async function infraEvidence(repo: Repo, dir: string, ownedFiles: string[]): Promise<Map<string, { weight: number; evidence: Evidence }[]>> {
  const extra = new Map<string, { weight: number; evidence: Evidence }[]>();
  const add = (key: string, weight: number, evidence: Evidence) => (extra.get(key) ?? extra.set(key, []).get(key)!).push({ weight, evidence });
  for (const compose of repo.compose) {
    if (!(compose.dir === '.' || compose.dir === dir || dir.startsWith(`${compose.dir}/`) || compose.dir.startsWith(`${dir}/`))) continue;
    const built = compose.services.filter((service) => service.buildDir);
    const mine = built.filter((service) => service.buildDir === dir);
    for (const service of compose.services) {
      if (!service.image) continue;
      const dependedOnByMine = mine.some((app) => app.dependsOn.includes(service.name));
      // Built from this folder and depending on the image, or a compose file that builds nothing: strong. Otherwise weak.
      const weight = dependedOnByMine || built.length === 0 ? WEIGHT.image : WEIGHT.weakImage;
      add(`image:${service.image}`, weight, service.evidence);
    }
  }
  const ownExamples = ownedFiles.filter((file) => isReadableEnvExample(file) && repo.roles.get(file) !== 'aux');
  const ancestorExamples = ancestorsOf(dir).flatMap((ancestor) => repo.filesByDir.get(ancestor) ?? []).filter((file) => isReadableEnvExample(file));
  for (const [examples, weight] of [[ownExamples, WEIGHT.scheme], [ancestorExamples, WEIGHT.ancestorScheme]] as const) {
    for (const file of examples) for (const found of await readEnvSchemes(repo.reader, file)) add(`scheme:${found.scheme}`, weight, found.evidence);
  }
  return extra;
}

function noisyOr(weights: number[]): number {
  return 1 - weights.reduce((rest, weight) => rest * (1 - weight), 1);
}

/** What one entry's signals found in one service; filled by the steps of `evaluate`. */
interface Tally {
  weights: number[];
  depEvidence: Evidence[];
  importEvidence: Evidence[];
  usageEvidence: Evidence[];
  testEvidence: Evidence[];
  constructs: ConstructHit[];
  sideSkipped: boolean;
  imported: boolean;
  liveUsage: number;
  deadUsage: boolean;
}

// The steps are separate functions on purpose: as one async function, V8's optimiser
// took about 0.25 s on it in a large monorepo, and the process waited for that at exit.
async function evaluate(repo: Repo, service: Service, entry: KnowledgeEntry): Promise<Scored> {
  const ecos = entry.ecosystems.filter((eco) => service.ecosystems.has(eco));
  const tally: Tally = { weights: [], depEvidence: [], importEvidence: [], usageEvidence: [], testEvidence: [], constructs: [], sideSkipped: false, imported: false, liveUsage: 0, deadUsage: false };
  const { weights, depEvidence, importEvidence, usageEvidence, testEvidence, constructs } = tally;
  const fileEvidence: Evidence[] = [];
  const infraEvidenceList: Evidence[] = [];
  const declared = declaredDependencies(tally, service, entry, ecos);
  const hasImportSignals = ecos.some((eco) => (entry.signals.imports?.[eco]?.length ?? 0) > 0);
  if (hasImportSignals) importsInSources(tally, service, entry);
  usageInCode(tally, service, entry, ecos, declared);
  usageInTests(tally, service, entry, ecos);
  const { imported, liveUsage, deadUsage, sideSkipped } = tally;

  // Files and config contents.
  let fileHit = false;
  for (const signal of entry.signals.files ?? []) {
    const hit = await matchFileSignal(repo, service, entry, signal);
    if (!hit) continue;
    fileHit = true;
    weights.push(signal.weight ?? WEIGHT.file);
    fileEvidence.push(hit);
  }

  // docker-compose images and example env URLs.
  for (const key of [...(entry.signals.images ?? []).map((i) => `image:${i}`), ...(entry.signals.schemes ?? []).map((s) => `scheme:${s}`)]) {
    for (const found of service.extra.get(key) ?? []) {
      weights.push(found.weight);
      infraEvidenceList.push(found.evidence);
    }
  }

  let confidence = noisyOr(weights);
  const readAny = ecos.some((eco) => service.sources.some((source) => source.ecosystem === eco));
  if (declared && hasImportSignals && readAny && !imported && liveUsage === 0) {
    // Declared but never imported: an unused dependency (less sure when not every file was read).
    confidence *= ecos.every((eco) => service.complete.has(eco)) ? 0.5 : 0.9;
  }
  if (entry.requires === 'usage' && liveUsage === 0) confidence *= 0.5;
  if (entry.requires === 'file' && !fileHit) confidence = 0;
  if (deadUsage && liveUsage === 0 && entry.requires !== 'usage') confidence *= 0.5;
  if (sideSkipped && liveUsage === 0 && !imported) confidence *= 0.5;

  const evidence = dedupeEvidence([...usageEvidence, ...fileEvidence, ...importEvidence, ...depEvidence, ...testEvidence, ...infraEvidenceList]);
  return { entry, confidence, evidence, constructs, uses: liveUsage };
}

/** Declared dependencies (indirect Go modules never count); true when one matched. */
function declaredDependencies(tally: Tally, service: Service, entry: KnowledgeEntry, ecos: readonly Ecosystem[]): boolean {
  const { weights, depEvidence } = tally;
  const tooling = TOOLING_KINDS.has(entry.kind);
  const matchedDeps = new Set<string>();
  const deps = tooling ? [...service.manifests.deps, ...service.ancestorDeps] : service.manifests.deps;
  for (const eco of ecos) {
    for (const signal of entry.signals.deps?.[eco] ?? []) {
      for (const dep of deps) {
        if (dep.ecosystem !== eco || dep.indirect || matchedDeps.has(dep.name) || !depMatches(dep.name, signal)) continue;
        matchedDeps.add(dep.name);
        if (matchedDeps.size <= 2) weights.push(dep.dev ? (tooling ? WEIGHT.toolDep : WEIGHT.devDep) : WEIGHT.dep);
        depEvidence.push({ file: dep.file, line: dep.line });
      }
    }
  }
  return matchedDeps.size > 0;
}

/** Imports in the service's own (non-test) sources. */
function importsInSources(tally: Tally, service: Service, entry: KnowledgeEntry): void {
  const isAuth = entry.kind === 'auth';
  for (const source of service.sources) {
    const signals = entry.signals.imports?.[source.ecosystem];
    if (!signals) continue;
    const spec = source.imports.find((imp) => signals.some((signal) => importMatches(imp, signal)));
    if (!spec) continue;
    if (isAuth && SIDE_PURPOSE.test(source.file)) { tally.sideSkipped = true; continue; }
    if (!tally.imported) tally.weights.push(WEIGHT.import);
    tally.imported = true;
    const at = source.text.indexOf(spec);
    tally.importEvidence.push({ file: source.file, line: at >= 0 ? lineOfIndex(source.text, at) : undefined });
    if (tally.importEvidence.length >= 3) break;
  }
}

/** Usage in code, and whether that code is reachable. */
function usageInCode(tally: Tally, service: Service, entry: KnowledgeEntry, ecos: readonly Ecosystem[], declared: boolean): void {
  const isAuth = entry.kind === 'auth';
  const patterns = [...(entry.construct ?? []).map((re) => ({ re, construct: true })), ...(entry.signals.usage ?? []).map((re) => ({ re, construct: false }))];
  // Databases and API styles show in code (URLs, stdlib drivers, schema builders) without a declared package.
  const gateOpen = declared || tally.imported || !entry.signals.deps || entry.kind === 'database' || entry.kind === 'apiStyle';
  if (patterns.length > 0 && gateOpen) {
    const allTexts = [...service.sources, ...service.testSources].map((source) => source.text);
    const usedFiles = new Set<string>();
    for (const source of service.sources) {
      if (!ecos.includes(source.ecosystem)) continue;
      for (const { re, construct } of patterns) {
        let match = re.exec(source.text);
        if (!match) continue;
        let fn = enclosingFunction(source.text, match.index, source.ecosystem);
        // A side purpose shows in the file's name (password-reset.js) or in the function's (confirmEmailChange);
        // another use in the same file may still be the real one.
        const side = (name: string | undefined) => name !== undefined && SIDE_PURPOSE.test(name);
        if (isAuth && !SIDE_PURPOSE.test(source.file) && side(fn)) {
          for (const other of source.text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) {
            const otherFn = enclosingFunction(source.text, other.index, source.ecosystem);
            if (side(otherFn)) continue;
            match = other as RegExpExecArray;
            fn = otherFn;
            break;
          }
        }
        if (isAuth && (SIDE_PURPOSE.test(source.file) || side(fn))) { tally.sideSkipped = true; continue; }
        const dead = fn !== undefined && !isReferenced(fn, allTexts);
        if (construct) tally.constructs.push({ file: source.file, text: source.text, ecosystem: source.ecosystem, match, enclosing: fn, dead });
        if (dead) { tally.deadUsage = true; continue; }
        if (!usedFiles.has(source.file)) {
          usedFiles.add(source.file);
          if (tally.liveUsage < 2) tally.weights.push(tally.liveUsage === 0 ? WEIGHT.usage : WEIGHT.moreUsage);
          tally.liveUsage++;
          tally.usageEvidence.push({ file: source.file, line: lineOfIndex(source.text, match.index) });
        }
      }
    }
  }
}

/** Patterns in test files (test runners). */
function usageInTests(tally: Tally, service: Service, entry: KnowledgeEntry, ecos: readonly Ecosystem[]): void {
  if (entry.signals.testUsage) {
    for (const source of service.testSources) {
      if (!ecos.includes(source.ecosystem)) continue;
      const match = entry.signals.testUsage.map((re) => re.exec(source.text)).find(Boolean);
      if (!match) continue;
      tally.weights.push(WEIGHT.testUsage);
      tally.testEvidence.push({ file: source.file, line: lineOfIndex(source.text, match.index) });
      break;
    }
  }
}

function dedupeEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const item of list) {
    const key = `${item.file}:${item.line ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item.line === undefined ? { file: item.file } : item);
    if (out.length >= LIMITS.evidencePerValue) break;
  }
  return out;
}

async function matchFileSignal(repo: Repo, service: Service, entry: KnowledgeEntry, signal: FileSignal): Promise<Evidence | undefined> {
  const re = globToRegExp(signal.glob);
  const includeTests = entry.kind === 'testRunner';
  const pool = candidatesFor(service.index, signal.glob).filter((file) => includeTests || repo.roles.get(file) === 'main');
  let matches = pool.filter((file) => re.test(relTo(service.dir, file)));
  if (entry.kind === 'packageManager' && matches.length === 0) {
    matches = service.ancestorFiles.filter((file) => re.test(path.posix.basename(file)));
  }
  let shared = false;
  if (signal.shared && matches.length === 0 && service.dir !== '.') {
    matches = repo.sharedInfra.filter((file) => re.test(file));
    shared = true;
  }
  if (!signal.contains) return matches.length ? { file: matches[0] } : undefined;
  for (const file of matches.slice(0, LIMITS.containsReadsPerSignal)) {
    const text = await repo.reader.read(file);
    if (text === undefined) continue;
    const match = signal.contains.exec(text);
    if (!match) continue;
    if (shared && repo.candidates.length > 2 && !text.includes(path.posix.basename(service.dir))) continue;
    return { file, line: lineOfIndex(text, match.index) };
  }
  return undefined;
}

function candidatesFor(index: FileIndex, glob: string): string[] {
  const bases = literalBasenames(glob);
  if (bases) return bases.flatMap((base) => index.byBase.get(base) ?? []);
  const segments = glob.split('/');
  const parent = segments.length > 1 ? segments[segments.length - 2] : undefined;
  if (parent && !/[*?{]/.test(parent) && segments[segments.length - 1] !== '**') return index.byParent.get(parent) ?? [];
  const exts = literalExtensions(glob);
  if (exts) return exts.flatMap((ext) => index.byExt.get(ext) ?? []);
  return index.all;
}

function applyImplications(scored: Map<string, Scored>): void {
  for (const source of [...scored.values()]) {
    if (source.confidence < REPORT_THRESHOLD || !source.entry.implies) continue;
    for (const { id, weight } of source.entry.implies) {
      const target = KNOWLEDGE.find((entry) => entry.id === id && entry.kind !== 'language' && entry.kind !== 'packageManager');
      if (!target) continue;
      const key = `${target.kind}:${target.id}`;
      const current = scored.get(key) ?? { entry: target, confidence: 0, evidence: [], constructs: [], uses: 0 };
      current.confidence = 1 - (1 - current.confidence) * (1 - weight * source.confidence);
      current.evidence = dedupeEvidence([...current.evidence, ...source.evidence.slice(0, 1)]);
      scored.set(key, current);
    }
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function toDetected(scored: Scored): Detected {
  return { value: scored.entry.id, confidence: round(scored.confidence), evidence: scored.evidence };
}

function candidatesOf(scored: Map<string, Scored>, kind: Kind, ecosystem?: Ecosystem): Scored[] {
  const list = [...scored.values()].filter(
    (s) => s.entry.kind === kind && s.confidence >= REPORT_THRESHOLD && (!ecosystem || s.entry.ecosystems.includes(ecosystem)),
  );
  const ids = new Set(list.map((s) => s.entry.id));
  return list
    .filter((s) => !(s.entry.yieldsTo ?? []).some((id) => ids.has(id)))
    .sort((a, b) => b.confidence - a.confidence || a.entry.id.localeCompare(b.entry.id));
}

function pickSingle(list: Scored[]): { value?: Scored; rivals: Scored[] } {
  if (list.length === 0) return { rivals: [] };
  const best = list[0];
  const rivals = list.slice(1).filter((s) => s.confidence >= best.confidence - AMBIGUITY_MARGIN);
  return { value: best, rivals };
}

/**
 * Close candidates, one of which the framework itself brings (DRF serializers beside a few Django forms in
 * side views): the framework's own is what its handlers validate with, so it settles the tie.
 */
function bundledSettles(list: Scored[], bundled: string | undefined): Scored[] {
  const own = bundled ? list.find((s) => s.entry.id === bundled) : undefined;
  return own && list.length > 1 && own.confidence >= list[0].confidence - AMBIGUITY_MARGIN ? [own] : list;
}

function assemble(repo: Repo, service: Service, scored: Map<string, Scored>): ServiceStack {
  const ambiguities: Ambiguity[] = [];
  const single = (dimension: SingleDimension, list: Scored[]): Detected | undefined => {
    const { value, rivals } = pickSingle(list);
    if (!value) return undefined;
    if (rivals.length) ambiguities.push({ dimension, candidates: [value, ...rivals].map(toDetected) });
    return toDetected(value);
  };

  const frameworks = candidatesOf(scored, 'framework');
  const primary = primaryEcosystem(service, frameworks, scored);
  const framework = single('framework', frameworks.filter((s) => s.entry.ecosystems.includes(primary)));
  const frameworkEntry = framework ? knowledgeOf('framework', framework.value) : undefined;
  // Templates differ by version where the framework's API does (axum 0.7 changed its body type).
  const frameworkVersion = frameworkEntry ? declaredVersion(service, frameworkEntry) : undefined;
  if (framework && frameworkVersion) framework.version = frameworkVersion;
  const language = detectLanguage(service, primary);
  const multi = (kind: Kind) => candidatesOf(scored, kind).map(toDetected);

  // The style served from the most files leads (an Express app with one internal gRPC server is REST first), then the surer one.
  const apiStyles = candidatesOf(scored, 'apiStyle').sort((a, b) => b.uses - a.uses).map(toDetected) as Detected<ApiStyle>[];
  if (apiStyles.length === 0 && frameworkEntry?.defaultApiStyle && framework) {
    apiStyles.push({ value: frameworkEntry.defaultApiStyle, confidence: REPORT_THRESHOLD, evidence: framework.evidence.slice(0, 1) });
  }
  const orm = single('orm', candidatesOf(scored, 'orm', primary));
  const fallback = (kind: Kind, id: string | undefined, from: Detected | undefined): Detected | undefined =>
    id && from && knowledgeOf(kind, id) ? { value: id, confidence: REPORT_THRESHOLD, evidence: from.evidence.slice(0, 1) } : undefined;

  const stack: ServiceStack = {
    name: serviceName(repo, service, primary),
    path: service.dir,
    kind: 'app',
    language,
    framework,
    orm,
    databases: multi('database'),
    auth: multi('auth'),
    apiStyles,
    jobs: multi('job'),
    testRunner: single('testRunner', candidatesOf(scored, 'testRunner', primary)),
    packageManager: single('packageManager', candidatesOf(scored, 'packageManager', primary)),
    validation: single('validation', bundledSettles(candidatesOf(scored, 'validation', primary), frameworkEntry?.validationBundled ? frameworkEntry.validation : undefined)) ?? fallback('validation', frameworkEntry?.validationBundled ? frameworkEntry.validation : undefined, framework),
    logger: single('logger', candidatesOf(scored, 'logger', primary)) ?? fallback('logger', frameworkEntry?.logger, framework),
    // Only with evidence of the tool itself: the ORM's standard tool is the consumers' fallback, and they say so.
    migrations: single('migrations', candidatesOf(scored, 'migrations', primary)),
    ambiguities,
  };
  stack.testDir = detectTestDir(service, primary, frameworkEntry);
  const frameworkCandidates = ambiguities.find((a) => a.dimension === 'framework')?.candidates.map((c) => c.value) ?? (framework ? [framework.value] : []);
  const entries = frameworkCandidates.flatMap((id) => scored.get(`framework:${id}`)?.constructs ?? []);
  const entry = resolveAppEntry(service.dir, entries, [...service.sources]);
  if (entry.value) stack.appEntry = entry.value;
  if (entry.rivals.length && entry.value) ambiguities.push({ dimension: 'appEntry', candidates: [entry.value, ...entry.rivals] });
  stack.kind = isApp(service, stack) ? 'app' : 'library';
  return stack;
}

function primaryEcosystem(service: Service, frameworks: Scored[], scored: Map<string, Scored>): Ecosystem {
  const fromFramework = frameworks.find((s) => s.entry.ecosystems.some((eco) => service.ecosystems.has(eco)));
  if (fromFramework) return fromFramework.entry.ecosystems.find((eco) => service.ecosystems.has(eco))!;
  const orm = candidatesOf(scored, 'orm')[0];
  if (orm) return orm.entry.ecosystems.find((eco) => service.ecosystems.has(eco))!;
  const byFiles = [...service.ecosystems].sort((a, b) => (service.sourceCount.get(b) ?? 0) - (service.sourceCount.get(a) ?? 0));
  return byFiles[0];
}

function detectLanguage(service: Service, primary: Ecosystem): Detected | undefined {
  const languages = KNOWLEDGE.filter((entry) => entry.kind === 'language' && entry.ecosystems.includes(primary));
  const total = service.sourceCount.get(primary) ?? 0;
  let best: { entry: KnowledgeEntry; score: number; evidence: Evidence[] } | undefined;
  for (const entry of languages) {
    const count = (entry.signals.extensions ?? []).reduce((sum, ext) => sum + (service.extensionCount.get(ext) ?? 0), 0);
    const configFile = (entry.signals.files ?? []).flatMap((signal) => candidatesFor(service.index, signal.glob).filter((f) => globToRegExp(signal.glob).test(relTo(service.dir, f))))[0];
    const score = (total ? count / total : 0) + (configFile ? 0.6 : 0);
    const sample = service.main.find((file) => (entry.signals.extensions ?? []).includes(path.posix.extname(file)) && sourceEcosystem(file));
    const evidence = [configFile, sample].filter((f): f is string => !!f).map((file) => ({ file }));
    if (!best || score > best.score) best = { entry, score, evidence };
  }
  if (!best) return undefined;
  if (best.score === 0) {
    const manifest = service.manifests.files[0];
    return { value: best.entry.id, confidence: 0.5, evidence: manifest ? [{ file: manifest }] : [] };
  }
  return { value: best.entry.id, confidence: round(Math.min(0.99, 0.6 + 0.39 * Math.min(1, best.score))), evidence: best.evidence };
}

const CONTRACT_SUBDIRS = ['api', 'contract', 'contracts', 'integration', 'requests', 'e2e', 'http', 'routes'];

/** File names `magi contract-test` writes: our own output must not shift the repo's conventions between runs. */
const CONTRACT_TEST_NAME = /(\.contract\.(test|spec)\.[cm]?[jt]sx?|_contract_test\.go|\/test_[^/]*_contract\.py|_contract_spec\.rb|_contract\.rs)$/;

function detectTestDir(service: Service, primary: Ecosystem, framework: FrameworkEntry | undefined): Detected | undefined {
  const testFiles = service.tests.filter((file) => sourceEcosystem(file) === primary && !/conftest\.py$/.test(file) && !CONTRACT_TEST_NAME.test(file));
  const roots = new Map<string, string[]>();
  for (const file of testFiles) {
    const parts = relTo(service.dir, file).split('/');
    const at = parts.findIndex((part, i) => i < parts.length - 1 && TEST_DIRS.has(part));
    const root = at >= 0 ? parts.slice(0, at + 1).join('/') : parts.slice(0, -1).join('/') || '.';
    (roots.get(root) ?? roots.set(root, []).get(root)!).push(file);
  }
  const ranked = [...roots.entries()].sort((a, b) => b[1].length - a[1].length || a[0].split('/').length - b[0].split('/').length || a[0].localeCompare(b[0]));
  if (ranked.length === 0) {
    const fallbackDir = framework?.defaultTestDir;
    return fallbackDir ? { value: fallbackDir, confidence: REPORT_THRESHOLD, evidence: [] } : undefined;
  }
  const [root, files] = ranked[0];
  // Where all the tests sit (src/test/java/com/acme), else the contract-like subfolder (spec/requests, tests/api).
  const common = commonDir(files.map((file) => path.posix.dirname(relTo(service.dir, file))));
  const sub = CONTRACT_SUBDIRS.find((name) => files.some((file) => relTo(service.dir, file).startsWith(`${root}/${name}/`)));
  const chosen = common.length > root.length && common.startsWith(`${root}/`) ? common : sub ? `${root}/${sub}` : root;
  // tests/api holding only tests/api/routes/test_items.py: the tests sit one folder deeper, and new ones go beside them.
  const named = files.map((file) => relTo(service.dir, file)).filter((file) => file.startsWith(`${chosen}/`) && TEST_NAMED.test(path.posix.basename(file)));
  const deeper = named.length ? commonDir(named.map((file) => path.posix.dirname(file))) : chosen;
  const value = deeper.startsWith(`${chosen}/`) ? deeper : chosen;
  const example = files.find((file) => relTo(service.dir, file).startsWith(`${value}/`) && TEST_NAMED.test(path.posix.basename(file))) ?? files.find((file) => relTo(service.dir, file).startsWith(`${value}/`)) ?? files[0];
  return { value, confidence: round(Math.min(0.95, 0.6 + 0.05 * files.length)), evidence: [{ file: example }] };
}

/** A file named as a test (`test_items.py`, `items.test.ts`, `items_spec.rb`), not a helper or an `__init__.py` beside the tests. */
const TEST_NAMED = /^test_.*\.py$|_test\.(?:go|py|rb)$|\.(?:test|spec)\.[cm]?[jt]sx?$|_spec\.rb$|Tests?\.(?:java|kt|php)$/;

function commonDir(dirs: string[]): string {
  const split = dirs.map((dir) => dir.split('/'));
  const out: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0][i]); i++) out.push(split[0][i]);
  return out.join('/') || '.';
}

function serviceName(repo: Repo, service: Service, primary: Ecosystem): string {
  // The name from the main ecosystem's manifest: a lint-only package.json does not name a Rails app.
  const declared = service.manifests.namedBy.find((named) => named.ecosystem === primary);
  if (declared) return primary === 'go' ? declared.name.replace(/\/v\d+$/, '').split('/').pop()! : declared.name;
  return service.dir === '.' ? path.basename(path.resolve(repo.root)) : path.posix.basename(service.dir);
}

/** A backend app runs a framework (or a job worker); a package that publishes itself (or is the framework) is a library. */
function isApp(service: Service, stack: ServiceStack): boolean {
  if (service.manifests.publishesLibrary) return false;
  const selfNamed = service.manifests.names.some((name) =>
    KNOWLEDGE.some((entry) => (entry.kind === 'framework' || entry.kind === 'orm') && Object.values(entry.signals.deps ?? {}).some((names) => names?.includes(name))),
  );
  if (selfNamed) return false;
  if (stack.framework === undefined && stack.jobs.length === 0) return false;
  const primary = stack.framework ? knowledgeOf('framework', stack.framework.value)?.ecosystems[0] : undefined;
  if (primary === 'go' && service.complete.has('go') && !service.sources.some((s) => s.ecosystem === 'go' && /^package main\b/m.test(s.text))) return false;
  return true;
}
