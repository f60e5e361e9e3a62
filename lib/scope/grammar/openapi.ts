// OpenAPI 3.0/3.1 and Swagger 2.0 documents (a spec's ```yaml fence, a
// contracts/*.yaml file) read into REST operations with their fields, keeping
// the document line of every method and property key.
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Pair, parseDocument, type YAMLMap } from 'yaml';
import type { Field, FieldType, Operation } from '../../types.js';
import { emptyOperation } from '../operations.js';
import { isCollectionPath, isWebhookPath, normalizePath, pathParams, restOperationName } from '../naming.js';

export interface OpenApiRead {
  operations: Operation[];
  basePath?: string;
  title?: string;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const FIELD_TYPES = new Set<FieldType>(['string', 'integer', 'number', 'boolean', 'object', 'array']);
/** Property names that wrap a page of items: `{ data: [...], nextCursor }`. */
const ENVELOPE_KEYS = new Set(['data', 'items', 'results', 'records', 'entries', 'rows', 'list', 'content', 'nodes', 'edges', 'values', 'elements']);
/** Envelope siblings that describe the page rather than the item. */
const PAGE_KEYS = /^(?:next|prev|previous)?(?:cursor|page|pages|token|link|links|url)?$|^(?:total|count|limit|offset|size|page|pages|per_?page|page_?size|has_?more|has_?next|has_?previous|is_?last|next_?page_?token|meta|pagination|paging|links|_links|total_?count|total_?pages|next|prev|previous|cursor|next_?cursor|prev_?cursor)$/i;
const MAX_DEPTH = 32;

/** A property as found in a (merged) object schema. */
interface Property {
  name: string;
  key: unknown;
  schema: unknown;
}

interface Shape {
  properties: Property[];
  required: Set<string>;
}

/** The document and how to turn offsets into document lines. */
class Reader {
  constructor(
    private readonly doc: Document,
    private readonly counter: LineCounter,
    private readonly firstLine: number,
  ) {}

  /** Follows YAML aliases (`*anchor`). */
  node(value: unknown): unknown {
    let current = value;
    for (let depth = 0; isAlias(current) && depth < MAX_DEPTH; depth++) current = current.resolve(this.doc);
    return isAlias(current) ? undefined : current;
  }

  map(value: unknown): YAMLMap | undefined {
    const node = this.node(value);
    return isMap(node) ? node : undefined;
  }

  list(value: unknown): unknown[] {
    const node = this.node(value);
    return isSeq(node) ? node.items : [];
  }

  pairs(value: unknown): Pair[] {
    return this.map(value)?.items ?? [];
  }

  keyOf(pair: Pair): string {
    const key = this.node(pair.key);
    return isScalar(key) ? String(key.value) : String(key);
  }

  pair(value: unknown, key: string): Pair | undefined {
    return this.pairs(value).find((pair) => this.keyOf(pair) === key);
  }

  get(value: unknown, key: string): unknown {
    const pair = this.pair(value, key);
    return pair ? this.node(pair.value) : undefined;
  }

  /** A scalar's JS value (or a flow sequence of scalars as an array). */
  value(value: unknown, key: string): unknown {
    const node = this.get(value, key);
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return node.items.map((item) => {
      const scalar = this.node(item);
      return isScalar(scalar) ? scalar.value : undefined;
    });
    return undefined;
  }

  string(value: unknown, key: string): string | undefined {
    const found = this.value(value, key);
    return typeof found === 'string' ? found : typeof found === 'number' || typeof found === 'boolean' ? String(found) : undefined;
  }

  number(value: unknown, key: string): number | undefined {
    const found = this.value(value, key);
    return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
  }

  /** Document line of a node or of a pair's key. */
  line(value: unknown, fallback: number): number {
    const node = isPair(value) ? value.key : value;
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (!range) return fallback;
    return this.firstLine + this.counter.linePos(range[0]).line - 1;
  }

