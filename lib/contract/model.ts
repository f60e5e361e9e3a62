// One reading of the Scope that every contract style shares: what each
// operation does (create, list, …), which resource it touches, its scope,
// its fields with resolved types. The style builders only format this plan.

import type { Column, Field, FieldType, Integration, OpenQuestion, Operation, RepoErrorBody, RepoPaging, Scope, ServiceStack } from '../types.js';
import { cite, operationKey, startsAtZero, statedPaging } from '../types.js';
import { AUTH_SCHEMES, FALLBACK_AUTH, WEBHOOK_VENDORS, columnType, type AuthSchemeEntry, type WebhookVendor } from './catalog.js';
import { humanize, isPlural, pascalCase, plural as pluralOf, singular, snakeCase, words } from '../naming/index.js';
import { isIdentifierName } from './naming.js';
import { KEY_WIRE_TYPES, knowledgeOf, type KeyType } from '../knowledge/index.js';
import { isViewSegment } from '../scope/naming.js';

export type OperationRole = 'create' | 'list' | 'get' | 'update' | 'replace' | 'delete' | 'action' | 'webhook';

/** A field with its type settled (stated, borrowed from a column or request field, or defaulted). */
export interface PlannedField {
  name: string;
  type: FieldType;
  /** False when nobody stated the type and it defaulted to string. */
  typeStated: boolean;
  items?: FieldType;
  required: boolean;
  nullable?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  description?: string;
  /** The value the server takes when the field is absent (the repository's page size). */
  default?: number;
}

export interface PlannedResource {
  /** Collection name as in paths and tables: `refunds`. */
  plural: string;
  /** Type name: `Refund`. */
  typeName: string;
  fields: PlannedField[];
  /** Only third parties' calls in (webhooks) touch it: nothing returns it, so no contract writes its type. */
  receiversOnly?: boolean;
}

export interface PlannedOperation {
  source: Operation;
  key: string;
  /** The operation's own name as given (operationId, field, rpc, procedure). */
  name: string;
  summary: string;
  role: OperationRole;
  /** Upper-case HTTP method (derived from the role for non-REST operations). */
  method: string;
  path?: string;
  pathParams: string[];
  /** Query parameters the spec states (filters), excluding pagination ones. */
  filters: PlannedField[];
  requestFields: PlannedField[];
  /** Response fields stated for this operation alone (else the resource is returned). */
  responseFields: PlannedField[];
  resource: PlannedResource;
  paginated: boolean;
  /** Paging parameters the spec states for this list (`limit`, `offset`): used as written, no default added. */
  statedPaging?: string[];
  /** Where the paging above comes from when the repository's handlers decided it (`src/articles.controller.ts:40`). */
  pagingFrom?: string;
  /** The largest page the spec states for this list ("at most 50 per page"). */
  pageSizeMax?: number;
  /** Accepts an idempotency key (retry-safe and mutating). */
  idempotent: boolean;
  mutating: boolean;
  public: boolean;
  publicReason?: string;
  /** `app.refunds.write`; absent for public operations. */
  scope?: string;
  roles: string[];
  ownership?: string;
  versionPrefix?: string;
  vendor?: WebhookVendor;
  integration?: Integration;
}

export interface ContractPlan {
  operations: PlannedOperation[];
  resources: PlannedResource[];
  authSchemes: AuthSchemeEntry[];
  /** The most common version prefix in paths (`v1`), or undefined. */
  versionPrefix?: string;
  versionPrefixes: string[];
  /** The prefix the app puts before every route, with where it is set (`src/main.ts:6`); the paths are written after it. */
  basePath?: { path: string; from: string };
  /** How the app's handlers already answer errors, with where (`src/routes/orders.ts:9`): new operations answer the same way. */
  errorBody?: PlannedErrorBody;
  /** The key type of the repository's tables (its models or migrations): ids and references are sent as it is. */
  keyType?: KeyType;
  /** How the repository's list responses wrap a page (`data` + `count`), with where (`app/models.py:70`): offset and page lists use it. */
  listEnvelope?: { items: string; total: string; from: string };
  questions: OpenQuestion[];
}

