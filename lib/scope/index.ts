// The scope stage: reads a sprint's plan document (SPEC.md, PLAN.md, TICKET.md)
// as a Markdown AST and returns the backend-relevant items, each with its line.
// What the text does not say becomes an open question; nothing is invented.
import { locateLine, type AuthzRule, type Column, type Entity, type ExistingModel, type Field, type Integration, type JobItem, type Operation, type Scope, type ScopeNote, type ScopeSource, type Slo } from '../types.js';
import { isMutating, operationKey } from '../types.js';
import { addColumns, cjkEntity, inlineFieldList, fieldListColumns, fieldListLead, type FieldList, codeGlosses, columnsAfterNouns, entitiesFromSql, baseClassItem, entityFromHeading, entityFromLabel, entityKeyOf, headingFieldColumns, headingModel, codeNamedAttributes, columnsForAllEntities, dottedAttributes, storedAttributes, uniqueTupleColumns, extendedModelColumns, impliedJunctions, nativeOwnerKeys, subtypeKeysCased, uniquePerScope, tenantKeys, isModelLabel, junctionKeys, junctionTables, type RelationStatement, modelFilesInTree, mergeEntity, mergeShapes, entitiesInUnit, entitiesByNoun, existingModelsIn, keyEntity, compositePrimaryKey, linkReferences, nameModelTable, nestedColumns, rowHints, settleProseReferences } from './entities.js';
import { dropPathParamEchoes, naturalKeys } from './operation-inputs.js';
import { authzFromCell, authzRule, endpointActorRule, integrationsIn, statedErrorsIn, jobIn, mentionsFrontend, resolveOperations, servicesIn, slosIn, verificationOf, webhookVendor } from './facts.js';
import { proseBounds, toColumn, toField } from './fields.js';
import { graphqlRowShapes, readGraphqlSchema } from './grammar/graphql.js';
import { entitiesFromCode } from './grammar/models.js';
import { readJsonExample } from './grammar/json-example.js';
import { readOpenApi } from './grammar/openapi.js';
import { readProto, readRpcSignature } from './grammar/proto.js';
import { readNestControllers, type NestParameter } from './grammar/nest.js';
import { normalizePath } from './naming.js';
import { barePaths, headingBase, prefixOf, settlePaths, statedBase } from './base-paths.js';
import { pathParams, restOperationName, uniqueName } from './naming.js';
import { camelCase, columnKindOf, isKeyName, singular } from '../naming/index.js';
import {
  addFields,
  emptyOperation,
  fieldFromRow,
  fieldsIn,
  graphqlSpans,
  grpcOperations,
  grpcSpans,
  readGraphqlFence,
  readProtoDefinitions,
  readTrpcFence,
  commentRoutes,
  treeRoutes,
  restFromRow,
  restMentions,
  restOperation,
  TABLE_COLUMNS,
  trpcSpans,
  type Mention,
  type TypeDefs,
} from './operations.js';
import { lineAt, oneLine, proseOf, readSources, readUnits, sentences, type SourceDocument, type Unit } from './units.js';
import { whileSettled } from './verbs.js';
import { BODILESS_ACTIONS, ENTITIES_HEADING, EXPECTATION, OUT_OF_SCOPE_INLINE, OUT_OF_SCOPE_MARKER, OUT_OF_SCOPE_PREFIX, PAGE_SIZE_MAX, RETRY_NEGATED, RETRY_SAFE, SCHEDULES, SECONDARY_SECTIONS } from './vocabulary.js';

export { findSections, parseMarkdown } from './markdown.js';

/** The label of a model's table name: "**Table**: `clients`", "**Tabla:**", "**表名**：". */
const TABLE_NAME_LABEL = /^(?:(?:db\s+|database\s+)?(?:table|collection)(?:\s+name)?|tabla|tabela|nombre de (?:la )?tabla|nome da tabela|テーブル名?|表名?|資料表|테이블(?:\s*명)?)\s*[:：]?$/i;

interface Entry {
  op: Operation;
  secondary: boolean;
  alternative: boolean;
  /** Only named by a test check as the place it looks ("excluded from GET /x"): an existing operation, not planned. */
  checkedOnly: boolean;
  webhook: boolean;
  /** Text the operation was stated in (for integrations and authz justification). */
  text: string;
}

type Anchor = { op: Operation } | { entity: Entity };

/** A heading over statements of how entities relate ("Relationships", "リレーション"). */
const RELATIONS_HEADING = /\brelationships?\b|\brelations\b|\bassociations\b|關係|关系|リレーション|関連|관계|relaciones|relacionamentos/i;

const isFence = (unit: Unit, lang: RegExp, content: RegExp): boolean => lang.test(unit.lang ?? '') || content.test(unit.value ?? '');

function mergeFields(target: Field[], incoming: Field[]): void {
  for (const field of incoming) if (!target.some((existing) => existing.name === field.name)) target.push(field);
}

/**
 * Reads the plan document and, when the sprint has them, its companion documents
 * (spec-kit plan.md / data-model.md / contracts/, Kiro requirements.md / design.md).
 */
