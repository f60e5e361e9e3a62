// Data model changes: migrations in the detected tool's convention, online
// plans and backfills for populated tables, indexes, backups, the ER diagram.

import type { Column, Entity, Scope, ServiceStack } from '../types.js';
import { operationKey } from '../types.js';
import { BACKFILL, DATABASES, KEY_SQL_TYPES, MIGRATIONS, ORM_MIGRATION_TOOL, migrationToolFor, type KeyType, type MigrationConvention } from './conventions.js';
import { columnKindOf, kebabCase, pascalCase, singular, snakeCase } from '../naming/index.js';
import { labelOf, olderFrameworkOf } from '../knowledge/index.js';
import { collectionOf, fill, underService } from './names.js';
import { backfillGaps, WEIGHTS } from './rules.js';
import type { BackendSpec, BackfillPlan, Backup, IndexPlan, Migration, OnlineStep, PopulatedTablePlan } from './spec-types.js';
import type { Findings } from './findings.js';
import { columnKind, defaultOf, FORMS, precisionOf, type FormColumn, type FormIndex, type FormTable, type SchemaChange } from './migration-forms/index.js';

export interface SupportTable {
  table: string;
  purpose: 'idempotency' | 'webhook-events';
  columns: string[];
}

/** The primary store: the first detected database that is not a cache. */
export function primaryDatabase(service: ServiceStack | undefined): string | undefined {
  const ids = service?.databases.map((d) => d.value) ?? [];
  return ids.find((id) => DATABASES[id]?.kind !== 'kv') ?? ids[0];
}

export function migrationToolOf(service: ServiceStack | undefined): string | undefined {
  const detected = migrationToolFor(service?.migrations?.value);
  if (detected) return detected;
  const orm = service?.orm?.value;
  return orm ? ORM_MIGRATION_TOOL[orm] : undefined;
}

/** Where the tool came from: the repository's files, or (silent repository) the ORM's standard. */
function migrationToolSource(service: ServiceStack | undefined): 'detected' | 'orm-standard' | undefined {
  if (migrationToolFor(service?.migrations?.value)) return 'detected';
  return migrationToolOf(service) ? 'orm-standard' : undefined;
}

/**
 * Schema synchronised from the entities: the ORM says so in its configuration and no migration exists yet.
 * A repository with migrations keeps them, whatever the setting (synchronize then only serves local runs).
 */
function schemaSyncOf(service: ServiceStack | undefined, migrations: Migration[]): BackendSpec['dataModel']['schemaSync'] {
  const sync = service?.layout?.schemaSync;
  if (!sync || service?.layout?.migrations?.count || !migrations.length) return undefined;
  const evidence = sync.evidence[0];
  return {
    orm: sync.orm,
    ormLabel: labelOf('orm', sync.orm),
    setting: sync.setting,
    evidence: evidence ? `${underService(service.path, evidence.file)}${evidence.line ? `:${evidence.line}` : ''}` : '',
    // The repository's own model class when it declares the table (`ArticleEntity`), else the ORM's usual class name.
    entities: Object.fromEntries(migrations.map((m) => [m.table, service.layout?.tables?.find((table) => table.table === m.table)?.className ?? pascalCase(singular(m.table))])),
  };
}

/** The key type of the repository's existing tables, when its models or migrations show one. */
function keyTypeOf(service: ServiceStack | undefined): KeyType | undefined {
  return service?.layout?.primaryKey?.type;
}

function keySqlType(key: KeyType | undefined, db: string | undefined): string {
  const types = KEY_SQL_TYPES[key ?? 'bigint'];
  return (db && types[db]) ?? types.default;
}

function sqlType(column: Column, db: string | undefined, key?: KeyType): string {
  // `Date` as written (a TypeScript or Java property type) is an instant; only the lowercase SQL word is a day.
  const stated = column.type === 'Date' ? 'timestamp' : column.type?.toLowerCase();
  const ts = db === 'mysql' ? 'datetime' : db === 'sqlite' ? 'text' : 'timestamptz';
  if (stated) {
    if (/^(timestamp|datetime)$/.test(stated)) return ts;
    if (stated === 'string' || stated === 'enum') return db === 'mysql' ? 'varchar(255)' : 'text';
    return stated;
  }
  // The naming vocabulary, snake_case or camelCase: `*_at` instants, `is_*` flags. A `*_id` without a
  // stated reference may hold another system's ID (`stripe_refund_id`), so it keeps the text type.
  const name = column.name;
  if (/^id$/i.test(name) || column.references) return keySqlType(key, db);
  const kind = columnKindOf(name);
  if (kind === 'integer') return 'integer';
  // Money is exact: never a float. MySQL's bare DECIMAL would round to whole units.
  if (kind === 'money') return db === 'mysql' ? 'decimal(19,4)' : 'numeric';
  if (kind === 'instant') return ts;
  if (kind === 'date') return 'date';
  if (kind === 'boolean') return 'boolean';
  return db === 'mysql' ? 'varchar(255)' : 'text';
}

const CONSTANT = /^(-?\d+(\.\d+)?|'[^']*'|true|false|null)$/i;

