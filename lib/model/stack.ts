// Stack lines (one per dimension, with evidence) and the layers the sprint touches.

import type { Detected, Scope, ServiceStack } from '../types.js';
import { operationKey } from '../types.js';
import { FRAMEWORKS, type LayerKind } from './conventions.js';
import { labelOf as knowledgeLabel, type Kind } from '../knowledge/index.js';
import { formatEvidence, isMutating, underService } from './names.js';
import type { Layer, StackLine } from './spec-types.js';

/** The knowledge kind behind each Stack line. */
const KIND_OF: Record<StackLine['dimension'], Kind> = {
  language: 'language',
  framework: 'framework',
  apiStyles: 'apiStyle',
  orm: 'orm',
  migrations: 'migrations',
  databases: 'database',
  auth: 'auth',
  jobs: 'job',
  validation: 'validation',
  logger: 'logger',
  testRunner: 'testRunner',
  packageManager: 'packageManager',
};

/** Shown even when not detected; the others only when found. */
const CORE: StackLine['dimension'][] = ['language', 'framework', 'apiStyles', 'orm', 'databases', 'auth', 'jobs', 'testRunner', 'packageManager'];
const ORDER: StackLine['dimension'][] = ['language', 'framework', 'apiStyles', 'orm', 'migrations', 'databases', 'auth', 'jobs', 'validation', 'logger', 'testRunner', 'packageManager'];

export function labelOf(dimension: StackLine['dimension'], id: string): string {
  return knowledgeLabel(KIND_OF[dimension], id);
}

function detectedOf(service: ServiceStack | undefined, dimension: StackLine['dimension']): Detected[] {
  if (!service) return [];
  const value = service[dimension as keyof ServiceStack];
  if (Array.isArray(value)) return value as Detected[];
  return value && typeof value === 'object' && 'value' in value ? [value as Detected] : [];
}

function neededBy(scope: Scope, dimension: StackLine['dimension']): boolean {
  switch (dimension) {
    case 'framework':
    case 'apiStyles':
      return scope.operations.length > 0;
    case 'orm':
    case 'databases':
      return scope.entities.length > 0;
    case 'auth':
      return scope.authz.length > 0 || scope.operations.some(isMutating);
    case 'jobs':
      return scope.jobs.length > 0;
    default:
      return false;
  }
}

export function buildStackLines(scope: Scope, service: ServiceStack | undefined): StackLine[] {
  const lines: StackLine[] = [];
  for (const dimension of ORDER) {
    const found = detectedOf(service, dimension);
    if (found.length === 0 && !CORE.includes(dimension)) continue;
    lines.push({
      dimension,
      values: found.map((d) => d.value),
      labels: found.map((d) => labelOf(dimension, d.value)),
      evidence: [...new Set(found.flatMap((d) => formatEvidence(d.evidence)))],
      confidence: found.length ? Math.min(...found.map((d) => d.confidence)) : undefined,
      neededButMissing: found.length === 0 && neededBy(scope, dimension),
    });
  }
  return lines;
}

const SOURCE_FILE = /\.(ts|tsx|js|mjs|cjs|py|go|rb|rs|java|kt|prisma|proto|graphql)$/;

function dirOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i > 0 ? file.slice(0, i) : '.';
}

const ROUTE_DIR = /(^|\/)(routes|routers|controllers|handlers|api|views|resolvers|http|grpc|server)$/;

/**
 * The routes folder seen in the evidence (a validation or auth import inside src/routes): the one the most
 * evidence files sit in, the deeper one on a tie (`app/api/main.py` only includes the routers of `app/api/routes`).
 */
function routesFolder(service: ServiceStack | undefined): string | undefined {
  if (!service) return undefined;
  const all = [service.appEntry, service.framework, service.validation, ...service.auth, ...service.apiStyles].filter((x): x is Detected => Boolean(x));
  const files = [...new Set(all.flatMap((x) => x.evidence.map((e) => e.file)).filter((f) => SOURCE_FILE.test(f)))];
  const counts = new Map<string, number>();
  for (const dir of files.map(dirOf).filter((dir) => ROUTE_DIR.test(dir))) counts.set(dir, (counts.get(dir) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].split('/').length - a[0].split('/').length)[0]?.[0];
}

/** One module holding every model (`app/models.py`): the data layer is that file, not the whole package around it. */
function modelsModule(detected: Detected | undefined): string | undefined {
  return detected?.evidence.map((e) => e.file).find((file) => /(^|\/)models?\.py$/.test(file));
}

/** A folder the repo really has, read from a detected value's evidence. */
function folderFromEvidence(detected: Detected | undefined): string | undefined {
  const file = detected?.evidence.map((e) => e.file).find((f) => SOURCE_FILE.test(f));
  return file ? dirOf(file) : undefined;
}