export interface PlannedErrorBody {
  kind: RepoErrorBody['kind'];
  mediaType: string;
  fields: RepoErrorBody['fields'];
  from: string;
  /** The framework that writes the body when handlers throw its exceptions. */
  framework?: string;
  /** The component name the repository's OpenAPI document gives it. */
  schemaName?: string;
  /** Its definition in the OpenAPI document the contract merges into, kept as it is. */
  schema?: Record<string, unknown>;
}

/** How a key of the repository's type travels in JSON (knowledge: KEY_WIRE_TYPES). */
export function keyWireType(keyType: KeyType): Pick<PlannedField, 'type' | 'format'> {
  return { ...KEY_WIRE_TYPES[keyType] };
}

const SOURCE = 'contract';
const VERSION_SEGMENT = /^v\d+(?:(?:alpha|beta)\d*)?$/;
const PAGINATION_PARAMS = new Set(['limit', 'cursor', 'page_size', 'page_token', 'first', 'after', 'pagesize', 'pagetoken']);
const READ_METHODS = new Set(['GET', 'HEAD']);

const ROLE_BY_VERB: ReadonlyArray<[RegExp, OperationRole]> = [
  [/^(create|add|new|insert|register)$/, 'create'],
  [/^(list|search|find|browse)$/, 'list'],
  [/^(get|read|fetch|show|retrieve|describe)$/, 'get'],
  [/^(update|patch|edit|modify|set|change)$/, 'update'],
  [/^(replace|put|upsert)$/, 'replace'],
  [/^(delete|remove|destroy|archive)$/, 'delete'],
  [/^(receive|handle|ingest)$/, 'webhook'],
];

const METHOD_BY_ROLE: Record<OperationRole, string> = {
  create: 'POST',
  list: 'GET',
  get: 'GET',
  update: 'PATCH',
  replace: 'PUT',
  delete: 'DELETE',
  action: 'POST',
  webhook: 'POST',
};

/** The API style whose protocol carries an operation's idempotency key in a request field (a REST key is a header). */
const FIELD_KEYED_STYLE: Partial<Record<Operation['kind'], string>> = { grpc: 'grpc', 'graphql-mutation': 'graphql', 'trpc-mutation': 'trpc' };

/**
 * The request field the spec's own request declares as its idempotency key (`string request_id = 3;`,
 * `input RegisterInput { idempotencyKey: ID! }`): that field is the key, and no second one is added.
 */
export function statedKeyField(op: Pick<Operation, 'kind' | 'requestFields'>): string | undefined {
  const style = FIELD_KEYED_STYLE[op.kind];
  const stated = style ? knowledgeOf('apiStyle', style)?.protocol.idempotencyKey.stated : undefined;
  return stated ? op.requestFields.find((field) => stated.test(field.name))?.name : undefined;
}