function literal(value: string): string {
  return CONSTANT.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

function isConstantDefault(value: string | undefined): boolean {
  return value !== undefined && !/\(/.test(value);
}

function referenceOf(column: Column): { table: string; column: string } | undefined {
  if (!column.references) return undefined;
  const [table, col] = column.references.split('.');
  return { table, column: col ?? 'id' };
}

/** The apply command when the service's framework runs the migration tool itself, by the service's package manager. */
function runByFramework(conv: MigrationConvention, service: ServiceStack | undefined): string | undefined {
  const run = conv.runByFramework;
  if (!run || service?.framework?.value !== run.framework) return undefined;
  const pm = service.packageManager?.value;
  return (pm && run.apply[pm]) ?? run.apply.default;
}

/** The migrations folder and file prefix: the repository's own when it has migrations, else the tool's standard. */
export interface MigrationPlace {
  dir: string;
  /** `<timestamp>`, `<nnnn>`: replaces the tool's first placeholder when the existing files use another. */
  prefix?: string;
  /** The Django app owning the folder (fills `<app>`). */
  app?: string;
  /** The last existing sequence number, when the author numbers files (Flyway's `touch V<n>__…`): the plan counts on from it. */
  last?: string;
  from: 'repository' | 'standard';
}

export function migrationPlace(conv: MigrationConvention, service: ServiceStack | undefined): MigrationPlace {
  const found = service?.layout?.migrations;
  if (!found) return { dir: conv.dir, from: 'standard' };
  const app = conv.dir.startsWith('<app>/') && found.dir.includes('/') ? found.dir.slice(0, found.dir.lastIndexOf('/')).split('/').pop() : undefined;
  const last = conv.numberedBy === 'author' ? found.last : undefined;
  return { dir: found.dir, prefix: found.prefix, app, ...(last ? { last } : {}), from: 'repository' };
}

/** A catalog string with the place filled: `{dir}`, the first `<…>` prefix placeholder, `<app>`. */
function placed(pattern: string, place: MigrationPlace | undefined): string {
  if (!place) return pattern;
  let out = pattern.replace(/\{dir\}/g, place.dir);
  if (place.prefix) {
    const at = out.indexOf(place.dir) >= 0 ? out.indexOf(place.dir) + place.dir.length : 0;
    out = out.slice(0, at) + out.slice(at).replace(/<(timestamp|version|nnnn|nnn|n|rev)>/, place.prefix);
  }
  return place.app ? out.replace(/<app>/g, place.app) : out;
}

function migrationFile(conv: MigrationConvention | undefined, name: string, place?: MigrationPlace, order?: number): { file: string; extra: string[] } {
  if (!conv) return { file: name, extra: [] };
  const cased = conv.nameCase === 'kebab' ? kebabCase(name) : conv.nameCase === 'pascal' ? pascalCase(name) : snakeCase(name);
  const values = { name: cased, Name: pascalCase(name) };
  // The author numbers the files: the plan's nth migration is the repository's last version plus n, as wide as it.
  const numbered = (file: string): string => {
    if (!place?.last || !order) return file;
    const version = String(Number(place.last) + order).padStart(place.last.length, '0');
    const at = file.indexOf(place.dir) >= 0 ? file.indexOf(place.dir) + place.dir.length : 0;
    return file.slice(0, at) + file.slice(at).replace(/<(?:n+|version)>/, version);
  };
  return { file: numbered(fill(placed(conv.file, place), values)), extra: (conv.extraFiles ?? []).map((f) => numbered(fill(placed(f, place), values))) };
}

/** A command of the tool with the folder and, for a rollback, the plan's last migration filled in. */
function toolCommand(conv: MigrationConvention, pattern: string | undefined, place: MigrationPlace, last: string | undefined): string | undefined {
  if (!pattern) return undefined;
  const cased = last ? (conv.nameCase === 'kebab' ? kebabCase(last) : conv.nameCase === 'pascal' ? pascalCase(last) : snakeCase(last)) : undefined;
  return fill(placed(pattern, place), { ...(cased ? { name: cased, Name: pascalCase(last!) } : {}) }).replace(/\{name\}|\{Name\}/g, '<migration>');
}

interface PopulatedFact {
  source: PopulatedTablePlan['source'];
  line?: number;
  confirmed: boolean;
}

function populatedFacts(scope: Scope, answers: string[] | undefined): Map<string, PopulatedFact> {
  const facts = new Map<string, PopulatedFact>();
  for (const entity of scope.entities) {
    // Only an existing table that gains columns has rows to backfill; a new table starts empty.
    if (entity.change !== 'alter-table' || !entity.columns.length) continue;
    if (answers?.includes(entity.table)) facts.set(entity.table, { source: 'answers', confirmed: true });
    else if (entity.rowsHint) facts.set(entity.table, { source: 'spec', line: entity.rowsHint.line, confirmed: true });
    // An existing table probably holds rows unless the answers list says otherwise: plan for it and ask.
    else if (entity.change === 'alter-table' && !answers) facts.set(entity.table, { source: 'existing-table', line: entity.line, confirmed: false });
  }
  return facts;
}

/** New tables first (referenced before referencing), then changes to existing tables, in spec order. */
function orderEntities(entities: Entity[]): Entity[] {
  const created = entities.filter((e) => e.change === 'new-table');
  const ordered: Entity[] = [];
  const placed = new Set<string>();
  const visit = (entity: Entity, trail: Set<string>) => {
    if (placed.has(entity.table) || trail.has(entity.table)) return;
    trail.add(entity.table);
    for (const column of entity.columns) {
      const ref = referenceOf(column);
      const target = ref && created.find((e) => e.table === ref.table);
      if (target) visit(target, trail);
    }
    placed.add(entity.table);
    ordered.push(entity);
  };
  created.forEach((e) => visit(e, new Set()));
  return [...ordered, ...entities.filter((e) => e.change === 'alter-table')];
}

function indexName(table: string, columns: string[], suffix: string): string {
  return `${table}_${columns.map((c) => c.replace(/\s+(DESC|ASC)$/i, '')).join('_')}_${suffix}`;
}

/** Indexes and constraints the spec's columns, list operations and job scans call for. */
export function planIndexes(scope: Scope, populated: Set<string>): IndexPlan[] {
  const plans: IndexPlan[] = [];
  // Sets and a map instead of scans, so a long spec stays linear: plan names, which (table, first column) an index or key leads with, list operations per table.
  const planNames = new Set<string>();
  const leading = new Set<string>();
  const add = (plan: IndexPlan) => {
    if (planNames.has(plan.name)) return;
    planNames.add(plan.name);
    plans.push(plan);
    if (plan.kind === 'index' || plan.kind === 'unique') leading.add(`${plan.table}\u0000${plan.columns[0]}`);
  };
  const listOps = new Map<string, Scope['operations']>();
  for (const op of scope.operations) {
    if (!op.list) continue;
    const table = collectionOf(op);
    const ops = listOps.get(table);
    if (ops) ops.push(op);
    else listOps.set(table, [op]);
  }
  for (const entity of scope.entities) {
    const online = populated.has(entity.table);
    const names = entity.columns.map((c) => c.name);
    for (const column of entity.columns) {
      if (column.unique) add({ name: indexName(entity.table, [column.name], 'key'), table: entity.table, kind: 'unique', columns: [column.name], why: { kind: 'spec-unique', ref: String(column.line) }, online });
      if (column.uniqueWith?.length) {
        const columns = [...column.uniqueWith, column.name];
        add({ name: indexName(entity.table, columns, 'key'), table: entity.table, kind: 'unique', columns, why: { kind: 'spec-unique', ref: String(column.uniqueLine ?? column.line) }, online });
      }
      const ref = referenceOf(column);
      if (ref) add({ name: indexName(entity.table, [column.name], 'fkey'), table: entity.table, kind: 'foreign-key', columns: [column.name], references: `${ref.table}.${ref.column}`, why: { kind: 'foreign-key', ref: String(column.line) }, online });
      if (column.enum?.length) {
        add({ name: indexName(entity.table, [column.name], 'check'), table: entity.table, kind: 'check', columns: [column.name], expression: `${column.name} IN (${column.enum.map((v) => `'${v}'`).join(', ')})`, why: { kind: 'enum', ref: String(column.line) }, online });
      }
    }
    // List operations over this table: filter columns from the path, then a stable sort for cursors.
    for (const op of listOps.get(entity.table) ?? []) {
      const filters = [...op.pathParams, ...op.queryParams.map((q) => q.name)].map(snakeCase).filter((c) => names.includes(c));
      const sort = names.includes('created_at') ? ['created_at DESC', 'id DESC'] : names.includes('id') ? ['id DESC'] : [];
      const columns = [...filters, ...sort];
      if (columns.length) add({ name: indexName(entity.table, columns, 'idx'), table: entity.table, kind: 'index', columns, why: { kind: 'list-operation', ref: operationKey(op) }, online });
    }
    // A job that scans rows in one state: a partial index keeps the scan small.
    for (const job of scope.jobs) {
      if (!new RegExp(`\\b${entity.table}\\b`, 'i').test(job.text)) continue;
      for (const column of entity.columns.filter((c) => c.enum?.length)) {
        const value = column.enum!.find((v) => new RegExp(`\\b${v}\\b`).test(job.text));
        if (!value) continue;
        const time = names.includes('created_at') ? ['created_at'] : [];
        const columns = time.length ? time : [column.name];
        add({ name: `${entity.table}_${value}_${columns.join('_')}_idx`, table: entity.table, kind: 'partial-index', columns, expression: `${column.name} = '${value}'`, why: { kind: 'job-scan', ref: String(job.line) }, online });
      }
    }
  }
  // A junction's two-column key is an index that leads with its first key.
  for (const entity of scope.entities) {
    const composite = compositeKey(entity);
    if (composite) leading.add(`${entity.table}\u0000${composite[0]}`);
  }
  // FK columns need their own index (Postgres does not create one) unless another index leads with them.
  for (const fk of plans.filter((p) => p.kind === 'foreign-key')) {
    const led = leading.has(`${fk.table}\u0000${fk.columns[0]}`);
    if (!led) add({ name: indexName(fk.table, fk.columns, 'idx'), table: fk.table, kind: 'index', columns: fk.columns, why: { kind: 'fk-index', ref: fk.name }, online: fk.online });
  }
  return plans;
}

function onlineSteps(entity: Entity, db: string | undefined, indexes: IndexPlan[], key?: KeyType): OnlineStep[] {
  const steps: OnlineStep[] = [];
  const family = db ? DATABASES[db]?.online : undefined;
  const t = entity.table;
  if (family === 'postgres') steps.push({ kind: 'lock-timeout', code: "SET lock_timeout = '5s';" });
  if (family === 'mysql') steps.push({ kind: 'lock-timeout', code: 'SET SESSION lock_wait_timeout = 5;' });
  for (const column of entity.columns) {
    const type = sqlType(column, db, key);
    const notNull = column.nullable === false;
    const fastDefault = isConstantDefault(column.default);
    if (family === 'postgres') {
      if (fastDefault) steps.push({ kind: 'add-column-fast-default', code: `ALTER TABLE ${t} ADD COLUMN ${column.name} ${type}${notNull ? ' NOT NULL' : ''} DEFAULT ${literal(column.default!)};` });
      else {
        steps.push({ kind: 'add-column-nullable', code: `ALTER TABLE ${t} ADD COLUMN ${column.name} ${type};` });
        if (column.default) steps.push({ kind: 'set-default', code: `ALTER TABLE ${t} ALTER COLUMN ${column.name} SET DEFAULT ${column.default};` });
        if (notNull) {
          const check = `${t}_${column.name}_not_null`;
          steps.push({ kind: 'backfill' });
          steps.push({ kind: 'check-not-valid', code: `ALTER TABLE ${t} ADD CONSTRAINT ${check} CHECK (${column.name} IS NOT NULL) NOT VALID;` });
          steps.push({ kind: 'validate-constraint', code: `ALTER TABLE ${t} VALIDATE CONSTRAINT ${check};` });
          steps.push({ kind: 'set-not-null', code: `ALTER TABLE ${t} ALTER COLUMN ${column.name} SET NOT NULL; ALTER TABLE ${t} DROP CONSTRAINT ${check};` });
        }
      }
      const ref = referenceOf(column);
      if (ref) {
        const fk = `${t}_${column.name}_fkey`;
        steps.push({ kind: 'fk-not-valid', code: `ALTER TABLE ${t} ADD CONSTRAINT ${fk} FOREIGN KEY (${column.name}) REFERENCES ${ref.table} (${ref.column}) NOT VALID;` });
        steps.push({ kind: 'validate-constraint', code: `ALTER TABLE ${t} VALIDATE CONSTRAINT ${fk};` });
      }
    } else if (family === 'mysql') {
      if (fastDefault || !notNull) steps.push({ kind: 'mysql-instant', code: `ALTER TABLE ${t} ADD COLUMN ${column.name} ${type}${notNull ? ' NOT NULL' : ''}${column.default ? ` DEFAULT ${literal(column.default)}` : ''}, ALGORITHM=INSTANT;` });
      else {
        steps.push({ kind: 'mysql-instant', code: `ALTER TABLE ${t} ADD COLUMN ${column.name} ${type} NULL, ALGORITHM=INSTANT;` });
        steps.push({ kind: 'backfill' });
        steps.push({ kind: 'mysql-modify-not-null', code: `ALTER TABLE ${t} MODIFY ${column.name} ${type} NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;` });
      }
    } else if (family === 'sqlite') {
      if (fastDefault || !notNull) steps.push({ kind: 'add-column-fast-default', code: `ALTER TABLE ${t} ADD COLUMN ${column.name} ${type}${notNull ? ' NOT NULL' : ''}${column.default ? ` DEFAULT ${literal(column.default)}` : ''};` });
      else steps.push({ kind: 'sqlite-rebuild' });
    } else if (family === 'mongodb') {
      steps.push({ kind: 'mongo-read-default', code: column.default ? `${column.name} ?? ${column.default}` : undefined });
      steps.push({ kind: 'backfill' });
    }
  }
  for (const index of indexes.filter((i) => i.table === t && i.online && (i.kind === 'index' || i.kind === 'partial-index' || i.kind === 'unique'))) {
    const cols = index.columns.join(', ');
    if (family === 'postgres') {
      const unique = index.kind === 'unique' ? 'UNIQUE ' : '';
      const where = index.kind === 'partial-index' ? ` WHERE ${index.expression}` : '';
      steps.push({ kind: 'index-concurrently', code: `CREATE ${unique}INDEX CONCURRENTLY ${index.name} ON ${t} (${cols})${where};` });
    } else if (family === 'mysql') {
      steps.push({ kind: 'mysql-inplace-index', code: `ALTER TABLE ${t} ADD ${index.kind === 'unique' ? 'UNIQUE ' : ''}INDEX ${index.name} (${cols}), ALGORITHM=INPLACE, LOCK=NONE;` });
    }
  }
  return steps;
}

function backfillPlan(entity: Entity, db: string | undefined, key?: KeyType): BackfillPlan {
  const mongo = db === 'mongodb';
  const keyColumn = mongo ? '_id' : 'id';
  // Nullable columns without a default stay NULL: nothing to fill.
  const filled = entity.columns.filter((c) => c.nullable === false || c.default !== undefined);
  const needsValue = filled.filter((c) => c.default === undefined);
  const target = filled.length ? filled : entity.columns;
  const columns = target.map((c) => c.name);
  const value: BackfillPlan['value'] = needsValue.length
    ? { kind: 'unknown' }
    : filled.length
      ? { kind: 'default', value: filled.map((c) => `${c.name} = ${c.default}`).join(', ') }
      : { kind: 'nullable' };
  const assignments = target.map((c) => `${c.name} = ${c.default !== undefined ? literal(c.default) : '<value>'}`).join(', ');
  const isNull = columns.map((c) => `${c} IS NULL`).join(' OR ');
  const rowCount = entity.rowsHint?.count;
  const t = entity.table;
  const batchSize = BACKFILL.batchSize;
  const nullableOnly = value.kind === 'nullable' && !mongo;
  return {
    table: t,
    columns,
    value,
    rowsText: entity.rowsHint?.text,
    rowCount,
    batchSize,
    sleepMs: BACKFILL.sleepMs,
    batches: rowCount ? Math.ceil(rowCount / batchSize) : undefined,
    keyColumn,
    batchStatement: mongo
      ? `db.${t}.updateMany({ _id: { $in: batchIds }, ${columns[0]}: { $exists: false } }, { $set: { ${assignments.replace(/ = /g, ': ')} } })`
      : key === undefined || key === 'bigint' || key === 'integer'
        ? `UPDATE ${t} SET ${assignments} WHERE ${keyColumn} > :last_id AND ${keyColumn} <= :last_id + ${batchSize} AND (${isNull});`
        // A key that is not a counter (uuid): keyset batches, the next batch starts after the last key returned.
        : db === 'mysql'
          ? `UPDATE ${t} SET ${assignments} WHERE ${keyColumn} > :last_id AND (${isNull}) ORDER BY ${keyColumn} LIMIT ${batchSize};`
          : `UPDATE ${t} SET ${assignments} WHERE ${keyColumn} IN (SELECT ${keyColumn} FROM ${t} WHERE ${keyColumn} > :last_id AND (${isNull}) ORDER BY ${keyColumn} LIMIT ${batchSize}) RETURNING ${keyColumn};`,
    verificationQuery: nullableOnly
      ? `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = '${t}' AND column_name IN (${columns.map((c) => `'${c}'`).join(', ')});`
      : mongo
        ? `db.${t}.countDocuments({ ${columns[0]}: { $exists: false } })`
        : `SELECT count(*) FROM ${t} WHERE ${isNull};`,
    verificationExpect: nullableOnly ? 'column' : 'zero',
    missing: [...(needsValue.length ? (['existing-value'] as const) : []), ...(rowCount === undefined && !entity.rowsHint ? (['row-count'] as const) : [])],
  };
}

function rollbackFor(kind: Migration['kind'], table: string, columns: string[], db: string | undefined, index?: IndexPlan): Migration['rollback'] {
  const mongo = db === 'mongodb';
  switch (kind) {
    case 'create-table':
      return { statement: mongo ? `db.${table}.drop()` : `DROP TABLE ${table};`, dataLoss: true };
    case 'support-table':
      return { statement: mongo ? `db.${table}.drop()` : `DROP TABLE ${table};`, dataLoss: false };
    case 'add-columns':
      return mongo
        ? { statement: `db.${table}.updateMany({}, { $unset: { ${columns.map((c) => `${c}: ''`).join(', ')} } })`, dataLoss: true }
        : { statement: `ALTER TABLE ${table} ${columns.map((c) => `DROP COLUMN ${c}`).join(', ')};`, dataLoss: true };
    case 'create-index': {
      const name = index?.name ?? `${table}_idx`;
      if (mongo) return { statement: `db.${table}.dropIndex('${name}')`, dataLoss: false };
      if (db === 'mysql') return { statement: `DROP INDEX ${name} ON ${table};`, dataLoss: false };
      return { statement: db === 'postgres' ? `DROP INDEX CONCURRENTLY ${name};` : `DROP INDEX ${name};`, dataLoss: false };
    }
  }
}

/** The ER diagram; tables whose columns the change block already shows keep only their relationships. */
/** A SQL type as an erDiagram attribute type, one word: `varchar(100)` → `varchar_100`, `decimal(19,4)` → `decimal_19_4`. */
function diagramType(sqlTypeText: string): string {
  return sqlTypeText.trim().replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'text';
}

function erDiagram(entities: Entity[], db: string | undefined, indexes: IndexPlan[], key?: KeyType, shown: Set<string> = new Set()): string | undefined {
  if (!entities.some((entity) => entity.columns.length)) return undefined;
  // The change block already states every table and its relations: a diagram of the same would only repeat it.
  if (entities.every((entity) => !entity.columns.length || shown.has(entity.table))) return undefined;
  const lines = ['erDiagram'];
  for (const entity of entities) {
    for (const column of entity.columns) {
      const ref = referenceOf(column);
      if (ref) lines.push(`    ${ref.table} ${column.nullable ? '|o' : '||'}--o{ ${entity.table} : "${column.name}"`);
    }
  }
  for (const entity of entities) {
    // Mermaid draws an entity named only in a relationship; an empty block would say nothing.
    if (!entity.columns.length || shown.has(entity.table)) continue;
    lines.push(`    ${entity.table} {`);
    // A new table needs a primary key; unstated, it is the repository's key type under the conventional name.
    if (lacksKey(entity)) lines.push(`        ${diagramType(keySqlType(key, db))} id PK`);
    for (const column of entity.columns) {
      const unique = indexes.some((i) => i.kind === 'unique' && i.table === entity.table && i.columns.length === 1 && i.columns[0] === column.name);
      const keys = [isKey(entity, column) || compositeKey(entity)?.includes(column.name) ? 'PK' : '', referenceOf(column) ? 'FK' : '', unique ? 'UK' : ''].filter(Boolean).join(', ');
      const type = diagramType(sqlType(column, db, key));
      lines.push(`        ${type} ${column.name}${keys ? ` ${keys}` : ''}`);
    }
    lines.push('    }');
  }
  return lines.length > 1 ? lines.join('\n') : undefined;
}

/**
 * A junction read from a many-to-many (`joins`) without an `id` of its own: its key is the
 * pair of keys to the tables it joins (one row per pair). Undefined for any other table.
 */
export function compositeKey(entity: Entity): string[] | undefined {
  if (!entity.joins || entity.change !== 'new-table' || entity.columns.some((column) => isKey(entity, column))) return undefined;
  const keys = entity.joins.map((table) => entity.columns.find((column) => referenceOf(column)?.table === table)?.name);
  return keys.every(Boolean) && new Set(keys).size === 2 ? (keys as string[]) : undefined;
}

/** The table's key: the one column the spec calls its key ("PK: `tagId`"), else `id`. */
const isKey = (entity: Entity, column: Column): boolean =>
  entity.columns.filter((candidate) => candidate.primaryKey).length === 1 ? Boolean(column.primaryKey) : /^id$/i.test(column.name);

/** A new table the spec gives no key: the plan adds `id` of the repository's key type (diagram and change block alike). */
const lacksKey = (entity: Entity): boolean => entity.change === 'new-table' && !compositeKey(entity) && !entity.columns.some((column) => isKey(entity, column));

/** What the sprint adds to a table: columns a subtype's rows use are the table's already. */
function addedColumns(entity: Entity): Entity {
  return entity.columns.some((column) => column.existing) ? { ...entity, columns: entity.columns.filter((column) => !column.existing) } : entity;
}

/** Longer change blocks go to CHANGE_FILE beside the plan document. */
export const CHANGE_INLINE_LINES = 30;
export const CHANGE_FILE = 'schema-change.md';

/** The sprint's schema change as the form renderers read it: the spec's tables in migration order, typed. */
export function schemaChange(entities: Entity[], indexes: IndexPlan[], populated: Set<string>, db: string | undefined, key: KeyType | undefined, markers?: SchemaChange['sqlMarkers'], keysGenerated = false): SchemaChange {
  const tables: FormTable[] = [];
  for (const entity of orderEntities(entities)) {
    if (!entity.columns.length) continue;
    // A new table needs a primary key: unstated, it is `id` of the repository's key type (as the ER diagram shows).
    const keyed = lacksKey(entity) ? [{ name: 'id', line: entity.line }, ...entity.columns] : entity.columns;
    const columns: FormColumn[] = keyed.map((column) => {
      const kind = columnKind(column, key);
      return {
        name: column.name,
        kind,
        sqlType: sqlType(column, db, key),
        precision: precisionOf(column),
        primaryKey: (keyed === entity.columns ? isKey(entity, column) : column.name === 'id') && entity.change === 'new-table',
        nullable: column.nullable !== false && column.name !== 'id' && !column.primaryKey,
        // A uuid key this plan adds, or a stated one where the repository makes its keys on insert, gets the same default.
        default: defaultOf(column.default, kind) ?? (kind === 'uuid' && (keyed !== entity.columns || keysGenerated) && column.name === 'id' && entity.change === 'new-table' && db !== 'sqlite' ? { kind: 'uuid' } : undefined),
        unique: Boolean(column.unique),
        references: referenceOf(column),
        values: column.enum?.length ? column.enum : undefined,
      };
    });
    const own = indexes.filter((index) => index.table === entity.table);
    const formIndexes: FormIndex[] = own
      .filter((index) => index.kind === 'index' || index.kind === 'partial-index' || (index.kind === 'unique' && index.columns.length > 1))
      .map((index) => ({
        name: index.name,
        columns: index.columns.map((c) => ({ name: c.replace(/\s+(DESC|ASC)$/i, ''), desc: /\s+DESC$/i.test(c) })),
        unique: index.kind === 'unique',
        where: index.kind === 'partial-index' ? index.expression : undefined,
        online: index.online,
      }));
    const constraintNames: FormTable['constraintNames'] = {};
    for (const index of own) {
      if (index.columns.length !== 1 || !(index.kind === 'unique' || index.kind === 'foreign-key' || index.kind === 'check')) continue;
      const names = (constraintNames[index.columns[0]] ??= {});
      if (index.kind === 'unique') names.unique = index.name;
      else if (index.kind === 'foreign-key') names.foreignKey = index.name;
      else names.check = index.name;
    }
    const composite = compositeKey(entity);
    tables.push({ table: entity.table, change: entity.change === 'new-table' ? 'create' : 'alter', populated: populated.has(entity.table), columns, indexes: formIndexes, constraintNames, ...(composite ? { primaryKey: composite } : {}) });
  }
  return { tables, database: db, sqlMarkers: markers };
}

export function buildDataModel(
  stated: Scope,
  service: ServiceStack | undefined,
  populatedAnswers: string[] | undefined,
  support: SupportTable[],
  findings: Findings,
): BackendSpec['dataModel'] {
  // The migrations add what the sprint adds; a subtype's rows use columns the table has.
  const scope: Scope = { ...stated, entities: stated.entities.map(addedColumns) };
  const db = primaryDatabase(service);
  const tool = migrationToolOf(service);
  const conv = tool ? MIGRATIONS[tool] : undefined;
  // Rails 4.2 runs `bin/rake db:migrate`: the framework's version picks the tool's commands.
  const older = olderFrameworkOf(conv?.olderFramework, service?.framework);
  const place = conv ? migrationPlace(conv, service) : undefined;
  const key = keyTypeOf(service);
  const facts = populatedFacts(scope, populatedAnswers);
  const populated = new Set(facts.keys());
  const indexes = planIndexes(scope, populated);
  const migrations: Migration[] = [];
  const byTable = new Map<string, string>();

  // In a workspace the schema and its migrations live with the ORM's package (`packages/db`).
  const root = service?.dataPath ?? service?.path ?? '.';
  const push = (m: Omit<Migration, 'order' | 'file' | 'extraFiles'>) => {
    const { file, extra } = migrationFile(conv, m.name, place, migrations.length + 1);
    migrations.push({ ...m, order: migrations.length + 1, file: underService(root, file), extraFiles: extra.map((f) => underService(root, f)) });
  };

  // The names the tool's generator expects, where it has a convention (Laravel: `create_loans_table`).
  const NAMES = { create: 'create_{table}', addColumn: 'add_{column}_to_{table}', alter: 'alter_{table}' };
  const migrationName = (kind: keyof typeof NAMES, table: string, column = ''): string => fill(conv?.names?.[kind] ?? NAMES[kind], { table, column });
  for (const entity of orderEntities(scope.entities)) {
    const columns = entity.columns.map((c) => c.name);
    // A table whose columns the spec does not state gets no migration: it is an open question, not a plan.
    if (!columns.length) continue;
    const dependsOn = [...new Set(entity.columns.map(referenceOf).filter(Boolean).map((r) => byTable.get(r!.table)).filter((n): n is string => Boolean(n)))];
    const isPopulated = populated.has(entity.table);
    if (entity.change === 'new-table') {
      const name = migrationName('create', entity.table);
      push({ name, kind: 'create-table', table: entity.table, columns, dependsOn, nonTransactional: false, populated: false, rollback: rollbackFor('create-table', entity.table, columns, db) });
      byTable.set(entity.table, name);
    } else {
      const name = columns.length === 1 ? migrationName('addColumn', entity.table, columns[0]) : migrationName('alter', entity.table);
      push({ name, kind: 'add-columns', table: entity.table, columns, dependsOn, nonTransactional: false, populated: isPopulated, rollback: rollbackFor('add-columns', entity.table, columns, db) });
      byTable.set(entity.table, name);
      // Indexes on a populated table run in their own migration, outside a transaction.
      if (isPopulated && db !== 'mongodb') {
        for (const index of indexes.filter((i) => i.table === entity.table && i.online && (i.kind === 'index' || i.kind === 'partial-index' || i.kind === 'unique'))) {
          push({ name: `index_${index.name}`, kind: 'create-index', table: entity.table, columns: index.columns, dependsOn: [name], nonTransactional: db === 'postgres', populated: true, rollback: rollbackFor('create-index', entity.table, index.columns, db, index) });
        }
      }
    }
  }
  if (db && DATABASES[db]?.kind !== 'kv') {
    for (const table of support) {
      push({ name: migrationName('create', table.table), kind: 'support-table', table: table.table, columns: table.columns, dependsOn: [], nonTransactional: false, populated: false, rollback: rollbackFor('support-table', table.table, table.columns, db), purpose: table.purpose });
    }
  }

  // The change in the tool's own form: one block for the sprint, and each row's rollback as the tool undoes it.
  const form = conv && db && DATABASES[db]?.kind === 'sql' ? conv.changeForm : undefined;
  const renderer = form ? FORMS[form] : undefined;
  const built = renderer ? schemaChange(scope.entities, indexes, populated, db, key, conv?.sqlMarkers, Boolean(service?.layout?.primaryKey?.generated)) : undefined;
  const shown = new Set(built?.tables.filter((table) => renderer?.shows?.(table) ?? true).map((table) => table.table));
  const code = renderer && built && shown.size ? renderer.block(built) : undefined;
  const lines = code ? code.split('\n').length : 0;
  // A long block would dominate the section: it goes beside the document, as a large contract does.
  const change = renderer && code ? { form: renderer.form, language: renderer.language, code, lines, ...(lines > CHANGE_INLINE_LINES ? { file: CHANGE_FILE } : {}) } : undefined;
  if (renderer?.rollback) {
    const foreignKeys = new Set(scope.entities.flatMap((e) => e.columns.filter((c) => c.references && referenceOf(c)?.column === 'id').map((c) => `${e.table}.${c.name}`)));
    for (const m of migrations) {
      const index = m.kind === 'create-index' ? m.name.replace(/^index_/, '') : undefined;
      m.rollback = { ...m.rollback, statement: renderer.rollback({ kind: m.kind, table: m.table, columns: m.columns, foreignKeys: m.columns.filter((c) => foreignKeys.has(`${m.table}.${c}`)), index }) };
    }
  }

  const plans: PopulatedTablePlan[] = [];
  for (const entity of scope.entities.filter((e) => populated.has(e.table))) {
    const fact = facts.get(entity.table)!;
    const backfill = backfillPlan(entity, db, key);
    plans.push({ table: entity.table, source: fact.source, sourceLine: fact.line, database: db ?? '?', steps: onlineSteps(entity, db, indexes, key), backfill });
    const gaps = backfillGaps(backfill, fact.confirmed);
    if (gaps.includes('existing-value')) {
      const columns = entity.columns.filter((c) => c.nullable === false && c.default === undefined).map((c) => c.name).join(', ');
      findings.warn('missing-backfill', `No value for existing ${entity.table} rows in ${columns}: the backfill cannot be written.`, { table: entity.table, columns });
      findings.ask('backfill-value', `What value do existing ${entity.table} rows get for ${columns}, and from which source?`, WEIGHTS.backfillValue, { table: entity.table, columns });
    }
    if (gaps.includes('populated')) {
      // One warning per table: the value question above already raised it.
      if (!gaps.includes('existing-value')) findings.warn('missing-backfill', `${entity.table} already exists; its row count is unknown, so the backfill is planned with defaults.`, { table: entity.table, columns: backfill.columns.join(', ') });
      findings.ask('populated-unknown', `How many rows does ${entity.table} hold in production (answers: populatedTables)?`, WEIGHTS.populatedUnconfirmed, { table: entity.table });
    } else if (backfill.missing.includes('row-count') && backfill.value.kind !== 'nullable') {
      // Only a backfill that writes rows runs in batches: NULL for the old rows needs no count.
      findings.ask('row-count', `About how many rows does ${entity.table} hold? The batch count depends on it.`, WEIGHTS.rowCount, { table: entity.table });
    }
    if (backfill.value.kind === 'default') {
      findings.ask('default-for-existing', `Is ${backfill.value.value} right for existing ${entity.table} rows, or must they be computed from history?`, WEIGHTS.defaultForExisting, { table: entity.table, value: backfill.value.value });
    }
  }
  if (scope.entities.length && !tool) {
    findings.ask('migration-tool', 'Which migration tool does this service use? None was detected.', WEIGHTS.migrationTool, {});
  }
  const schemaSync = schemaSyncOf(service, migrations);
  if (schemaSync) {
    const where = schemaSync.evidence;
    findings.ask('schema-sync', `${schemaSync.ormLabel} builds the schema from the entities at startup (\`${schemaSync.setting}\` in \`${where}\`) and the repository has no migrations: introduce migrations before production, so schema changes are reviewed, ordered and reversible?`, WEIGHTS.schemaSync, { orm: schemaSync.ormLabel, setting: schemaSync.setting, evidence: where });
  }

  const backups: Backup[] = [];
  if (db) {
    const command = (table: string, name: string) => fill(DATABASES[db]?.backup ?? '', { table, name });
    for (const m of migrations.filter((m) => m.populated && m.kind !== 'create-index')) backups.push({ table: m.table, before: m.name, command: command(m.table, m.name) });
    // Rolling back a table created this sprint loses only this sprint's rows; a backup matters where old data lives.
    for (const m of migrations.filter((m) => m.rollback.dataLoss && m.populated)) backups.push({ table: m.table, before: `rollback:${m.name}`, command: command(m.table, `rollback-${m.name}`) });
  }

  return {
    tool,
    toolLabel: conv?.label,
    database: db,
    databaseLabel: db ? DATABASES[db]?.label ?? db : undefined,
    toolSource: migrationToolSource(service),
    migrationsDir: place ? underService(root, place.dir) : undefined,
    migrationsFrom: place?.from,
    migrationsEvidence: service?.layout?.migrations?.evidence[0]?.file,
    keyType: key,
    keyEvidence: service?.layout?.primaryKey?.evidence[0],
    applyCommand: conv && place && !schemaSync ? toolCommand(conv, older?.apply ?? runByFramework(conv, service) ?? conv.apply, place, undefined) : undefined,
    rollbackCommand: conv && place && !schemaSync ? toolCommand(conv, older?.rollback ?? conv.rollback, place, migrations[migrations.length - 1]?.name) : undefined,
    // The repository autogenerates its revisions from the models (`target_metadata` in env.py): the create command says so.
    createCommand: conv && place && !schemaSync ? toolCommand(conv, (service?.layout?.migrations?.autogenerate && conv.autogenerate?.create) || conv.create, place, undefined) : undefined,
    // A schema synchronised from the entities has no migration to write the change into.
    ...(change && !schemaSync ? { change } : {}),
    dependencyStyle: conv?.dependencyStyle,
    ...(conv?.numberedBy === 'author' ? { numberedBy: 'author' as const } : {}),
    nonTransactionalCode: conv?.nonTransactional,
    migrations,
    populated: plans,
    indexes,
    backups,
    erDiagram: erDiagram(scope.entities, db, indexes, key, schemaSync ? new Set() : shown),
    ...(schemaSync ? { schemaSync } : {}),
    unstated: scope.entities.filter((entity) => !entity.columns.length && !entity.subtypes?.length).map((entity) => entity.table),
    subtypes: stated.entities.flatMap((entity) =>
      (entity.subtypes ?? []).map((subtype) => ({
        ...subtype,
        table: entity.table,
        columns: entity.columns.filter((column) => column.existing && column.name !== subtype.column).map((column) => column.name),
      })),
    ),
    existing: (scope.existingModels ?? []).map((model) => ({ name: model.name, fields: model.fields.map((field) => field.name), line: model.line })),
  };
}
