// OpenAPI validation: Redocly's recommended rules plus our own contract
// rules, passed as a plugin inside the config object (Redocly only runs
// custom rules that way). Redocly is imported lazily: it costs ~300 ms.

import type { Config } from '@redocly/openapi-core';
import type { YAMLException } from 'js-yaml';
import type { ContractExpectations, Problem } from '../types.js';
import { namedExports } from '../interop.js';

type Json = Record<string, any>;

interface RuleContext {
  key: string | number;
  location: { pointer: string; child(path: string | number | Array<string | number>): unknown };
  report(problem: { message: string; location?: unknown }): void;
  resolve(node: unknown): { node: any };
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function deref(node: any, ctx: RuleContext): any {
  let current = node;
  for (let depth = 0; current && typeof current === 'object' && typeof current.$ref === 'string' && depth < 16; depth++) {
    current = ctx.resolve(current).node;
  }
  return current;
}

/** Parameters of an operation, path-level ones included, with refs resolved. */
function parametersOf(pathItem: Json, operation: Json, ctx: RuleContext): Json[] {
  return [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => deref(parameter, ctx)).filter(Boolean);
}

function forEachOperation(visit: (operation: Json, method: string, path: string, pathItem: Json, ctx: RuleContext) => void) {
  return () => ({
    PathItem: {
      enter(pathItem: Json, ctx: RuleContext) {
        for (const method of HTTP_METHODS) {
          const operation = pathItem[method];
          if (operation && typeof operation === 'object') visit(operation, method, String(ctx.key), pathItem, ctx);
        }
      },
    },
  });
}

function keyOf(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** Every error response uses one media type: problem+json (RFC 9457), or the app's own when its handlers have one. */
function errorMediaType(options: { mediaType?: string }) {
  const expected = options.mediaType ?? 'application/problem+json';
  const why = expected === 'application/problem+json' ? 'RFC 9457' : "the app's own error body";
  return forEachOperation((operation, method, _path, _item, ctx) => {
    for (const [status, raw] of Object.entries<any>(operation.responses ?? {})) {
      if (!/^[45]/.test(status)) continue;
      const response = deref(raw, ctx);
      const content = response?.content ?? {};
      if (!Object.keys(content).some((media) => media.toLowerCase() === expected)) {
        ctx.report({ message: `Error response ${status} must be ${expected} (${why}).`, location: ctx.location.child([method, 'responses', status]) });
      }
    }
  });
}

const rateLimit429 = forEachOperation((operation, method, _path, _item, ctx) => {
  const raw = operation.responses?.['429'];
  if (!raw) {
    ctx.report({ message: 'Every operation documents 429 Too Many Requests.', location: ctx.location.child([method, 'responses']) });
    return;
  }
  const headers = deref(raw, ctx)?.headers ?? {};
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'retry-after')) {
    ctx.report({ message: 'The 429 response documents a Retry-After header.', location: ctx.location.child([method, 'responses', '429']) });
  }
});

function idempotencyKey(options: { operations?: string[] }) {
  const required = new Set(options.operations ?? []);
  return forEachOperation((operation, method, path, pathItem, ctx) => {
    const header = parametersOf(pathItem, operation, ctx).find((parameter) => parameter.in === 'header' && String(parameter.name).toLowerCase() === 'idempotency-key');
    if (!required.has(keyOf(method, path))) return;
    if (!header) {
      ctx.report({ message: `${keyOf(method, path)} must be safe to retry: accept an Idempotency-Key header.`, location: ctx.location.child([method]) });
      return;
    }
    const statuses = Object.keys(operation.responses ?? {});
    for (const status of ['409', '422']) {
      if (!statuses.includes(status)) {
        ctx.report({ message: `${keyOf(method, path)} takes an Idempotency-Key: document ${status} (${status === '409' ? 'same key still in flight' : 'same key, different body'}).`, location: ctx.location.child([method, 'responses']) });
      }
    }
  });
}

function listPagination(options: { operations?: string[] }) {
  const lists = new Set(options.operations ?? []);
  return forEachOperation((operation, method, path, pathItem, ctx) => {
    if (method !== 'get') return;
    const success = Object.entries<any>(operation.responses ?? {}).find(([status]) => /^2/.test(status));
    const schema = deref(success ? deref(success[1], ctx)?.content?.['application/json']?.schema : undefined, ctx);
    if (schema?.type === 'array') {
      ctx.report({ message: `${keyOf(method, path)} returns a bare array; return an object {items, next_cursor}.`, location: ctx.location.child([method, 'responses', success![0]]) });
      return;
    }
    if (!lists.has(keyOf(method, path))) return;
    const names = new Set(parametersOf(pathItem, operation, ctx).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name));
    for (const name of ['limit', 'cursor']) {
      if (!names.has(name)) ctx.report({ message: `${keyOf(method, path)} is a list: accept the \`${name}\` query parameter.`, location: ctx.location.child([method]) });
    }
    const properties = schema?.properties ?? {};
    if (!('items' in properties) || !('next_cursor' in properties)) {
      ctx.report({ message: `${keyOf(method, path)} is a list: respond with {items, next_cursor}.`, location: ctx.location.child([method, 'responses']) });
    }
  });
}

