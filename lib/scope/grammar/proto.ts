// Protocol Buffers fences and inline rpc signatures read with protobufjs's own
// parser. protobufjs keeps no source positions for rpcs, messages or fields,
// so their lines are found by locating the declaration in the text (comments
// and strings blanked first), in declaration order.
import { createRequire } from 'node:module';
import type * as ProtobufJs from 'protobufjs';
import type { Enum, Field as ProtoField, Method, Namespace, NamespaceBase, ReflectionObject, Root, Service, Type } from 'protobufjs';
import type { Field, FieldType, Operation } from '../../types.js';
import { emptyOperation } from '../operations.js';

// protobufjs is loaded on first use: only a document with proto in it needs it.
const load = createRequire(import.meta.url);
let protobufModule: typeof ProtobufJs | undefined;
function protobuf(): typeof ProtobufJs {
  return (protobufModule ??= load('protobufjs') as typeof ProtobufJs);
}

export interface ProtoHttpRule {
  /** Upper-case HTTP method (`POST`), or the custom verb as written. */
  method: string;
  /** The path template as written (`/v1/{name=stocks/*}:reserve`). */
  path: string;
}

export interface ProtoRead {
  operations: Operation[];
  /** Message fields by message name (nested messages by their own name too). */
  messages: Map<string, Field[]>;
  /** Enum value names by enum name. */
  enums: Map<string, string[]>;
  services: Array<{ name: string; line: number }>;
  /** `option (google.api.http)` of an rpc, by rpc name (the first binding). */
  httpRules: Map<string, ProtoHttpRule>;
}

const PARSE_OPTIONS = { keepCase: true, alternateCommentMode: true };

const INTEGER_64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const INTEGER_32 = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
/** Well-known types with a JSON mapping of their own. */
const WELL_KNOWN: Record<string, { type: FieldType; format?: string }> = {
  'google.protobuf.Timestamp': { type: 'string', format: 'date-time' },
  'google.protobuf.StringValue': { type: 'string' },
  'google.protobuf.BytesValue': { type: 'string', format: 'byte' },
  'google.protobuf.BoolValue': { type: 'boolean' },
  'google.protobuf.Int32Value': { type: 'integer' },
  'google.protobuf.UInt32Value': { type: 'integer' },
  'google.protobuf.Int64Value': { type: 'integer', format: 'int64' },
  'google.protobuf.UInt64Value': { type: 'integer', format: 'int64' },
  'google.protobuf.FloatValue': { type: 'number' },
  'google.protobuf.DoubleValue': { type: 'number' },
};
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function scalarOf(type: string): { type: FieldType; format?: string } | undefined {
  if (INTEGER_64.has(type)) return { type: 'integer', format: 'int64' };
  if (INTEGER_32.has(type)) return { type: 'integer' };
  if (type === 'float' || type === 'double') return { type: 'number' };
  if (type === 'bool') return { type: 'boolean' };
  if (type === 'string') return { type: 'string' };
  if (type === 'bytes') return { type: 'string', format: 'byte' };
  return WELL_KNOWN[type.replace(/^\./, '')];
}

/** Comments and string literals replaced by spaces, newlines kept, so offsets and lines stay. */
function blankNoise(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (match) => match.replace(/[^\n]/g, ' '));
}

