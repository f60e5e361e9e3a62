// GraphQL: the plan as SDL. Lists are Relay connections; mutations take one
// input object and return a payload type. `graphql` is imported lazily.

import type { FieldType, Problem } from '../types.js';
import type { ContractPlan, PlannedField, PlannedOperation, PlannedResource } from './model.js';
import { isNumericEnum, statedKeyField } from './model.js';
import { camelCase, pascalCase, upperSnakeCase } from '../naming/index.js';
import { enumTypeName } from './naming.js';
import { pageSizeOf } from './catalog.js';
import { namedExports } from '../interop.js';

const SCALARS: Record<FieldType, string> = {
  string: 'String',
  integer: 'Int',
  number: 'Float',
  boolean: 'Boolean',
  object: 'JSON',
  array: 'JSON',
};

interface SdlContext {
  enums: Map<string, string[]>;
  usesJson: boolean;
  /** Object and input type names the SDL defines: no enum may take one. */
  typeNames: Set<string>;
}

function description(text: string, indent = ''): string {
  return `${indent}"""${text.replace(/"""/g, '\\"""')}"""\n`;
}

function enumValueName(value: string): string {
  const name = upperSnakeCase(value) || 'VALUE';
  const safe = /^[A-Za-z_]/.test(name) ? name : `V_${name}`;
  return ['TRUE', 'FALSE', 'NULL'].includes(safe) ? `${safe}_VALUE` : safe;
}

function typeOf(field: PlannedField, owner: string, ctx: SdlContext): string {
  if (field.name === 'id' || /Id$|_id$/.test(field.name)) return 'ID';
  // An enum holds names; allowed numbers stay the number type they are.
  if (field.enum && !isNumericEnum(field)) return enumTypeName(field.name, field.enum, owner, ctx.enums, ctx.typeNames);
  if (field.type === 'array' && field.items && field.items !== 'object' && field.items !== 'array') return `[${SCALARS[field.items]}!]`;
  const scalar = SCALARS[field.type];
  if (scalar === 'JSON') ctx.usesJson = true;
  return scalar;
}

function fieldLine(field: PlannedField, owner: string, ctx: SdlContext, requiredMark: boolean): string {
  const name = camelCase(field.name);
  return `  ${name}: ${typeOf(field, owner, ctx)}${requiredMark && field.required ? '!' : ''}`;
}

/** A type's field lines, one per SDL name: `created_at` and `createdAt`, or `_id` and `id`, are one field. */
function fieldLines(fields: PlannedField[], owner: string, ctx: SdlContext): string[] {
  const byName = new Map<string, string>();
  for (const field of fields) if (!byName.has(camelCase(field.name))) byName.set(camelCase(field.name), fieldLine(field, owner, ctx, true));
  return [...byName.values()];
}

function connectionTypes(resource: PlannedResource): string {
  const name = resource.typeName;
  return [
    `type ${name}Connection {\n  edges: [${name}Edge!]!\n  pageInfo: PageInfo!\n}`,
    `type ${name}Edge {\n  node: ${name}!\n  cursor: String!\n}`,
  ].join('\n\n');
}

function argumentList(op: PlannedOperation, ctx: SdlContext): string {
  const args = op.pathParams.map((name) => `${camelCase(name)}: ID!`);
  const named = new Set(op.pathParams.map((name) => camelCase(name)));
  // A query's stated arguments (`entries(limit: Int, offset: Int)`) are its filters too; each name once.
  const stated = op.mutating ? op.filters : [...op.filters, ...op.requestFields];
  for (const filter of stated) {
    if (named.has(camelCase(filter.name))) continue;
    named.add(camelCase(filter.name));
    args.push(fieldLine(filter, pascalCase(op.name), ctx, true).trim());
  }
  // Relay's arguments, where the query does not already state them (`members(first: Int, after: String)`).
  if (op.paginated && !op.statedPaging) {
    if (!named.has('first')) args.push(`first: Int = ${pageSizeOf(op).default}`);
    if (!named.has('after')) args.push('after: String');
  }
  return args.length > 0 ? `(${args.join(', ')})` : '';
}

const isSubscription = (op: PlannedOperation): boolean => /^Subscription\b/.test(op.summary ?? '');

export function queryFieldName(op: PlannedOperation): string {
  return camelCase(op.name.split('.').join(' '));
}