  /** A local `$ref` (`#/components/schemas/X`, `#/definitions/X`); undefined for another file's. */
  pointer(ref: string): unknown {
    if (!ref.startsWith('#')) return undefined;
    let current: unknown = this.doc.contents;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      let segment = raw;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        // keep the raw segment
      }
      segment = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      const node = this.node(current);
      if (isMap(node)) current = this.get(node, segment);
      else if (isSeq(node) && /^\d+$/.test(segment)) current = this.node(node.items[Number(segment)]);
      else return undefined;
      if (current === undefined) return undefined;
    }
    return this.node(current);
  }

  /** Follows a chain of `$ref`s to the map it ends at; undefined on a cycle or an unresolvable ref. */
  deref(value: unknown): YAMLMap | undefined {
    const seen = new Set<unknown>();
    let current = this.map(value);
    while (current) {
      if (seen.has(current)) return undefined;
      seen.add(current);
      const ref = this.string(current, '$ref');
      if (ref === undefined) return current;
      current = this.map(this.pointer(ref));
    }
    return undefined;
  }
}

/** `http://localhost:3001/api` → `/api`; `{scheme}://host/v1` → `/v1`; `/` → undefined. */
function serverPath(reader: Reader, server: unknown): string | undefined {
  const url = reader.string(server, 'url');
  if (url === undefined) return undefined;
  let path = url.trim().replace(/^[^/?#]*:\/\/[^/?#]*/, '').replace(/^\/\/[^/?#]*/, '').replace(/[?#].*$/, '');
  const variables = reader.get(server, 'variables');
  path = path.replace(/\{([^}]+)\}/g, (whole, name: string) => reader.string(reader.get(variables, name), 'default') ?? whole);
  return cleanBase(path);
}

function cleanBase(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let path = raw.trim();
  if (!path.startsWith('/')) path = `/${path}`;
  path = path.replace(/\/+$/, '');
  return path ? path : undefined;
}

function firstLineOf(text: string | undefined): string | undefined {
  const line = text?.split(/\r?\n/).map((part) => part.trim()).find(Boolean);
  return line || undefined;
}

class OperationReader {
  constructor(private readonly r: Reader) {}

  /** Looks `key` up in a schema, then through its `$ref`, `allOf` parts and single non-null `anyOf`/`oneOf` variant. */
  lookup(schema: unknown, key: string, depth = 0, seen = new Set<unknown>()): unknown {
    const node = this.r.map(schema);
    if (!node || depth > MAX_DEPTH || seen.has(node)) return undefined;
    seen.add(node);
    const own = this.r.get(node, key);
    if (own !== undefined) return own;
    const ref = this.r.string(node, '$ref');
    if (ref !== undefined) {
      const found = this.lookup(this.r.pointer(ref), key, depth + 1, seen);
      if (found !== undefined) return found;
    }
    for (const part of this.r.list(this.r.get(node, 'allOf'))) {
      const found = this.lookup(part, key, depth + 1, seen);
      if (found !== undefined) return found;
    }
    const variant = this.singleVariant(node);
    return variant === undefined ? undefined : this.lookup(variant, key, depth + 1, seen);
  }

  lookupValue(schema: unknown, key: string): unknown {
    const node = this.lookup(schema, key);
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return node.items.map((item) => {
      const scalar = this.r.node(item);
      return isScalar(scalar) ? scalar.value : undefined;
    });
    return undefined;
  }

  /** `anyOf: [X, {type: 'null'}]` → X. */
  singleVariant(node: YAMLMap): unknown {
    for (const key of ['anyOf', 'oneOf']) {
      const variants = this.r.list(this.r.get(node, key)).filter((variant) => this.r.deref(variant) && !this.isNull(variant));
      if (variants.length === 1) return variants[0];
    }
    return undefined;
  }

  isNull(schema: unknown): boolean {
    const target = this.r.deref(schema);
    const type = target ? this.r.value(target, 'type') : undefined;
    return type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null');
  }

  typeOf(schema: unknown): FieldType | undefined {
    const raw = this.lookupValue(schema, 'type');
    const names = (Array.isArray(raw) ? raw : [raw]).filter((name): name is string => typeof name === 'string' && name !== 'null');
    for (const name of names) {
      if (FIELD_TYPES.has(name as FieldType)) return name as FieldType;
      if (name === 'file') return 'string';
    }
    if (this.lookup(schema, 'properties') !== undefined || this.lookup(schema, 'additionalProperties') !== undefined) return 'object';
    if (this.lookup(schema, 'items') !== undefined) return 'array';
    return undefined;
  }

  /** Properties and `required` of an object schema, `allOf` parts merged. */
  shape(schema: unknown, depth = 0, stack = new Set<unknown>()): Shape {
    const result: Shape = { properties: [], required: new Set() };
    const node = this.r.deref(schema);
    if (!node || depth > MAX_DEPTH || stack.has(node)) return result;
    stack.add(node);
    const merge = (other: Shape): void => {
      for (const property of other.properties) this.addProperty(result, property);
      for (const name of other.required) result.required.add(name);
    };
    for (const part of this.r.list(this.r.get(node, 'allOf'))) merge(this.shape(part, depth + 1, stack));
    const variant = this.singleVariant(node);
    if (variant !== undefined) merge(this.shape(variant, depth + 1, stack));
    for (const pair of this.r.pairs(this.r.get(node, 'properties'))) {
      this.addProperty(result, { name: this.r.keyOf(pair), key: pair.key, schema: this.r.node(pair.value) });
    }
    for (const name of this.r.list(this.r.get(node, 'required'))) {
      const scalar = this.r.node(name);
      if (isScalar(scalar) && typeof scalar.value === 'string') result.required.add(scalar.value);
    }
    stack.delete(node);
    return result;
  }

  addProperty(shape: Shape, property: Property): void {
    const index = shape.properties.findIndex((existing) => existing.name === property.name);
    if (index >= 0) shape.properties[index] = property;
    else shape.properties.push(property);
  }

  /** The item schema of an array schema. */
  items(schema: unknown): unknown {
    return this.typeOf(schema) === 'array' ? this.lookup(schema, 'items') : undefined;
  }

  /** Schema attributes as a Field (name, line and required set by the caller). */
  field(name: string, line: number, schema: unknown, required: boolean, description?: string): Field {
    const field: Field = { name, line };
    const type = this.typeOf(schema);
    if (type) field.type = type;
    if (type === 'array') {
      const itemType = this.typeOf(this.lookup(schema, 'items'));
      if (itemType) field.items = itemType;
    }
    if (required) field.required = true;
    const values = this.lookupValue(schema, 'enum');
    if (Array.isArray(values)) {
      const strings = values.filter((value) => value !== null && value !== undefined).map(String);
      if (strings.length) field.enum = strings;
    }
    const number = (key: string): number | undefined => {
      const value = this.lookupValue(schema, key);
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    };
    const minimum = number('minimum');
    const maximum = number('maximum');
    const exclusiveMinimum = this.lookupValue(schema, 'exclusiveMinimum');
    const exclusiveMaximum = this.lookupValue(schema, 'exclusiveMaximum');
    // 3.1 states exclusive bounds as numbers; 3.0 and Swagger 2 as a flag on minimum/maximum.
    if (typeof exclusiveMinimum === 'number') field.exclusiveMinimum = exclusiveMinimum;
    if (minimum !== undefined) {
      if (exclusiveMinimum === true) field.exclusiveMinimum = minimum;
      else field.minimum = minimum;
    }
    if (typeof exclusiveMaximum === 'number') field.exclusiveMaximum = exclusiveMaximum;
    if (maximum !== undefined) {
      if (exclusiveMaximum === true) field.exclusiveMaximum = maximum;
      else field.maximum = maximum;
    }
    const minLength = number('minLength');
    const maxLength = number('maxLength');
    if (minLength !== undefined) field.minLength = minLength;
    if (maxLength !== undefined) field.maxLength = maxLength;
    const format = this.lookupValue(schema, 'format');
    if (typeof format === 'string') field.format = format;
    const fallback = this.lookup(schema, 'default');
    if (fallback !== undefined) {
      let value: unknown;
      try {
        value = isScalar(fallback) ? fallback.value : (fallback as { toJSON?: () => unknown }).toJSON?.();
      } catch {
        value = undefined;
      }
      if (value !== null && value !== undefined) field.default = typeof value === 'string' ? value : JSON.stringify(value);
    }
    const text = description ?? this.lookupValue(schema, 'description');
    if (typeof text === 'string' && text.trim()) field.description = text.trim();
    return field;
  }

  /** Fields of an object schema (an array's item object when the schema is an array). */
  fields(schema: unknown, skip?: 'readOnly' | 'writeOnly'): Field[] {
    const items = this.items(schema);
    const shape = this.shape(items ?? schema);
    const fields: Field[] = [];
    for (const property of shape.properties) {
      if (skip && this.lookupValue(property.schema, skip) === true) continue;
      const line = this.r.line(property.key, 0);
      fields.push(this.field(property.name, line, property.schema, shape.required.has(property.name)));
    }
    return fields;
  }

  /** The JSON media type's schema of a 3.x `content` map (another media type's when there is no JSON). */
  contentSchema(content: unknown): unknown {
    const media = this.r.pairs(content);
    const json = media.find((pair) => this.r.keyOf(pair).toLowerCase().split(';')[0].trim() === 'application/json')
      ?? media.find((pair) => /[/+]json$/i.test(this.r.keyOf(pair).split(';')[0].trim()))
      ?? media.find((pair) => this.r.get(pair.value, 'schema') !== undefined);
    return json ? this.r.get(json.value, 'schema') : undefined;
  }

  /** Path-level and operation-level parameters (the operation's win), refs resolved. */
  parameters(pathItem: unknown, operation: unknown): YAMLMap[] {
    const byKey = new Map<string, YAMLMap>();
    for (const source of [pathItem, operation]) {
      for (const item of this.r.list(this.r.get(source, 'parameters'))) {
        const parameter = this.r.deref(item);
        if (!parameter) continue;
        const name = this.r.string(parameter, 'name') ?? '';
        const location = (this.r.string(parameter, 'in') ?? '').toLowerCase();
        byKey.set(`${location}:${location === 'header' ? name.toLowerCase() : name}`, parameter);
      }
    }
    return [...byKey.values()];
  }

  parameterSchema(parameter: YAMLMap): unknown {
    return this.r.get(parameter, 'schema') ?? this.contentSchema(this.r.get(parameter, 'content')) ?? parameter;
  }

  /**
   * Response item fields: the schema's own properties, or the items of an
   * array schema, or of an envelope's single array property (`{ data: [...] }`).
   */
  response(schema: unknown, path: string): { fields: Field[]; list: boolean } {
    if (this.typeOf(schema) === 'array') return { fields: this.fields(schema, 'writeOnly'), list: true };
    const shape = this.shape(schema);
    const arrays = shape.properties.filter((property) => this.typeOf(property.schema) === 'array');
    if (arrays.length === 1) {
      const [array] = arrays;
      const items = this.lookup(array.schema, 'items');
      const itemShape = this.shape(items);
      const resource = path.split('/').filter((segment) => segment && !segment.startsWith('{')).pop() ?? '';
      const squash = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
      const envelope = ENVELOPE_KEYS.has(array.name.toLowerCase())
        || (resource !== '' && squash(array.name) === squash(resource))
        || shape.properties.every((property) => property === array || PAGE_KEYS.test(property.name));
      if (envelope && itemShape.properties.length > 0) return { fields: this.fields(items, 'writeOnly'), list: true };
    }
    return { fields: this.fields(schema, 'writeOnly'), list: false };
  }

  /** The first 2xx response that carries a schema. */
  successSchema(operation: unknown, swagger: boolean): unknown {
    for (const pair of this.r.pairs(this.r.get(operation, 'responses'))) {
      if (!/^2(?:\d\d|xx)$/i.test(this.r.keyOf(pair))) continue;
      const response = this.r.deref(pair.value);
      if (!response) continue;
      const schema = swagger ? this.r.get(response, 'schema') : this.contentSchema(this.r.get(response, 'content'));
      if (schema !== undefined) return schema;
    }
    return undefined;
  }

  read(method: string, rawPath: string, basePath: string | undefined, methodPair: Pair, pathItem: unknown, swagger: boolean): Operation {
    const r = this.r;
    const node = r.map(methodPair.value);
    const upper = method.toUpperCase();
    const joined = (basePath ?? '') + (rawPath.startsWith('/') ? rawPath : `/${rawPath}`);
    const path = normalizePath(joined).path;
    const op = emptyOperation('rest', '', r.line(methodPair, 0));
    op.method = upper;
    op.path = path;
    op.pathParams = pathParams(path);

    const parameters = this.parameters(pathItem, node);
    const body: Field[] = [];
    let bodySchema: unknown;
    for (const parameter of parameters) {
      const location = (r.string(parameter, 'in') ?? '').toLowerCase();
      const name = r.string(parameter, 'name') ?? '';
      const line = r.line(r.pair(parameter, 'name') ?? parameter, op.line);
      const description = r.string(parameter, 'description');
      const required = r.value(parameter, 'required') === true;
      if (location === 'query' && name) {
        op.queryParams.push(this.field(name, line, this.parameterSchema(parameter), required, description));
      } else if (location === 'header' && name.toLowerCase() === 'idempotency-key') {
        op.retrySafe = true;
      } else if (location === 'body') {
        bodySchema = r.get(parameter, 'schema');
      } else if (location === 'formdata' && name) {
        body.push(this.field(name, line, parameter, required, description));
      }
    }
    if (!swagger) {
      const requestBody = r.deref(r.get(node, 'requestBody'));
      if (requestBody) bodySchema = this.contentSchema(r.get(requestBody, 'content'));
    }
    op.requestFields = bodySchema !== undefined ? this.fields(bodySchema, 'readOnly') : body;

    const responseSchema = this.successSchema(node, swagger);
    let list = false;
    if (responseSchema !== undefined) {
      const response = this.response(responseSchema, path);
      op.responseFields = response.fields;
      list = response.list;
    }
    if (upper === 'GET' && isCollectionPath(path)) list = true;
    op.list = list;

    const operationId = r.string(node, 'operationId')?.trim();
    // Generated names leave the server base out: `/permits-api/v2/zones` names like `/zones`.
    const local = normalizePath(rawPath.startsWith('/') ? rawPath : `/${rawPath}`).path;
    op.name = operationId || restOperationName(upper, local, { list, webhook: upper === 'POST' && isWebhookPath(path) });
    const summary = r.string(node, 'summary')?.trim() || firstLineOf(r.string(node, 'description'))
      || r.string(pathItem, 'summary')?.trim() || firstLineOf(r.string(pathItem, 'description'));
    if (summary) op.summary = summary;
    const security = r.get(node, 'security');
    if (isSeq(security) && security.items.length === 0) op.unauthenticated = true;
    return op;
  }
}

/**
 * Reads an OpenAPI 3.0/3.1 or Swagger 2.0 document (YAML or JSON) into REST
 * operations. `firstLine` is the document line of the text's first line.
 * Undefined when the text is not such a document or does not parse.
 */
export function readOpenApi(text: string, firstLine: number): OpenApiRead | undefined {
  try {
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length > 0) return undefined;
    const r = new Reader(doc, counter, firstLine);
    const root = r.map(doc.contents);
    if (!root) return undefined;
    const openapi = r.string(root, 'openapi');
    const swaggerVersion = r.string(root, 'swagger');
    if (openapi === undefined && swaggerVersion === undefined) return undefined;
    const paths = r.map(r.get(root, 'paths'));
    if (!paths) return undefined;
    const swagger = openapi === undefined;

    const basePath = swagger
      ? cleanBase(r.string(root, 'basePath'))
      : serverPath(r, r.list(r.get(root, 'servers'))[0]);
    const title = r.string(r.get(root, 'info'), 'title')?.trim() || undefined;

    const reader = new OperationReader(r);
    const operations: Operation[] = [];
    for (const pathPair of paths.items) {
      const rawPath = r.keyOf(pathPair);
      if (rawPath.startsWith('x-')) continue;
      const pathItem = r.deref(pathPair.value);
      if (!pathItem) continue;
      for (const methodPair of pathItem.items) {
        const method = r.keyOf(methodPair).toLowerCase();
        if (!METHODS.has(method) || !r.map(methodPair.value)) continue;
        const op = reader.read(method, rawPath, basePath, methodPair, pathItem, swagger);
        // The line that writes the path is where the operation is stated (the method key only says which).
        op.line = r.line(pathPair, op.line);
        operations.push(op);
      }
    }
    const result: OpenApiRead = { operations };
    if (basePath) result.basePath = basePath;
    if (title) result.title = title;
    return result;
  } catch {
    return undefined;
  }
}