export function planContract(scope: Scope, stack: ServiceStack | undefined): ContractPlan {
  const questions: OpenQuestion[] = [];
  const authSchemes = pickAuthSchemes(stack);
  // With no operation stated there is no contract to assume a scheme for.
  for (const entry of scope.operations.length ? authSchemes : []) {
    if (entry.question) questions.push({ text: entry.question, weight: 3, source: SOURCE });
  }

  // The tables the document names, by their singular (`user_status` for `UserStatus` / `user_statuses`).
  const entityNouns = new Set(scope.entities.map((entity) => snakeCase(singular(entity.table.split('.').pop() ?? entity.table))));
  // Each resource's operations, in line order; a Map keeps the order resources are first met (linear in the operations).
  const opsByPlural = new Map<string, Operation[]>();
  const sorted = [...scope.operations].sort((a, b) => a.line - b.line);
  const drafts = sorted.map((op) => {
    const role = roleOf(op, scope);
    const plural = resourcePlural(op, role, entityNouns);
    const ops = opsByPlural.get(plural);
    if (ops) ops.push(op);
    else opsByPlural.set(plural, [op]);
    return { op, role, plural };
  });

  const entities = indexEntities(scope.entities);
  const keyType = stack?.layout?.primaryKey?.type;
  const roles = new Map(drafts.map(({ op, role }) => [op, role]));
  const resources = [...opsByPlural].map(([plural, ops]) => buildResource(plural, entities, ops, questions, keyType, ops.every((op) => roles.get(op) === 'webhook')));
  const byPlural = new Map(resources.map((resource) => [resource.plural, resource]));

  const repoPaging = stack?.layout?.paging;
  const operations = drafts.map(({ op, role, plural }) => planOperation(op, role, byPlural.get(plural)!, scope, questions, repoPaging));

  const prefixCounts = new Map<string, number>();
  for (const op of operations) {
    if (op.versionPrefix) prefixCounts.set(op.versionPrefix, (prefixCounts.get(op.versionPrefix) ?? 0) + 1);
  }
  const versionPrefixes = [...prefixCounts.keys()].sort();
  const versionPrefix = [...prefixCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (versionPrefixes.length > 1) {
    questions.push({ text: `Paths use several version prefixes (${versionPrefixes.join(', ')}); which major version does this sprint ship?`, weight: 3, source: SOURCE });
  }

  // The app's own prefix becomes the server's base path, unless the sprint already writes it in its paths.
  const prefix = stack?.layout?.basePath;
  const written = prefix && operations.some((op) => op.path && (op.path === prefix.path || op.path.startsWith(`${prefix.path}/`)));
  const basePath = prefix && !written ? { path: prefix.path, from: cite(prefix.evidence[0]) } : undefined;
  const repoErrors = stack?.layout?.errorBody;
  const errorBody: PlannedErrorBody | undefined = repoErrors && {
    kind: repoErrors.kind,
    mediaType: repoErrors.mediaType,
    fields: repoErrors.fields,
    from: cite(repoErrors.evidence[0]),
    ...(repoErrors.framework ? { framework: repoErrors.framework } : {}),
    ...(repoErrors.schemaName ? { schemaName: repoErrors.schemaName } : {}),
  };
  const envelope = stack?.layout?.listEnvelope;
  const listEnvelope = envelope ? { items: envelope.items, total: envelope.total, from: cite(envelope.evidence[0]) } : undefined;
  return { operations, resources, authSchemes, versionPrefix, versionPrefixes, ...(keyType ? { keyType } : {}), ...(basePath ? { basePath } : {}), ...(errorBody ? { errorBody } : {}), ...(listEnvelope ? { listEnvelope } : {}), questions };
}

function pickAuthSchemes(stack: ServiceStack | undefined): AuthSchemeEntry[] {
  const detected = [...(stack?.auth ?? [])].sort((a, b) => b.confidence - a.confidence);
  const picked: AuthSchemeEntry[] = [];
  for (const item of detected) {
    const value = item.value.toLowerCase();
    // An auth library the scheme table does not list is placed by how its knowledge entry carries credentials.
    const transport = knowledgeOf('auth', value)?.transport;
    const entry = AUTH_SCHEMES.find((candidate) => candidate.ids.includes(value))
      ?? AUTH_SCHEMES.find((candidate) => candidate.ids.some((id) => value.split(/[^a-z0-9]+/).includes(id)))
      ?? (transport ? AUTH_SCHEMES.find((candidate) => candidate.ids.includes(transport === 'cookie' ? 'cookie' : 'bearer')) : undefined);
    if (entry && !picked.includes(entry)) picked.push(entry);
  }
  const cookie = stack?.layout?.sessionCookie;
  // The cookie's name is known (the repository's setting or the library's default): no name to ask about.
  const named = cookie ? picked.map((entry) => (entry.schemeName === 'cookieAuth' ? { ...entry, scheme: { ...entry.scheme, name: cookie.name, description: cookie.evidence.length ? `Named in \`${cite(cookie.evidence[0])}\`.` : `${knowledgeOf('auth', cookie.auth)?.label ?? cookie.auth} names it so by default.` }, question: undefined } : entry)) : picked;
  return named.length > 0 ? named : [FALLBACK_AUTH];
}

function literalSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment && !segment.startsWith('{') && !segment.startsWith(':') && !VERSION_SEGMENT.test(segment));
}

