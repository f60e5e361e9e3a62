// `--openapi <path>`: add this sprint's paths and components to an existing
// OpenAPI file. yaml's Document API finds where each new entry belongs; the
// new text is spliced in there, so every byte of the existing file (comments,
// key order, quoting, blank lines) stays as it was. What already exists is
// never overwritten: a different shape is a collision, and changes that would
// break clients are reported.

import { Document, isMap, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { MagiError } from '../errors.js';
import type { OpenQuestion, Warning } from '../types.js';

type Json = Record<string, any>;

export interface MergeOutcome {
  text: string;
  document: Json;
  warnings: Warning[];
  questions: OpenQuestion[];
  /** JSON pointers of everything this merge added. */
  owned: string[];
  /** Operation keys (`POST /x`) that were added (not already present). */
  addedOperations: string[];
  /** Operation keys that already existed (same or different shape). */
  existingOperations: string[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SOURCE = 'contract';

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (keys: string[]): string => `#/${keys.map(escapePointer).join('/')}`;

// ---------- shapes: what a client depends on, descriptions ignored ----------

interface FieldShape {
  type: string;
  required: boolean;
}

function resolveRef(document: Json, value: any, seen = new Set<string>()): any {
  let current = value;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) return { type: `ref:${ref}` };
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<any>((node, segment) => (node && typeof node === 'object' ? node[segment] : undefined), document);
  }
  return current;
}

function typeName(schema: any): string {
  if (!schema || typeof schema !== 'object') return 'any';
  if (schema.enum) return `enum(${[...schema.enum].map(String).sort().join('|')})`;
  if (Array.isArray(schema.type)) return schema.type.filter((t: string) => t !== 'null').sort().join('|') || 'null';
  if (schema.type) return String(schema.type);
  if (schema.oneOf || schema.anyOf) return 'union';
  if (schema.properties) return 'object';
  return 'any';
}

/** Flatten a schema to `a.b[]` → type/required, following local refs. */
export function flattenSchema(document: Json, schema: any, prefix = '', out = new Map<string, FieldShape>(), depth = 0, seen = new Set<string>()): Map<string, FieldShape> {
  const resolved = resolveRef(document, schema, new Set(seen));
  if (!resolved || typeof resolved !== 'object' || depth > 8) return out;
  const parts = [resolved, ...(Array.isArray(resolved.allOf) ? resolved.allOf.map((part: any) => resolveRef(document, part)) : [])];
  for (const part of parts) {
    const required: string[] = Array.isArray(part?.required) ? part.required : [];
    for (const [name, child] of Object.entries<any>(part?.properties ?? {})) {
      const key = prefix ? `${prefix}.${name}` : name;
      const childResolved = resolveRef(document, child);
      out.set(key, { type: typeName(childResolved), required: required.includes(name) });
      if (childResolved?.type === 'array') flattenSchema(document, childResolved.items, `${key}[]`, out, depth + 1, seen);
      else flattenSchema(document, childResolved, key, out, depth + 1, seen);
    }
  }
  return out;
}

interface OperationShape {
  parameters: Map<string, FieldShape>;
  body: Map<string, FieldShape>;
  responses: Map<string, Map<string, FieldShape>>;
}

function operationShape(document: Json, path: string, method: string): OperationShape {
  const pathItem = document.paths?.[path] ?? {};
  const operation = pathItem[method] ?? {};
  const parameters = new Map<string, FieldShape>();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveRef(document, raw);
    if (!parameter?.name) continue;
    parameters.set(`${parameter.in}:${String(parameter.name).toLowerCase()}`, { type: typeName(resolveRef(document, parameter.schema)), required: !!parameter.required });
  }
  const requestBody = resolveRef(document, operation.requestBody);
  const bodySchema = requestBody?.content?.['application/json']?.schema;
  const body = flattenSchema(document, bodySchema);
  const responses = new Map<string, Map<string, FieldShape>>();
  for (const [status, raw] of Object.entries<any>(operation.responses ?? {})) {
    const response = resolveRef(document, raw);
    const content = response?.content ?? {};
    const media = Object.keys(content).sort()[0];
    responses.set(`${status} ${media ?? ''}`.trim(), flattenSchema(document, media ? content[media].schema : undefined));
  }
  return { parameters, body, responses };
}

const serialise = (map: Map<string, FieldShape>): string => JSON.stringify([...map.entries()].sort(([a], [b]) => a.localeCompare(b)));

function sameOperationShape(a: OperationShape, b: OperationShape): boolean {
  if (serialise(a.parameters) !== serialise(b.parameters) || serialise(a.body) !== serialise(b.body)) return false;
  const keys = (shape: OperationShape) => [...shape.responses.keys()].sort();
  if (JSON.stringify(keys(a)) !== JSON.stringify(keys(b))) return false;
  return keys(a).every((key) => serialise(a.responses.get(key)!) === serialise(b.responses.get(key)!));
}