/** Build SDL text; operations that stay plain HTTP (webhooks) are left out and returned separately. */
export function buildSdl(plan: ContractPlan): { text: string; skipped: PlannedOperation[]; excerptOf: (op: PlannedOperation) => string } {
  const included = plan.operations.filter((op) => op.role !== 'webhook');
  const skipped = plan.operations.filter((op) => op.role === 'webhook');
  const queries = included.filter((op) => !op.mutating);
  const mutations = included.filter((op) => op.mutating);
  const blocks = new Map<string, string>();

  const resourceNames = new Set(included.map((op) => op.resource.typeName));
  // Every object and input type this SDL may define, known before the first enum is named.
  const typeNames = new Set(['PageInfo', 'UserError', ...[...resourceNames].flatMap((name) => [name, `${name}Connection`, `${name}Edge`])]);
  for (const op of included) for (const suffix of ['Result', 'Input', 'Payload']) typeNames.add(`${pascalCase(op.name)}${suffix}`);
  const ctx: SdlContext = { enums: new Map(), usesJson: false, typeNames };
  for (const resource of plan.resources.filter((item) => resourceNames.has(item.typeName))) {
    const lines = fieldLines(resource.fields, resource.typeName, ctx);
    blocks.set(resource.typeName, `type ${resource.typeName} {\n${lines.join('\n')}\n}`);
  }
  const opBlocks = new Map<PlannedOperation, string[]>();
  const queryLines: string[] = [];
  const subscriptionLines: string[] = [];
  for (const op of queries) {
    // A list the spec pages its own way returns a plain list; otherwise a Relay connection.
    const relay = op.paginated && !op.statedPaging;
    const result = relay ? `${op.resource.typeName}Connection!` : op.paginated ? `[${op.resource.typeName}!]!` : op.role === 'get' ? op.resource.typeName : `${pascalCase(op.name)}Result!`;
    const names = [op.resource.typeName];
    if (relay) {
      blocks.set(`${op.resource.typeName}Connection`, connectionTypes(op.resource));
      blocks.set('PageInfo', 'type PageInfo {\n  hasNextPage: Boolean!\n  hasPreviousPage: Boolean!\n  startCursor: String\n  endCursor: String\n}');
      names.push(`${op.resource.typeName}Connection`);
    }
    if (!op.paginated && op.role !== 'get') {
      const owner = `${pascalCase(op.name)}Result`;
      const fields = op.responseFields.length > 0 ? op.responseFields : op.resource.fields;
      blocks.set(owner, `type ${owner} {\n${fieldLines(fields, owner, ctx).join('\n')}\n}`);
      names.push(owner);
    }
    const line = `${description(op.summary, '  ')}  ${queryFieldName(op)}${argumentList(op, ctx)}: ${result}`;
    // A subscription the document states keeps its root: a query of the same name may stand beside it.
    (isSubscription(op) ? subscriptionLines : queryLines).push(line);
    opBlocks.set(op, names);
  }
  const mutationLines: string[] = [];
  for (const op of mutations) {
    const base = pascalCase(op.name);
    // One field per SDL name: a request field the arguments already give (`eventId`) and a key the input already
    // declares (`idempotencyKey: ID!`, which keys the mutation) are not written twice.
    const inputByName = new Map<string, string>(op.pathParams.map((name) => [camelCase(name), `  ${camelCase(name)}: ID!`]));
    for (const field of op.requestFields) if (!inputByName.has(camelCase(field.name))) inputByName.set(camelCase(field.name), fieldLine(field, `${base}Input`, ctx, true));
    if (op.idempotent && !statedKeyField(op.source) && !inputByName.has('idempotencyKey')) inputByName.set('idempotencyKey', `${description('Unique per intended request; a retry with the same key returns the first result.', '  ')}  idempotencyKey: String!`);
    const inputFields = [...inputByName.values()];
    const names: string[] = [];
    if (inputFields.length > 0) {
      blocks.set(`${base}Input`, `input ${base}Input {\n${inputFields.join('\n')}\n}`);
      names.push(`${base}Input`);
    }
    const resultField = op.role === 'delete' ? `  deleted${op.resource.typeName}Id: ID` : `  ${camelCase(op.resource.typeName)}: ${op.resource.typeName}`;
    blocks.set(`${base}Payload`, `type ${base}Payload {\n${resultField}\n  userErrors: [UserError!]!\n}`);
    blocks.set('UserError', `type UserError {\n${description('Stable machine-readable code.', '  ')}  code: String!\n  message: String!\n  field: [String!]\n}`);
    names.push(`${base}Payload`);
    const args = inputFields.length > 0 ? `(input: ${base}Input!)` : '';
    mutationLines.push(`${description(op.summary, '  ')}  ${queryFieldName(op)}${args}: ${base}Payload!`);
    opBlocks.set(op, names);
  }

  const enumBlocks = [...ctx.enums.entries()].map(([name, values]) => `enum ${name} {\n${values.map((value) => `  ${enumValueName(value)}`).join('\n')}\n}`);
  const parts: string[] = [];
  if (ctx.usesJson) parts.push(`${description('Arbitrary JSON value.')}scalar JSON`);
  parts.push(`type Query {\n${queryLines.length > 0 ? queryLines.join('\n') : '  _empty: Boolean'}\n}`);
  if (mutationLines.length > 0) parts.push(`type Mutation {\n${mutationLines.join('\n')}\n}`);
  if (subscriptionLines.length > 0) parts.push(`type Subscription {\n${subscriptionLines.join('\n')}\n}`);
  parts.push(...blocks.values(), ...enumBlocks);
  const text = parts.join('\n\n') + '\n';

  const excerptOf = (op: PlannedOperation): string => {
    const root = op.mutating ? 'Mutation' : isSubscription(op) ? 'Subscription' : 'Query';
    const nonMutating = queries.filter((query) => isSubscription(query) === isSubscription(op));
    const lines = op.mutating ? mutationLines[mutations.indexOf(op)] : (isSubscription(op) ? subscriptionLines : queryLines)[nonMutating.indexOf(op)];
    const types = (opBlocks.get(op) ?? []).map((name) => blocks.get(name)).filter(Boolean);
    return [`type ${root} {\n${lines}\n}`, ...types].join('\n\n') + '\n';
  };
  return { text, skipped, excerptOf };
}

export async function validateSdl(text: string): Promise<Problem[]> {
  const { buildSchema, validateSchema, GraphQLError } = namedExports(await import('graphql'), 'buildSchema');
  try {
    const schema = buildSchema(text);
    return validateSchema(schema).map((error) => toProblem(error));
  } catch (error) {
    if (error instanceof GraphQLError) return [toProblem(error)];
    return [{ severity: 'error', message: `GraphQL: ${(error as Error).message}` }];
  }
}

function toProblem(error: { message: string; locations?: readonly { line: number; column: number }[] }): Problem {
  const at = error.locations?.[0];
  return { severity: 'error', message: `GraphQL: ${error.message}`, ...(at ? { location: `${at.line}:${at.column}` } : {}) };
}