function isWebhookPath(path: string | undefined): boolean {
  return !!path && path.split('/').some((segment) => /^webhooks?$/i.test(segment));
}

/** Verb and the rest of an operation name: `createOrderRefund` → create + [order, refund]; `bookmark.create` → create + [bookmark]. */
function nameParts(name: string): { verb: string; rest: string[] } {
  const segments = name.split('.');
  const last = words(segments[segments.length - 1] ?? '');
  const verb = last[0] ?? '';
  const known = ROLE_BY_VERB.some(([pattern]) => pattern.test(verb));
  // `loan.return`, `loan.markLost`: under a namespace the last segment is the procedure (a verb, known or not)
  // and the namespace is the resource; only a known verb's object (`order.addItem` → item) adds to it.
  if (segments.length > 1) return { verb, rest: [...words(segments.slice(0, -1).join(' ')), ...(known ? last.slice(1) : [])] };
  return { verb, rest: known ? last.slice(1) : last };
}

function roleOf(op: Operation, scope: Scope): OperationRole {
  const verb = nameParts(op.name).verb;
  const byVerb = ROLE_BY_VERB.find(([pattern]) => pattern.test(verb))?.[1];
  if (op.list) return 'list';
  if (op.kind === 'rest') {
    const method = (op.method ?? 'GET').toUpperCase();
    const path = op.path ?? '';
    const endsWithParam = /\}$|\/:[^/]+$/.test(path);
    if (method === 'POST' && (isWebhookPath(path) || (op.unauthenticated && matchIntegration(op, scope)?.kind === 'webhook'))) return 'webhook';
    if (method === 'GET' || method === 'HEAD') return 'get';
    if (method === 'PUT') return 'replace';
    if (method === 'PATCH') return 'update';
    if (method === 'DELETE') return 'delete';
    if (byVerb === 'create') return 'create';
    const last = path.split('/').filter(Boolean).pop() ?? '';
    return !endsWithParam && isPlural(last) ? 'create' : 'action';
  }
  if (op.kind === 'graphql-query' || op.kind === 'trpc-query') return byVerb === 'list' ? 'list' : 'get';
  if (byVerb && byVerb !== 'list' && byVerb !== 'get') return byVerb;
  return op.kind === 'grpc' && byVerb ? byVerb : 'action';
}

