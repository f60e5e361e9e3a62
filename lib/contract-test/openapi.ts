// Turns an OpenAPI document into test cases: one per operation, runnable when
// the contract gives everything the call needs, otherwise a TODO with a reason.
import { looksLikeCredential } from '../secrets.js';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { MagiError, EXIT } from '../errors.js';
import { credentialFor, paramEnvName, text, type Credential, type RuntimeValue } from './runtime.js';
import { synthesize } from './synthesize.js';

export interface NamedValue {
  name: string;
  value: RuntimeValue;
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
  /** Base path + path with its parameters + query string: what the test requests. */
  url: RuntimeValue;
  /** Unescaped values, for stacks that take parameters as an object (Next.js, tRPC). */
  pathParams: NamedValue[];
  query: NamedValue[];
  headers: NamedValue[];
  /** Lowest documented 2xx status (401 for a case sent without credentials). */
  expectedStatus?: number;
  requestBody?: { mediaType: string; value: unknown };
  operationId?: string;
  /** Environment variables the case reads without a fallback: it is skipped while one is unset. */
  requires: string[];
  /** The operation needs credentials. */
  secured: boolean;
  /** Sent without credentials to check the documented 401 answer. */
  withoutCredentials?: boolean;
  /** Why the case cannot run yet; undefined when it can. */
  todo?: string;
}

/** A variable the generated file reads, for its header comment. */
export interface EnvVariable {
  name: string;
  purpose: string;
}

export interface OpenApiPlan {
  /** '3.0' or '3.1' */
  version: string;
  /** Path part of the first server URL, '' when none or '/'. */
  basePath: string;
  cases: HttpCase[];
  variables: EnvVariable[];
}

type Json = Record<string, unknown>;

const VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function parseDocument(text: string, path: string): Promise<Json> {
  let document: unknown;
  try {
    // Read only, so js-yaml (YAML 1.2 core schema, as yaml's default): a 150 KB contract in 60 ms, where yaml's
    // document model took 400 ms. Edits that must keep comments still go through yaml's Document API.
    document = loadYaml(text, { schema: CORE_SCHEMA });
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

/**
 * A concrete value for a parameter or body, from its examples, default or enum.
 * One that looks like a credential is never copied into a test: the case waits for its variable instead.
 */
function exampleOf(document: Json, holder: Json): { found: boolean; value?: unknown } {
  const example = anyExampleOf(document, holder);
  return example.found && looksLikeCredential(typeof example.value === 'string' ? example.value : JSON.stringify(example.value)) ? { found: false } : example;
}

function anyExampleOf(document: Json, holder: Json): { found: boolean; value?: unknown } {
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

/** Headers OpenAPI says to ignore as parameters: the request body and security set them. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
/** Headers that must be new on every run, or the server replays a stored answer. */
const FRESH_PER_RUN = [/^(x-)?idempotency-key$/i, /^(x-)?request-id$/i, /^x-correlation-id$/i];

interface Security {
  secured: boolean;
  /** Credentials of the first requirement a test can send (all of its schemes). */
  credentials: Credential[];
  /** Schemes named when no requirement can be sent. */
  unsendable?: string[];
}

function securityOf(document: Json, operation: Json): Security {
  const security = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
  const requirements = security.filter(isObject);
  if (requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0)) return { secured: false, credentials: [] };
  const components = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  for (const requirement of requirements) {
    const credentials = Object.keys(requirement).map((name) => credentialFor(name, resolveRef(document, components[name])));
    if (credentials.every((credential) => credential !== undefined)) return { secured: true, credentials: credentials as Credential[] };
  }
  return { secured: true, credentials: [], unsendable: [...new Set(requirements.flatMap((requirement) => Object.keys(requirement)))] };
}

/** A value for a parameter with no example: synthesized from its schema. */
function synthesizedParameter(document: Json, parameter: Json): string | undefined {
  const result = synthesize(parameter.schema ?? {}, { resolve: (node) => resolveRef(document, node), name: parameter.name as string });
  return result.gap === undefined && result.value !== null && typeof result.value !== 'object' ? scalarText(result.value) : undefined;
}

interface Draft {
  pathParams: Array<{ name: string; env: string; fallback?: string; placeholder: string }>;
  query: NamedValue[];
  headers: NamedValue[];
  cookies: NamedValue[];
  missing: string[];
}

function draftParameters(document: Json, pathItem: Json, operation: Json): Draft {
  const draft: Draft = { pathParams: [], query: [], headers: [], cookies: [], missing: [] };
  for (const parameter of collectParameters(document, pathItem, operation)) {
    const name = parameter.name as string;
    const where = parameter.in as string;
    if (where !== 'path' && parameter.required !== true) continue;
    if (where === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) continue;
    const example = exampleOf(document, parameter);
    const exampleText = example.found ? scalarText(example.value) : undefined;
    if (where === 'path') {
      // Seed data lives in the user's database: the variable wins over the contract's example.
      draft.pathParams.push({ name, env: paramEnvName(name), fallback: exampleText, placeholder: exampleText ?? synthesizedParameter(document, parameter) ?? 'x' });
      continue;
    }
    if (where === 'header' && FRESH_PER_RUN.some((pattern) => pattern.test(name))) {
      draft.headers.push({ name, value: [{ uuid: true }] });
      continue;
    }
    const value = exampleText ?? synthesizedParameter(document, parameter);
    if (value === undefined) {
      draft.missing.push(`a value for ${where} parameter "${name}"`);
      continue;
    }
    const list = where === 'query' ? draft.query : where === 'header' ? draft.headers : where === 'cookie' ? draft.cookies : undefined;
    if (list) list.push({ name, value: text(value) });
    else draft.missing.push(`${where} parameter "${name}"`);
  }
  return draft;
}

function draftBody(document: Json, operation: Json, missing: string[]): HttpCase['requestBody'] {
  const body = resolveRef(document, operation.requestBody);
  if (!isObject(body) || !isObject(body.content)) return undefined;
  const media = Object.keys(body.content).find(isJsonMedia);
  if (!media) {
    if (body.required === true) missing.push(`a request body (${Object.keys(body.content).join(', ')})`);
    return undefined;
  }
  const mediaObject = resolveRef(document, body.content[media]);
  const example = isObject(mediaObject) ? exampleOf(document, mediaObject) : { found: false };
  if (example.found) return { mediaType: media, value: example.value };
  if (body.required !== true) return undefined;
  const made = synthesize(isObject(mediaObject) ? mediaObject.schema ?? {} : {}, { resolve: (node) => resolveRef(document, node), writing: true });
  if (made.gap === undefined) return { mediaType: media, value: made.value };
  missing.push(`a ${media} request body (the contract has no example, and no value fits: ${made.gap})`);
  return undefined;
}

/** Path with its parameters filled, the base path before it and the query after it. */
function urlOf(basePath: string, path: string, values: Map<string, RuntimeValue>, query: NamedValue[]): RuntimeValue {
  const url: RuntimeValue = [{ text: basePath }];
  for (const [index, segment] of path.split(/\{([^}]+)\}/).entries()) {
    if (index % 2 === 0) url.push({ text: segment });
    else url.push(...(values.get(segment) ?? [{ text: `{${segment}}` }]));
  }
  query.forEach(({ name, value }, index) => {
    url.push({ text: `${index === 0 ? '?' : '&'}${encodeURIComponent(name)}=` });
    url.push(...value.map((piece) => ('text' in piece ? { text: encodeURIComponent(piece.text) } : 'env' in piece ? { ...piece, escape: 'query' as const } : piece)));
  });
  return url;
}

function cookieHeader(cookies: NamedValue[]): NamedValue[] {
  if (cookies.length === 0) return [];
  const value: RuntimeValue = [];
  cookies.forEach((cookie, index) => value.push({ text: `${index === 0 ? '' : '; '}${cookie.name}=` }, ...cookie.value));
  return [{ name: 'Cookie', value }];
}

function buildCases(document: Json, basePath: string, path: string, verb: string, pathItem: Json, operation: Json): { cases: HttpCase[]; credentials: Credential[] } {
  const method = verb.toUpperCase();
  const draft = draftParameters(document, pathItem, operation);
  const missing = [...draft.missing];
  const requestBody = draftBody(document, operation, missing);
  const security = securityOf(document, operation);
  if (security.unsendable) missing.unshift(`credentials for ${security.unsendable.join(' or ')} (a scheme a test cannot send)`);

  const query = [...draft.query];
  const headers = [...draft.headers];
  const cookies = [...draft.cookies];
  for (const credential of security.credentials) {
    const value: RuntimeValue = [...(credential.prefix ? [{ text: credential.prefix }] : []), { env: credential.env }];
    (credential.place === 'query' ? query : credential.place === 'cookie' ? cookies : headers).push({ name: credential.name, value });
  }
  const pathValues = new Map(draft.pathParams.map((param) => [param.name, [{ env: param.env, fallback: param.fallback, escape: 'path' as const }] as RuntimeValue]));
  const requires = [
    ...security.credentials.map((credential) => credential.env),
    ...draft.pathParams.filter((param) => param.fallback === undefined).map((param) => param.env),
  ];

  const responseKeys = isObject(operation.responses) ? Object.keys(operation.responses) : [];
  const success = responseKeys.filter((status) => /^2\d\d$/.test(status)).map(Number).sort((a, b) => a - b)[0]
    ?? (responseKeys.includes('2XX') ? 200 : undefined);
  const identifier = identifierOf(method, path);
  const operationId = typeof operation.operationId === 'string' ? operation.operationId : undefined;

  const main: HttpCase = {
    name: `${method} ${path}`,
    identifier,
    method,
    verb,
    path,
    url: urlOf(basePath, path, pathValues, query),
    pathParams: draft.pathParams.map((param) => ({ name: param.name, value: [{ env: param.env, fallback: param.fallback }] })),
    query,
    headers: [...headers, ...cookieHeader(cookies)],
    expectedStatus: success,
    requestBody,
    operationId,
    requires: [...new Set(requires)],
    secured: security.secured,
    todo: missing.length > 0 ? `TODO: needs ${missing.join('; ')}` : undefined,
  };
  const credentials = security.credentials;
  if (!security.secured || !responseKeys.includes('401')) return { cases: [main], credentials };

  // The contract documents the answer to a caller without credentials: that runs with no setup.
  const staticPath = new Map(draft.pathParams.map((param) => [param.name, text(param.placeholder)]));
  const probe: HttpCase = {
    ...main,
    identifier: `${identifier}_without_credentials`,
    url: urlOf(basePath, path, staticPath, draft.query),
    pathParams: draft.pathParams.map((param) => ({ name: param.name, value: text(param.placeholder) })),
    query: draft.query,
    headers: [...draft.headers, ...cookieHeader(draft.cookies)],
    expectedStatus: 401,
    requires: [],
    withoutCredentials: true,
    todo: undefined,
  };
  return { cases: [main, probe], credentials };
}

/** What each variable the runnable cases read holds, in first-use order. */
function variablesOf(cases: Array<{ item: HttpCase; credentials: Credential[] }>): EnvVariable[] {
  const variables = new Map<string, string>();
  const seeds = new Map<string, { name: string; fallbacks: Set<string | undefined> }>();
  for (const { item, credentials } of cases) {
    if (item.todo || item.withoutCredentials) continue;
    for (const credential of credentials) {
      variables.set(credential.env, `${credential.scheme}: ${credential.holds}, sent as ${credential.place} ${credential.name}${credential.prefix ? ` "${credential.prefix}<value>"` : ''}`);
    }
    for (const param of item.pathParams) {
      const piece = param.value[0];
      if (!piece || !('env' in piece)) continue;
      const fallbacks = seeds.get(piece.env) ?? { name: param.name, fallbacks: new Set<string | undefined>() };
      fallbacks.fallbacks.add(piece.fallback);
      seeds.set(piece.env, fallbacks);
      variables.set(piece.env, '');
    }
  }
  for (const [env, { name, fallbacks }] of seeds) {
    // The default is worth naming only when every case that reads the variable has the same one.
    const [only] = fallbacks;
    variables.set(env, `path parameter "${name}": a value that exists in your test data${fallbacks.size === 1 && only !== undefined ? ` (else the contract's example, ${only})` : ''}`);
  }
  // Credentials first: they gate the most cases.
  return [...variables].map(([name, purpose]) => ({ name, purpose })).sort((a, b) => Number(seeds.has(a.name)) - Number(seeds.has(b.name)));
}

export async function planOpenApi(text: string, path: string, parsed?: unknown): Promise<OpenApiPlan> {
  // A copy: planning resolves references in place, and the caller's document stays theirs.
  const document = isObject(parsed) ? (structuredClone(parsed) as Json) : await parseDocument(text, path);
  const basePath = basePathOf(document);
  const cases: Array<{ item: HttpCase; credentials: Credential[] }> = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [route, rawItem] of Object.entries(paths)) {
    const pathItem = resolveRef(document, rawItem);
    if (!isObject(pathItem)) continue;
    for (const verb of VERBS) {
      const operation = pathItem[verb];
      if (isObject(operation)) {
        const built = buildCases(document, basePath, route, verb, pathItem, operation);
        cases.push(...built.cases.map((item) => ({ item, credentials: built.credentials })));
      }
    }
  }
  if (cases.length === 0) {
    throw new MagiError('contract-test.no-operations', `${path}: the contract has no operations under "paths"`, { exitCode: EXIT.contract });
  }
  return { version: (document.openapi as string).slice(0, 3), basePath, cases: cases.map(({ item }) => item), variables: variablesOf(cases) };
}