const MAGI_RULES = {
  'error-media-type': (options: Json) => errorMediaType(options)(),
  'rate-limit-429': () => rateLimit429(),
  'idempotency-key': (options: Json) => idempotencyKey(options)(),
  'list-pagination': (options: Json) => listPagination(options)(),
};

const PATH_VARIABLE = /^{.+?}$/;

/** Redocly's no-ambiguous-paths test for two paths' segments: as many variables, and equal text wherever both have text. */
function ambiguousPaths(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  let aVars = 0;
  let bVars = 0;
  let ambiguous = true;
  for (let index = 0; index < a.length; index++) {
    const aIsVar = PATH_VARIABLE.test(a[index]);
    const bIsVar = PATH_VARIABLE.test(b[index]);
    if (aIsVar || bIsVar) {
      if (aIsVar) aVars++;
      if (bIsVar) bVars++;
    } else if (a[index] !== b[index]) ambiguous = false;
  }
  return ambiguous && aVars === bVars;
}

/**
 * Whether Redocly's no-ambiguous-paths could report anything for these paths.
 * Only paths with as many segments and variables can be ambiguous (two without
 * variables never are: they would be the same key), and only those with the same
 * text wherever all of them have text: the pairs left to compare are few, where
 * the rule compares them all.
 */
export function mayHaveAmbiguousPaths(paths: unknown): boolean {
  if (!paths || typeof paths !== 'object' || Array.isArray(paths)) return true;
  const groups = new Map<string, string[][]>();
  for (const path of Object.keys(paths)) {
    const parts = path.split('/');
    const variables = parts.filter((part) => PATH_VARIABLE.test(part)).length;
    if (variables === 0) continue;
    const key = `${parts.length}/${variables}`;
    const group = groups.get(key);
    if (group) group.push(parts);
    else groups.set(key, [parts]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const literal = group[0].map((_, index) => index).filter((index) => group.every((parts) => !PATH_VARIABLE.test(parts[index])));
    const buckets = new Map<string, string[][]>();
    for (const parts of group) {
      const key = JSON.stringify(literal.map((index) => parts[index]));
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [parts]);
        continue;
      }
      if (bucket.some((other) => ambiguousPaths(other, parts))) return true;
      bucket.push(parts);
    }
  }
  return false;
}

function normalisePointer(pointer: string): string {
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
}

/** Lint OpenAPI text. `expectations` names what the contract promised (retry-safe ops, lists, owned parts). */
export type OpenApiLinter = (text: string, expectations?: ContractExpectations, absoluteRef?: string) => Promise<Problem[]>;

let linter: OpenApiLinter = lintOpenApiHere;

/**
 * Lets the CLI run the lint elsewhere (a worker thread that loaded the linter
 * while the main thread read the repo); the rules and the result are the same.
 */
export function useOpenApiLinter(next: OpenApiLinter): void {
  linter = next;
}

export function lintOpenApi(text: string, expectations?: ContractExpectations, absoluteRef = 'openapi.yaml'): Promise<Problem[]> {
  return linter(text, expectations, absoluteRef);
}

/** One Redocly config per set of rule options: building one normalises every rule's types (tens of ms). */
const configs = new Map<string, Promise<Config>>();

function configFor(skipAmbiguousPaths: boolean, expectations?: ContractExpectations): Promise<Config> {
  const retrySafe = expectations?.retrySafe ?? [];
  const lists = expectations?.lists ?? [];
  const errorMedia = expectations?.errorMediaType;
  const key = JSON.stringify([skipAmbiguousPaths, retrySafe, lists, errorMedia]);
  let config = configs.get(key);
  if (!config) {
    config = import('@redocly/openapi-core').then((module) =>
      namedExports(module, 'createConfig').createConfig({
        extends: ['recommended'],
        plugins: [{ id: 'magi', rules: { oas3: MAGI_RULES as any } }],
        rules: {
          // Off only when it would report nothing: it compares every pair of paths (seconds on thousands of them).
          ...(skipAmbiguousPaths ? { 'no-ambiguous-paths': 'off' } : {}),
          'magi/error-media-type': { severity: 'error', ...(errorMedia ? { mediaType: errorMedia } : {}) },
          'magi/rate-limit-429': 'error',
          'magi/idempotency-key': { severity: 'error', operations: retrySafe },
          'magi/list-pagination': { severity: 'error', operations: lists },
        },
      } as any),
    );
    configs.set(key, config);
  }
  return config;
}

