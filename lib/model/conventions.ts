// The model stage's lookups into lib/knowledge: records by technology id, built
// from the knowledge entries. No facts live here; add them to lib/knowledge.
import {
  API_STYLES, AUTH as AUTH_ENTRIES, DATABASES as DATABASE_ENTRIES, FRAMEWORKS as FRAMEWORK_ENTRIES, JOBS as JOB_ENTRIES, LANGUAGES as LANGUAGE_ENTRIES,
  LOGGERS as LOGGER_ENTRIES, MIGRATION_TOOLS, ORMS, PACKAGE_MANAGERS as PACKAGE_MANAGER_ENTRIES, SQL_PRIMARY_KEY, TEST_RUNNERS, VALIDATION as VALIDATION_ENTRIES,
  type DatabaseEntry, type KeyType, type LanguageEntry, type LanguageId, type ProtocolVocabulary,
} from '../knowledge/index.js';
import type { ApiStyle } from '../types.js';

export type { KeyType, LanguageId, LayerKind, MigrationToolEntry as MigrationConvention } from '../knowledge/index.js';
export { BACKFILL, DEFAULT_ALERTS, DEFAULT_REPLAY_WINDOW, KEY_SQL_TYPES, SCHEDULES, VENDORS } from '../knowledge/index.js';

/** Entries by id and by alias (a user's `stack.auth: oidc`). */
const byId = <T extends { id: string; aliases?: string[] }>(entries: readonly T[]): Record<string, T> =>
  Object.fromEntries(entries.flatMap((entry) => [entry.id, ...(entry.aliases ?? [])].map((name) => [name, entry])));

export const FRAMEWORKS = byId(FRAMEWORK_ENTRIES);
export const VALIDATION = byId(VALIDATION_ENTRIES);
export const AUTH = byId(AUTH_ENTRIES);
export const JOBS = byId(JOB_ENTRIES);
export const LOGGERS = byId(LOGGER_ENTRIES);
export const RUNNERS = byId(TEST_RUNNERS);
export const PACKAGE_MANAGERS = byId(PACKAGE_MANAGER_ENTRIES);
export const LANGUAGES = byId(LANGUAGE_ENTRIES) as Record<LanguageId, LanguageEntry>;
export const MIGRATIONS = byId(MIGRATION_TOOLS);

/** Each API style's vocabulary: statuses, credential carrier, server metric. */
export const PROTOCOLS = Object.fromEntries(API_STYLES.map((entry) => [entry.id, entry.protocol])) as Record<ApiStyle, ProtocolVocabulary>;

/** Databases by id; `kind` here is the store family (sql, document, kv) the data-model plan branches on. */
export const DATABASES: Record<string, Omit<DatabaseEntry, 'kind'> & { kind: DatabaseEntry['store'] }> = Object.fromEntries(
  DATABASE_ENTRIES.map((entry) => [entry.id, { ...entry, kind: entry.store }]),
);

/** The migration tool an ORM implies when the repository shows none. */
export const ORM_MIGRATION_TOOL: Record<string, string> = Object.fromEntries(ORMS.flatMap((orm) => (orm.migrationTool ? [[orm.id, orm.migrationTool]] : [])));
export const RAW_QUERY = Object.fromEntries(ORMS.flatMap((orm) => (orm.rawQuery ? [[orm.id, orm.rawQuery]] : []))) as Record<string, { safe: string; unsafe: string }>;
export const ORM_OTEL: Record<string, string> = Object.fromEntries(ORMS.flatMap((orm) => (orm.otel ? [[orm.id, orm.otel]] : [])));

/** How each technology declares a primary key: raw SQL first, then each ORM's own way. */
export const PRIMARY_KEY_SIGNALS: Record<string, Partial<Record<KeyType, RegExp[]>>> = {
  sql: SQL_PRIMARY_KEY,
  ...Object.fromEntries(ORMS.flatMap((orm) => (orm.primaryKey ? [[orm.id, orm.primaryKey]] : []))),
};

/** The migration tool id when the id is one (detection and the ORMs name tools by the same ids). */
export function migrationToolFor(id: string | undefined): string | undefined {
  return id && MIGRATIONS[id] ? id : undefined;
}

const perLanguage = <T>(pick: (language: LanguageEntry) => T | undefined): Partial<Record<LanguageId, T>> =>
  Object.fromEntries(LANGUAGE_ENTRIES.flatMap((language) => {
    const value = pick(language);
    return value === undefined ? [] : [[language.id, value]];
  }));

export const DEFAULT_VALIDATION_BY_LANGUAGE = perLanguage((language) => language.defaults.validation) as Record<LanguageId, string>;
export const DEFAULT_LOGGER_BY_LANGUAGE = perLanguage((language) => language.defaults.logger) as Record<LanguageId, string>;
export const DEFAULT_JOBS_BY_LANGUAGE = perLanguage((language) => language.defaults.jobs);
export const TEST_CONTAINERS = perLanguage((language) => language.testContainers);
export const DRIVER_OTEL = perLanguage((language) => language.driverOtel);
export const OUTBOUND_OTEL = perLanguage((language) => language.outboundOtel);
