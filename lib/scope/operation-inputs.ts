// Settling an operation's inputs against the tables and its own path.
//
// A create the spec asks to be retry-safe needs no Idempotency-Key when the
// table it writes is unique over columns the request carries: a repeat finds
// the existing row by that key ("one report per comment and user").

import type { Entity, Operation } from '../types.js';
import { singular, snakeCase, words } from '../naming/index.js';

/** The composite unique keys an entity's columns state, each with the line that states it. */
function compositeKeys(entity: Entity): Array<{ columns: string[]; line: number }> {
  return entity.columns.filter((column) => column.uniqueWith?.length).map((column) => ({ columns: [...column.uniqueWith!, column.name], line: column.uniqueLine ?? column.line }));
}

/** `report` for `/comments/{id}/reports`: the path's last literal segment, singular, in snake case. */
function createdNoun(op: Operation): string | undefined {
  const literal = op.path?.split('/').filter((segment) => segment && !segment.startsWith('{') && !segment.startsWith(':')).pop();
  return literal ? snakeCase(singular(literal)) : undefined;
}

/** The one entity a path's noun names: `reports`, or `comment_reports` whose last word is the noun. */
function entityNamed(noun: string, entities: readonly Entity[]): Entity | undefined {
  const table = (entity: Entity): string[] => words(entity.table.split('.').pop() ?? '').map((word) => singular(word).toLowerCase());
  const exact = entities.filter((entity) => table(entity).join('_') === noun);
  if (exact.length === 1) return exact[0];
  const last = entities.filter((entity) => table(entity).at(-1) === noun);
  return last.length === 1 ? last[0] : undefined;
}

export function naturalKeys(operations: readonly Operation[], entities: readonly Entity[]): void {
  for (const op of operations) {
    if (!op.retrySafe || op.kind !== 'rest' || op.method?.toUpperCase() !== 'POST') continue;
    const noun = createdNoun(op);
    const entity = noun ? entityNamed(noun, entities) : undefined;
    const keys = entity ? compositeKeys(entity) : [];
    if (keys.length === 1) op.naturalKey = keys[0];
    // The client names the row it creates (`{ "id": uuid, … }`, "the front generates the note id"): its primary key
    // finds the row a repeat already made.
    const clientId = op.naturalKey ? undefined : op.requestFields.find((field) => field.name === 'id' || (noun !== undefined && snakeCase(field.name) === `${noun}_id`));
    if (clientId) op.naturalKey = { columns: [clientId.name], line: clientId.line ?? op.line };
  }
}

/** `id` as a query or body field of `/tags/{id}`: the path already carries it, so the echo goes. */
export function dropPathParamEchoes(operations: readonly Operation[]): void {
  const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const op of operations) {
    if (op.kind !== 'rest') continue;
    const params = new Set([...(op.path ?? '').matchAll(/\{([^}]+)\}/g)].map((match) => squash(match[1])));
    if (!params.size) continue;
    op.queryParams = op.queryParams.filter((field) => !params.has(squash(field.name)));
    op.requestFields = op.requestFields.filter((field) => !params.has(squash(field.name)));
  }
}
