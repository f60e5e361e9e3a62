// A tRPC contract has no OpenAPI document: its contract is the router outline
// the Backend section states (procedures and their zod inputs). The test calls
// each procedure in-process and checks the input contract both ways: the
// stated input is accepted, and an input missing a required field is refused
// with BAD_REQUEST. Outputs are checked by TypeScript against the router's types.
import type { Field, Operation } from '../types.js';
import { synthesize } from './synthesize.js';

export interface TrpcCase {
  /** `loan.create` */
  procedure: string;
  kind: 'query' | 'mutation';
  /** A valid input (undefined for a procedure without input). */
  input?: Record<string, unknown>;
  /** Inputs each missing one required field, by that field's name. */
  missing: Array<{ field: string; input: Record<string, unknown> }>;
  /** Why no valid input could be made, when one could not. */
  gap?: string;
}

type Json = Record<string, unknown>;

function fieldSchema(field: Field): Json {
  const schema: Json = { type: field.type === 'object' ? 'object' : field.type ?? 'string' };
  if (field.format) schema.format = field.format;
  if (field.enum?.length) schema.enum = field.enum;
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'maxLength'] as const) if (field[key] !== undefined) schema[key] = field[key];
  if (field.type === 'array') schema.items = { type: field.items ?? 'string' };
  return schema;
}

export function planTrpcRouter(operations: readonly Operation[]): TrpcCase[] {
  return operations
    .filter((op) => op.kind === 'trpc-query' || op.kind === 'trpc-mutation')
    .map((op) => {
      const kind = op.kind === 'trpc-query' ? 'query' : 'mutation';
      if (!op.requestFields.length) return { procedure: op.name, kind, missing: [] };
      const schema = {
        type: 'object',
        properties: Object.fromEntries(op.requestFields.map((field) => [field.name, fieldSchema(field)])),
        required: op.requestFields.filter((field) => field.required !== false).map((field) => field.name),
      };
      const made = synthesize(schema, { resolve: (node) => node, writing: true });
      if (made.gap || typeof made.value !== 'object' || made.value === null) return { procedure: op.name, kind, missing: [], gap: made.gap ?? 'no valid input' };
      const input = made.value as Record<string, unknown>;
      const missing = schema.required.filter((name) => name in input).map((name) => ({ field: name, input: Object.fromEntries(Object.entries(input).filter(([key]) => key !== name)) }));
      return { procedure: op.name, kind, input, missing };
    });
}