/** What in `next` would break a client written against `previous`. */
export function breakingChanges(previous: Map<string, FieldShape>, next: Map<string, FieldShape>, where: string, isRequest: boolean): string[] {
  // Parameter shapes are keyed `in:name`; schema fields by their dotted path.
  const label = (name: string): string => {
    const [place, parameter] = name.split(':');
    return parameter === undefined ? `field \`${name}\`` : `${place} parameter \`${parameter}\``;
  };
  const changes: string[] = [];
  for (const [name, shape] of previous) {
    const now = next.get(name);
    if (!now) changes.push(`${where}: ${label(name)} would be removed`);
    else if (now.type !== shape.type) changes.push(`${where}: ${label(name)} would change type from ${shape.type} to ${now.type}`);
  }
  if (isRequest) {
    for (const [name, shape] of next) {
      if (shape.required && !previous.get(name)?.required) changes.push(`${where}: new required ${label(name)}`);
    }
  }
  return changes;
}

function operationBreakingChanges(previous: OperationShape, next: OperationShape, key: string): string[] {
  const changes = [
    ...breakingChanges(previous.parameters, next.parameters, key, true),
    ...breakingChanges(previous.body, next.body, `${key} request body`, true),
  ];
  for (const [status, fields] of previous.responses) {
    const now = next.responses.get(status);
    if (now && /^2/.test(status)) changes.push(...breakingChanges(fields, now, `${key} response ${status.split(' ')[0]}`, false));
  }
  return changes;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (key, inner) => {
    if (key === 'description' || key === 'summary' || key === 'example' || key === 'examples') return undefined;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.keys(inner).sort().map((name) => [name, inner[name]]));
    }
    return inner;
  });
}

// ---------- text splicing ----------

interface Insertion {
  /** Keys of the existing block mapping (or sequence) the entries go into. */
  parentKeys: string[];
  entries: Array<[string, unknown]>;
  /** Items appended to a sequence (tags), instead of map entries. */
  items?: unknown[];
}

interface Layout {
  indent: number;
  indentSeq: boolean;
  singleQuote: boolean;
}

function detectLayout(text: string, doc: Document.Parsed): Layout {
  let indent = 2;
  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      const value = pair.value as YamlNode | null;
      if (isMap(value) && !value.flow && value.items.length > 0 && value.items[0].key && (value.items[0].key as YamlNode).range) {
        const column = columnOf(text, (value.items[0].key as YamlNode).range![0]);
        if (column > 0) {
          indent = column;
          break;
        }
      }
    }
  }
  // `- item` directly under its key (indentSeq false) or indented (true).
  const seqMatch = /^( *)[A-Za-z_$][\w$-]*:\s*\n( *)- /m.exec(text);
  const indentSeq = seqMatch ? seqMatch[2].length > seqMatch[1].length : true;
  const singles = (text.match(/^\s*'[^'\n]*':/gm) ?? []).length;
  const doubles = (text.match(/^\s*"[^"\n]*":/gm) ?? []).length;
  return { indent, indentSeq, singleQuote: singles > doubles };
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function renderEntries(entries: Array<[string, unknown]> | unknown[], column: number, layout: Layout, asSeq = false): string {
  const doc = new Document(asSeq ? entries : Object.fromEntries(entries as Array<[string, unknown]>), { aliasDuplicateObjects: false });
  const rendered = doc.toString({ indent: layout.indent, indentSeq: layout.indentSeq, lineWidth: 0, singleQuote: layout.singleQuote });
  const pad = ' '.repeat(column);
  return rendered
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}

function mapAt(doc: Document.Parsed, keys: string[]): YAMLMap | undefined {
  const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
  return isMap(node) ? (node as YAMLMap) : undefined;
}

/** Splice insertions into the text; undefined when a target cannot be spliced (flow style, empty map). */
function splice(text: string, doc: Document.Parsed, insertions: Insertion[], layout: Layout): string | undefined {
  const edits: Array<{ offset: number; remove: number; column: number; text: string }> = [];
  for (const insertion of insertions) {
    const node = insertion.parentKeys.length === 0 ? doc.contents : doc.getIn(insertion.parentKeys, true);
    if (!node || !(node as YamlNode).range) return undefined;
    const range = (node as YamlNode).range!;
    // `paths: {}` — an empty flow map becomes a block under its key.
    if (!insertion.items && isMap(node) && node.flow && node.items.length === 0 && insertion.parentKeys.length > 0) {
      const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
      const column = /^ */.exec(text.slice(lineStart))![0].length + layout.indent;
      let start = range[0];
      while (start > lineStart && text[start - 1] === ' ') start--;
      const end = text.indexOf('}', range[0]) + 1;
      edits.push({ offset: start, remove: end - start, column, text: '\n' + renderEntries(insertion.entries, column, layout).replace(/\n$/, '') });
      continue;
    }
    let column: number;
    if (insertion.items) {
      if (!isSeq(node) || node.flow || node.items.length === 0) return undefined;
      const first = node.items[0] as YamlNode;
      if (!first?.range) return undefined;
      column = columnOf(text, text.lastIndexOf('-', first.range[0]));
    } else {
      if (!isMap(node) || node.flow || node.items.length === 0) return undefined;
      const firstKey = node.items[0].key as YamlNode | null;
      if (!firstKey?.range) return undefined;
      column = columnOf(text, firstKey.range[0]);
    }
    let offset = range[1];
    if (offset > 0 && text[offset - 1] !== '\n') {
      const newline = text.indexOf('\n', offset);
      offset = newline === -1 ? text.length : newline + 1;
    }
    const needsNewline = offset > 0 && text[offset - 1] !== '\n';
    const block = insertion.items ? renderEntries(insertion.items, column, layout, true) : renderEntries(insertion.entries, column, layout);
    edits.push({ offset, remove: 0, column, text: (needsNewline ? '\n' : '') + block });
  }
  let result = text;
  // At one offset the deeper block must come first in the text, so it is applied last.
  for (const edit of edits.sort((a, b) => b.offset - a.offset || a.column - b.column)) {
    result = result.slice(0, edit.offset) + edit.text + result.slice(edit.offset + edit.remove);
  }
  return result;
}

/** Fallback for layouts splicing cannot handle: mutate the Document (comments kept, formatting may shift). */
function mutate(doc: Document.Parsed, insertions: Insertion[], layout: Layout): string {
  for (const insertion of insertions) {
    if (insertion.items) {
      const seq = doc.getIn(insertion.parentKeys, true);
      if (isSeq(seq)) for (const item of insertion.items) seq.add(doc.createNode(item));
    }
    for (const [key, value] of insertion.entries) doc.setIn([...insertion.parentKeys, key], doc.createNode(value));
  }
  return doc.toString({ indent: layout.indent, indentSeq: layout.indentSeq, lineWidth: 0, singleQuote: layout.singleQuote });
}

function collectRefs(value: unknown, out: string[]): void {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, out));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') out.push(inner);
      else collectRefs(inner, out);
    }
  }
}