/**
 * A small contract with the parts a generated one has (a list, a create with an idempotency key,
 * shared responses, a schema): the warm-up lint runs the rules the real one will.
 */
const WARM_UP = `openapi: 3.1.0
info: { title: warm-up, version: 1.0.0, license: { name: MIT, identifier: MIT } }
servers: [{ url: "/" }]
security: [{ bearerAuth: [] }]
paths:
  /v1/things:
    get:
      operationId: listThings
      summary: Lists things.
      parameters:
        - { name: limit, in: query, schema: { type: integer } }
        - { name: cursor, in: query, schema: { type: string } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { items: { type: array, items: { $ref: "#/components/schemas/Thing" } }, next_cursor: { type: string } } }
        "429": { $ref: "#/components/responses/TooManyRequests" }
    post:
      operationId: createThing
      summary: Creates a thing.
      parameters:
        - { name: Idempotency-Key, in: header, required: true, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Thing" }
      responses:
        "201": { description: created, content: { application/json: { schema: { $ref: "#/components/schemas/Thing" } } } }
        "409": { $ref: "#/components/responses/Problem" }
        "422": { $ref: "#/components/responses/Problem" }
        "429": { $ref: "#/components/responses/TooManyRequests" }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
  schemas:
    Thing: { type: object, required: [id], properties: { id: { type: string, format: uuid } }, additionalProperties: false }
  responses:
    Problem: { description: problem, content: { application/problem+json: { schema: { type: object } } } }
    TooManyRequests: { description: slow down, headers: { Retry-After: { schema: { type: integer } } }, content: { application/problem+json: { schema: { type: object } } } }
`;

/** Loads the linter and runs it once on a small contract, so the real lint finds its code loaded and warm. */
export async function warmOpenApiLinter(): Promise<void> {
  await lintOpenApiHere(WARM_UP, { retrySafe: ['POST /v1/things'], lists: ['GET /v1/things'] });
}

export async function lintOpenApiHere(text: string, expectations?: ContractExpectations, absoluteRef = 'openapi.yaml'): Promise<Problem[]> {
  const redocly = namedExports(await import('@redocly/openapi-core'), 'createConfig');
  let data: Json | null;
  try {
    // Parsed once, by Redocly's own reader: the checks below and the lint see the same values.
    data = redocly.parseYaml(text, { filename: absoluteRef }) as Json | null;
  } catch (error) {
    const { reason, mark } = error as YAMLException;
    return [{ severity: 'error', message: `YAML: ${reason ?? (error as Error).message.split('\n')[0]}`, location: mark ? `${mark.line + 1}:${mark.column + 1}` : '#/' }];
  }
  if (!data || typeof data !== 'object' || typeof data.openapi !== 'string') {
    return [{ severity: 'error', message: 'Not an OpenAPI document: no `openapi` field.', location: '#/' }];
  }
  if (!data.openapi.startsWith('3.1')) {
    return [{ severity: 'error', message: `Expected OpenAPI 3.1, found ${data.openapi}.`, location: '#/openapi' }];
  }

  const { lintDocument, getLineColLocation, Source, BaseResolver } = redocly;
  const config = await configFor(!mayHaveAmbiguousPaths(data.paths), expectations);
  const found = await lintDocument({
    document: { source: new Source(absoluteRef, text), parsed: data },
    config: config.styleguide,
    externalRefResolver: new BaseResolver(config.resolve),
  });

  const owned = expectations?.owned?.map(normalisePointer);
  const problems = found.map((problem) => {
    const location = problem.location[0];
    const pointer = normalisePointer(location?.pointer ?? '#/');
    const inOwnedPart = !owned || owned.some((prefix) => pointer === prefix || pointer.startsWith(prefix + '/'));
    const severity: Problem['severity'] = problem.severity === 'error' && inOwnedPart ? 'error' : 'warning';
    const prefix = inOwnedPart ? '' : '(existing part of the file) ';
    return { severity, text: `${prefix}${problem.ruleId}: ${problem.message}`, location, pointer };
  });
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return problems.map(({ severity, text, location, pointer }, index): Problem => {
    let line = '';
    // Only errors are shown (a refused run names its first five), so only they get a line: Redocly
    // builds a second syntax tree of the whole text for it and scans the text from its start each time.
    if (location && severity === 'error' && index < LINED_ERRORS) {
      try {
        line = ` (line ${getLineColLocation(location).start.line})`;
      } catch {
        // A location Redocly cannot map to a line still has its pointer.
      }
    }
    return { severity, message: `${text}${line}`, location: pointer };
  });
}

/** Errors that get a line number: the ones a refused run names. */
const LINED_ERRORS = 5;
