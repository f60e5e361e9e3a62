// gRPC: the plan as proto3 in Google AIP style (AIP-131..135, 158, 155).
// `protobufjs` is imported lazily for validation.

import type { FieldType, Problem } from '../types.js';
import type { ContractPlan, PlannedField, PlannedOperation, PlannedResource } from './model.js';
import { isNumericEnum, statedKeyField } from './model.js';
import { pascalCase, snakeCase, upperSnakeCase } from '../naming/index.js';
import { enumTypeName } from './naming.js';
import { pageSizeOf } from './catalog.js';

const SCALARS: Record<FieldType, string> = {
  string: 'string',
  integer: 'int64',
  number: 'double',
  boolean: 'bool',
  object: 'google.protobuf.Struct',
  array: 'google.protobuf.ListValue',
};

interface ProtoContext {
  enums: Map<string, string[]>;
  imports: Set<string>;
  /** Message names the file defines: no enum may take one. */
  messageNames: Set<string>;
}

function protoType(field: PlannedField, owner: string, ctx: ProtoContext): string {
  // An enum holds names; allowed numbers stay the number type they are.
  if (field.enum && !isNumericEnum(field)) return enumTypeName(field.name, field.enum, owner, ctx.enums, ctx.messageNames);
  if (field.format === 'date-time') {
    ctx.imports.add('google/protobuf/timestamp.proto');
    return 'google.protobuf.Timestamp';
  }
  if (field.type === 'array' && field.items && field.items !== 'object' && field.items !== 'array') return `repeated ${SCALARS[field.items]}`;
  const scalar = SCALARS[field.type];
  if (scalar.startsWith('google.protobuf.')) ctx.imports.add('google/protobuf/struct.proto');
  return scalar;
}