/** The collection an operation works on: from the path, else from its name minus the verb. */
function resourcePlural(op: Operation, role: OperationRole, entityNouns: ReadonlySet<string>): string {
  if (role === 'webhook') return 'webhooks';
  if (op.kind === 'rest' && op.path) {
    const segments = op.path.split('/').filter(Boolean);
    const literals = literalSegments(op.path);
    const last = segments[segments.length - 1] ?? '';
    let name = literals[literals.length - 1];
    // `/orders/{id}/cancel`: an action verb on the collection before it.
    if (role === 'action' && name === last && literals.length > 1 && !isPlural(last)) name = literals[literals.length - 2];
    // `PATCH /users/{id}/status`: one attribute of the row the path names, unless the document has a table by that name.
    const underItem = segments.length > 2 && /^\{|^:/.test(segments[segments.length - 2]);
    if ((role === 'update' || role === 'replace') && name === last && underItem && literals.length > 1 && !isPlural(last) && !entityNouns.has(snakeCase(singular(last)))) name = literals[literals.length - 2];
    // `/wishlists/shared/{token}`: a participle names a view of the collection before it, not a resource.
    // So does an adjective (`/loans/overdue`).
    const before = literals[literals.length - 2];
    if (name && before && ((/ed$/.test(name) && isPlural(before)) || isViewSegment(name, before))) name = before;
    if (name) return snakeCase(name);
  }
  const { rest } = nameParts(op.name);
  const base = rest.length > 0 ? rest : words(op.name);
  const lastWord = base[base.length - 1] ?? 'item';
  const plural = isPlural(lastWord) ? lastWord : pluralOf(lastWord);
  return snakeCase([...base.slice(0, -1), plural].join(' '));
}

function matchIntegration(op: Operation, scope: Scope): Integration | undefined {
  const segments = (op.path ?? op.name).toLowerCase().split(/[^a-z0-9]+/);
  const hooks = scope.integrations.filter((item) => item.kind === 'webhook');
  return hooks.find((item) => words(item.name).some((word) => segments.includes(word))) ?? (hooks.length === 1 ? hooks[0] : undefined);
}

function matchVendor(op: Operation, integration: Integration | undefined): WebhookVendor | undefined {
  const haystack = [op.path ?? '', op.name, integration?.name ?? '', integration?.text ?? ''].join(' ').toLowerCase();
  const tokens = new Set(haystack.split(/[^a-z0-9]+/));
  return WEBHOOK_VENDORS.find((vendor) => tokens.has(vendor.id));
}

function planField(field: Field, fallback?: Partial<PlannedField>): PlannedField {
  const type = field.type ?? (fallback?.typeStated === false ? undefined : fallback?.type);
  const planned: PlannedField = {
    name: field.name,
    type: type ?? 'string',
    typeStated: !!type || isIdentifierName(field.name),
    required: field.required ?? false,
  };
  const items = field.items ?? fallback?.items;
  if (items) planned.items = items;
  const enumValues = field.enum ?? fallback?.enum;
  if (enumValues) planned.enum = enumValues;
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'maxLength'] as const) {
    const value = field[key] ?? fallback?.[key];
    if (value !== undefined) planned[key] = value;
  }
  const format = field.format ?? fallback?.format;
  if (format) planned.format = format;
  if (field.description) planned.description = field.description;
  if (!type && enumValues) {
    planned.type = 'string';
    planned.typeStated = true;
  }
  return enumAsString(planned);
}

/** Named values (`low`, `high`) are strings, whatever number-ish type was borrowed for the field. */
/** Allowed values that are numbers on a number field (`deal_tier`: 1, 2, 3): written as numbers, never as names. */
export function isNumericEnum(field: Pick<PlannedField, 'type' | 'enum'>): boolean {
  return (field.type === 'integer' || field.type === 'number') && Boolean(field.enum?.length) && field.enum!.every((value) => /^-?\d+(?:\.\d+)?$/.test(value));
}

function enumAsString(planned: PlannedField): PlannedField {
  if (planned.enum?.some((value) => !/^-?\d+(?:\.\d+)?$/.test(value)) && (planned.type === 'integer' || planned.type === 'number')) planned.type = 'string';
  return planned;
}

function fieldFromColumn(column: Column, known: Map<string, PlannedField>, keyType: KeyType | undefined): PlannedField {
  // A key or a reference without a stated type has the repository's key type, as the Data model plans its column.
  const mapped = columnType(column.type) ?? (keyType && !column.type && (column.name === 'id' || column.references) ? keyWireType(keyType) : undefined);
  const borrowed = known.get(column.name);
  const planned: PlannedField = {
    name: column.name,
    type: mapped?.type ?? borrowed?.type ?? 'string',
    typeStated: !!mapped || !!borrowed?.typeStated || !!column.enum || isIdentifierName(column.name),
    required: column.nullable === false || column.name === 'id',
  };
  if (column.nullable === true) planned.nullable = true;
  const format = mapped?.format ?? borrowed?.format;
  if (format) planned.format = format;
  const enumValues = column.enum ?? borrowed?.enum;
  if (enumValues) planned.enum = enumValues;
  // The lengths stated with the column ("body: 文字列、最大 500 文字") hold for the field too.
  if (column.minLength !== undefined && planned.type === 'string') planned.minLength = column.minLength;
  if (column.maxLength !== undefined && planned.type === 'string') planned.maxLength = column.maxLength;
  if (borrowed) {
    for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'maxLength'] as const) {
      if (borrowed[key] !== undefined) planned[key] = borrowed[key];
    }
    if (borrowed.items) planned.items = borrowed.items;
  }
  if (column.references) planned.description = `References ${column.references}.`;
  return enumAsString(planned);
}

