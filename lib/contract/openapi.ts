// REST: the plan as an OpenAPI 3.1 document (plain data), then YAML text.
// Key order is fixed by construction, so the same plan gives the same bytes.

import { carriesScopes, IDEMPOTENCY_RETENTION_HOURS, PAGE_SIZE, pageSizeOf } from './catalog.js';
import type { ContractPlan, PlannedErrorBody, PlannedField, PlannedOperation, PlannedResource } from './model.js';
import { isNumericEnum, keyWireType, scopesOf } from './model.js';
import { isKeyName, isRowParam, pascalCase } from '../naming/index.js';

type Json = Record<string, unknown>;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * How the contract's errors travel: the app's own body when its handlers have one, else problem details.
 * Its schema's name is the longer one (`ProblemDetails`, `ErrorBody`) where a resource of the sprint is already
 * called `Problem` or `Error` (`POST /problems`), so neither schema replaces the other.
 */
export function errorShape(plan: Pick<ContractPlan, 'errorBody' | 'resources'>): { mediaType: string; schema: string; own?: PlannedErrorBody } {
  const body = plan.errorBody;
  const taken = (name: string): boolean => plan.resources.some((resource) => !resource.receiversOnly && resource.typeName === name);
  if (body?.kind === 'own') return { mediaType: body.mediaType, schema: body.schemaName ?? (taken('Error') ? 'ErrorBody' : 'Error'), own: body };
  return { mediaType: PROBLEM_MEDIA_TYPE, schema: taken('Problem') ? 'ProblemDetails' : 'Problem' };
}

/** Shared error responses: status → component name and what it means here. */
export const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The request is malformed: an unknown or invalid parameter, a bad cursor, or a missing Idempotency-Key.' },
  401: { name: 'Unauthorized', description: 'No valid credentials were sent.' },
  403: { name: 'Forbidden', description: 'The caller may not do this; it does not learn whether the resource exists.' },
  404: { name: 'NotFound', description: 'The resource does not exist.' },
  409: { name: 'Conflict', description: 'A request with the same Idempotency-Key is still being processed.' },
  422: { name: 'UnprocessableContent', description: 'The body is well-formed but invalid, or an Idempotency-Key was reused with a different body.' },
  429: { name: 'TooManyRequests', description: 'A rate limit was exceeded; retry after the time in Retry-After.' },
};

export function fieldSchema(field: PlannedField): Json {
  const schema: Json = {};
  schema.type = field.nullable ? [field.type, 'null'] : field.type;
  if (field.type === 'array') schema.items = { type: field.items ?? 'string' };
  if (field.format) schema.format = field.format;
  if (field.enum) schema.enum = isNumericEnum(field) ? field.enum.map(Number) : [...field.enum];
  if (field.minimum !== undefined) schema.minimum = field.minimum;
  if (field.exclusiveMinimum !== undefined) schema.exclusiveMinimum = field.exclusiveMinimum;
  if (field.maximum !== undefined) schema.maximum = field.maximum;
  if (field.minLength !== undefined) schema.minLength = field.minLength;
  if (field.maxLength !== undefined) schema.maxLength = field.maxLength;
  if (field.default !== undefined) schema.default = field.default;
  if (field.description) schema.description = field.description;
  return schema;
}

/** A path parameter the resource has as a field takes its schema; another key takes the repository's key type. */
function pathParamSchema(name: string, op: PlannedOperation, plan: ContractPlan): Json {
  const field = op.resource.fields.find((known) => known.name === name && known.typeStated);
  if (field) return fieldSchema({ ...field, nullable: false, description: undefined });
  if (plan.keyType && (isKeyName(name) || isRowParam(name, op.source.path))) return fieldSchema({ name, ...keyWireType(plan.keyType), typeStated: true, required: true });
  return { type: 'string' };
}

export function objectSchema(fields: PlannedField[], options: { closed?: boolean; description?: string } = {}): Json {
  const schema: Json = { type: 'object' };
  if (options.description) schema.description = options.description;
  const required = fields.filter((field) => field.required).map((field) => field.name);
  if (required.length > 0) schema.required = required;
  schema.properties = Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field)]));
  if (options.closed) schema.additionalProperties = false;
  return schema;
}

const ref = (section: string, name: string): Json => ({ $ref: `#/components/${section}/${name}` });

export function requestSchemaName(op: PlannedOperation): string {
  return `${pascalCase(op.name)}Request`;
}

export function listSchemaName(resource: PlannedResource): string {
  return `${resource.typeName}List`;
}

