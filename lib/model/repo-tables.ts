// A table the sprint names that the repository's models already declare
// (TypeORM `@Entity('article') class ArticleEntity`) is changed, never created:
// it keeps the repository's table name, the columns the model already has are
// not added again, and a column the sprint restates takes the model's type.
import { singular, snakeCase } from '../naming/index.js';
import type { Column, RepoTable, Scope, ServiceStack } from '../types.js';

/** `Article`, `articles`, `article`, `ArticleEntity` compare equal. */
const tableKey = (name: string): string => singular(snakeCase(name)).replace(/[^a-z0-9]/g, '').replace(/(?<=.)(?:entity|model)$/, '');
/** `publish_at`, `publishAt` compare equal. */
const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The scope's question about untyped columns, for the columns still untyped. */
function untypedText(columns: ReadonlyArray<{ table: string; column: string }>): string {
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) (byTable.get(table) ?? byTable.set(table, []).get(table)!).push(`\`${column}\``);
  const groups = [...byTable.entries()];
  if (groups.length === 1) return `\`${groups[0][0]}\`: the types of ${groups[0][1].join(', ')} are not stated.`;
  return `Column types are not stated for ${groups.map(([table, names]) => `\`${table}\` (${names.join(', ')})`).join('; ')}.`;
}

export function withRepoTables(scope: Scope, service: ServiceStack | undefined): Scope {
  const tables = service?.layout?.tables;
  if (!tables?.length) return scope;
  const found = new Map<string, RepoTable>();
  for (const entity of scope.entities) {
    const table = tables.find((candidate) => tableKey(candidate.table) === tableKey(entity.table));
    if (table) found.set(entity.table, table);
  }
  // `user_id` in a new table, with no reference stated, points at the repository's `users` when it has one.
  const referenced = (column: Column): string | undefined => {
    if (column.references || column.type) return undefined;
    const target = /^(.+)_id$/.exec(column.name)?.[1];
    if (!target || scope.entities.some((entity) => tableKey(entity.table) === tableKey(target))) return undefined;
    return tables.find((candidate) => tableKey(candidate.table) === tableKey(target) && candidate.columns.some((c) => c.name === 'id'))?.table;
  };
  const keyTypeOfTable = (name: string): string | undefined => {
    const key = tables.find((candidate) => tableKey(candidate.table) === tableKey(name))?.columns.find((candidate) => candidate.name === 'id')?.type;
    return key && /^(?:uuid|bigint|integer)$/.test(key) ? key : undefined;
  };
  const inferred = new Map<Column, string>();
  for (const entity of scope.entities) for (const column of entity.columns) {
    const target = referenced(column);
    if (target && !found.get(entity.table)?.columns.some((candidate) => columnKey(candidate.name) === columnKey(column.name))) inferred.set(column, target);
  }
  const keyed = scope.entities.some((entity) => entity.columns.some((column) => !column.type && column.references && keyTypeOfTable(column.references.split('.')[0])));
  if (!found.size && !inferred.size && !keyed) return scope;
  const renamed = (name: string | undefined): string | undefined => (name === undefined ? undefined : found.get(name)?.table ?? name);
  // The models type the columns they have: a question about those types alone is answered.
  const typed = (table: string, column: string): boolean => {
    const known = found.get(table);
    if (known?.columns.some((candidate) => columnKey(candidate.name) === columnKey(column) && candidate.type)) return true;
    // A key that now references an existing table takes that table's key type.
    const entity = scope.entities.find((candidate) => candidate.table === table);
    return Boolean(entity?.columns.some((candidate) => candidate.name === column && inferred.has(candidate)));
  };
  return {
    ...scope,
    questions: scope.questions.flatMap((note) => {
      if (!note.untypedColumns?.length) return [note];
      const left = note.untypedColumns.filter(({ table, column }) => !typed(table, column));
      if (left.length === note.untypedColumns.length) return [note];
      return left.length ? [{ ...note, text: untypedText(left), untypedColumns: left }] : [];
    }),
    entities: scope.entities.map((entity) => {
      const table = found.get(entity.table);
      const columns = entity.columns.map((column): Column => {
        const references = column.references && found.has(column.references) ? { references: renamed(column.references) } : inferred.has(column) ? { references: inferred.get(column)! } : {};
        // A key to an existing table takes that table's key type (`articles.id` bigint beside `users.id` uuid).
        const target = references.references ?? column.references;
        const targetKey = !column.type && target ? keyTypeOfTable(target.split('.')[0]) : undefined;
        const typedKey = targetKey ? { type: targetKey } : {};
        const known = table?.columns.find((candidate) => columnKey(candidate.name) === columnKey(column.name));
        if (!known) return { ...column, ...references, ...typedKey };
        return { ...column, ...references, name: known.name, ...(known.type ? { type: known.type } : {}), existing: true };
      });
      return {
        ...entity,
        ...(table ? { table: table.table, change: 'alter-table' as const } : {}),
        columns,
        ...(entity.joins ? { joins: entity.joins.map((name) => renamed(name)!) as [string, string] } : {}),
      };
    }),
  };
}
