// Turns an OpenAPI document into test cases: one per operation, runnable when
// the contract gives everything the call needs, otherwise a TODO with a reason.
import { MagiError, EXIT } from '../errors.js';

export interface NamedValue {
  name: string;
  value: string;
}

export interface HttpCase {
  /** `GET /orders/{id}` */
  name: string;
  /** `get_orders_id`: safe in any language's identifiers. */
  identifier: string;
  method: string;
  /** Lower-case method, the key under the path item. */
  verb: string;
  /** Path as the contract writes it (without the server base path). */
  path: string;
  /** Base path + filled-in path + query string: what the test requests. */
  url: string;
  pathParams: NamedValue[];
  headers: NamedValue[];
  /** Lowest documented 2xx status, when there is one. */
  expectedStatus?: number;
  requestBody?: { mediaType: string; value: unknown };
  operationId?: string;
  /** Why the case cannot run yet; undefined when it can. */
  todo?: string;
}

export interface OpenApiPlan {
  /** '3.0' or '3.1' */
  version: string;
  /** Path part of the first server URL, '' when none or '/'. */
  basePath: string;
  cases: HttpCase[];
}

type Json = Record<string, unknown>;

const VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function parseDocument(text: string, path: string): Promise<Json> {
  const { parse } = await import('yaml');
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: -1 });
  } catch (error) {
    throw new MagiError('contract-test.parse', `${path}: not valid YAML/JSON (${(error as Error).message.split('\n')[0]})`, { exitCode: EXIT.contract, cause: error });
  }
  if (!isObject(document) || typeof document.openapi !== 'string' || !/^3\.[01]\./.test(document.openapi)) {
    throw new MagiError('contract-test.openapi-version', `${path}: expected an OpenAPI 3.0 or 3.1 document (an "openapi: 3.x.y" field)`, { exitCode: EXIT.contract });
  }
  return document;
}

function resolveRef(document: Json, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 32; hops += 1) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((acc, token) => (isObject(acc) ? acc[token.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), document);
  }
  return current;
}

function basePathOf(document: Json): string {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const first: unknown = servers[0];
  if (!isObject(first) || typeof first.url !== 'string') return '';
  const url = first.url.replace(/\{[^}]*\}/g, 'x');
  const pathname = /^[a-z]+:\/\//i.test(url) ? new URL(url).pathname : url;
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' || trimmed === '/' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** A concrete value for a parameter, from its examples, default or enum. */
function exampleOf(document: Json, holder: Json): { found: boolean; value?: unknown } {
  if ('example' in holder) return { found: true, value: holder.example };
  if (isObject(holder.examples)) {
    const first = resolveRef(document, Object.values(holder.examples)[0]);
    if (isObject(first) && 'value' in first) return { found: true, value: first.value };
  }
  const schema = resolveRef(document, holder.schema);
  if (isObject(schema)) {
    if ('example' in schema) return { found: true, value: schema.example };
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return { found: true, value: schema.examples[0] };
    if ('default' in schema) return { found: true, value: schema.default };
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return { found: true, value: schema.enum[0] };
    if ('const' in schema) return { found: true, value: schema.const };
  }
  return { found: false };
}

const scalarText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
export const isJsonMedia = (media: string): boolean => /^application\/(.+\+)?json$/i.test(media.split(';')[0].trim());

function identifierOf(method: string, path: string): string {
  const words = `${method} ${path}`.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.join('_');
}

function collectParameters(document: Json, pathItem: Json, operation: Json): Json[] {
  const byKey = new Map<string, Json>();
  for (const raw of [...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []), ...(Array.isArray(operation.parameters) ? operation.parameters : [])]) {
    const parameter = resolveRef(document, raw);
    if (isObject(parameter) && typeof parameter.name === 'string' && typeof parameter.in === 'string') {
      byKey.set(`${parameter.in}:${parameter.name}`, parameter);
    }
  }
  return [...byKey.values()];
}

function needsAuth(document: Json, operation: Json): string[] {
  const security = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
  if (security.length === 0 || security.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0)) return [];
  return [...new Set(security.flatMap((requirement) => (isObject(requirement) ? Object.keys(requirement) : [])))];
}

function buildCase(document: Json, basePath: string, path: string, verb: string, pathItem: Json, operation: Json): HttpCase {
  const method = verb.toUpperCase();
  const missing: string[] = [];
  const pathParams: NamedValue[] = [];
  const query: string[] = [];
  const headers: NamedValue[] = [];
  for (const parameter of collectParameters(document, pathItem, operation)) {
    const name = parameter.name as string;
    const required = parameter.in === 'path' || parameter.required === true;
    if (!required) continue;
    const example = exampleOf(document, parameter);
    if (!example.found) {
      missing.push(`a value for ${parameter.in} parameter "${name}" (seed data)`);
      continue;
    }
    const text = scalarText(example.value);
    if (parameter.in === 'path') pathParams.push({ name, value: text });
    else if (parameter.in === 'query') query.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
    else if (parameter.in === 'header') headers.push({ name, value: text });
    else missing.push(`cookie "${name}"`);
  }
  let filled = path;
  for (const { name, value } of pathParams) filled = filled.split(`{${name}}`).join(encodeURIComponent(value));

  let requestBody: HttpCase['requestBody'];
  const body = resolveRef(document, operation.requestBody);
  if (isObject(body) && isObject(body.content)) {
    const media = Object.keys(body.content).find(isJsonMedia);
    const mediaObject = media ? resolveRef(document, body.content[media]) : undefined;
    const example = isObject(mediaObject) ? exampleOf(document, mediaObject) : { found: false };
    if (media && example.found) requestBody = { mediaType: media, value: example.value };
    else if (body.required === true || !media) missing.push(media ? `a ${media} request body (the contract has no example)` : `a request body (${Object.keys(body.content).join(', ')})`);
  }

  const schemes = needsAuth(document, operation);
  if (schemes.length > 0) missing.unshift(`credentials for ${schemes.join(' or ')}`);

  const responses = isObject(operation.responses) ? Object.keys(operation.responses) : [];
  const success = responses.filter((status) => /^2\d\d$/.test(status)).map(Number).sort((a, b) => a - b)[0]
    ?? (responses.includes('2XX') ? 200 : undefined);

  return {
    name: `${method} ${path}`,
    identifier: identifierOf(method, path),
    method,
    verb,
    path,
    url: `${basePath}${filled}${query.length > 0 ? `?${query.join('&')}` : ''}`,
    pathParams,
    headers,
    expectedStatus: success,
    requestBody,
    operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
    todo: missing.length > 0 ? `TODO: needs ${missing.join('; ')}` : undefined,
  };
}

export async function planOpenApi(text: string, path: string): Promise<OpenApiPlan> {
  const document = await parseDocument(text, path);
  const basePath = basePathOf(document);
  const cases: HttpCase[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [route, rawItem] of Object.entries(paths)) {
    const pathItem = resolveRef(document, rawItem);
    if (!isObject(pathItem)) continue;
    for (const verb of VERBS) {
      const operation = pathItem[verb];
      if (isObject(operation)) cases.push(buildCase(document, basePath, route, verb, pathItem, operation));
    }
  }
  if (cases.length === 0) {
    throw new MagiError('contract-test.no-operations', `${path}: the contract has no operations under "paths"`, { exitCode: EXIT.contract });
  }
  return { version: (document.openapi as string).slice(0, 3), basePath, cases };
}
