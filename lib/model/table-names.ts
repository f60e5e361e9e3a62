// A model class the sprint names (`Tag`, `GiftCard`) is a table only under the
// name the repository's ORM gives it by default (SQLModel `tag`, GORM and
// Active Record `gift_cards`); a table the sprint names itself keeps its name.
import { knowledgeOf } from '../knowledge/index.js';
import { plural, snakeCase } from '../naming/index.js';
import type { Scope, ServiceStack } from '../types.js';

/** A class name: capitalised words, no separators. */
const CLASS_NAME = /^[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/;

export function withOrmTableNames(scope: Scope, service: ServiceStack | undefined): Scope {
  const rule = knowledgeOf('orm', service?.orm?.value)?.tableFromClass;
  if (!rule) return scope;
  const ormName = (name: string): string => (rule === 'lower' ? name.toLowerCase() : plural(snakeCase(name)));
  const renamed = new Map<string, string>();
  // The sprint's own models, and the classes its keys point to (an existing `Item` is the table `item` too).
  const named = scope.entities.flatMap((entity) => [entity.table, ...entity.columns.map((column) => column.references ?? ''), ...(entity.joins ?? [])]);
  for (const name of named) if (CLASS_NAME.test(name)) renamed.set(name, ormName(name));
  if (!renamed.size) return scope;
  const table = (name: string): string => renamed.get(name) ?? name;
  return {
    ...scope,
    entities: scope.entities.map((entity) => ({
      ...entity,
      table: table(entity.table),
      columns: entity.columns.map((column) => (column.references && renamed.has(column.references) ? { ...column, references: table(column.references) } : column)),
      ...(entity.joins ? { joins: entity.joins.map(table) as [string, string] } : {}),
    })),
  };
}