/** Component pointers reachable from `roots` through local refs (and security requirements). */
function reachableComponents(document: Json, roots: unknown[]): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const root of roots) {
    collectRefs(root, queue);
    for (const requirement of ((root as Json)?.security ?? []) as Json[]) {
      for (const name of Object.keys(requirement)) queue.push(`#/components/securitySchemes/${escapePointer(name)}`);
    }
  }
  while (queue.length > 0) {
    const pointer = queue.pop()!;
    if (seen.has(pointer) || !pointer.startsWith('#/')) continue;
    seen.add(pointer);
    collectRefs(resolveRef(document, { $ref: pointer }), queue);
  }
  return seen;
}

// ---------- merge ----------

export function mergeOpenApi(existing: { path: string; text: string }, generated: Json): MergeOutcome {
  const doc = parseDocument(existing.text);
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}: ` : '';
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '').replace(/:$/, '');
    throw new MagiError('openapi-parse', `--openapi ${existing.path}: ${where}${reason}; fix the YAML or drop --openapi`);
  }
  const current = (doc.toJS() ?? {}) as Json;
  if (typeof current !== 'object' || typeof current.openapi !== 'string') {
    throw new MagiError('openapi-parse', `${existing.path} is not an OpenAPI document (no \`openapi\` field). Point --openapi at the API's OpenAPI file.`);
  }
  const warnings: Warning[] = [];
  const questions: OpenQuestion[] = [];
  const owned: string[] = [];
  const addedOperations: string[] = [];
  const existingOperations: string[] = [];
  const layout = detectLayout(existing.text, doc);
  if (!current.openapi.startsWith('3.1')) {
    warnings.push({ code: 'openapi-version', message: `${existing.path} is OpenAPI ${current.openapi}; the new parts use 3.1 keywords (type arrays, numeric exclusiveMinimum).` });
    questions.push({ text: `${existing.path} is OpenAPI ${current.openapi}. Upgrade it to 3.1, or rewrite the new parts in ${current.openapi}?`, weight: 4, source: SOURCE });
  }

  // Missing content as a tree of insertions keyed by the existing parent.
  const insertions = new Map<string, Insertion>();
  const insert = (parentKeys: string[], key: string, value: unknown) => {
    // Find the deepest existing block map among the parents; nest the rest.
    let depth = parentKeys.length;
    while (depth > 0 && !mapAt(doc, parentKeys.slice(0, depth))) depth--;
    const anchor = parentKeys.slice(0, depth);
    let nested: [string, unknown] = [key, value];
    for (let index = parentKeys.length - 1; index >= depth; index--) nested = [parentKeys[index], Object.fromEntries([nested])];
    const id = JSON.stringify(anchor);
    const target = insertions.get(id) ?? { parentKeys: anchor, entries: [] };
    const same = target.entries.find(([name]) => name === nested[0]);
    if (same && depth < parentKeys.length) deepAssign(same[1] as Json, nested[1] as Json);
    else target.entries.push(nested);
    insertions.set(id, target);
    owned.push(pointerOf([...parentKeys, key]));
  };

  for (const [path, pathItem] of Object.entries<Json>(generated.paths ?? {})) {
    for (const method of Object.keys(pathItem).filter((name) => HTTP_METHODS.includes(name))) {
      const key = `${method.toUpperCase()} ${path}`;
      if (current.paths?.[path]?.[method]) {
        existingOperations.push(key);
        const before = operationShape(current, path, method);
        const after = operationShape(generated, path, method);
        if (!sameOperationShape(before, after)) {
          warnings.push({ code: 'contract-collision', message: `${key} already exists in ${existing.path} with a different shape; it was kept and the sprint's version was not written.` });
          questions.push({ text: `${key} exists in ${existing.path} with a different shape than this sprint describes. Which is right?`, weight: 5, source: SOURCE });
          for (const change of operationBreakingChanges(before, after, key)) {
            warnings.push({ code: 'breaking-change', message: `${change} (against ${existing.path}).` });
          }
        }
        continue;
      }
      addedOperations.push(key);
      insert(['paths', path], method, pathItem[method]);
    }
  }

  // Only what the added operations use goes in; a kept (colliding) operation keeps its own components.
  const addedNodes = addedOperations.map((key) => {
    const [method, ...rest] = key.split(' ');
    return generated.paths[rest.join(' ')][method.toLowerCase()];
  });
  const needed = reachableComponents(generated, addedNodes);
  const requestSide = reachableComponents(generated, addedNodes.map((operation) => operation.requestBody ?? {}));
  for (const [section, entries] of Object.entries<Json>(generated.components ?? {})) {
    for (const [name, value] of Object.entries<any>(entries)) {
      if (!needed.has(pointerOf(['components', section, name]))) continue;
      const present = current.components?.[section]?.[name];
      if (present === undefined) {
        insert(['components', section], name, value);
        continue;
      }
      const where = `components.${section}.${name}`;
      if (section === 'schemas') {
        const before = flattenSchema(current, present);
        const after = flattenSchema(generated, value);
        if (serialise(before) === serialise(after)) continue;
        warnings.push({ code: 'contract-collision', message: `${where} already exists in ${existing.path} with a different shape; it was kept.` });
        questions.push({ text: `${where} in ${existing.path} differs from this sprint's ${name}. Rename the new one or change the existing one?`, weight: 5, source: SOURCE });
        const isRequest = requestSide.has(pointerOf(['components', section, name]));
        for (const change of breakingChanges(before, after, where, isRequest)) warnings.push({ code: 'breaking-change', message: `${change} (against ${existing.path}).` });
      } else if (canonical(present) !== canonical(value)) {
        warnings.push({ code: 'contract-collision', message: `${where} already exists in ${existing.path} with a different definition; it was kept.` });
        questions.push({ text: `${where} in ${existing.path} differs from what this sprint needs. Which one is right?`, weight: 4, source: SOURCE });
      }
    }
  }

  const knownTags = new Set((Array.isArray(current.tags) ? current.tags : []).map((tag: Json) => tag?.name));
  const newTags = (generated.tags ?? []).filter((tag: Json) => !knownTags.has(tag.name) && addedOperations.some((key) => {
    const [method, ...rest] = key.split(' ');
    return generated.paths?.[rest.join(' ')]?.[method.toLowerCase()]?.tags?.includes(tag.name);
  }));

  const planned = [...insertions.values()];
  if (newTags.length > 0) {
    if (isSeq(doc.get('tags', true))) planned.push({ parentKeys: ['tags'], entries: [], items: newTags });
    else planned.push({ parentKeys: [], entries: [['tags', newTags]] });
    owned.push(pointerOf(['tags']));
  }
  const text = splice(existing.text, doc, planned, layout) ?? mutate(parseDocument(existing.text), planned, layout);
  const merged = parseDocument(text);
  if (merged.errors.length > 0) {
    throw new MagiError('openapi-merge', `Merging into ${existing.path} produced invalid YAML (${merged.errors[0].message.split('\n')[0]}); nothing was written.`);
  }
  return { text, document: merged.toJS() as Json, warnings, questions, owned: [...new Set(owned)], addedOperations, existingOperations };
}

function deepAssign(target: Json, source: Json): void {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object') deepAssign(target[key], value);
    else target[key] = value;
  }
}