export function extractScope(markdown: string, companions: readonly SourceDocument[] = []): Scope {
  const { units, title, sources } = companions.length
    ? readSources([{ path: '', kind: 'markdown', text: markdown }, ...companions])
    : { ...readUnits(markdown), sources: undefined };
  const defs: TypeDefs = { types: new Map(), enums: new Map() };
  const registry = new Map<string, Entry>();
  const unitOps = new Map<Unit, Operation[]>();
  const anchors = new Map<Unit | undefined, Anchor>();
  /** The operations an endpoint table lists, per heading: a paragraph after it may state one's request body. */
  const tableOps = new Map<Unit | undefined, Operation[]>();
  /** Paragraphs read as the request body of one operation of the table above them. */
  const bodyOf = new Map<Unit, Operation>();
  /** A bold label paragraph (`**Project**:`) that may name the model of the field table below it. */
  const tableLabels = new Map<Unit | undefined, Unit>();
  const junctions: Entity[] = [];
  /** Key Entities items with the entity each defines: they may state how many of another it has. */
  const keyItems = new Map<Unit, Entity>();
  /** Existing entities a Key Entities item names without changing them: context, and a side a junction may join. */
  const contextEntities: Entity[] = [];
  const entityUnits = new Map<Unit, Entity>();
  const entities: Entity[] = [];
  const outOfScope: ScopeNote[] = [];
  const docQuestions: ScopeNote[] = [];
  const tableAuthz: AuthzRule[] = [];
  /** Entities read from TypeScript interfaces: kept only when they mirror a model stated elsewhere. */
  const shapes: Entity[] = [];
  /** Operations a contract (OpenAPI) states: their paths are final. */
  const contractOps = new Set<Operation>();
  let hasFrontendItems = false;
  /** The heading of a list the document opens as the app's existing routes ("through the existing patch endpoints:"). */
  let existingRoutesLead: Unit | undefined;
  /** Interfaces a data-model document gives as its models (see the code fences below). */
  const modelShapes: Entity[] = [];
  /** The columns a base class gives every model that extends it ("`BaseEntity` (inherits `id: uuid`, `createdAt`)"). */
  const baseColumns = new Map<string, Column[]>();
  /** "(GET/POST/DELETE on /users/{id}/roles)": read once every statement is known (see summaryLists below). */
  const summaryLists: Array<{ mention: Mention; unit: Unit }> = [];

  const register = (op: Operation, unit: Unit, webhook = false, text = unit.text, referenced = false): Operation => {
    const base = op.kind === 'rest' && op.path ? headingBase(unit) : undefined;
    if (base && !prefixOf(op.path!).prefix && !op.path!.startsWith(base)) {
      rebase(op, op.path === '/' ? base : base + op.path, webhook);
      op.base = base;
    }
    const key = op.kind === 'rest' ? `${op.method} ${op.path}` : `${op.kind}:${op.name}`;
    const secondary = SECONDARY_SECTIONS.has(unit.section);
    const alternative = unit.section === 'alternatives';
    const checkedOnly = referenced;
    const existing = registry.get(key);
    if (!existing) {
      registry.set(key, { op, secondary, alternative, checkedOnly, webhook, text });
    } else {
      const target = existing.op;
      target.list ||= op.list;
      target.retrySafe = !existing.webhook && (target.retrySafe || op.retrySafe);
      if (op.unauthenticated) target.unauthenticated = true;
      mergeFields(target.requestFields, op.requestFields);
      mergeFields(target.queryParams, op.queryParams);
      mergeFields(target.responseFields, op.responseFields);
      if ((existing.secondary || existing.alternative) && !secondary && !alternative) {
        target.line = op.line;
        if (op.summary) target.summary = oneLine(op.summary);
        existing.text = text;
      }
      target.summary ??= op.summary;
      existing.secondary &&= secondary;
      existing.alternative &&= alternative;
      existing.checkedOnly &&= checkedOnly;
    }
    const owned = unitOps.get(unit) ?? [];
    const canonical = registry.get(key)!.op;
    if (!owned.includes(canonical)) owned.push(canonical);
    unitOps.set(unit, owned);
    return canonical;
  };

  // Definitions first, so operations can expand their input / message types.
  for (const unit of units) {
    if (unit.outOfScope) continue;
    if (unit.kind === 'code' && isFence(unit, /^(?:proto|protobuf)$/, /\bmessage\s+\w+\s*\{/)) {
      const proto = readProto(unit.value ?? '', unit.line + 1);
      if (proto) {
        for (const [name, fields] of proto.messages) defs.types.set(name, fields);
        for (const [name, values] of proto.enums) defs.enums.set(name, values);
      } else readProtoDefinitions(unit.value ?? '', unit.line, defs);
    }
    if (unit.kind === 'code' && isFence(unit, /^(?:graphql|gql)$/, /\b(?:input|enum)\s+\w+\s*\{/)) {
      const sdl = readGraphqlSchema(unit.value ?? '', unit.line + 1);
      for (const [name, fields] of sdl?.inputs ?? []) defs.types.set(name, fields);
      for (const [name, values] of sdl?.enums ?? []) defs.enums.set(name, values);
    }
    if (unit.kind !== 'code' && unit.codes[0] && /^[A-Z]\w*(?:Input|Request|Response|Message|Args)?$/.test(unit.codes[0].value) && !unit.text.slice(0, unit.codes[0].start).trim()) {
      const fields = fieldsIn(unit, unit.codes[0].end, unit.text.length, { defaultRole: 'request' });
      if (fields.request.length) defs.types.set(unit.codes[0].value, fields.request);
    }
  }

  const contextOps = (unit: Unit): Operation[] => {
    for (let current: Unit | undefined = unit; current; current = current.parent) {
      const ops = unitOps.get(current);
      if (ops?.length) return ops;
    }
    const headingOps = unit.heading ? unitOps.get(unit.heading) : undefined;
    return headingOps?.length === 1 ? headingOps : [];
  };

  const fieldRole = (unit: Unit, op: Operation): 'request' | 'query' | 'response' => {
    const bodyless = op.kind === 'rest' && ['GET', 'DELETE', 'HEAD'].includes(op.method ?? '');
    const fallback = bodyless ? 'query' : 'request';
    for (let current: Unit | undefined = unit; current && !unitOps.get(current)?.length; current = current.parent) {
      const prefix = proseOf(current === unit && current.codes[0] ? current.text.slice(0, current.codes[0].start) : current.text).toLowerCase();
      if (/\bquery\b|查詢參數/.test(prefix)) return 'query';
      if (/\brespon|\breturn|^\s*res\s*[:：]|回傳|回應/.test(prefix)) return 'response';
      if (/\bbody\b|\brequest\b|\binput|^\s*req\s*[:：]|請求|輸入/.test(prefix)) return 'request';
    }
    return fallback;
  };

  /** The unit just before the current one: when prose, the label of an example body (`**Request Body**:`). */
  let previous: Unit | undefined;
  /** Code names the documents gloss in Han script ("`addresses` (收货地址管理)"): the names of entities stated in Chinese. */
  const glosses = codeGlosses(units);
  /** A paragraph that names a table and ends with a colon ("The existing `articles` table gets two columns:"): the list right after it states the columns. */
  let listLead: { entity: Entity; heading: Unit | undefined } | undefined;
  /** A sentence that states a table ("New table `t` (id, token, …)."): the bullets right after may constrain its columns. */
  let constraintLead: { entity: Entity; heading: Unit | undefined } | undefined;
  /** "Key columns:" under a heading that names a model (`### \`users\``), or "`t` key fields:": the bullets right after are its columns. */
  let fieldList: FieldList | undefined;
  for (const unit of units) {
    if (unit.kind !== 'item' || (!unit.parent && listLead?.heading !== unit.heading)) listLead = undefined;
    if (unit.kind !== 'item' || (!unit.parent && fieldList?.heading !== unit.heading)) fieldList = undefined;
    if (unit.kind !== 'item' || (!unit.parent && constraintLead?.heading !== unit.heading)) constraintLead = undefined;
    if (unit.kind !== 'code' && mentionsFrontend(unit.text)) hasFrontendItems = true;
    const label = previous && previous.kind !== 'code' && previous.heading === unit.heading ? previous : undefined;
    previous = unit;
    if (unit.section === 'openQuestions') {
      if (unit.kind === 'item' || unit.kind === 'paragraph' || unit.kind === 'row') docQuestions.push({ text: oneLine(unit.text), line: unit.line });
      continue;
    }
    if (unit.outOfScope) {
      const text = oneLine(unit.text.replace(OUT_OF_SCOPE_PREFIX, ''));
      const marker = OUT_OF_SCOPE_MARKER.test(unit.text.replace(/\*/g, ''));
      if (unit.kind !== 'heading' && unit.kind !== 'code' && text && !marker) outOfScope.push({ text, line: unit.line });
      continue;
    }

    if (unit.kind === 'code') {
      const value = unit.value ?? '';
      const hasRoots = isFence(unit, /^(?:graphql|gql)$/, /\btype\s+(?:Query|Mutation|Subscription)\s*\{/);
      const hasRows = isFence(unit, /^(?:graphql|gql)$/, /\btype\s+\w+[^{]*\{[^}]*\bid\s*:/);
      if (hasRoots || hasRows) {
        const sdl = readGraphqlSchema(value, unit.line + 1, { inputs: defs.types, enums: defs.enums });
        if (hasRoots) for (const op of sdl ? sdl.operations : readGraphqlFence(value, unit.line, defs)) register(op, unit);
        // Object types with an `id` give their columns to the entities the documents name (a schema-first data model).
        for (const shape of sdl && hasRows ? graphqlRowShapes(sdl) : []) shapes.push({ table: shape.table, line: shape.line, change: 'new-table', columns: shape.columns });
      }
      if (isFence(unit, /^(?:proto|protobuf)$/, /\brpc\s+[A-Z]\w*\s*\(/)) {
        const proto = readProto(value, unit.line + 1);
        if (proto) for (const op of proto.operations) register(op, unit);
        else {
          for (const { op, request, response } of grpcOperations(value, (index) => unit.line + 1 + (value.slice(0, index).match(/\n/g)?.length ?? 0))) {
            op.requestFields = (defs.types.get(request) ?? []).map((field) => ({ ...field }));
            op.responseFields = (defs.types.get(response) ?? []).map((field) => ({ ...field }));
            register(op, unit);
          }
        }
      }
      if (isFence(unit, /^$/, /[pP]rocedure\b[\s\S]*\.(?:query|mutation)\s*\(/) && /^(?:ts|typescript|js|javascript|tsx)$/.test(unit.lang ?? '')) for (const op of readTrpcFence(value, unit.line)) register(op, unit);
      if (/^(?:ts|typescript)$/.test(unit.lang ?? '') && /@Controller\s*\(/.test(value)) for (const op of nestOperations(unit, value)) register(op, unit);
      if (/^(?:ya?ml|json|openapi|)$/.test(unit.lang ?? '') && /^\s*["']?(?:openapi|swagger)["']?\s*:/m.test(value)) {
        for (const op of readOpenApi(value, unit.line + 1)?.operations ?? []) contractOps.add(register(op, unit));
      }
      if (isFence(unit, /^(?:sql|postgres|postgresql|mysql|sqlite)$/, /\b(?:create|alter)\s+table\b/i)) entitiesFromSql(value, unit.line, entities);
      else {
        // Models written as code (Prisma, Drizzle, SQLAlchemy, Django, GORM, JPA, Mermaid ER…).
        const found = entitiesFromCode(unit.lang ?? '', value, unit.line + 1);
        // Plain TypeScript interfaces are API shapes unless they describe a model stated elsewhere.
        // A schema drawn as a text tree (`├── id BIGSERIAL PK`) is tables, whatever the fence says.
        const apiShapes = /^(?:ts|typescript|tsx|js|javascript)?$/.test(unit.lang ?? '') && !/@Entity\b|\b(?:pg|sqlite|mysql)Table\s*\(|^[ \t│|]*[├└]──/m.test(value);
        // An interface under a heading that names a new model, where the document sets out its models, is that
        // model when it has a key (`CartItemWithProduct { product, subtotal }` is a view); a table read anywhere names it.
        const heading = apiShapes && unit.section === 'entities' && unit.heading ? headingModel(unit.heading) : undefined;
        for (const entity of found) {
          const model = heading && !heading.existing && entityKeyOf(heading.name) === entityKeyOf(entity.table) && entity.columns.some((column) => isKeyName(column.name));
          if (model) modelShapes.push(entity);
          else if (apiShapes) shapes.push(entity);
          else mergeEntity(entities, entity);
        }
      }
      if (/^(?:text|txt|plaintext|tree|)$/.test(unit.lang ?? '')) shapes.push(...modelFilesInTree(value, unit.line + 1));
      if (/^(?:http|text|txt|rest|)$/.test(unit.lang ?? '')) {
        let requestOp: Operation | undefined;
        const lines = value.split(/\r?\n/);
        const drawn = new Map(treeRoutes(lines).map((route) => [route.index, route]));
        lines.forEach((text, index) => {
          const match = /^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/\S*)/.exec(text);
          const lineUnit: Unit = { ...unit, kind: 'paragraph', text, codes: [], pieces: [], line: unit.line + 1 + index };
          const branch = drawn.get(index);
          if (branch) {
            const at = text.indexOf(branch.method);
            const op = restOperation(branch.method, branch.path, lineUnit, at, text.length, at, at).op;
            // The base is stated once, on the line the branches hang from.
            if (branch.base) op.base = branch.base;
            register(op, unit);
            return;
          }
          if (!match) {
            // A plan's file tree: `├── zones.go   # GET /v1/zones  GET /v1/zones/{id}`.
            for (const route of commentRoutes(text)) register(restOperation(route.method, route.path, lineUnit, route.at, text.length, route.at, route.at).op, unit);
            return;
          }
          requestOp = register(restOperation(match[1], match[2], lineUnit, 0, text.length, 0, match[0].length).op, unit);
        });
        // `POST /x`, headers, a blank line, then the body: the request's fields.
        const body = /\r?\n\s*\r?\n([[{][\s\S]*)$/.exec(value);
        if (requestOp && body) {
          const bodyStart = body.index + body[0].length - body[1].length;
          const example = readJsonExample(body[1], unit.line + 1 + (value.slice(0, bodyStart).match(/\n/g)?.length ?? 0));
          if (example) addFields(requestOp, { request: example.fields, query: [], response: [] });
        }
      }
      // A JSON example under an operation: its request or response body, as the label above it says.
      if (/^(?:json|jsonc|json5|javascript|js|)$/.test(unit.lang ?? '') && /^\s*[[{]/.test(value)) {
        const anchor = anchors.get(unit.heading);
        const op = anchor && 'op' in anchor ? anchor.op : undefined;
        const role = op ? exampleRole(op, label) : undefined;
        const example = role ? readJsonExample(value, unit.line + 1) : undefined;
        if (op && role && example) {
          addFields(op, { request: role === 'request' ? example.fields : [], query: [], response: role === 'response' ? example.fields : [] });
          if (role === 'response' && example.list && op.kind === 'rest' && op.method === 'GET') op.list = true;
        }
      }
      continue;
    }

    // "- **Table**: `clients`" under "## Entity: Client": the model's table, named apart from the class.
    // A model the heading says exists already is not recorded for its table's name alone.
    if ((unit.kind === 'item' || unit.kind === 'paragraph') && unit.heading && TABLE_NAME_LABEL.test(unit.lead?.trim() ?? '') && headingModel(unit.heading)?.existing === false) {
      const code = unit.codes[0]?.value;
      const entity = code && /^[A-Za-z_][\w.]*$/.test(code) ? entityFromHeading(unit.heading, entities) : undefined;
      if (entity) anchors.set(unit.heading, { entity: nameModelTable(entities, entity, code!) });
    }
    // "- **Extends**: `BaseEntity` (inherits `id: uuid`, `createdAt`)": the columns the base class gives the model.
    // A later "- **Extends**: `BaseEntity`" gives the same columns, cited where the base's are listed.
    const extended = unit.heading ? baseClassItem(unit) : undefined;
    if (extended && unit.heading) {
      const { base, columns: listed } = extended;
      if (base && listed.length) baseColumns.set(base, listed);
      const inherited = listed.length ? listed : base ? baseColumns.get(base) ?? [] : [];
      const entity = inherited.length ? (anchors.get(unit.heading) as { entity?: Entity } | undefined)?.entity ?? entityFromHeading(unit.heading, entities) : undefined;
      if (entity) addColumns(entity, inherited.map((column) => ({ ...column })));
    }
    if (unit.kind === 'paragraph' && isModelLabel(unit)) {
      const anchor = anchors.get(unit.heading);
      if (!anchor || 'entity' in anchor) {
        tableLabels.set(unit.heading, unit);
        anchors.delete(unit.heading);
      }
    }

    const header = unit.header ?? [];
    if (unit.kind === 'row' && header.some((cell) => TABLE_COLUMNS.path.test(cell))) {
      const found = restFromRow(unit);
      // "Save a listing (body: optional `note`, max 500 chars)": the description cell names the request's fields.
      const describedIndex = header.findIndex((cell) => TABLE_COLUMNS.description.test(cell.trim()));
      const described = describedIndex >= 0 ? unit.cells?.[describedIndex] : undefined;
      const label = described?.codes.length ? CELL_FIELDS_LABEL.exec(proseOf(described.text)) : null;
      // Read from the label to the end of its parenthesis, if it stands in one.
      const labelEnd = label ? label.index + label[0].length : 0;
      const closing = label && described ? described.text.slice(labelEnd).search(/[)）]/) : -1;
      for (const mention of found) {
        if (label && described) addFields(mention.op, fieldsIn(described, labelEnd, closing >= 0 ? labelEnd + closing : described.text.length, { defaultRole: mention.op.method === 'GET' ? 'query' : 'request' }));
        const op = register(mention.op, unit, mention.webhook);
        anchors.set(unit.heading, { op });
        const listed = tableOps.get(unit.heading) ?? [];
        if (!listed.includes(op)) tableOps.set(unit.heading, [...listed, op]);
        if (mention.authText) tableAuthz.push(authzFromCell(mention.authText, unit.line, op));
      }
      if (found.length) continue;
    }
    if (unit.kind === 'row' && header.some((cell) => TABLE_COLUMNS.name.test(cell.trim()))) {
      const row = fieldFromRow(unit);
      let anchor = anchors.get(unit.heading);
      // A field table under a heading or a bold label that names a model (`### Cookbook (레시피북)`, "New Model: Project", `**Epic**:`).
      const label = tableLabels.get(unit.heading);
      // Types, or nullability and defaults, describe stored columns; required/optional alone does under a model's label.
      const described = header.some((cell) => TABLE_COLUMNS.type.test(cell.trim()) || /^(?:nullable|null|default(?: value)?)\??$/i.test(cell.trim()) || (label && TABLE_COLUMNS.required.test(cell.trim())));
      if (row && !anchor && unit.heading && described) {
        const entity = label ? entityFromLabel(label, entities) : entityFromHeading(unit.heading, entities);
        if (entity) {
          anchor = { entity };
          anchors.set(unit.heading, anchor);
        }
      }
      if (row && anchor) {
        if ('entity' in anchor) addColumns(anchor.entity, [toColumn(row.name, row.attrs, unit.line)]);
        else {
          const field = toField(row.name, row.attrs, unit.line);
          const role = row.role ?? 'request';
          addFields(anchor.op, { request: role === 'request' ? [field] : [], query: role === 'query' ? [field] : [], response: [] });
        }
        continue;
      }
    }
    const opColumn = header.findIndex((cell) => TABLE_COLUMNS.operation.test(cell.trim()) || TABLE_COLUMNS.name.test(cell.trim()));
    const typeColumn = header.findIndex((cell) => TABLE_COLUMNS.type.test(cell.trim()));
    if (unit.kind === 'row' && opColumn >= 0 && typeColumn >= 0) {
      const kindText = unit.cells?.[typeColumn]?.text.trim().toLowerCase() ?? '';
      const nameCell = unit.cells?.[opColumn];
      const name = nameCell?.codes[0]?.value ?? nameCell?.text.trim() ?? '';
      if (/^(?:query|mutation)$/.test(kindText) && /^[A-Za-z_][\w.]*$/.test(name)) {
        const trpc = name.includes('.');
        const kind = trpc ? (kindText === 'query' ? 'trpc-query' : 'trpc-mutation') : kindText === 'query' ? 'graphql-query' : 'graphql-mutation';
        const op = emptyOperation(kind, name, unit.line);
        const inputColumn = header.findIndex((cell) => TABLE_COLUMNS.input.test(cell.trim()));
        const input = inputColumn >= 0 ? unit.cells?.[inputColumn] : undefined;
        if (input) addFields(op, fieldsIn(input, 0, input.text.length, { defaultRole: 'request' }));
        op.list = /^list/i.test(name.split('.').pop() ?? '');
        register(op, unit);
        continue;
      }
    }

    // "… managed through the existing patch endpoints:" opens a list of routes the app has; another paragraph ends it.
    if (unit.kind === 'paragraph' || unit.kind === 'heading') existingRoutesLead = unit.kind === 'paragraph' && /[:：]\s*$/.test(unit.text) && EXISTING_ROUTES_LEAD.test(proseOf(unit.text)) ? unit.heading : undefined;
    const inExistingList = unit.kind === 'item' && existingRoutesLead !== undefined && unit.heading === existingRoutesLead;

    // Operations stated in this unit.
    const stated: Operation[] = [];
    const rest = restMentions(unit);
    for (const mention of rest) {
      // "(Xendit: POST /v2/invoices)": a vendor's route the app calls, not one it serves.
      if (mention.outbound) continue;
      // "instead of `PUT /x`", "Architecture specifies `A`, Story uses `B`": a route the document does not take.
      if (mention.replaced) continue;
      if (mention.summaryList) {
        summaryLists.push({ mention, unit });
        continue;
      }
      // "… Out of scope: `GET /v1/x` …" inside an in-scope item.
      const sentence = sentences(unit.text).find((candidate) => candidate.at <= mention.at && mention.at < candidate.at + candidate.text.length);
      if (sentence && OUT_OF_SCOPE_INLINE.test(proseOf(unit.text.slice(sentence.at, mention.at)))) {
        outOfScope.push({ text: oneLine(sentence.text.replace(OUT_OF_SCOPE_PREFIX, '')), line: lineAt(unit, sentence.at) });
        continue;
      }
      const before = unit.text.slice(Math.max(0, mention.at - 24), mention.at);
      // "drops out of the existing `GET /items` list", "기존 댓글 목록 API(`GET …`)": an operation the app has, named, not designed.
      // It stays designed when the text around it names something of it (a field, a parameter): a change to it.
      const namesMore = unit.codes.some((code) => code.start >= mention.from && code.start < mention.to && (code.end <= mention.at || code.start > mention.at + 1) && !/^(?:GET|POST|PUT|PATCH|DELETE)\s/.test(code.value));
      // A test step calls operations to check them ("calling `PUT /x` and then `GET /x/{id}` should return …"): it names, it does not add.
      const checks = unit.section === 'verification' && (REFERENCED_AFTER.test(before) || (sentence !== undefined && EXPECTATION.test(proseOf(sentence.text))));
      const referenced = checks || ((EXISTING_BEFORE.test(proseOf(before)) || inExistingList) && !namesMore);
      const op = register(mention.op, unit, mention.webhook, unit.text.slice(mention.from, mention.to), referenced);
      // "called without a body", "본문 없이 호출하면": no request fields to ask for.
      if (NO_BODY.test(proseOf(unit.text.slice(mention.from, mention.to))) && !op.requestFields.length) op.noBody = true;
      stated.push(op);
    }
    // "- `GET /verify-email`" / "  - query: `token`": under a REST operation, "query:" labels its query string, no GraphQL query.
    const underRest = Boolean(unit.parent) && contextOps(unit).some((op) => op.kind === 'rest');
    if (!rest.length && !underRest) {
      for (const { op } of graphqlSpans(unit, defs)) stated.push(register(op, unit));
      for (const { op } of trpcSpans(unit)) stated.push(register(op, unit));
    }
    // `ReserveStock(ReserveStockRequest) returns (Reservation)` written without the `rpc` keyword.
    for (const code of unit.codes) {
      if (/^\s*rpc\s/.test(code.value) || !/^\s*[A-Z]\w*\s*\(\s*(?:stream\s+)?[\w.]+\s*\)\s*returns\s*\(/.test(code.value)) continue;
      const read = readRpcSignature(code.value, lineAt(unit, code.start), defs.types);
      if (read) stated.push(register(read.op, unit));
    }
    // "implement unary `Publish` RPC": the method by name; a proto stated elsewhere gives it its messages.
    if (!rest.length) for (const { op } of grpcSpans(unit)) stated.push(register(op, unit));
    for (const { op, request, response, at } of grpcOperations(unit.text, (index) => lineAt(unit, index))) {
      op.requestFields = (defs.types.get(request) ?? []).map((field) => ({ ...field }));
      op.responseFields = (defs.types.get(response) ?? []).map((field) => ({ ...field }));
      const clause = proseOf(unit.text.slice(at));
      op.retrySafe = RETRY_SAFE.test(clause) && !RETRY_NEGATED.test(clause);
      stated.push(register(op, unit));
    }
    if (stated.length) anchors.set(unit.kind === 'heading' ? unit : unit.heading, { op: stated[stated.length - 1] });

    // Fields of an operation stated above (parent item or heading).
    if (!stated.length && unit.kind !== 'heading') {
      let context = contextOps(unit);
      // "The report's request body holds `reason` …" after an endpoint table: the one operation of the table
      // that takes a body and has no fields yet.
      if (!context.length && unit.kind === 'paragraph' && REQUEST_BODY.test(proseOf(unit.text))) {
        const takers = (tableOps.get(unit.heading) ?? []).filter((op) => op.kind === 'rest' && ['POST', 'PUT', 'PATCH'].includes(op.method ?? '') && !op.requestFields.length);
        if (takers.length === 1) {
          context = takers;
          bodyOf.set(unit, takers[0]);
        }
      }
      if (context.length === 1 && unit.codes.length) {
        const op = context[0];
        const role = fieldRole(unit, op);
        const fields = fieldsIn(unit, 0, unit.text.length, { defaultRole: role, leading: unit.kind === 'item' || unit.kind === 'paragraph' });
        const routed = { request: [...fields.request], query: [...fields.query], response: [...fields.response] };
        if (role !== 'request') {
          routed[role].push(...routed.request);
          routed.request = [];
        }
        addFields(op, routed);
      }
    }

    // Entities.
    if (unit.kind !== 'heading') junctions.push(...junctionTables(unit, entities));
    const mentions = entitiesInUnit(unit, entities);
    for (const mention of mentions) {
      entityUnits.set(unit, mention.entity);
      anchors.set(unit.kind === 'heading' ? unit : unit.heading, { entity: mention.entity });
    }
    if (unit.kind === 'paragraph' && !unit.parent && mentions.length && /[:：]\s*$/.test(unit.text)) listLead = { entity: mentions[mentions.length - 1].entity, heading: unit.heading };
    else if (unit.kind === 'paragraph' && !unit.parent && mentions.length) constraintLead = { entity: mentions[mentions.length - 1].entity, heading: unit.heading };
    else if (!mentions.length && unit.kind === 'paragraph') fieldList = fieldListLead(unit, entities);
    if (!mentions.length && (unit.kind === 'item' || unit.kind === 'paragraph') && /\p{Script=Han}/u.test(unit.text)) {
      const stated = cjkEntity(unit, entities, glosses);
      if (stated?.entity) entityUnits.set(unit, stated.entity);
      if (stated?.question) docQuestions.push(stated.question);
    }
    if (!mentions.length && unit.kind === 'item') readItemColumns(unit, stated.length > 0);
  }

  /**
   * The columns one list item states, by the first reading that applies: nested under an entity's item, in a
   * labelled field list, in an inline list or a field item under the model's heading, a constraint on known
   * columns, or a Key Entities bullet.
   */
  function readItemColumns(unit: Unit, statesOperations: boolean): void {
    const parentEntity = unit.parent ? entityUnits.get(unit.parent) : listLead ? listLead.entity : undefined;
    // "- primary key (user_id, listing_id)" under the table's lead: its key, over two of its columns.
    if (parentEntity && /^primary\s+key\s*\(/i.test(unit.text.trim())) return compositePrimaryKey(parentEntity, unit.text.trim());
    if (parentEntity) return addColumns(parentEntity, nestedColumns(unit));
    if (fieldList && !unit.parent) return fieldListColumns(unit, fieldList, entities);
    // The columns belong to the model the heading names: "- Fields: `a`, `b`", or "- `id`: Int (PK)" under "### Post".
    if (!contextOps(unit).length && (inlineFieldList(unit, entities).length || headingFieldColumns(unit, entities).length)) return;
    // "- `token` is unique, 32 characters": only columns the table already has; a bullet adds none.
    if (constraintLead && !unit.parent) {
      const lead = constraintLead.entity;
      return addColumns(lead, nestedColumns(unit).filter((column) => lead.columns.some((known) => known.name === column.name)));
    }
    // Key Entities bullets stand right under an entities heading, not in its "Validation Rules" subsections.
    if (unit.section !== 'entities' || unit.parent || statesOperations || !ENTITIES_HEADING.test(unit.heading?.text ?? '')) return;
    const mention = keyEntity(unit, entities);
    if (mention?.context) {
      keyItems.set(unit, mention.entity);
      contextEntities.push(mention.entity);
    } else if (mention && !mention.subtype) keyItems.set(unit, mention.entity);
    if (mention && !mention.context) {
      entityUnits.set(unit, mention.entity);
      anchors.set(unit.heading, { entity: mention.entity });
    }
  }

  // A slash list of methods on a path sums up the operations stated elsewhere: when any operation on that path
  // (or under it) is stated, it adds none; otherwise it states the pairs a route can have (no PUT, PATCH or
  // DELETE on a collection without an id).
  const statedShapes = [...registry.values()].flatMap(({ op }) => (op.kind === 'rest' && op.path ? [routeShape(op.path)] : []));
  for (const { mention, unit } of summaryLists) {
    const family = routeShape(mention.op.path!);
    if (statedShapes.some((shape) => shape === family || shape.startsWith(`${family}/`))) continue;
    const collection = !/^\{[^}]*\}$/.test(mention.op.path!.split('/').pop() ?? '');
    if (collection && ['PUT', 'PATCH', 'DELETE'].includes(mention.op.method ?? '')) continue;
    register(mention.op, unit, mention.webhook, unit.text.slice(mention.from, mention.to));
  }

  // Interfaces add their fields to the models they mirror (`interface Cart` beside `CREATE TABLE carts`).
  mergeShapes(entities, shapes);
  // An interface that is a model: its fields, under the table's name when a table is read for it.
  for (const shape of modelShapes) {
    if (entities.some((entity) => entityKeyOf(entity.table) === entityKeyOf(shape.table))) mergeShapes(entities, [shape]);
    else mergeEntity(entities, shape);
  }
  for (const junction of new Set(junctions)) junctionKeys(junction, entities);
  // A many-to-many stated from both sides, and no table named for it: the junction it needs.
  const relations: RelationStatement[] = units
    .filter((unit) => !unit.outOfScope && unit.kind !== 'code' && unit.kind !== 'heading' && unit.section !== 'openQuestions' && unit.section !== 'alternatives')
    .map((unit) => ({ unit, subject: keyItems.get(unit), explicitOnly: !keyItems.has(unit) && unit.section !== 'entities' && !RELATIONS_HEADING.test(unit.heading?.text ?? '') }));
  // "`webhook_events` - unique(gateway_id, event_id, tenant_id)": a bare table's columns, stated by its key.
  uniqueTupleColumns(relations.map((relation) => relation.unit), entities);
  // "extends the existing Book model with (`shelf_id` FK …)": new attributes of a model named in a sentence.
  extendedModelColumns(relations.map((relation) => relation.unit), entities);
  impliedJunctions(relations, entities, contextEntities);
  // "(the removed_at field) applies to all new tables": an attribute of every entity the sentence covers.
  columnsForAllEntities(relations.map((relation) => relation.unit), entities);
  // "hidden through the `isHidden` flag": a code-named attribute of the one entity the sentence speaks of.
  codeNamedAttributes(relations.map((relation) => relation.unit), entities);
  // "each delivery MUST record `attemptCount`": code-named attributes a sentence says the rows keep.
  storedAttributes(relations.map((relation) => relation.unit), entities);
  // "invoice.created_at": an attribute written after its entity's name and a dot.
  dottedAttributes(relations.map((relation) => relation.unit), entities);
  // "all data is scoped by `workspaceId`": the tenant key of every new table.
  tenantKeys(relations.map((relation) => relation.unit), entities);
  // "会員に属する": the owner's key, in the languages the English "belongs to" reading does not cover.
  nativeOwnerKeys(relations, entities);
  // "The name is unique per owner": a unique key over the owner's column and the name.
  uniquePerScope(relations.map((relation) => relation.unit), entities);
  subtypeKeysCased(entities);

  // Full paths: bases stated once, router-relative fragments and example calls folded into their operation.
  const inScope = units.filter((unit) => !unit.outOfScope && unit.section !== 'openQuestions');
  const bases = [...new Set(inScope.map(statedBase).filter((base): base is string => Boolean(base)))];
  const entryOf = new Map([...registry.values()].map((entry) => [entry.op, entry]));
  const before = new Map([...entryOf.keys()].map((op) => [op, op.path]));
  const folded = settlePaths([...entryOf.keys()], bases.length === 1 ? bases[0] : undefined, inScope.flatMap(barePaths), contractOps);
  // One route takes one parameter name: a name that is not the kept one's key under another spelling (`{token}`
  // where `{share_id}` stands) may look the row up another way, which the route cannot say.
  const renamedParams: ScopeNote[] = [];
  for (const [op] of entryOf) {
    const was = before.get(op);
    if (!was || op.path === was || folded.has(op)) continue;
    const written = [...was.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    const kept = op.pathParams ?? [];
    if (written.length !== kept.length) continue;
    written.forEach((name, index) => {
      if (name === kept[index] || (isKeyName(name) && isKeyName(kept[index]))) return;
      renamedParams.push({ text: `\`${op.method?.toUpperCase()} ${was}\` takes \`{${name}}\` where the same route is written with \`{${kept[index]}}\`; the contract uses \`${kept[index]}\`. Does it look the row up by \`${kept[index]}\`, or does it need its own path?`, line: op.line });
    });
  }
  for (const [op, entry] of entryOf) {
    const was = before.get(op);
    if (op.path === was || folded.has(op)) continue;
    rebase(op, op.path!, entry.webhook);
    if (was && op.path!.endsWith(was)) op.base = op.path!.slice(0, op.path!.length - (was === '/' ? 0 : was.length)) || undefined;
  }
  for (const [op, into] of folded) {
    const entry = entryOf.get(op)!;
    for (const [key, candidate] of registry) if (candidate === entry) registry.delete(key);
    if (!into) continue;
    mergeFields(into.requestFields, op.requestFields);
    mergeFields(into.queryParams, op.queryParams);
    mergeFields(into.responseFields, op.responseFields);
    into.retrySafe ||= op.retrySafe;
    into.list ||= op.list;
  }

  // Operations only found among rejected design options do not count when others exist.
  // Likewise operations only a test checklist names ("Verify … excluded from GET /tickets/:id").
  const entries = [...registry.values()];
  const designed = entries.some((entry) => !entry.alternative) ? entries.filter((entry) => !entry.alternative) : entries;
  const chosen = designed.some((entry) => !entry.checkedOnly) ? designed.filter((entry) => !entry.checkedOnly) : designed;
  const operations = chosen.map((entry) => entry.op).sort((a, b) => a.line - b.line);
  nameOperations(operations);
  // "每页最多 50 条", "at most 50 per page": the largest page of a list, stated where the list is.
  for (const entry of chosen) {
    if (!entry.op.list || entry.op.pageSizeMax) continue;
    const max = PAGE_SIZE_MAX.map((pattern) => pattern.exec(proseOf(entry.text))).find(Boolean);
    if (max && Number(max[1]) > 0) entry.op.pageSizeMax = Number(max[1]);
  }
  const webhookOps = new Set(chosen.filter((entry) => entry.webhook).map((entry) => entry.op));

  // Statements about the operations, now that all of them are known.
  const authz: AuthzRule[] = [...tableAuthz];
  const integrations: Integration[] = [];
  const jobs: Array<JobItem & { secondary: boolean }> = [];
  const slos: Slo[] = [];
  const services = new Set<string>();
  const questions: ScopeNote[] = [];

  const chosenOps = new Set(operations);
  // The loop below sets only `retrySafe` on operations: their terms hold for all of it.
  whileSettled(operations, () => {
    for (const unit of units) {
      if (unit.outOfScope || unit.section === 'openQuestions' || unit.kind === 'code') continue;
      for (const name of servicesIn(unit.text)) services.add(name);
      if (unit.section === 'alternatives') continue;
      const context = contextOps(unit).filter((op) => chosenOps.has(op));
      const secondary = SECONDARY_SECTIONS.has(unit.section);
      const authzColumn = unit.kind === 'row' && (unit.header ?? []).some((cell) => TABLE_COLUMNS.auth.test(cell.trim()));
      for (const sentence of sentences(unit.text)) {
        const line = lineAt(unit, sentence.at);
        // An endpoint line's own description may say who calls it ("— anyone lists the reactions").
        const ownOp = context.length === 1 && unitOps.get(unit)?.includes(context[0]) ? context[0] : undefined;
        const rule = authzColumn ? undefined : authzRule(sentence.text, line, operations, context, { descriptive: unit.section === 'context' }) ?? (ownOp ? endpointActorRule(sentence.text, line, ownOp) : undefined);
        if (rule) authz.push(rule);
        for (const slo of slosIn(sentence.text, line, operations, context)) slos.push(slo);
        const errors = statedErrorsIn(sentence.text, line, operations, context);
        for (const key of errors?.operations ?? []) {
          const op = operations.find((candidate) => operationKey(candidate) === key)!;
          for (const status of errors!.statuses) {
            // "get a non-existent config returns 404": not found answers a call that names one resource, never a collection.
            if (status === 404 && op.kind === 'rest' && !op.pathParams.length) continue;
            if (!op.statedErrors?.some((known) => known.status === status)) (op.statedErrors ??= []).push({ status, line, text: oneLine(sentence.text) });
          }
        }
        // "WHEN a user who is not the author deletes … THEN … 403": the author may; nobody else.
        if (errors?.rule && !rule) authz.push(errors.rule);
        const job = unit.kind === 'heading' ? undefined : jobIn(sentence.text, line);
        if (job) jobs.push({ ...job, secondary });
        if (!context.some((op) => webhookOps.has(op))) for (const integration of integrationsIn(sentence.text, line)) addIntegration(integrations, integration, secondary);
        if (RETRY_SAFE.test(proseOf(sentence.text)) && !RETRY_NEGATED.test(sentence.text) && !context.length) {
          // The request-body paragraph of an operation speaks of that operation.
          const owner = bodyOf.get(unit);
          for (const op of owner ? [owner] : retryTargets(sentence.text, operations)) if (!webhookOps.has(op)) op.retrySafe = true;
        }
      }
    }
  });

  // "add a note `{ "id": uuid, "content": string }`, content 1..2000 chars": bounds the statement's prose gives its fields.
  for (const entry of registry.values()) proseBounds(entry.text, [...entry.op.requestFields, ...entry.op.queryParams]);

  // "Body: `a`, `b`" lists what a create or replace needs: a field is required unless the text says optional.
  // PATCH fields stay optional (a partial update), as do proto3 fields.
  for (const op of operations) {
    if (op.kind === 'rest' && (op.method === 'POST' || op.method === 'PUT')) for (const field of op.requestFields) field.required ??= true;
    // Named values are strings whatever number-ish word stood beside them ("priority (integer enum: low, high)").
    for (const field of [...op.requestFields, ...op.queryParams, ...op.responseFields]) {
      if (field.enum?.some((value) => !/^-?\d+(?:\.\d+)?$/.test(value)) && (field.type === 'integer' || field.type === 'number')) field.type = 'string';
    }
  }

  // Looked up once, not per webhook operation: a long document has many operations and units.
  const chosenFor = new Map<Operation, (typeof chosen)[number]>();
  for (const candidate of chosen) if (!chosenFor.has(candidate.op)) chosenFor.set(candidate.op, candidate);
  let webhookUnits: Unit[] | undefined;
  const statedByName = new Map<string, string | undefined>();
  const statedFor = (name: string): string | undefined => {
    if (!statedByName.has(name)) {
      webhookUnits ??= units.filter((unit) => !unit.outOfScope && unit.kind !== 'code' && /webhook/i.test(unit.text));
      statedByName.set(name, webhookUnits.find((unit) => new RegExp(`\\b${name}\\b`, 'i').test(unit.text) && verificationOf(proseOf(unit.text)))?.text);
    }
    return statedByName.get(name);
  };
  for (const op of operations) {
    if (!webhookOps.has(op)) continue;
    const entry = chosenFor.get(op)!;
    const name = webhookVendor(op, entry.text);
    const integration: Integration = { name, kind: 'webhook', text: oneLine(entry.text), line: op.line };
    const stated = verificationOf(proseOf(entry.text)) ? entry.text : statedFor(name);
    const verification = stated ? verificationOf(proseOf(stated)) : undefined;
    if (verification) integration.verification = verification;
    addIntegration(integrations, integration, false);
    const publicRule = authz.find((rule) => rule.public && rule.operations.includes(operationKey(op)));
    const verifiedBy = sentences(stated ?? '').find((sentence) => verificationOf(proseOf(sentence.text)));
    if (publicRule && verifiedBy) publicRule.justification = oneLine(verifiedBy.text).replace(/[;.；。]$/, '');
  }

  // One job per schedule: a mention in Context / decisions restates a job described elsewhere.
  const primaryJobs = jobs.filter((job) => !job.secondary);
  const sameSchedule = (job: JobItem, other: JobItem): boolean =>
    other.schedule === job.schedule || SCHEDULES.some((entry) => entry.value !== undefined && entry.value === job.schedule && entry.pattern.test(other.text));
  // A mention in the setting with neither a name nor a schedule ("background jobs for async work", "job
  // infrastructure exists") describes the stack, not work of this sprint.
  const keptJobs = jobs.filter((job) => !job.secondary || (!primaryJobs.some((other) => sameSchedule(job, other)) && Boolean(job.name || job.schedule)));
  const seenJobTexts = new Set<string>();
  const uniqueJobs = keptJobs.filter((job) => !seenJobTexts.has(job.text) && Boolean(seenJobTexts.add(job.text))).map(({ secondary: _secondary, ...job }) => job);

  const existingModels = worksOn(units, operations, entities);

  const nouns = entitiesByNoun(entities);
  for (const unit of units) {
    if (unit.outOfScope || unit.section === 'openQuestions' || unit.kind === 'code') continue;
    rowHints(unit, entities, nouns);
    columnsAfterNouns(unit, nouns);
  }
  // "reference to parent schedule": a key to the entity the words name, now that all are read.
  docQuestions.push(...settleProseReferences(entities));
  linkReferences(entities);
  // A retry-safe create into a table unique over its request's columns finds the repeat by that key.
  naturalKeys(operations, entities);
  dropPathParamEchoes(operations);

  questions.push(...docQuestions, ...renamedParams);
  questions.push(...openQuestions({ operations, entities, authz, integrations, jobs: uniqueJobs, webhookOps, chosen, registry, sources }));

  return {
    ...(title ? { title } : {}),
    ...(sources ? { sources } : {}),
    operations,
    entities,
    authz,
    integrations: integrations.sort((a, b) => a.line - b.line),
    jobs: uniqueJobs,
    slos,
    outOfScope,
    services: [...services],
    hasFrontendItems,
    questions,
    ...(existingModels.length ? { existingModels } : {}),
  };
}

/**
 * Existing models the sprint works on without changing them: named as existing by the
 * document, not among its schema changes, with the fields the responses of their
 * operations show (`PUT /tickets/{id}` returns a `Ticket`).
 */
function worksOn(units: readonly Unit[], operations: readonly Operation[], entities: readonly Entity[]): ExistingModel[] {
  const squash = (name: string): string => singular(name).toLowerCase().replace(/[^a-z0-9]/g, '');
  const named = new Map<string, { name: string; line: number }>();
  for (const unit of units) {
    if (unit.outOfScope || unit.kind === 'code') continue;
    for (const model of existingModelsIn(unit)) if (!named.has(squash(model.name))) named.set(squash(model.name), model);
  }
  const models: ExistingModel[] = [];
  for (const [key, model] of named) {
    if (entities.some((entity) => squash(entity.table) === key)) continue;
    const fields: Field[] = [];
    for (const op of operations) {
      const resource = op.kind === 'rest' ? (op.path ?? '').split('/').filter((segment) => segment && !segment.startsWith('{')).pop() : undefined;
      // A DELETE answers with a confirmation, not the model.
      if (!resource || squash(resource) !== key || op.method === 'DELETE') continue;
      for (const field of op.responseFields) if (!fields.some((known) => known.name === field.name)) fields.push({ ...field });
    }
    // The model's table read in the document's code (`SELECT id, archived_at FROM kennels`): its other stored fields.
    if (fields.length) {
      const known = (name: string): boolean => fields.some((field) => squash(field.name) === squash(name));
      for (const unit of units) {
        if (unit.outOfScope || unit.kind !== 'code') continue;
        for (const selected of selectedColumns(unit.value ?? '', unit.line)) {
          if (squash(selected.table) !== key) continue;
          // In the spelling the examples use: `archived_at` beside `createdAt` is `archivedAt`.
          const camel = fields.some((field) => /[a-z][A-Z]/.test(field.name)) && !fields.some((field) => field.name.includes('_'));
          for (const column of selected.columns) if (!known(column.name)) fields.push({ ...column, name: camel ? camelCase(column.name) : column.name });
        }
      }
    }
    if (fields.length) models.push({ name: model.name, line: model.line, fields });
  }
  return models;
}

/**
 * `SELECT id, label, archived_at FROM kennels`: a plain list of column names read from
 * one table (no `*`, expressions, aliases or joins), each with its line. `line` is the fence's.
 */
export function selectedColumns(code: string, line: number): Array<{ table: string; columns: Field[] }> {
  const lineOf = (index: number): number => line + 1 + (code.slice(0, index).match(/\n/g)?.length ?? 0);
  const found: Array<{ table: string; columns: Field[] }> = [];
  for (const match of code.matchAll(/\bSELECT\s+((?:[A-Za-z_]\w*\s*,\s*)+[A-Za-z_]\w*)\s+FROM\s+["`]?([A-Za-z_]\w*)["`]?(?:\s*$|\s*[;`'"]|\s+(?:WHERE|ORDER|LIMIT|GROUP)\b)/gi)) {
    const list = match[1];
    const start = match.index + match[0].indexOf(list);
    const names = [...list.matchAll(/[A-Za-z_]\w*/g)];
    if (names.some((name) => /^(?:distinct|all|as|from|select)$/i.test(name[0]))) continue;
    found.push({ table: match[2], columns: names.map((name) => ({ name: name[0], line: lineOf(start + name.index) })) });
  }
  return found;
}

/** `/api/v1/users/{userId}/roles` → `/users/{}/roles`: one route however its prefix and parameters are written. */
function routeShape(path: string): string {
  return prefixOf(path).rest.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
}

const REFERENCED_AFTER = /\b(?:from|in|of|against|via|through|by)\s*[`*]*$/i;

/** Words that say a call takes no request body. */
const NO_BODY = /\b(?:without|with no|no) (?:a |any )?(?:request )?body\b|\bempty (?:request )?body\b|본문\s*없이|바디\s*없이|본문이\s*없|不帶(?:請求)?(?:主體|內容)|无需请求体|ボディなし/i;

/** Words that say a paragraph states a request body. */
const REQUEST_BODY = /\brequest body\b|\brequest payload\b|\bbody\s*[:：]|요청\s*본문|요청\s*바디|請求(?:主體|內容|本文)|请求体|リクエストボディ|corpo da requisição|cuerpo de la solicitud/i;

const ERROR_EXAMPLE = /\b(?:error|fail(?:ure|ed)?|4\d\d|5\d\d)\b|錯誤|失敗|エラー|오류|에러|errores?|erros?|falha/i;
const REQUEST_EXAMPLE = /\b(?:request|body|payload|input|params?)\b|請求|要求|リクエスト|요청|solicitud|requisição|corpo/i;
const RESPONSE_EXAMPLE = /\b(?:respon\w*|returns?|output|result)\b|回應|回傳|響應|レスポンス|응답|respuesta|resposta|retorno/i;

/**
 * Whose body a JSON example shows, from the label just above it ("**Request Body**:",
 * "Success Response (200)"); error bodies describe the error shape, not the operation.
 * Unlabelled, an example right under the operation is its body (a response for GET/DELETE).
 */
function exampleRole(op: Operation, label: Unit | undefined): 'request' | 'response' | undefined {
  const text = label ? proseOf(label.text) : '';
  const labelled = label && label.text.length < 200 && (REQUEST_EXAMPLE.test(text) || RESPONSE_EXAMPLE.test(text));
  if (labelled) {
    if (RESPONSE_EXAMPLE.test(text)) return ERROR_EXAMPLE.test(text) ? undefined : 'response';
    return 'request';
  }
  if (op.kind !== 'rest' || !label || label.line !== op.line) return undefined;
  return ['GET', 'DELETE', 'HEAD'].includes(op.method ?? '') ? 'response' : 'request';
}

/** "excluded from `GET /x`", "shown in GET /x": a test names the endpoint where it looks. */
/** Words right before a route that say the app already has it. */
/** A cell that labels the fields it names: "body: `note`", "query: `cursor`, `limit`". */
const CELL_FIELDS_LABEL = /\b(?:body|request|payload|query|params?|parameters|fields?|input)\s*[:：]/i;
/** "through the existing patch endpoints:", "reuses these routes unchanged:". */
const EXISTING_ROUTES_LEAD = /\b(?:existing|current)\b[^.:]*\b(?:endpoints?|routes?|apis?)\b|\b(?:reuse[sd]?|unchanged)\b[^.:]*\b(?:endpoints?|routes?)\b/i;
const EXISTING_BEFORE = /\b(?:the\s+)?(?:existing|current)\s*[`*]*$|기존(?:의)?\s*[^\s`]*(?:\s+[^\s`]+){0,2}\s*[(（]?\s*[`*]*$|既存の?\s*\S{0,12}[(（]?\s*$/i;

/** A REST operation moved to its full path: its name and parameters follow. */
function rebase(op: Operation, path: string, webhook: boolean): void {
  op.path = path;
  op.pathParams = pathParams(path);
  op.name = restOperationName(op.method!, path, { webhook, list: op.list });
}

function addIntegration(list: Integration[], integration: Integration, secondary: boolean): void {
  const existing = list.find((entry) => entry.name === integration.name && entry.kind === integration.kind);
  const marked = integration as Integration & { secondary?: boolean };
  if (!existing) {
    if (secondary) Object.defineProperty(marked, 'secondary', { value: true, enumerable: false, writable: true });
    list.push(marked);
    return;
  }
  const previous = existing as Integration & { secondary?: boolean };
  if (previous.secondary && !secondary) {
    Object.assign(existing, { text: integration.text, line: integration.line });
    previous.secondary = false;
  }
  existing.verification ??= integration.verification;
}

/** Mutating operations whose resource a retry statement names ("Retrying a refund request never refunds twice"). */
function retryTargets(text: string, operations: Operation[]): Operation[] {
  // Only a change can be retried: a read the sentence also names ("returns 200 with the existing note") is no target.
  const named = resolveOperations(text, operations).map((key) => operations.find((op) => operationKey(op) === key)!).filter(isMutating);
  const words = new Set(proseOf(text).toLowerCase().split(/[^a-z]+/).filter(Boolean));
  const candidates = named.length
    ? named
    : operations.filter((op) => {
        if (op.kind === 'rest') {
          const nouns = (op.path ?? '').split('/').filter((segment) => segment && !segment.startsWith('{'));
          const last = (nouns[nouns.length - 1] ?? '').toLowerCase();
          return op.method === 'POST' && (words.has(last) || words.has(last.replace(/s$/, '')));
        }
        return op.kind.endsWith('mutation') && [...words].some((word) => word.length > 3 && op.name.toLowerCase().includes(word));
      });
  const mutating = candidates.filter(isMutating);
  if (mutating.length || /[a-z]{3}/i.test(proseOf(text))) return mutating;
  // A rule in a language whose nouns the paths do not spell ("두 번 신고하면 기존 신고를 반환"): the document's one create.
  const creates = operations.filter((op) => op.kind === 'rest' && op.method === 'POST');
  return creates.length === 1 ? creates : [];
}

/** Final names: REST names are derived, then made unique (PUT beside PATCH becomes `replaceX`). */
function nameOperations(operations: Operation[]): void {
  const taken = new Set<string>();
  const puts = operations.filter((op) => op.method === 'PUT');
  for (const op of operations) if (op.method !== 'PUT') op.name = uniqueName(op.name, taken);
  for (const op of puts) op.name = uniqueName(op.name, taken, [op.name.replace(/^update/, 'replace')]);
}

interface QuestionInputs {
  operations: Operation[];
  entities: Entity[];
  authz: AuthzRule[];
  integrations: Integration[];
  jobs: JobItem[];
  webhookOps: Set<Operation>;
  chosen: Entry[];
  registry: Map<string, Entry>;
  /** The documents read, so a question cites a companion's own file and line, not the joined input's. */
  sources?: ScopeSource[];
}

/** `on lines 3, 9` in the plan document; `at .kiro/specs/x/requirements.md:12, …` when a line is in a companion. */
function citedLines(sources: readonly ScopeSource[] | undefined, lines: number[]): string {
  const located = lines.map((line) => locateLine(sources, line));
  if (located.every((place) => !place.path)) return `on lines ${located.map((place) => place.line).join(', ')}`;
  return `at ${located.map((place) => (place.path ? `${place.path}:${place.line}` : `line ${place.line}`)).join(', ')}`;
}

/** `POST /shelves/{shelfId}/archive`, `POST /notes/{id}:pin`: a state change of the resource the path names, with no body to ask for. */
function bodilessAction(op: Operation): boolean {
  if (op.kind !== 'rest' || op.method !== 'POST' || !op.path) return false;
  const custom = /\}:([A-Za-z]+)$/.exec(op.path);
  if (custom) return BODILESS_ACTIONS.has(custom[1].toLowerCase());
  const segments = op.path.split('/').filter(Boolean);
  return segments.length >= 2 && /^\{[^}]+\}$/.test(segments.at(-2)!) && BODILESS_ACTIONS.has(segments.at(-1)!.toLowerCase());
}

/** What the text leaves open, as questions (the document never gets an invented answer). */
function openQuestions(inputs: QuestionInputs): ScopeNote[] {
  const questions: ScopeNote[] = [];
  const ask = (text: string, line: number, untypedColumns?: ScopeNote['untypedColumns']): void => {
    if (!questions.some((question) => question.text === text)) questions.push({ text, line, ...(untypedColumns ? { untypedColumns } : {}) });
  };
  if (!inputs.operations.length) ask('The document names no API operation (`METHOD /path`, GraphQL, gRPC or tRPC): which endpoints does this sprint add or change?', 1);
  if (inputs.chosen.length && inputs.chosen.every((entry) => entry.alternative)) ask('Operations appear only under the design options: which option is chosen?', inputs.chosen[0].op.line);
  // One question for every operation that needs a body the document does not give (untyped fields are
  // asked once by the contract stage, after it has borrowed what the tables state).
  const bodiless = inputs.operations.filter((op) => {
    const mutating = op.kind === 'rest' ? ['POST', 'PUT', 'PATCH'].includes(op.method ?? '') : op.kind.endsWith('mutation') || op.kind === 'grpc';
    return mutating && !inputs.webhookOps.has(op) && !op.requestFields.length && !op.noBody && !bodilessAction(op);
  });
  if (bodiless.length === 1) ask(`\`${operationKey(bodiless[0])}\`: the request fields are not stated.`, bodiless[0].line);
  if (bodiless.length > 1) ask(`The request fields of ${codeList(bodiless.map(operationKey))} are not stated.`, bodiless[0].line);
  // Who may call each operation is asked by the model, from its authz matrix (one place for that rule).
  // Rules that name no operation: one question for all of them (with no operation stated, the endpoints question covers them).
  const unplaced = inputs.operations.length ? inputs.authz.filter((rule) => !rule.operations.length) : [];
  if (unplaced.length === 1) ask(`Which operations does this rule apply to: "${unplaced[0].text}"?`, unplaced[0].line);
  if (unplaced.length > 1) ask(`Which operations do the access rules ${citedLines(inputs.sources, unplaced.map((rule) => rule.line))} apply to? They name none (first: "${unplaced[0].text}").`, unplaced[0].line);
  for (const integration of inputs.integrations) {
    // A webhook whose sender the text does not name is "the webhook", never "webhook webhook".
    const hooks = integration.name.toLowerCase() === 'webhook' ? 'the webhook' : `${integration.name} webhook`;
    if (integration.kind === 'webhook' && !integration.verification) ask(`How are ${hooks} calls verified (signature, HMAC, mTLS, shared secret)?`, integration.line);
  }
  for (const integration of inputs.integrations) {
    if (integration.kind === 'webhook' && ![...inputs.webhookOps].some((op) => integration.line === op.line)) {
      if (!inputs.operations.some((op) => op.line === integration.line)) ask(`${integration.name.toLowerCase() === 'webhook' ? 'Webhooks are' : `${integration.name} webhooks are`} mentioned, but the endpoint that receives them is not stated.`, integration.line);
    }
  }
  const columnless = inputs.entities.filter((entity) => !entity.columns.length && entity.change === 'new-table');
  if (columnless.length === 1) ask(`\`${columnless[0].table}\`: the columns are not stated.`, columnless[0].line);
  if (columnless.length > 1) ask(`The columns of ${codeList(columnless.map((entity) => entity.table))} are not stated.`, columnless[0].line);
  // Untyped columns: one question for the whole data model.
  const untyped = inputs.entities
    // A column the table has already (a subtype's attribute) keeps the type it has.
    .map((entity) => ({ entity, columns: entity.columns.filter((column) => !column.existing && !column.type && !column.enum && !column.references && !/^id$/i.test(column.name) && !columnKindOf(column.name)) }))
    .filter((found) => found.columns.length);
  const untypedColumns = untyped.flatMap(({ entity, columns }) => columns.map((column) => ({ table: entity.table, column: column.name })));
  if (untyped.length === 1) {
    const [{ entity, columns }] = untyped;
    ask(`\`${entity.table}\`: the types of ${columns.map((column) => `\`${column.name}\``).join(', ')} are not stated.`, columns[0].line, untypedColumns);
  } else if (untyped.length > 1) {
    const list = untyped.map(({ entity, columns }) => `\`${entity.table}\` (${columns.map((column) => `\`${column.name}\``).join(', ')})`).join('; ');
    ask(`Column types are not stated for ${list}.`, untyped[0].columns[0].line, untypedColumns);
  }
  for (const job of inputs.jobs) if (!job.schedule) ask(`When does this job run: "${job.text}"?`, job.line);
  return questions;
}

/** `a`, `b` and `c`. */
function codeList(names: readonly string[]): string {
  const codes = names.map((name) => `\`${name}\``);
  return codes.length > 1 ? `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}` : codes.join('');
}

/**
 * NestJS controllers in a TypeScript code block: one REST operation per handler, its path the controller's
 * base and the handler's own; `@Body()` / `@Query()` give the fields of the DTO the same code defines, or the
 * one field a keyed decorator names (`@Query('limit') limit: number`). A handler without `@Body()` takes no body.
 */
function nestOperations(unit: Unit, code: string): Operation[] {
  const { routes, shapes } = readNestControllers(code, unit.line + 1);
  const fieldsOf = (parameters: NestParameter[]): Field[] =>
    parameters.flatMap((parameter): Field[] => {
      const shape = parameter.type ? shapes.get(parameter.type) : undefined;
      if (parameter.key) return [{ name: parameter.key, line: parameter.line, ...(parameter.type && !shape ? typeOfName(parameter.type) : {}) }];
      return shape ? shape.map((field) => ({ ...field })) : [];
    });
  return routes.map((route) => {
    const text = `${route.method} ${route.path}`;
    const lineUnit: Unit = { ...unit, kind: 'paragraph', text, codes: [], pieces: [], line: route.line };
    const { op } = restOperation(route.method, route.path, lineUnit, 0, text.length, 0, text.length);
    if (route.base !== '/') op.base = normalizePath(route.base).path;
    op.requestFields = fieldsOf(route.body);
    op.queryParams = fieldsOf(route.query);
    if (!route.body.length) op.noBody = true;
    return op;
  });
}

/** A TypeScript primitive written as a parameter's type. */
function typeOfName(type: string): Pick<Field, 'type'> {
  return type === 'string' || type === 'number' || type === 'boolean' ? { type } : {};
}