function message(name: string, fields: Array<{ type: string; name: string; comment?: string }>, comment?: string): string {
  // Each field name once (proto3 refuses a second): `created_at` and `createdAt`, or a path parameter the request
  // also lists, are one field; the first written (path, then stated fields, then added ones) is kept.
  const unique = fields.filter((field, index) => fields.findIndex((other) => other.name === field.name) === index);
  const lines = unique.map((field, index) => `${field.comment ? `  // ${field.comment}\n` : ''}  ${field.type} ${field.name} = ${index + 1};`);
  return `${comment ? `// ${comment}\n` : ''}message ${name} {\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}}`;
}

function fieldEntries(fields: PlannedField[], owner: string, ctx: ProtoContext) {
  return fields.map((field) => ({ type: protoType(field, owner, ctx), name: snakeCase(field.name), comment: field.required ? 'Required.' : undefined }));
}

export function protoPackage(serviceName: string, versionPrefix: string | undefined): string {
  return `${snakeCase(serviceName).replace(/_/g, '')}.${versionPrefix ?? 'v1'}`;
}

/** The rpc an operation becomes: `createQuote` → `CreateQuote`, `quote.create` → `QuoteCreate`. */
export function rpcMethodName(op: Pick<PlannedOperation, 'name'>): string {
  return pascalCase(op.name.split('.').join(' '));
}

/** Build proto3 text; webhook operations stay plain HTTP and are returned as skipped. */
export function buildProto(plan: ContractPlan, serviceName: string): { text: string; skipped: PlannedOperation[]; excerptOf: (op: PlannedOperation) => string } {
  const included = plan.operations.filter((op) => op.role !== 'webhook');
  const skipped = plan.operations.filter((op) => op.role === 'webhook');
  const messages = new Map<string, string>();
  const rpcs = new Map<PlannedOperation, { line: string; names: string[] }>();

  const usedResources = new Set(included.map((op) => op.resource.typeName));
  const messageNames = new Set([...usedResources, ...included.flatMap((op) => ['Request', 'Response'].map((suffix) => `${rpcMethodName(op)}${suffix}`))]);
  const ctx: ProtoContext = { enums: new Map(), imports: new Set(), messageNames };
  const resources: PlannedResource[] = plan.resources.filter((resource) => usedResources.has(resource.typeName));
  for (const resource of resources) messages.set(resource.typeName, message(resource.typeName, fieldEntries(resource.fields, resource.typeName, ctx)));

  for (const op of included) {
    const method = rpcMethodName(op);
    const requestName = `${method}Request`;
    const requestFields = [
      ...op.pathParams.map((name) => ({ type: 'string', name: snakeCase(name), comment: 'Required.' })),
      ...fieldEntries(op.filters, requestName, ctx),
      ...fieldEntries(op.requestFields, op.resource.typeName, ctx),
    ];
    if (op.paginated && !op.statedPaging) {
      requestFields.push(
        { type: 'int32', name: 'page_size', comment: `Default ${pageSizeOf(op).default}; values above ${pageSizeOf(op).max} are coerced to ${pageSizeOf(op).max}.` },
        { type: 'string', name: 'page_token', comment: 'From next_page_token of the previous page.' },
      );
    }
    if (op.idempotent && !statedKeyField(op.source)) requestFields.push({ type: 'string', name: 'request_id', comment: 'A UUID; a retry with the same request_id returns the first result (AIP-155).' });
    messages.set(requestName, message(requestName, requestFields));
    const names = [requestName];
    let responseName: string;
    if (op.paginated) {
      responseName = `${method}Response`;
      messages.set(responseName, message(responseName, [
        { type: `repeated ${op.resource.typeName}`, name: snakeCase(op.resource.plural) },
        ...(op.statedPaging ? [] : [{ type: 'string', name: 'next_page_token', comment: 'Empty on the last page.' }]),
      ]));
      names.push(responseName);
    } else if (op.role === 'delete') {
      ctx.imports.add('google/protobuf/empty.proto');
      responseName = 'google.protobuf.Empty';
    } else if (op.responseFields.length > 0) {
      responseName = `${method}Response`;
      messages.set(responseName, message(responseName, fieldEntries(op.responseFields, responseName, ctx)));
      names.push(responseName);
    } else {
      responseName = op.resource.typeName;
      names.push(responseName);
    }
    rpcs.set(op, { line: `  // ${op.summary}\n  rpc ${method}(${requestName}) returns (${responseName});`, names });
  }

  const service = `${pascalCase(serviceName)}Service`;
  const enumBlocks = [...ctx.enums.entries()].map(([name, values]) => {
    const prefix = upperSnakeCase(name);
    const lines = [`  ${prefix}_UNSPECIFIED = 0;`, ...values.map((value, index) => `  ${prefix}_${upperSnakeCase(value) || 'VALUE'} = ${index + 1};`)];
    return `enum ${name} {\n${lines.join('\n')}\n}`;
  });
  const header = [
    'syntax = "proto3";',
    '',
    `package ${protoPackage(serviceName, plan.versionPrefix)};`,
    ...(ctx.imports.size > 0 ? ['', ...[...ctx.imports].sort().map((file) => `import "${file}";`)] : []),
  ].join('\n');
  const serviceBlock = `service ${service} {\n${[...rpcs.values()].map((rpc) => rpc.line).join('\n\n')}\n}`;
  const text = [header, serviceBlock, ...messages.values(), ...enumBlocks].join('\n\n') + '\n';

  const excerptOf = (op: PlannedOperation): string => {
    const rpc = rpcs.get(op);
    if (!rpc) return '';
    return [`service ${service} {\n${rpc.line}\n}`, ...rpc.names.map((name) => messages.get(name)).filter(Boolean)].join('\n\n') + '\n';
  };
  return { text, skipped, excerptOf };
}

export async function validateProto(text: string): Promise<Problem[]> {
  const protobuf = (await import('protobufjs')).default;
  const root = new protobuf.Root();
  try {
    const parsed = protobuf.parse(text, root, { keepCase: true });
    for (const file of parsed.imports ?? []) {
      const common = protobuf.common.get(file);
      if (!common) return [{ severity: 'error', message: `proto: import "${file}" is not a known well-known type file.` }];
      root.addJSON((common as { nested: Record<string, never> }).nested);
    }
    root.resolveAll();
    return [];
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    return [{ severity: 'error', message: `proto: ${message}`, ...(line ? { location: `${line}:1` } : {}) }];
  }
}