export function responseSchemaName(op: PlannedOperation): string {
  return `${pascalCase(op.name)}Response`;
}

/** Which documented error statuses apply to an operation. */
export function errorStatuses(op: PlannedOperation): number[] {
  const statuses: number[] = [];
  const hasBody = op.requestFields.length > 0 || op.role === 'webhook';
  if (hasBody || op.filters.length > 0 || op.paginated || op.idempotent) statuses.push(400);
  if (!op.public) statuses.push(401, 403);
  else if (op.role === 'webhook') statuses.push(401);
  if (op.pathParams.length > 0) statuses.push(404);
  if (op.idempotent) statuses.push(409);
  if ((hasBody && op.role !== 'webhook') || op.idempotent) statuses.push(422);
  statuses.push(429);
  // Statuses the spec states for this operation ("THEN the system SHALL return 409"), where a shared response documents them.
  for (const stated of op.source?.statedErrors ?? []) if (ERROR_RESPONSES[stated.status] && !statuses.includes(stated.status)) statuses.push(stated.status);
  return statuses.sort((a, b) => a - b);
}

function successResponse(op: PlannedOperation, schemas: Map<string, Json>): [string, Json] {
  const resourceRef = ref('schemas', op.resource.typeName);
  const useResource = op.responseFields.length === 0;
  const body = (): Json => {
    if (useResource) return resourceRef;
    const name = responseSchemaName(op);
    schemas.set(name, objectSchema(op.responseFields));
    return ref('schemas', name);
  };
  const json = (schema: Json): Json => ({ 'application/json': { schema } });
  switch (op.role) {
    case 'create':
      return ['201', {
        description: op.idempotent
          ? `${op.resource.typeName} created. A retry with the same Idempotency-Key returns this stored response.`
          : `${op.resource.typeName} created.`,
        headers: { Location: { description: 'URL of the new resource.', schema: { type: 'string', format: 'uri-reference' } } },
        content: json(body()),
      }];
    case 'list':
      return ['200', { description: `A page of ${op.resource.plural.replace(/_/g, ' ')}.`, content: json(ref('schemas', listSchemaName(op.resource))) }];
    case 'delete':
      return ['204', { description: `${op.resource.typeName} deleted.` }];
    case 'webhook':
      return ['204', { description: 'Event accepted. Duplicate deliveries are acknowledged the same way.' }];
    default:
      return ['200', { description: op.role === 'get' ? `The ${op.resource.typeName}.` : 'Done.', content: json(body()) }];
  }
}

