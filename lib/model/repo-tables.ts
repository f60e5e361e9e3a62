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

export function withRepoTables(scope: Scope, service: ServiceStack | undefined): Scope {
  const tables = service?.layout?.tables;
  if (!tables?.length) return scope;
  const found = new Map<string, RepoTable>();
  for (const entity of scope.entities) {
    const table = tables.find((candidate) => tableKey(candidate.table) === tableKey(entity.table));
    if (table) found.set(entity.table, table);
  }
  if (!found.size) return scope;
  const renamed = (name: string | undefined): string | undefined => (name === undefined ? undefined : found.get(name)?.table ?? name);
  // The models type the columns they have: a question about those types alone is answered.
  const typed = (table: string, column: string): boolean => {
    const known = found.get(table);
    return Boolean(known?.columns.some((candidate) => columnKey(candidate.name) === columnKey(column) && candidate.type));
  };
  return {
    ...scope,
    questions: scope.questions.filter((note) => !note.untypedColumns?.length || !note.untypedColumns.every(({ table, column }) => typed(table, column))),
    entities: scope.entities.map((entity) => {
      const table = found.get(entity.table);
      const columns = entity.columns.map((column): Column => {
        const references = column.references && found.has(column.references) ? { references: renamed(column.references) } : {};
        const known = table?.columns.find((candidate) => columnKey(candidate.name) === columnKey(column.name));
        if (!known) return { ...column, ...references };
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
