// Which service the sprint is about, and the answers file's stack overrides.
import { MAX_SMALL_FILE_BYTES, readRegularFile } from '../input.js';
import path from 'node:path';
import { pickService } from '../stack/pick.js';
import type { Detected, ServiceStack, StackReport } from '../types.js';

export interface StackAnswer {
  language?: string;
  framework?: string;
  orm?: string;
  db?: string | string[];
  auth?: string | string[];
  jobs?: string | string[];
  service?: string;
  testRunner?: string;
  packageManager?: string;
  testDir?: string;
  appEntry?: string;
  validation?: string;
  logger?: string;
  migrations?: string;
}

/** Single-valued dimensions an answers file may settle besides language, framework and orm. */
const OTHER_SINGLE = ['testRunner', 'packageManager', 'testDir', 'appEntry', 'validation', 'logger', 'migrations'] as const;

/** The named service, the only app service, or undefined when the user must choose. */
export function chooseService(report: StackReport, wanted?: string): ServiceStack | undefined {
  return pickService(report, wanted || undefined);
}

/** Services worth offering in the service prompt. */
export function serviceChoices(report: StackReport): ServiceStack[] {
  const apps = report.services.filter((service) => service.kind === 'app');
  return apps.length ? apps : report.services;
}

const fromAnswers = (value: string): Detected => ({ value, confidence: 1, evidence: [{ file: 'answers' }] });
const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]).map(fromAnswers);

/** Stated facts beat detected ones; a stated value also settles that dimension's ambiguity. */
export function applyStackOverrides(service: ServiceStack, stack: StackAnswer): ServiceStack {
  const next: ServiceStack = { ...service };
  const settled = new Set<string>();
  if (stack.language) (next.language = fromAnswers(stack.language)), settled.add('language');
  if (stack.framework) (next.framework = fromAnswers(stack.framework)), settled.add('framework');
  if (stack.orm) (next.orm = fromAnswers(stack.orm)), settled.add('orm');
  if (stack.db) next.databases = list(stack.db);
  if (stack.auth) next.auth = list(stack.auth);
  if (stack.jobs) next.jobs = list(stack.jobs);
  for (const dimension of OTHER_SINGLE) {
    const value = stack[dimension];
    if (!value) continue;
    const candidate = service.ambiguities.find((ambiguity) => ambiguity.dimension === dimension)?.candidates.find((detected) => detected.value === value);
    next[dimension] = candidate ?? fromAnswers(value);
    settled.add(dimension);
  }
  next.ambiguities = service.ambiguities.filter((ambiguity) => !settled.has(ambiguity.dimension));
  return next;
}

/** Settles one ambiguous dimension with the chosen candidate. */
export function settleAmbiguity(service: ServiceStack, dimension: string, value: string): ServiceStack {
  const ambiguity = service.ambiguities.find((candidate) => candidate.dimension === dimension);
  const chosen = ambiguity?.candidates.find((candidate) => candidate.value === value) ?? fromAnswers(value);
  return {
    ...service,
    [dimension]: chosen,
    ambiguities: service.ambiguities.filter((candidate) => candidate.dimension !== dimension),
  };
}

/** npm packages a service's package.json already declares (the install command leaves them out). */
export function declaredPackages(root: string, servicePath = '.'): string[] {
  try {
    const manifest = JSON.parse(readRegularFile(path.join(root, servicePath, 'package.json'), MAX_SMALL_FILE_BYTES) ?? '{}') as Record<string, Record<string, string> | undefined>;
    return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  } catch {
    // No package.json (another ecosystem) or one that does not parse: detection already warned.
    return [];
  }
}

/** What a contract test needs to know of the service it is written for (runner, folders, entry, package manager). */
export function contractTestTarget(service: ServiceStack | undefined) {
  return {
    testRunner: service?.testRunner?.value,
    testDir: service?.testDir?.value,
    testPattern: service?.layout?.testPattern,
    appEntry: service?.appEntry?.value,
    frameworkVersion: service?.framework?.version,
    packageManager: service?.packageManager?.value,
    servicePath: service?.path,
  };
}
