// Lookups the scope tests share: an entity by table name, its column names, a line of a document.
import type { Entity, Scope } from '../../lib/types.js';

/** The entity named `name`; a missing one fails with the tables that were read. */
export function table(scope: Scope, name: string): Entity {
  const found = scope.entities.find((entity) => entity.table === name);
  if (!found) throw new Error(`no entity ${name}; have ${scope.entities.map((entity) => entity.table).join(', ')}`);
  return found;
}

export function columnNames(scope: Scope, name: string): string[] {
  return table(scope, name).columns.map((column) => column.name);
}

/** The 1-based line of `text` that contains `needle` (0 when none does). */
export function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}