function operationDescription(op: PlannedOperation): string | undefined {
  const lines: string[] = [];
  if (op.roles.length > 0) lines.push(`Allowed roles: ${op.roles.join(', ')}.`);
  if (op.ownership) lines.push(`Ownership: ${op.ownership}.`);
  if (op.public) lines.push(op.publicReason ? `No user session; each call is verified by ${op.publicReason}.` : 'No user session.');
  if (op.statedPaging) lines.push(`Paginated with ${op.statedPaging.map((name) => `\`${name}\``).join(' and ')}, as the spec states.`);
  else if (op.paginated) lines.push('Paginated with `limit` and `cursor`; the last page has no `next_cursor`.');
  if (op.idempotent) lines.push(`Safe to retry with the same Idempotency-Key for ${IDEMPOTENCY_RETENTION_HOURS} hours.`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function securityOf(op: PlannedOperation, plan: ContractPlan): Json[] {
  if (op.public || !op.scope) return [];
  // A session cookie carries no scopes: the requirement is the signed-in session itself.
  return plan.authSchemes.map((entry) => ({ [entry.schemeName]: carriesScopes(entry) ? [op.scope] : [] }));
}

/** Build the OpenAPI 3.1 document. */
export function buildOpenApiDocument(plan: ContractPlan, title: string): Json {
  const schemas = new Map<string, Json>();
  const usedResponses = new Set<number>();
  const usedParameters = new Set<string>();
  const tags: string[] = [];
  const paths: Record<string, Json> = {};

  // Every resource an operation may return has its schema, so each `$ref` below (resource, list items) resolves.
  for (const resource of plan.resources) {
    if (resource.receiversOnly) continue;
    schemas.set(resource.typeName, objectSchema(resource.fields));
  }

  for (const op of plan.operations) {
    if (!op.path) continue;
    const tag = op.resource.plural;
    if (!tags.includes(tag)) tags.push(tag);
    const operation: Json = { operationId: op.name, summary: op.summary };
    const description = operationDescription(op);
    if (description) operation.description = description;
    operation.tags = [tag];
    operation.security = securityOf(op, plan);

    const parameters: Json[] = op.pathParams.map((name) => ({ name, in: 'path', required: true, schema: pathParamSchema(name, op, plan) }));
    for (const filter of op.filters) {
      const parameter: Json = { name: filter.name, in: 'query' };
      if (filter.required) parameter.required = true;
      parameter.schema = fieldSchema(filter);
      parameters.push(parameter);
    }
    if (op.paginated) {
      if (!op.statedPaging && op.pageSizeMax) {
        // The spec's own maximum for this list: its limit parameter, inline; the cursor stays shared.
        const size = pageSizeOf(op);
        parameters.push({ name: 'limit', in: 'query', description: `Page size; values above ${size.max} are clamped to ${size.max}.`, schema: { type: 'integer', minimum: 1, maximum: size.max, default: size.default } }, ref('parameters', 'Cursor'));
        usedParameters.add('Cursor');
      } else if (!op.statedPaging) {
        parameters.push(ref('parameters', 'Limit'), ref('parameters', 'Cursor'));
        usedParameters.add('Limit').add('Cursor');
      }
      // Offset and page lists wrap their page as the repository's own list responses do (`data` + `count`).
      const envelope = plan.listEnvelope && op.statedPaging && !op.statedPaging.some((name) => /cursor|token|after/i.test(name)) ? plan.listEnvelope : undefined;
      if (envelope && !schemas.has(listSchemaName(op.resource))) {
        schemas.set(listSchemaName(op.resource), {
          type: 'object',
          description: `Wrapped as the repository's list responses are (${envelope.from}).`,
          required: [envelope.items, envelope.total],
          properties: {
            [envelope.items]: { type: 'array', items: ref('schemas', op.resource.typeName) },
            [envelope.total]: { type: 'integer', minimum: 0, description: 'Rows in the whole list, not only this page.' },
          },
        });
      }
      if (!schemas.has(listSchemaName(op.resource))) {
        const properties: Json = { items: { type: 'array', items: ref('schemas', op.resource.typeName) } };
        // A cursor to the next page only where cursor paging is the plan; stated offset/page paging needs none.
        if (!op.statedPaging || op.statedPaging.some((name) => /cursor|token|after/i.test(name))) {
          properties.next_cursor = { type: 'string', description: 'Opaque cursor for the next page; absent on the last page.' };
        }
        schemas.set(listSchemaName(op.resource), { type: 'object', required: ['items'], properties });
      }
    }
    if (op.idempotent) {
      parameters.push(ref('parameters', 'IdempotencyKey'));
      usedParameters.add('IdempotencyKey');
    }
    if (op.role === 'webhook' && op.vendor) {
      parameters.push({ name: op.vendor.signatureHeader, in: 'header', required: true, description: `Signature ${op.vendor.displayName} computes over the raw body.`, schema: { type: 'string' } });
    }
    if (parameters.length > 0) operation.parameters = parameters;

    if (op.role === 'webhook') {
      operation.requestBody = {
        required: true,
        description: `Event payload as ${op.vendor?.displayName ?? 'the sender'} sends it; verify the signature over the raw bytes before parsing.`,
        content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
      };
    } else if (op.requestFields.length > 0) {
      const name = requestSchemaName(op);
      schemas.set(name, objectSchema(op.requestFields, { closed: true }));
      operation.requestBody = { required: true, content: { 'application/json': { schema: ref('schemas', name) } } };
    }

    const [status, success] = successResponse(op, schemas);
    const responses: Json = { [status]: success };
    for (const code of errorStatuses(op)) {
      usedResponses.add(code);
      // A status the spec states keeps its sentence as the description (OpenAPI 3.1 lets a reference override it).
      const stated = op.source?.statedErrors?.find((error) => error.status === code);
      responses[String(code)] = stated ? { ...ref('responses', ERROR_RESPONSES[code].name), description: stated.text } : ref('responses', ERROR_RESPONSES[code].name);
    }
    operation.responses = responses;

    const pathItem = (paths[op.path] ??= {});
    pathItem[op.method.toLowerCase()] = operation;
  }

  const errors = errorShape(plan);
  schemas.set(errors.schema, errors.own ? ownErrorSchema(errors.own) : problemSchema());
  const errorsAre = errors.own ? `Errors keep the app's own body (${errors.own.fields.map((field) => field.name).join(', ')}).` : 'Errors are RFC 9457 problem details.';
  return {
    openapi: '3.1.0',
    info: { title, version: '1.0.0', description: `Contract for the sprint "${title}". ${errorsAre}` },
    servers: [plan.basePath
      ? { url: plan.basePath.path, description: `The app's global route prefix (${plan.basePath.from}); paths follow it.` }
      : { url: '/', description: 'Same origin as the client; paths carry the major version.' }],
    tags: tags.map((name) => ({ name, description: plan.resources.some((resource) => resource.plural === name && resource.receiversOnly) ? 'Calls from third parties.' : `Operations on ${name.replace(/_/g, ' ')}.` })),
    paths,
    components: {
      schemas: Object.fromEntries(schemas),
      ...(usedParameters.size > 0 ? { parameters: sharedParameters(usedParameters) } : {}),
      ...(usedResponses.has(429) ? { headers: rateLimitHeaders() } : {}),
      responses: Object.fromEntries([...usedResponses].sort((a, b) => a - b).map((code) => [ERROR_RESPONSES[code].name, errorResponse(code, errors)])),
      securitySchemes: securitySchemes(plan),
    },
  };
}

