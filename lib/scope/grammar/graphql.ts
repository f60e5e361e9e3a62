// GraphQL SDL fences and inline field signatures read with graphql-js's own
// parser (no schema build: `extend type`, partial documents and types defined
// in another fence all parse). Every returned item keeps the document line of
// the name that defines it.
//
// OperationKind has no subscription kind, so a subscription field is read as a
// 'graphql-query' whose summary starts with `Subscription` (see isSubscription).
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import type { ConstValueNode, DocumentNode, FieldDefinitionNode, InputValueDefinitionNode, NameNode, TypeNode } from 'graphql';
import type { Field, FieldType, Operation } from '../../types.js';
import { emptyOperation } from '../operations.js';

// graphql-js is loaded on first use: a run whose documents hold no GraphQL never pays for it.
const load = createRequire(import.meta.url);
let graphqlModule: typeof GraphQL | undefined;
function graphql(): typeof GraphQL {
  return (graphqlModule ??= load('graphql') as typeof GraphQL);
}

export interface GraphqlObjectField {
  name: string;
  /** The named type, without list / non-null wrappers (`Task` for `[Task!]!`). */
  type: string;
  line: number;
  required: boolean;
  list: boolean;
}

export interface GraphqlObject {
  name: string;
  line: number;
  fields: GraphqlObjectField[];
}

export interface GraphqlRead {
  operations: Operation[];
  inputs: Map<string, Field[]>;
  enums: Map<string, string[]>;
  /** Object and interface types other than the root operation types and the namespaces read as operations. */
  objects: GraphqlObject[];
}

/** Input types and enums already read (another fence, an earlier document part). */
export interface GraphqlKnown {
  inputs: Map<string, Field[]>;
  enums: Map<string, string[]>;
}

type RootKind = 'query' | 'mutation' | 'subscription';

const SCALARS: Record<string, { type: FieldType; format?: string }> = {
  String: { type: 'string' },
  ID: { type: 'string' },
  Int: { type: 'integer' },
  Float: { type: 'number' },
  Boolean: { type: 'boolean' },
  DateTime: { type: 'string', format: 'date-time' },
  Date: { type: 'string', format: 'date' },
  URL: { type: 'string', format: 'uri' },
  UUID: { type: 'string', format: 'uuid' },
  Email: { type: 'string', format: 'email' },
  JSON: { type: 'object' },
};

/** A type name that reads like a set of operations rather than data. */
const NAMESPACE_NAME = /(?:Query|Mutation|Queries|Mutations|Namespace)$/;
/**
 * Undeclared type names that read like enums (`Role`, `InvitationStatus`). A
 * type the document does not declare and the caller does not know is read as
 * a string (description = the name) when its name looks like this, so `Role!`
 * is never silently an object; any other undeclared name (`TransactionFilter`,
 * `Address`) is read as an input object (type 'object', description = name).
 */
const ENUM_LIKE_NAME = /(?:Role|Status|State|Kind|Type|Level|Tier|Mode|Priority|Visibility|Permission|Scope|Category|Direction|Currency|Stage|Phase|Reason|Severity|Frequency|Interval|Unit|Format|Channel|Provider)$/;
const SUBSCRIPTION_PREFIX = 'Subscription';
const MAX_NAMESPACE_DEPTH = 4;

/** True for an operation read from a Subscription field (kind 'graphql-query', summary `Subscription …`). */
export function isSubscription(op: Pick<Operation, 'kind' | 'summary'>): boolean {
  return op.kind === 'graphql-query' && (op.summary?.startsWith(SUBSCRIPTION_PREFIX) ?? false);
}

/**
 * Parses SDL; a description string that stands alone (a file header written as
 * `"""…"""` before another description) is blanked, lines kept, and the parse retried.
 */