/**
 * Where a per-app convention's apps live (`styleguide_example` for `styleguide_example/users/models.py`): the parent
 * folder holding the most apps among the evidence files, when it holds at least two; one app's folder is not the plan's.
 */
function appsParent(detected: Array<Detected | undefined>): string | undefined {
  const apps = new Map<string, Set<string>>();
  for (const file of detected.flatMap((x) => x?.evidence.map((e) => e.file) ?? []).filter((f) => SOURCE_FILE.test(f))) {
    const app = dirOf(file);
    if (app === '.') continue;
    const parent = dirOf(app);
    (apps.get(parent) ?? apps.set(parent, new Set()).get(parent)!).add(app);
  }
  const [best] = [...apps.entries()].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
  return best && best[1].size >= 2 ? best[0] : undefined;
}

/**
 * `src/main/java/<pkg>/service` with the package of the app entry (`src/main/java/io/spring/App.java` → `io/spring`);
 * left as written when the entry is not under the convention's source root.
 */
function withPackage(conventional: string, service: ServiceStack | undefined): string {
  const at = conventional.indexOf('<pkg>');
  const entry = service?.appEntry?.value.split('#')[0];
  if (at < 0 || !entry) return conventional;
  const root = service?.path && service.path !== '.' ? `${service.path.replace(/\/$/, '')}/` : '';
  const dir = dirOf(entry.startsWith(root) ? entry.slice(root.length) : entry);
  const prefix = conventional.slice(0, at);
  return dir.startsWith(prefix) && dir.length > prefix.length ? conventional.replace('<pkg>', dir.slice(prefix.length)) : conventional;
}

export function buildLayers(scope: Scope, service: ServiceStack | undefined, layout: Partial<Record<LayerKind, string>> = {}): Layer[] {
  const framework = service?.framework ? FRAMEWORKS[service.framework.value] : undefined;
  const root = service?.path ?? '.';
  const perApp = Object.values(framework?.layers ?? {}).some((folder) => folder.startsWith('<app>/'));
  // Each layer's apps from its own evidence; services and integrations have none, so they follow the handlers' or the models'.
  const parents: Partial<Record<LayerKind, string | undefined>> = perApp && service ? {
    routes: appsParent([service.framework, service.validation, ...service.auth, ...service.apiStyles]),
    data: appsParent([service.orm]),
    jobs: appsParent(service.jobs),
  } : {};
  parents.services = parents.integrations = parents.routes ?? parents.data;
  const named = service?.layout?.layers ?? {};
  const fromEvidence: Partial<Record<LayerKind, string | undefined>> = {
    routes: routesFolder(service) ?? named.routes?.dir,
    services: service?.layout?.services?.path ?? named.services?.dir,
    data: modelsModule(service?.orm) ?? folderFromEvidence(service?.orm) ?? folderFromEvidence(service?.migrations) ?? named.data?.dir,
    jobs: folderFromEvidence(service?.jobs[0]) ?? named.jobs?.dir,
    integrations: named.integrations?.dir,
  };
  const items: Record<LayerKind, string[]> = {
    routes: scope.operations.map((op) => operationKey(op)),
    services: scope.operations.filter(isMutating).map((op) => operationKey(op)),
    data: scope.entities.map((e) => e.table),
    jobs: scope.jobs.flatMap((job) => (job.name ? [job.name] : [])),
    integrations: scope.integrations.map((i) => i.name),
  };
  if (items.services.length === 0 && scope.operations.length > 0) items.services = items.routes;
  const layers: Layer[] = [];
  // A job the spec does not name stays a schedule and a line: no name is made up for it.
  const unnamedJobs = scope.jobs.filter((job) => !job.name).map((job) => ({ ...(job.schedule ? { schedule: job.schedule } : {}), line: job.line }));
  for (const kind of ['routes', 'services', 'data', 'jobs', 'integrations'] as LayerKind[]) {
    if (items[kind].length === 0 && !(kind === 'jobs' && unnamedJobs.length)) continue;
    const given = layout[kind];
    const conventional = withPackage(framework?.layers?.[kind] ?? `src/${kind}`, service);
    // Apps side by side (Django): one app's folder from the evidence is not where the sprint goes; the `<app>` is.
    const parent = parents[kind];
    const appsFolder = parent !== undefined && conventional.startsWith('<app>/') ? (parent === '.' ? conventional : `${parent}/${conventional}`) : undefined;
    const seen = appsFolder ? undefined : fromEvidence[kind];
    // Evidence paths are repo-relative already (in a workspace, the ORM may live in another package).
    const folder = given ?? seen ?? underService(root, appsFolder ?? conventional);
    layers.push({ kind, folder, fromRepo: Boolean(given ?? seen), items: items[kind], ...(kind === 'jobs' && unnamedJobs.length ? { unnamed: unnamedJobs } : {}) });
  }
  return layers;
}