/**
 * `receiversOnly`: every operation is a third party's call in (a webhook), which answers with no body, so the
 * resource has no fields and no schema. A list or read on the same path (`GET /webhooks/failed`) is the app's own
 * resource and is planned as any other: from its table, else `id` and a question.
 */
function buildResource(plural: string, entities: EntityIndex, ops: Operation[], questions: OpenQuestion[], keyType: KeyType | undefined, receiversOnly: boolean): PlannedResource {
  const known = new Map<string, PlannedField>();
  for (const op of ops) {
    for (const field of [...op.responseFields, ...op.requestFields]) {
      if (!known.has(field.name) || (!known.get(field.name)!.typeStated && field.type)) known.set(field.name, planField(field));
    }
  }
  const entity = entityFor(plural, entities, ops);
  // The type is the entity's name when the path leads to one (`/shelves/{id}/items` → ShelfItem, not an invented Item).
  const typeWords = words(entity && !receiversOnly ? entity.table.split('.').pop()! : plural);
  const typeName = pascalCase([...typeWords.slice(0, -1), singular(typeWords[typeWords.length - 1] ?? 'item')].join(' '));
  let fields: PlannedField[];
  if (receiversOnly) {
    fields = [];
  } else if (entity && entity.columns.length > 0) {
    fields = entity.columns.map((column) => fieldFromColumn(column, known, keyType));
  } else {
    const stated = ops.flatMap((op) => op.responseFields);
    const key: Pick<PlannedField, 'type' | 'format'> = keyType ? keyWireType(keyType) : { type: 'string' };
    // An `id` the spec lists without a type is the row's key.
    fields = stated.length > 0 ? dedupe(stated.map((field) => planField(field, field.name === 'id' && !field.type ? { ...known.get(field.name), ...key, typeStated: true } : known.get(field.name)))) : [];
    if (!fields.some((field) => field.name === 'id')) fields.unshift({ name: 'id', ...key, typeStated: true, required: true });
    // One question per type: `/usuarios` and `/instituciones/usuario` both name a Usuario.
    const asked = questions.some((question) => question.text.startsWith(`The fields of ${typeName} are not stated`));
    if (stated.length === 0 && !asked) {
      questions.push({ text: `The fields of ${typeName} are not stated (no response fields, no \`${plural}\` table); the contract shows only \`id\`. What fields does ${typeName} have?`, weight: 4, source: SOURCE });
    }
  }
  // Columns without a type are already asked about once for the whole data model.
  const columnNames = new Set(entity?.columns.map((column) => column.name) ?? []);
  noteUntyped(typeName, fields.filter((field) => !columnNames.has(field.name)), questions);
  return { plural, typeName, fields, ...(receiversOnly ? { receiversOnly } : {}) };
}

type Entity = Scope['entities'][number];

/** The entities by the names entityFor looks them up by; each name maps to the first entity (in order) that has it. */
interface EntityIndex {
  /** `snakeCase(table)` and `snakeCase(last part of a schema-qualified table)`. */
  bySnake: Map<string, Entity>;
  /** `entityKey(last part of the table)`. */
  byKey: Map<string, Entity>;
}

/** Singular words run together: `cart_items`, `CartItem` and `cart items` share one key. */
const entityKey = (name: string): string => words(name).map((word) => singular(word)).join('');