function problemSchema(): Json {
  return {
    type: 'object',
    description: 'Problem details (RFC 9457). `status` equals the HTTP status; `code` is stable for machines.',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri-reference', default: 'about:blank' },
      title: { type: 'string' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string' },
      instance: { type: 'string', format: 'uri-reference' },
      code: { type: 'string', description: 'Stable machine-readable error code.' },
    },
  };
}

/** The error body the app's handlers already write, field by field as their literals type it. */
function ownErrorSchema(body: PlannedErrorBody): Json {
  if (body.schema) return structuredClone(body.schema);
  const writer = body.framework ? `${body.framework} writes it when a handler throws (\`${body.from}\`)` : `as \`${body.from}\` writes it`;
  return {
    type: 'object',
    description: `The app's own error body, ${writer}.`,
    required: body.fields.map((field) => field.name),
    properties: Object.fromEntries(body.fields.map((field) => [field.name, field.type ? { type: field.type } : {}])),
  };
}

function sharedParameters(used: Set<string>): Json {
  const all: Record<string, Json> = {
    Limit: {
      name: 'limit',
      in: 'query',
      description: `Page size; values above ${PAGE_SIZE.max} are clamped to ${PAGE_SIZE.max}.`,
      schema: { type: 'integer', minimum: 1, maximum: PAGE_SIZE.max, default: PAGE_SIZE.default },
    },
    Cursor: {
      name: 'cursor',
      in: 'query',
      description: 'Opaque cursor from `next_cursor` of the previous page. Filters and sort must not change between pages.',
      schema: { type: 'string' },
    },
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: `Unique per intended request (a UUID is recommended), scoped to the caller and kept ${IDEMPOTENCY_RETENTION_HOURS} hours. A retry with the same key replays the first response.`,
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    },
  };
  return Object.fromEntries(Object.entries(all).filter(([name]) => used.has(name)));
}

function rateLimitHeaders(): Json {
  return {
    RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } },
    RateLimit: { description: 'Remaining quota (IETF RateLimit header draft), e.g. `"default";r=0;t=30`.', schema: { type: 'string' } },
    RateLimitPolicy: { description: 'The quota policy that applies (IETF RateLimit header draft), e.g. `"default";q=100;w=60`.', schema: { type: 'string' } },
  };
}

function errorResponse(code: number, errors: ReturnType<typeof errorShape>): Json {
  const response: Json = { description: ERROR_RESPONSES[code].description };
  if (code === 429) {
    response.headers = {
      'Retry-After': ref('headers', 'RetryAfter'),
      RateLimit: ref('headers', 'RateLimit'),
      'RateLimit-Policy': ref('headers', 'RateLimitPolicy'),
    };
  }
  response.content = { [errors.mediaType]: { schema: ref('schemas', errors.schema) } };
  return response;
}

function securitySchemes(plan: ContractPlan): Json {
  const scopes = scopesOf(plan);
  return Object.fromEntries(plan.authSchemes.map((entry) => {
    const scheme = structuredClone(entry.scheme);
    if (entry.declaresScopes) {
      const flows = scheme.flows as Record<string, { scopes: Record<string, string> }>;
      for (const flow of Object.values(flows)) {
        flow.scopes = Object.fromEntries(scopes.map((scope) => [scope, scopeDescription(scope)]));
      }
    }
    return [entry.schemeName, scheme];
  }));
}

export function scopeDescription(scope: string): string {
  const [, resource = '', access = ''] = scope.split('.');
  return `${access === 'read' ? 'Read' : 'Create and change'} ${resource.replace(/_/g, ' ')}.`;
}