function parseQuietly(text: string): DocumentNode | undefined {
  let source = text;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return graphql().parse(source);
    } catch (error) {
      const at = (error as { positions?: number[] }).positions?.[0];
      if (at === undefined || !/Unexpected (?:Block)?String/.test((error as Error).message)) return undefined;
      const block = source.startsWith('"""', at);
      const end = block ? source.indexOf('"""', at + 3) + 3 : source.indexOf('"', at + 1) + 1;
      if (end <= at) return undefined;
      source = source.slice(0, at) + source.slice(at, end).replace(/[^\n]/g, ' ') + source.slice(end);
    }
  }
  return undefined;
}

/** The named type inside list / non-null wrappers. */
function namedType(type: TypeNode): string {
  return type.kind === graphql().Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function isListType(type: TypeNode): boolean {
  const inner = type.kind === graphql().Kind.NON_NULL_TYPE ? type.type : type;
  return inner.kind === graphql().Kind.LIST_TYPE;
}

/** What the document declares, by name. */
interface Declared {
  enums: Map<string, string[]>;
  inputs: Map<string, Field[]>;
  /** Input types whose fields are still to be read (all of them, declared here). */
  inputNames: Set<string>;
  objects: Set<string>;
  scalars: Set<string>;
}

function scalarOf(name: string, declared: Declared): { type: FieldType; format?: string; enum?: string[]; description?: string } {
  const scalar = SCALARS[name];
  if (scalar) return scalar;
  const values = declared.enums.get(name);
  if (values) return { type: 'string', enum: values };
  if (declared.inputNames.has(name) || declared.inputs.has(name) || declared.objects.has(name)) return { type: 'object', description: name };
  if (declared.scalars.has(name)) return { type: 'string', description: name };
  return { type: ENUM_LIKE_NAME.test(name) ? 'string' : 'object', description: name };
}

/** One argument, input field or object field as a Field. */
function toField(name: string, type: TypeNode, line: number, declared: Declared, defaultValue?: ConstValueNode): Field {
  const field: Field = { name, line, required: type.kind === graphql().Kind.NON_NULL_TYPE };
  const mapped = scalarOf(namedType(type), declared);
  if (isListType(type)) {
    field.type = 'array';
    field.items = mapped.type;
  } else {
    field.type = mapped.type;
    if (mapped.format) field.format = mapped.format;
  }
  if (mapped.enum) field.enum = [...mapped.enum];
  if (mapped.description) field.description = mapped.description;
  if (defaultValue) field.default = graphql().print(defaultValue);
  return field;
}

/** A copy of a known field (its enum list is not shared). */
function copyField(field: Field): Field {
  return field.enum ? { ...field, enum: [...field.enum] } : { ...field };
}

function isScalarLike(name: string, declared: Declared): boolean {
  return name in SCALARS || declared.enums.has(name) || declared.scalars.has(name);
}

class LineOf {
  constructor(private readonly firstLine: number) {}
  /** Document line of a name token (a description above it does not count). */
  of(node: NameNode): number {
    return this.firstLine + (node.loc?.startToken.line ?? 1) - 1;
  }
}

interface ObjectDef {
  name: string;
  line: number;
  fields: FieldDefinitionNode[];
}

/**
 * A Relay connection (a paged list): `TaskConnection` by the naming rule, or any type the schema declares with
 * `edges` / `pageInfo`.
 * A type named `Connection` alone is an entity (a database connection, a social connection), not a page.
 */
export function isConnectionType(name: string, declared?: { fields: ReadonlyArray<{ name: { value: string } }> }): boolean {
  return /.Connection$/.test(name) || !!declared?.fields.some((field) => field.name.value === 'edges' || field.name.value === 'pageInfo');
}

/**
 * Reads an SDL document: root operation fields (and namespaced ones), input
 * types, enums and the other object types. `firstLine` is the document line of
 * the SDL's first line. Undefined when the text does not parse.
 */
export function readGraphqlSchema(sdl: string, firstLine: number, known?: GraphqlKnown): GraphqlRead | undefined {
  const doc = parseQuietly(sdl);
  if (!doc) return undefined;
  const lines = new LineOf(firstLine);
  const declared: Declared = {
    enums: new Map(known?.enums ?? []),
    inputs: new Map(),
    inputNames: new Set(),
    objects: new Set(),
    scalars: new Set(),
  };
  const enums = new Map<string, string[]>();
  const inputDefs = new Map<string, InputValueDefinitionNode[]>();
  const objects = new Map<string, ObjectDef>();
  const roots = new Map<string, RootKind>([
    ['Query', 'query'],
    ['Mutation', 'mutation'],
    ['Subscription', 'subscription'],
  ]);

  for (const definition of doc.definitions) {
    switch (definition.kind) {
      case graphql().Kind.ENUM_TYPE_DEFINITION:
      case graphql().Kind.ENUM_TYPE_EXTENSION: {
        const values = [...(enums.get(definition.name.value) ?? []), ...(definition.values ?? []).map((value) => value.name.value)];
        enums.set(definition.name.value, values);
        declared.enums.set(definition.name.value, values);
        break;
      }
      case graphql().Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case graphql().Kind.INPUT_OBJECT_TYPE_EXTENSION:
        inputDefs.set(definition.name.value, [...(inputDefs.get(definition.name.value) ?? []), ...(definition.fields ?? [])]);
        declared.inputNames.add(definition.name.value);
        break;
      case graphql().Kind.OBJECT_TYPE_DEFINITION:
      case graphql().Kind.OBJECT_TYPE_EXTENSION:
      case graphql().Kind.INTERFACE_TYPE_DEFINITION:
      case graphql().Kind.INTERFACE_TYPE_EXTENSION: {
        const existing = objects.get(definition.name.value);
        if (existing) existing.fields.push(...(definition.fields ?? []));
        else objects.set(definition.name.value, { name: definition.name.value, line: lines.of(definition.name), fields: [...(definition.fields ?? [])] });
        declared.objects.add(definition.name.value);
        break;
      }
      case graphql().Kind.UNION_TYPE_DEFINITION:
      case graphql().Kind.UNION_TYPE_EXTENSION:
        declared.objects.add(definition.name.value);
        break;
      case graphql().Kind.SCALAR_TYPE_DEFINITION:
        declared.scalars.add(definition.name.value);
        break;
      case graphql().Kind.SCHEMA_DEFINITION:
      case graphql().Kind.SCHEMA_EXTENSION:
        for (const entry of definition.operationTypes ?? []) roots.set(entry.type.name.value, entry.operation as RootKind);
        break;
      default:
        break;
    }
  }
  for (const [name, values] of known?.inputs ?? []) declared.inputs.set(name, values);

  // Inputs after every enum is known, so an enum declared below its input still resolves.
  const inputs = new Map<string, Field[]>();
  for (const [name, defs] of inputDefs) {
    const fields = defs.map((value) => toField(value.name.value, value.type, lines.of(value.name), declared, value.defaultValue));
    inputs.set(name, fields);
    declared.inputs.set(name, fields);
  }

  // Where each object type is used as a field type, to tell a namespace (only reached from a root) from data.
  const usedBy = new Map<string, Set<string>>();
  for (const object of objects.values()) {
    for (const field of object.fields) {
      const target = namedType(field.type);
      if (!usedBy.has(target)) usedBy.set(target, new Set());
      usedBy.get(target)!.add(object.name);
    }
  }

  const responseOf = (typeName: string): Field[] => {
    const object = objects.get(typeName);
    if (!object) return [];
    return object.fields
      .filter((field) => isScalarLike(namedType(field.type), declared))
      .map((field) => toField(field.name.value, field.type, lines.of(field.name), declared));
  };

  const requestOf = (args: readonly InputValueDefinitionNode[]): Field[] => {
    const fields: Field[] = [];
    for (const arg of args) {
      const base = namedType(arg.type);
      const expanded = declared.inputs.get(base);
      if (arg.name.value === 'input' && expanded && !isListType(arg.type)) fields.push(...expanded.map(copyField));
      else fields.push(toField(arg.name.value, arg.type, lines.of(arg.name), declared, arg.defaultValue));
    }
    return fields;
  };

  /** A root field that only groups operations: `task: TaskQuery` with `TaskQuery { list(...): … }`. */
  const namespaceOf = (field: FieldDefinitionNode, parents: Set<string>): ObjectDef | undefined => {
    if ((field.arguments?.length ?? 0) > 0 || isListType(field.type)) return undefined;
    const target = objects.get(namedType(field.type));
    if (!target || roots.has(target.name) || parents.has(target.name) || target.fields.length === 0) return undefined;
    if (NAMESPACE_NAME.test(target.name)) return target;
    const users = usedBy.get(target.name) ?? new Set<string>();
    const onlyFromParents = [...users].every((user) => parents.has(user) || roots.has(user));
    // Reached only from the root is not enough (`me: User`): its fields must also read as operations.
    const operationLike =
      target.fields.some((member) => (member.arguments?.length ?? 0) > 0) &&
      target.fields.every((member) => (member.arguments?.length ?? 0) > 0 || !isScalarLike(namedType(member.type), declared));
    return onlyFromParents && operationLike ? target : undefined;
  };

  const operations: Operation[] = [];
  const namespaces = new Set<string>();
  const emit = (field: FieldDefinitionNode, prefix: string, kind: RootKind, parents: Set<string>, depth: number): void => {
    const name = prefix ? `${prefix}.${field.name.value}` : field.name.value;
    const namespace = depth < MAX_NAMESPACE_DEPTH ? namespaceOf(field, parents) : undefined;
    if (namespace) {
      namespaces.add(namespace.name);
      const inner = new Set(parents).add(namespace.name);
      for (const member of namespace.fields) emit(member, name, kind, inner, depth + 1);
      return;
    }
    const op = emptyOperation(kind === 'mutation' ? 'graphql-mutation' : 'graphql-query', name, lines.of(field.name));
    op.requestFields = requestOf(field.arguments ?? []);
    op.responseFields = responseOf(namedType(field.type));
    const written = graphql().print(field.type);
    op.list = isListType(field.type) || isConnectionType(namedType(field.type), objects.get(namedType(field.type)));
    op.summary = kind === 'subscription' ? `${SUBSCRIPTION_PREFIX}: returns ${written}` : `Returns ${written}`;
    operations.push(op);
  };
  for (const [rootName, kind] of roots) {
    const root = objects.get(rootName);
    if (!root) continue;
    for (const field of root.fields) emit(field, '', kind, new Set([rootName]), 0);
  }

  const objectList: GraphqlObject[] = [...objects.values()]
    .filter((object) => !roots.has(object.name) && !namespaces.has(object.name))
    .map((object) => ({
      name: object.name,
      line: object.line,
      fields: object.fields.map((field) => ({
        name: field.name.value,
        type: namedType(field.type),
        line: lines.of(field.name),
        required: field.type.kind === graphql().Kind.NON_NULL_TYPE,
        list: isListType(field.type),
      })),
    }));

  return { operations, inputs, enums, objects: objectList };
}

const KEYWORD = /^(query|mutation|subscription)\s+/;

/**
 * One field definition written inline in prose: `inviteMember(workspaceId: ID!,
 * role: Role!): Invitation`, `mutation inviteMember(email: String!)`,
 * `accounts: [Account!]!`. A leading `query` / `mutation` / `subscription`
 * keyword sets the kind (a subscription is a 'graphql-query' whose summary
 * starts with `Subscription`). Undefined when the kind is unknown or the text
 * is not one field definition.
 *
 * Argument types: built-in scalars map as in readGraphqlSchema; names in
 * `known.enums` become strings with those values; names in `known.inputs`
 * become objects (an `input` argument expands into the input's fields). An
 * unknown name that reads like an enum (`Role`, `…Status`) becomes type
 * 'string' with description = the name, never an object; any other unknown
 * name becomes type 'object' with description = the name.
 */
export function readGraphqlSignature(text: string, line: number, kind: 'query' | 'mutation' | undefined, known?: GraphqlKnown): Operation | undefined {
  let body = text.trim().replace(/;$/, '').trim();
  let rootKind: RootKind | undefined = kind;
  const keyword = KEYWORD.exec(body);
  if (keyword) {
    rootKind = keyword[1] as RootKind;
    body = body.slice(keyword[0].length).trim();
  }
  if (!rootKind || !body || /[{}#]|"""/.test(body)) return undefined;
  // `mutation inviteMember($email: String!)`: variables written as arguments.
  body = body.replace(/\$(?=[A-Za-z_])/g, '');
  let doc = parseQuietly(`type Wrapper { ${body} }`);
  let typed = true;
  if (!doc) {
    doc = parseQuietly(`type Wrapper { ${body}: Unknown }`);
    typed = false;
  }
  if (!doc || doc.definitions.length !== 1) return undefined;
  const wrapper = doc.definitions[0];
  if (wrapper.kind !== graphql().Kind.OBJECT_TYPE_DEFINITION || wrapper.fields?.length !== 1) return undefined;
  const field = wrapper.fields[0];
  const declared: Declared = {
    enums: new Map(known?.enums ?? []),
    inputs: new Map(known?.inputs ?? []),
    inputNames: new Set(),
    objects: new Set(),
    scalars: new Set(),
  };
  const op = emptyOperation(rootKind === 'mutation' ? 'graphql-mutation' : 'graphql-query', field.name.value, line);
  for (const arg of field.arguments ?? []) {
    const expanded = declared.inputs.get(namedType(arg.type));
    if (arg.name.value === 'input' && expanded && !isListType(arg.type)) op.requestFields.push(...expanded.map(copyField));
    else op.requestFields.push(toField(arg.name.value, arg.type, line, declared, arg.defaultValue));
  }
  if (typed) {
    const written = graphql().print(field.type);
    op.list = isListType(field.type) || isConnectionType(namedType(field.type));
    op.summary = rootKind === 'subscription' ? `${SUBSCRIPTION_PREFIX}: returns ${written}` : `Returns ${written}`;
  } else if (rootKind === 'subscription') {
    op.summary = SUBSCRIPTION_PREFIX;
  }
  return op;
}

/** Column types for GraphQL's built-in and common custom scalars (graphql-scalars names). */
const SCALAR_COLUMN_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  Float: 'double precision',
  Boolean: 'boolean',
  DateTime: 'timestamp',
  Time: 'timestamp',
  Timestamp: 'timestamp',
  Date: 'date',
  JSON: 'jsonb',
  JSONObject: 'jsonb',
  UUID: 'uuid',
  BigInt: 'bigint',
  Int64: 'bigint',
};

/** Types that carry a page, a payload or an error rather than a stored row. */
const NOT_A_ROW = /(?:.Connection|Edge|PageInfo|Payload|Result|Error|Event|Response|Input)$/;

/**
 * The object types of a schema that read as stored rows (they have an `id`), as entity shapes: their scalar and
 * enum fields are columns, typed by the scalar. Relation fields (other objects, lists) are left out: the key that
 * holds them is the data model's to state. Shapes only give columns to entities the documents name.
 */
export function graphqlRowShapes(read: GraphqlRead): Array<{ table: string; line: number; columns: Array<{ name: string; type?: string; nullable: boolean; enum?: string[]; line: number }> }> {
  const shapes = [];
  for (const object of read.objects) {
    if (NOT_A_ROW.test(object.name) || !object.fields.some((field) => field.name === 'id')) continue;
    const columns = [];
    for (const field of object.fields) {
      if (field.list) continue;
      const values = read.enums.get(field.type);
      const type = field.name === 'id' || field.type === 'ID' ? undefined : values ? 'enum' : SCALAR_COLUMN_TYPES[field.type];
      if (!values && field.type !== 'ID' && !(field.type in SCALAR_COLUMN_TYPES)) continue;
      columns.push({ name: field.name, ...(type ? { type } : {}), nullable: !field.required, ...(values ? { enum: [...values] } : {}), line: field.line });
    }
    shapes.push({ table: object.name, line: object.line, columns });
  }
  return shapes;
}