/** Built once per contract, so finding each resource's table does not scan every entity (linear, not quadratic, in the spec). */
function indexEntities(entities: readonly Entity[]): EntityIndex {
  const bySnake = new Map<string, Entity>();
  const byKey = new Map<string, Entity>();
  for (const item of entities) {
    const last = item.table.split('.').pop() ?? '';
    for (const name of [snakeCase(item.table), snakeCase(last)]) if (!bySnake.has(name)) bySnake.set(name, item);
    const key = entityKey(last);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  // A kind of rows kept in a table (`Refund` in `Transaction`) is stored as that table's rows.
  for (const item of entities) {
    for (const subtype of item.subtypes ?? []) {
      if (!bySnake.has(snakeCase(subtype.name))) bySnake.set(snakeCase(subtype.name), item);
      if (!byKey.has(entityKey(subtype.name))) byKey.set(entityKey(subtype.name), item);
    }
  }
  return { bySnake, byKey };
}

/** `cart_items` for `/cart/items`, `carts` or `Cart` for `/cart`: the table a resource is stored in, as the spec names it. */
function entityFor(plural: string, entities: EntityIndex, ops: Operation[]): Entity | undefined {
  const exact = entities.bySnake.get(plural);
  if (exact) return exact;
  const byKey = entities.byKey.get(entityKey(plural));
  if (byKey) return byKey;
  for (const op of ops) {
    const literals = op.kind === 'rest' && op.path ? literalSegments(op.path) : [];
    const index = literals.map((segment) => snakeCase(segment)).lastIndexOf(plural);
    if (index < 1) continue;
    const found = entities.byKey.get(entityKey(`${literals[index - 1]} ${plural}`));
    if (found) return found;
  }
  // `/public-shelves`, `/featured-articles`: a qualified view of an entity's collection (its last word), when the qualifier names no entity.
  const parts = words(plural);
  if (parts.length > 1 && !parts.slice(0, -1).some((part) => entities.byKey.has(entityKey(part)))) return entities.byKey.get(entityKey(parts[parts.length - 1]));
  return undefined;
}

function dedupe(fields: PlannedField[]): PlannedField[] {
  const seen = new Set<string>();
  return fields.filter((field) => (seen.has(field.name) ? false : (seen.add(field.name), true)));
}

function noteUntyped(owner: string, fields: PlannedField[], questions: OpenQuestion[]): void {
  const untyped = fields.filter((field) => !field.typeStated).map((field) => `\`${field.name}\``);
  if (untyped.length === 0) return;
  questions.push({
    text: `${owner}: no type is stated for ${untyped.join(', ')}; the contract types ${untyped.length === 1 ? 'it' : 'them'} as string. What ${untyped.length === 1 ? 'is its type' : 'are their types'}?`,
    weight: 2,
    source: SOURCE,
  });
}

function planOperation(op: Operation, role: OperationRole, resource: PlannedResource, scope: Scope, questions: OpenQuestion[], repoPaging?: RepoPaging): PlannedOperation {
  const key = operationKey(op);
  const method = op.kind === 'rest' && op.method ? op.method.toUpperCase() : METHOD_BY_ROLE[role];
  const rules = scope.authz.filter((rule) => rule.operations.includes(key) || rule.operations.includes(op.name));
  const integration = role === 'webhook' || op.unauthenticated ? matchIntegration(op, scope) : undefined;
  const publicRule = rules.find((rule) => rule.public);
  const isPublic = !!op.unauthenticated || !!publicRule;
  const mutating = !READ_METHODS.has(method);
  const vendor = role === 'webhook' ? matchVendor(op, integration) : undefined;
  const ownerName = humanize(op.name);

  // Paging the spec states is kept as it is written; only without it does the style's default apply.
  const statedByDoc = role === 'list' ? statedPaging(op) : [];
  // A REST list the spec leaves unpaged pages as the repository's handlers already do (`limit` + `offset`).
  const fromRepo = role === 'list' && !statedByDoc.length && op.kind === 'rest' && repoPaging ? repoPaging : undefined;
  const ownPaging = fromRepo ? [...fromRepo.params] : statedByDoc;
  const filters = op.queryParams.filter((field) => ownPaging.length > 0 || !PAGINATION_PARAMS.has(field.name.toLowerCase())).map((field) => planField(field));
  // A paging pair the spec names without types (`page` / `per_page`) is counted in whole numbers, as every paging pair is.
  for (const field of filters) {
    if (!statedByDoc.includes(field.name) || field.typeStated) continue;
    field.type = 'integer';
    field.typeStated = true;
    field.minimum ??= /^(?:offset|skip)$/i.test(field.name) ? 0 : 1;
  }
  // The position of an offset pair (`offset`, `skip`) starts at 0; a size and a page number at 1.
  for (const name of fromRepo ? fromRepo.params : []) {
    const sizeDefault = name === fromRepo?.params[0] ? fromRepo.sizeDefault : undefined;
    if (fromRepo && !filters.some((field) => field.name === name)) filters.push({ name, type: 'integer', typeStated: true, required: false, minimum: startsAtZero(fromRepo, name) ? 0 : 1, ...(sizeDefault ? { default: sizeDefault } : {}) });
  }
  const requestFields = op.requestFields.map((field) => planField(field, resource.fields.find((known) => known.name === field.name)));
  const responseFields = op.responseFields.map((field) => planField(field, resource.fields.find((known) => known.name === field.name)));
  // Fields the resource also has are covered by the resource's own question.
  const ownFields = [...filters, ...requestFields, ...responseFields].filter((field) => !resource.fields.some((known) => known.name === field.name));
  noteUntyped(`${ownerName} (${key})`, ownFields, questions);

  let publicReason: string | undefined;
  if (isPublic) {
    const verification = integration?.verification ?? publicRule?.justification;
    publicReason = verification ?? (vendor ? `${vendor.displayName} signature` : undefined);
    if (mutating && !publicReason) {
      questions.push({ text: `${key} takes no user session and nothing says how a call is verified (signature, HMAC, mTLS). How is it authenticated?`, weight: 5, source: SOURCE });
    }
    if (role === 'webhook' && !vendor) {
      questions.push({ text: `${key}: which header carries the webhook signature?`, weight: 3, source: SOURCE });
    }
  }

  // PUT and DELETE are idempotent by definition (RFC 9110 §9.2.2); only POST/PATCH need a key. An rpc has no method:
  // it is keyed when the spec asks for safe retries. A mutation whose request already declares the key
  // (an rpc's `request_id`, AIP-155; a GraphQL input's `idempotencyKey`) is keyed by that field.
  const rpc = op.kind === 'grpc' && mutating;
  // A create the spec makes unique over its request's columns (op.naturalKey) finds a repeat by them, without a key.
  const idempotent = role !== 'webhook' && ((op.retrySafe && !op.naturalKey && (rpc || method === 'POST' || method === 'PATCH')) || (mutating && statedKeyField(op) !== undefined));
  const segments = op.path?.split('/').filter(Boolean) ?? [];
  const versionPrefix = segments.find((segment) => VERSION_SEGMENT.test(segment));
  const roles = [...new Set(rules.flatMap((rule) => rule.roles))];
  const ownership = rules.find((rule) => rule.ownership)?.ownership;

  return {
    source: op,
    key,
    name: op.name,
    summary: op.summary ?? humanize(op.name),
    role,
    method,
    path: op.path,
    pathParams: op.pathParams.length > 0 ? op.pathParams : pathParamsOf(op.path),
    filters,
    requestFields,
    responseFields,
    resource,
    paginated: role === 'list',
    ...(ownPaging.length ? { statedPaging: ownPaging } : {}),
    ...(fromRepo?.evidence.length ? { pagingFrom: cite(fromRepo.evidence[0]) } : {}),
    ...(role === 'list' && op.pageSizeMax ? { pageSizeMax: op.pageSizeMax } : {}),
    idempotent,
    mutating,
    public: isPublic,
    publicReason,
    scope: isPublic ? undefined : scopeName(resource.plural, mutating ? 'write' : 'read'),
    roles,
    ownership,
    versionPrefix,
    vendor,
    integration,
  };
}

function pathParamsOf(path: string | undefined): string[] {
  return [...(path ?? '').matchAll(/\{([^}]+)\}|:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] ?? match[2]);
}

/** `app.<resource>.read` / `.write` (Zalando 225 naming, resource in snake_case). */
export function scopeName(plural: string, access: 'read' | 'write'): string {
  return `app.${snakeCase(plural)}.${access}`;
}

export function scopesOf(plan: ContractPlan): string[] {
  const scopes: string[] = [];
  for (const op of plan.operations) {
    if (op.scope && !scopes.includes(op.scope)) scopes.push(op.scope);
  }
  return scopes;
}
