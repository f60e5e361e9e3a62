// Technology knowledge in one place: one entry per technology, one id per
// technology, found by kind and id. Detection reads the signals; every later
// stage reads the facts; nothing else keeps a table keyed by technology.
import { AUTH, JOBS, LOGGERS, VALIDATION } from './services.js';
import { API_STYLES, FRAMEWORKS } from './frameworks.js';
import { DATABASES, MIGRATION_TOOLS, ORMS } from './data.js';
import { LANGUAGES, PACKAGE_MANAGERS, TEST_RUNNERS } from './tooling.js';
import type { ContractTestStack, EntryOfKind, Kind, KnowledgeEntry } from './types.js';

export * from './types.js';
export { AUTH, JOBS, LOGGERS, VALIDATION, VENDORS } from './services.js';
export { API_STYLES, FRAMEWORKS } from './frameworks.js';
export { DATABASES, KEY_SQL_TYPES, KEY_WIRE_TYPES, MIGRATION_TOOLS, ORMS, SQL_PRIMARY_KEY } from './data.js';
export { LANGUAGES, PACKAGE_MANAGERS, TEST_RUNNERS } from './tooling.js';
export { BACKFILL, DEFAULT_ALERTS, DEFAULT_REPLAY_WINDOW, SCHEDULES } from './defaults.js';
export { ERROR_BODY_WRITES, ERROR_HANDLER_CODE, ERROR_HANDLER_FILE, ERROR_STATUS, HANDLER_FILE, LIST_ENVELOPES, PAGE_WORDS, PAGING_CLASSES, PAGING_PAIRS, PROBLEM_DETAILS, PROBLEM_FIELDS, QUERY_PARAM_DEFAULTS, QUERY_PARAM_READS, SERVICE_LAYER_MODULES } from './house-style.js';

/** Every entry, in the order detection weighs them (languages first, migration tools last). */
export const KNOWLEDGE: readonly KnowledgeEntry[] = [
  ...LANGUAGES,
  ...FRAMEWORKS,
  ...ORMS,
  ...DATABASES,
  ...AUTH,
  ...API_STYLES,
  ...JOBS,
  ...TEST_RUNNERS,
  ...PACKAGE_MANAGERS,
  ...VALIDATION,
  ...LOGGERS,
  ...MIGRATION_TOOLS,
];

const BY_KIND_ID = new Map(KNOWLEDGE.flatMap((entry) => [entry.id, ...(entry.aliases ?? [])].map((name) => [`${entry.kind}:${name}`, entry] as const)));

/** The entry of a technology, by id or alias. Ids are unique within a kind (`go` is both the language and its module tool). */
/** Whether a declared version requirement (`0.6`, `^0.6.20`, `~4.18`, `=0.5.17`, `4.2.6`) names a version below `[major, minor]`. */
export function versionBefore(requirement: string | undefined, [major, minor]: [number, number]): boolean {
  const found = /(\d+)(?:\.(\d+))?/.exec(requirement ?? '');
  if (!found) return false;
  const [declaredMajor, declaredMinor] = [Number(found[1]), Number(found[2] ?? 0)];
  return declaredMajor < major || (declaredMajor === major && declaredMinor < minor);
}

/** The commands a tool gives under the detected framework's version: its older ones when the version is below their bound. */
export function olderFrameworkOf<T extends { framework: string; before: [number, number] }>(older: T | undefined, framework: { value: string; version?: string } | undefined): T | undefined {
  return older && framework?.value === older.framework && versionBefore(framework.version, older.before) ? older : undefined;
}

export function knowledgeOf<K extends Kind>(kind: K, id: string | undefined): EntryOfKind[K] | undefined {
  return id === undefined ? undefined : (BY_KIND_ID.get(`${kind}:${id}`) as EntryOfKind[K] | undefined);
}

export function entriesOfKind<K extends Kind>(kind: K): EntryOfKind[K][] {
  return KNOWLEDGE.filter((entry) => entry.kind === kind) as EntryOfKind[K][];
}

/** What to print for a technology: its label; an id from outside the knowledge (a user's answer) as given. */
export function labelOf(kind: Kind, id: string): string {
  return knowledgeOf(kind, id)?.label ?? id;
}

/** A contract-test template and the id of the entry that declares it (the template folder's name). */
export interface ContractTestTemplate extends ContractTestStack {
  id: string;
}

/** Every contract-test template: entries with one of their own, frameworks first. */
export const CONTRACT_TEST_TEMPLATES: readonly ContractTestTemplate[] = [...FRAMEWORKS, ...API_STYLES].flatMap((entry) =>
  entry.contractTest && typeof entry.contractTest === 'object' ? [{ id: entry.id, ...entry.contractTest }] : [],
);

/** The template a detected framework (or API style) uses: its own, or the one it borrows; undefined when it has none. */
export function contractTestTemplateOf(id: string): string | undefined {
  const entry = knowledgeOf('framework', id) ?? knowledgeOf('apiStyle', id);
  if (!entry?.contractTest) return undefined;
  return typeof entry.contractTest === 'string' ? entry.contractTest : entry.id;
}