function escapeName(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds declarations in order: each search starts after the previous hit of the same pattern family. */
class Locator {
  private readonly cursors = new Map<string, number>();
  constructor(
    private readonly text: string,
    private readonly firstLine: number,
  ) {}

  /** Offset of `<keyword> <name>` after the last one found for `keyword`, else from the start. */
  find(keyword: string, name: string): number | undefined {
    const pattern = new RegExp(`\\b${keyword}\\s+${escapeName(name)}\\b`, 'g');
    pattern.lastIndex = this.cursors.get(keyword) ?? 0;
    const match = pattern.exec(this.text) ?? ((pattern.lastIndex = 0), pattern.exec(this.text));
    if (!match) return undefined;
    this.cursors.set(keyword, match.index + match[0].length);
    return match.index;
  }

  /** Offset of field `name = id` at or after `from`. */
  field(name: string, id: number, from: number): number | undefined {
    const pattern = new RegExp(`\\b${escapeName(name)}\\s*=\\s*${id}\\b`, 'g');
    pattern.lastIndex = from;
    return pattern.exec(this.text)?.index;
  }

  line(offset: number | undefined, fallback: number): number {
    if (offset === undefined) return fallback;
    let count = 0;
    for (let at = this.text.indexOf('\n'); at !== -1 && at < offset; at = this.text.indexOf('\n', at + 1)) count++;
    return this.firstLine + count;
  }
}

/** The enum or message a field's type names, resolved from the field's scope outwards. */
function resolve(scope: Namespace, type: string): Type | Enum | undefined {
  try {
    const found = scope.lookup(type, [protobuf().Type, protobuf().Enum]);
    return found instanceof protobuf().Type || found instanceof protobuf().Enum ? found : undefined;
  } catch {
    return undefined;
  }
}

function toField(field: ProtoField, scope: Namespace, line: number): Field {
  const out: Field = { name: field.name, line };
  if (field instanceof protobuf().MapField) {
    out.type = 'object';
    out.description = `map<${field.keyType}, ${field.type}>`;
    return out;
  }
  const scalar = scalarOf(field.type);
  const target = scalar ? undefined : resolve(scope, field.type);
  const enumValues = target instanceof protobuf().Enum ? Object.keys(target.values) : undefined;
  const mapped: FieldType = scalar?.type ?? (enumValues ? 'string' : 'object');
  if (field.repeated) {
    out.type = 'array';
    out.items = mapped;
  } else {
    out.type = mapped;
    if (scalar?.format) out.format = scalar.format;
  }
  if (enumValues) out.enum = enumValues;
  if (!scalar && !enumValues) out.description = field.type;
  if (field.required) out.required = true;
  else if (field.rule === 'optional' || field.options?.proto3_optional === true) out.required = false;
  return out;
}

function parseQuietly(text: string): Root | undefined {
  // protobufjs reads a file without `syntax` as proto2 (labels required); a spec
  // fragment without it is nearly always proto3. Prepended on the first line, so lines stay.
  const hasSyntax = /^\s*(?:syntax|edition)\s*=/m.test(blankNoise(text));
  try {
    return protobuf().parse(hasSyntax ? text : `syntax = "proto3"; ${text}`, PARSE_OPTIONS).root;
  } catch {
    return undefined;
  }
}

/** Every object in declaration order, depth first. */
function walk(namespace: NamespaceBase, visit: (object: ReflectionObject) => void): void {
  for (const object of namespace.nestedArray) {
    visit(object);
    if (object instanceof protobuf().Namespace) walk(object, visit);
  }
}

function httpRuleOf(method: Method): ProtoHttpRule | undefined {
  for (const option of method.parsedOptions ?? []) {
    const rule = (option as Record<string, unknown>)['(google.api.http)'];
    if (!rule || typeof rule !== 'object') continue;
    const entries = rule as Record<string, unknown>;
    for (const verb of HTTP_METHODS) if (typeof entries[verb] === 'string') return { method: verb.toUpperCase(), path: entries[verb] as string };
    const custom = entries.custom as Record<string, unknown> | undefined;
    if (custom && typeof custom.kind === 'string' && typeof custom.path === 'string') return { method: custom.kind, path: custom.path };
  }
  return undefined;
}

function summaryOf(method: Method): string {
  return `rpc ${method.name}(${method.requestStream ? 'stream ' : ''}${method.requestType}) returns (${method.responseStream ? 'stream ' : ''}${method.responseType})`;
}

/** Message fields by name; a dotted name (`inv.v1.Reservation`) also by its last part. */
function lookupFields(messages: Map<string, Field[]>, name: string): Field[] {
  const fields = messages.get(name) ?? messages.get(name.replace(/^\./, '').split('.').pop() ?? name);
  return fields ? fields.map((field) => (field.enum ? { ...field, enum: [...field.enum] } : { ...field })) : [];
}

/**
 * Reads a .proto text (a fence, a contracts file): services and their rpcs,
 * messages with their fields, enums, and `google.api.http` rules. `firstLine`
 * is the document line of the text's first line. Undefined when it does not parse.
 */
export function readProto(text: string, firstLine: number): ProtoRead | undefined {
  const root = parseQuietly(text);
  if (!root) return undefined;
  const locator = new Locator(blankNoise(text), firstLine);
  const read: ProtoRead = { operations: [], messages: new Map(), enums: new Map(), services: [], httpRules: new Map() };
  const services: Service[] = [];

  walk(root, (object) => {
    if (object instanceof protobuf().Enum) {
      if (!read.enums.has(object.name)) read.enums.set(object.name, Object.keys(object.values));
    } else if (object instanceof protobuf().Type) {
      const at = locator.find('message', object.name);
      const messageLine = locator.line(at, firstLine);
      const fields = object.fieldsArray.map((field) => toField(field, object, locator.line(locator.field(field.name, field.id, at ?? 0), messageLine)));
      if (!read.messages.has(object.name)) read.messages.set(object.name, fields);
    } else if (object instanceof protobuf().Service) {
      services.push(object);
      read.services.push({ name: object.name, line: locator.line(locator.find('service', object.name), firstLine) });
    }
  });

  // After every message is read, so a request declared below its service still has its fields.
  services.forEach((service, index) => {
    for (const method of service.methodsArray) {
      const op = emptyOperation('grpc', method.name, locator.line(locator.find('rpc', method.name), read.services[index].line));
      op.summary = summaryOf(method);
      op.list = /^List[A-Z]/.test(method.name) || Boolean(method.responseStream);
      op.requestFields = lookupFields(read.messages, method.requestType);
      op.responseFields = lookupFields(read.messages, method.responseType);
      read.operations.push(op);
      const rule = httpRuleOf(method);
      if (rule && !read.httpRules.has(method.name)) read.httpRules.set(method.name, rule);
    }
  });
  return read;
}

const INLINE_RPC = /^(?:rpc\s+)?([A-Za-z_]\w*)\s*\(\s*(?:stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(?:stream\s+)?([\w.]+)\s*\)$/;

/**
 * One rpc written inline in prose: `ReserveStock(ReserveStockRequest) returns
 * (Reservation)`, `rpc WatchStock(WatchRequest) returns (stream Reservation);`.
 * Fields come from `known` (message fields by name) when given. Undefined when
 * it is not one rpc signature.
 */
export function readRpcSignature(text: string, line: number, known?: Map<string, Field[]>): { op: Operation; request: string; response: string } | undefined {
  const body = text.trim().replace(/\s*(?:;|\{\s*\})\s*$/, '').trim();
  const shape = INLINE_RPC.exec(body);
  if (!shape) return undefined;
  const stubs = [...new Set([shape[2], shape[3]])].filter((name) => !name.includes('.'));
  const source = `syntax = "proto3"; service MagiInlineService__ { ${/^rpc\s/.test(body) ? body : `rpc ${body}`}; } ${stubs.map((name) => `message ${name} {}`).join(' ')}`;
  let root: Root;
  try {
    root = protobuf().parse(source, PARSE_OPTIONS).root;
  } catch {
    return undefined;
  }
  const service = root.lookup('MagiInlineService__');
  if (!(service instanceof protobuf().Service) || service.methodsArray.length !== 1) return undefined;
  const method = service.methodsArray[0];
  const op = emptyOperation('grpc', method.name, line);
  op.summary = summaryOf(method);
  op.list = /^List[A-Z]/.test(method.name) || Boolean(method.responseStream);
  if (known) {
    op.requestFields = lookupFields(known, method.requestType);
    op.responseFields = lookupFields(known, method.responseType);
  }
  return { op, request: method.requestType, response: method.responseType };
}
