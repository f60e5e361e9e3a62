// tRPC: a router outline with zod inputs. Written as plain JavaScript syntax
// (no type annotations) so it can be syntax-checked without TypeScript.

import { Script } from 'node:vm';
import type { Problem } from '../types.js';
import type { ContractPlan, PlannedField, PlannedOperation } from './model.js';
import { isNumericEnum, statedKeyField } from './model.js';
import { camelCase } from '../naming/index.js';
import { pageSizeOf } from './catalog.js';

function zodOf(field: PlannedField): string {
  let expression: string;
  // `deal_tier: 1 | 2 | 3`: literal numbers, which z.enum (strings only) cannot hold.
  if (field.enum && isNumericEnum(field)) expression = field.enum.length === 1 ? `z.literal(${Number(field.enum[0])})` : `z.union([${field.enum.map((value) => `z.literal(${Number(value)})`).join(', ')}])`;
  else if (field.enum) expression = `z.enum([${field.enum.map((value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}])`;
  else if (field.type === 'integer') expression = 'z.number().int()';
  else if (field.type === 'number') expression = 'z.number()';
  else if (field.type === 'boolean') expression = 'z.boolean()';
  else if (field.type === 'object') expression = 'z.record(z.string(), z.unknown())';
  else if (field.type === 'array') expression = `z.array(${field.items && field.items !== 'array' && field.items !== 'object' ? zodOf({ ...field, type: field.items, enum: undefined, items: undefined }) : 'z.unknown()'})`;
  else expression = field.format === 'uuid' ? 'z.uuid()' : field.format === 'date-time' ? 'z.iso.datetime()' : field.format === 'email' ? 'z.email()' : field.format === 'uri' ? 'z.url()' : 'z.string()';
  if (field.exclusiveMinimum !== undefined) expression += `.gt(${field.exclusiveMinimum})`;
  if (field.minimum !== undefined) expression += `.min(${field.minimum})`;
  if (field.maximum !== undefined) expression += `.max(${field.maximum})`;
  if (field.minLength !== undefined) expression += `.min(${field.minLength})`;
  if (field.maxLength !== undefined) expression += `.max(${field.maxLength})`;
  if (field.nullable) expression += '.nullable()';
  if (!field.required) expression += '.optional()';
  return expression;
}

function inputEntries(op: PlannedOperation): string[] {
  const entries = op.pathParams.map((name) => `${name}: z.string()`);
  // One key per name: a field the path already gives, or that both filters and body state, is written once.
  const named = new Set(op.pathParams);
  for (const field of [...op.filters, ...op.requestFields]) {
    if (named.has(field.name)) continue;
    named.add(field.name);
    entries.push(`${/^[A-Za-z_$][\w$]*$/.test(field.name) ? field.name : JSON.stringify(field.name)}: ${zodOf(field)}`);
  }
  // Paging the spec states (its own `limit`, `cursor`) wins; the default adds only what is missing, never a second key.
  if (op.paginated && !op.statedPaging) {
    const stated = new Set([...op.filters, ...op.requestFields].map((field) => field.name));
    const size = pageSizeOf(op);
    if (!stated.has('limit')) entries.push(`limit: z.number().int().min(1).max(${size.max}).default(${size.default})`);
    if (!stated.has('cursor')) entries.push('cursor: z.string().optional()');
  }
  // A key the input already declares keys the procedure; no second `idempotencyKey`.
  if (op.idempotent && !statedKeyField(op.source) && !named.has('idempotencyKey')) entries.push('idempotencyKey: z.string().min(1).max(255)');
  return entries;
}

function procedureText(op: PlannedOperation, indent: string): string {
  const base = op.public ? 'publicProcedure' : 'protectedProcedure';
  const entries = inputEntries(op);
  const lines = [`${indent}// ${op.summary}${op.scope ? ` (scope ${op.scope})` : ''}`];
  const name = camelCase(op.name.split('.').pop() ?? op.name);
  lines.push(`${indent}${name}: ${base}`);
  if (entries.length > 0) lines.push(`${indent}  .input(z.object({\n${entries.map((entry) => `${indent}    ${entry},`).join('\n')}\n${indent}  }))`);
  const result = op.paginated ? `returns { items: ${op.resource.typeName}[], nextCursor?: string }` : op.role === 'delete' ? 'returns nothing' : `returns ${op.resource.typeName}`;
  lines.push(`${indent}  .${op.mutating ? 'mutation' : 'query'}(async ({ input, ctx }) => {\n${indent}    // TODO: ${result}\n${indent}    throw new Error('not implemented');\n${indent}  }),`);
  return lines.join('\n');
}

export function routerName(serviceName: string): string {
  return `${camelCase(serviceName)}Router`;
}

/** Build the router outline; webhooks stay plain HTTP routes and are returned as skipped. */
export function buildTrpc(plan: ContractPlan, serviceName: string): { text: string; skipped: PlannedOperation[]; excerptOf: (op: PlannedOperation) => string } {
  const included = plan.operations.filter((op) => op.role !== 'webhook');
  const skipped = plan.operations.filter((op) => op.role === 'webhook');
  // `bookmark.create` nests under a `bookmark` sub-router.
  const groups = new Map<string, PlannedOperation[]>();
  for (const op of included) {
    const group = op.name.includes('.') ? op.name.split('.').slice(0, -1).join('.') : '';
    groups.set(group, [...(groups.get(group) ?? []), op]);
  }
  const body: string[] = [];
  for (const [group, ops] of groups) {
    if (!group) {
      body.push(...ops.map((op) => procedureText(op, '  ')));
    } else {
      body.push(`  ${camelCase(group)}: router({\n${ops.map((op) => procedureText(op, '    ')).join('\n')}\n  }),`);
    }
  }
  const header = [
    "import { z } from 'zod';",
    "import { router, publicProcedure, protectedProcedure } from './trpc';",
  ].join('\n');
  const text = `${header}\n\nexport const ${routerName(serviceName)} = router({\n${body.join('\n')}\n});\n`;
  const excerptOf = (op: PlannedOperation): string => `${header}\n\nexport const ${routerName(serviceName)} = router({\n${procedureText(op, '  ')}\n  // …\n});\n`;
  return { text, skipped, excerptOf };
}

/** Syntax check: the outline is plain JavaScript once its import/export keywords are removed. */
export async function validateTrpc(text: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (!/from ['"]zod['"]/.test(text)) problems.push({ severity: 'error', message: 'tRPC outline: zod is not imported.' });
  const body = text
    .split('\n')
    .map((line) => (/^\s*import\s/.test(line) ? '' : line.replace(/^export\s+/, '')))
    .join('\n');
  try {
    new Script(body, { filename: 'router.ts' });
  } catch (error) {
    const line = /router\.ts:(\d+)/.exec(String((error as Error).stack))?.[1];
    problems.push({ severity: 'error', message: `tRPC outline: ${(error as Error).message}`, ...(line ? { location: `${line}:1` } : {}) });
  }
  return problems;
}
