// How the repository's handlers answer errors, read from the bodies they
// write: the app's own `{errors: …}`, a framework's built-in body when
// handlers throw its exceptions, or RFC 9457 problem details. New operations
// then answer errors the same way, so clients keep one error parser.

import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Evidence, LiteralJsonType, RepoErrorBody } from '../types.js';
import { ERROR_BODY_WRITES, ERROR_HANDLER_CODE, ERROR_HANDLER_FILE, ERROR_STATUS, knowledgeOf, PROBLEM_DETAILS, PROBLEM_FIELDS } from '../knowledge/index.js';
import { lineOfIndex, type RepoReader } from './scan.js';

const SOURCE_FILE = /\.(py|ts|js|mjs|cjs|rb|go|java|kt|php)$/;
const CONFIG_FILE = /(^|\/)application(?:-\w+)?\.(?:properties|ya?ml)$/;
const OPENAPI_FILE = /(^|\/)(?:openapi|swagger)[\w.-]*\.(?:ya?ml|json)$/i;
// Where handlers write error bodies. Kept apart from the paging reader's HANDLER_FILE (which also reads
// `apis.py` and `pagination`): widening it changes which bodies are counted, so it changes with a trial.
const HANDLER_FILE = /(^|\/)(routes?|routers?|controllers?|handlers?|api|views|endpoints|resolvers|app)(\/|\.|_|$)|(controller|handler|router|routes|views|endpoints?)s?\.\w+$/i;
const EXCLUDED = /(^|\/)(node_modules|vendor|dist|build|test|tests|spec|__tests__|migrations?)\//;
const MAX_FILES = 120;
/** How far after an error handler's signature (`@Catch(`, `rescue_from`) a written body still belongs to it. */
const HANDLER_REACH = 1500;

type Field = RepoErrorBody['fields'][number];

/** Where a Go map or Python dict literal's braces start: `gin.H{`, `map[string]interface{}{`, `dict(`. */
const BODY_PREFIX = /^(?:(?:gin|echo|fiber)\.(?:H|Map)|map\[string\](?:interface\{\}|any)|H)\s*(?=\{)/;

/** A string-valued expression: `err.message`, `err.Error()`, `e.to_s`, `str(e)`, `String(e)`, `I18n.t(…)`. */
const STRING_EXPRESSION = /^(?:[\w$]+\.)*(?:message|msg)\b|^[\w$.]*\.Error\(\)|\.to_s\b|^str\(|^String\(|^(?:I18n\.)?t\(\s*['"]|^f['"]/;

function valueType(rest: string): LiteralJsonType | undefined {
  const value = rest.trimStart();
  const first = value[0];
  if (first === '{') return 'object';
  if (first === '[') return 'array';
  if (first === '"' || first === "'" || first === '`') return 'string';
  if (/^-?\d+\.\d/.test(value)) return 'number';
  if (/^-?\d/.test(value)) return 'integer';
  if (/^(?:true|false|True|False)\b/.test(value)) return 'boolean';
  return STRING_EXPRESSION.test(value) ? 'string' : undefined;
}

/** One key at the start of an entry: `"key":`, `'key' =>`, `:key =>`, `key:`, Python `key=`, or JS shorthand `key`. */
const ENTRY_KEY = /\s*(?:"([^"\n]+)"|'([^'\n]+)'|:([A-Za-z_]\w*)|([A-Za-z_$][\w$]*))\s*(=>|:(?!:)|=(?![=>]))?\s*/y;

/**
 * The top-level keys of the object literal (or Python keyword arguments) that starts at `start`, with the
 * type each value's literal shows, and where the literal ends. Strings and nested brackets are skipped whole.
 */
export function literalBodyAt(text: string, start: number): { fields: Field[]; end: number } | undefined {
  let index = start;
  while (/\s/.test(text[index] ?? '')) index++;
  const prefix = BODY_PREFIX.exec(text.slice(index, index + 40));
  if (prefix) index += prefix[0].length;
  // `{…}` is an object; otherwise keyword arguments up to the call's `)` (Flask `jsonify(error=…)`).
  const keywords = text[index] !== '{';
  if (keywords && !/^[A-Za-z_]\w*\s*=(?!=)/.test(text.slice(index, index + 64))) return undefined;
  const fields: Field[] = [];
  let depth = 1;
  let expectKey = true;
  for (let at = keywords ? index : index + 1; at < text.length && at < start + 4000; at++) {
    const char = text[at];
    if (depth === 1 && expectKey && !/\s/.test(char)) {
      expectKey = false;
      ENTRY_KEY.lastIndex = at;
      const key = ENTRY_KEY.exec(text);
      const separator = key?.[5];
      const after = key ? text.slice(ENTRY_KEY.lastIndex, ENTRY_KEY.lastIndex + 80) : '';
      // A key needs its separator, except JS shorthand (`{ error }`); `...rest` and computed keys are not fields.
      if (key && (separator !== undefined || /^[,}]/.test(after)) && keywords === (separator === '=')) {
        const name = key[1] ?? key[2] ?? key[3] ?? key[4];
        if (!fields.some((field) => field.name === name)) fields.push({ name, ...(separator ? typeOf(after) : {}) });
        at = ENTRY_KEY.lastIndex - 1;
        continue;
      }
    }
    if (char === '"' || char === "'" || char === '`') {
      at = closingQuote(text, at);
      continue;
    }
    if (char === '{' || char === '[' || char === '(') depth++;
    else if (char === '}' || char === ']' || char === ')') {
      depth--;
      if (depth === 0) return { fields, end: at + 1 };
    } else if (depth === 1 && char === ',') expectKey = true;
  }
  return undefined;
}

function typeOf(rest: string): { type?: LiteralJsonType } {
  const type = valueType(rest);
  return type ? { type } : {};
}

function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let at = open + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === quote) return at;
    else if (text[at] === '\n' && quote !== '`') return at;
  }
  return text.length;
}

interface Tally {
  fields: Field[];
  files: Set<string>;
  hits: number;
  evidence: Evidence;
}

/** The error body most of the repository's handlers write, or the framework's own when they throw its exceptions. */
export async function readErrorBody(reader: RepoReader, serviceDir: string, files: string[], framework: string | undefined): Promise<RepoErrorBody | undefined> {
  const rel = (file: string): string => (serviceDir === '.' || serviceDir === '' ? file : path.posix.relative(serviceDir, file));
  const candidates = files
    .filter((file) => !EXCLUDED.test(file) && !/[._](test|spec)\.\w+$/.test(file))
    .filter((file) => (SOURCE_FILE.test(file) && (HANDLER_FILE.test(rel(file)) || ERROR_HANDLER_FILE.test(rel(file)))) || CONFIG_FILE.test(rel(file)) || OPENAPI_FILE.test(rel(file)))
    .sort()
    .slice(0, MAX_FILES);
  if (!candidates.length) return undefined;
  const texts = await reader.readMany(candidates);
  // The API's own contract says how errors travel, before any handler does.
  for (const file of candidates.filter((candidate) => OPENAPI_FILE.test(rel(candidate)))) {
    const declared = texts.has(file) ? openApiErrorBody(texts.get(file)!, file) : undefined;
    if (declared) return declared.body;
  }
  const thrown = knowledgeOf('framework', framework)?.errorBody;

  const tallies = new Map<string, Tally>();
  let problem: Evidence | undefined;
  let frameworkFiles = 0;
  let frameworkEvidence: Evidence | undefined;
  for (const file of candidates) {
    const text = texts.get(file);
    if (text === undefined) continue;
    const problemHit = PROBLEM_DETAILS.exec(text);
    if (problemHit) problem ??= { file, line: lineOfIndex(text, problemHit.index) };
    if (!SOURCE_FILE.test(file)) continue;
    const thrownHit = thrown?.throws.exec(text);
    if (thrownHit) {
      frameworkFiles++;
      frameworkEvidence ??= { file, line: lineOfIndex(text, thrownHit.index) };
    }
    for (const write of errorWrites(text, ERROR_HANDLER_FILE.test(rel(file)))) {
      const signature = write.fields.map((field) => field.name).sort().join(',');
      const tally = tallies.get(signature);
      if (tally) {
        tally.files.add(file);
        tally.hits++;
        mergeTypes(tally.fields, write.fields);
      } else {
        tallies.set(signature, { fields: write.fields, files: new Set([file]), hits: 1, evidence: { file, line: lineOfIndex(text, write.index) } });
      }
    }
  }

  const best = [...tallies.entries()].sort(([a, x], [b, y]) => y.files.size - x.files.size || y.hits - x.hits || a.localeCompare(b))[0]?.[1];
  const isProblemShape = (fields: Field[]): boolean => fields.some((field) => field.name === 'title') && fields.every((field) => PROBLEM_FIELDS.has(field.name));
  if (problem && (!best || isProblemShape(best.fields))) {
    return { kind: 'problem', mediaType: 'application/problem+json', fields: best?.fields ?? [], evidence: [problem] };
  }
  if (thrown && frameworkEvidence && frameworkFiles > (best?.files.size ?? 0)) {
    return { kind: 'own', mediaType: thrown.mediaType ?? 'application/json', fields: thrown.fields.map((field) => ({ ...field })), framework: knowledgeOf('framework', framework)!.label, evidence: [frameworkEvidence] };
  }
  if (!best) return undefined;
  if (isProblemShape(best.fields)) return { kind: 'problem', mediaType: 'application/problem+json', fields: best.fields, evidence: [best.evidence] };
  return { kind: 'own', mediaType: 'application/json', fields: best.fields, evidence: [best.evidence] };
}

/** The bodies a file writes with an error status, or anywhere in an error handler. */
function errorWrites(text: string, handlerFile: boolean): Array<{ fields: Field[]; index: number }> {
  const handlerStarts: number[] = [];
  const handlerCode = new RegExp(ERROR_HANDLER_CODE.source, 'g');
  for (let hit = handlerCode.exec(text); hit; hit = handlerCode.exec(text)) handlerStarts.push(hit.index);
  const writes: Array<{ fields: Field[]; index: number }> = [];
  const marker = new RegExp(ERROR_BODY_WRITES.source, 'g');
  for (let hit = marker.exec(text); hit; hit = marker.exec(text)) {
    const body = literalBodyAt(text, hit.index + hit[0].length);
    if (!body || body.fields.length === 0) continue;
    const lineStart = text.lastIndexOf('\n', hit.index) + 1;
    const lineEnd = text.indexOf('\n', body.end);
    const statement = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/_/g, '').toLowerCase();
    const inHandler = handlerFile || handlerStarts.some((start) => hit.index >= start && hit.index - start <= HANDLER_REACH);
    if (inHandler || ERROR_STATUS.test(statement)) writes.push({ fields: body.fields, index: hit.index });
  }
  return writes;
}

/** A field keeps a type only while every write agrees on it. */
function mergeTypes(into: Field[], from: Field[]): void {
  for (const field of into) {
    const other = from.find((candidate) => candidate.name === field.name);
    if (!other?.type) continue;
    if (!field.type) field.type = other.type;
    else if (field.type !== other.type) delete field.type;
  }
}

export type Json = Record<string, any>;

/**
 * How an OpenAPI document's operations answer errors: the media type and schema most of their 4xx/5xx
 * responses use, with that schema's fields. Undefined when the text is not OpenAPI or declares no error body.
 */
export function openApiErrorBody(text: string, file: string): { body: RepoErrorBody; schema?: Json } | undefined {
  let doc: Json;
  try {
    // Read to learn the house style: a repeated key somewhere in an example (`redis: ok` twice) does not hide it.
    // logLevel: yaml's own parse prints warnings (an alias ending in ':' in Markdown) as Node process warnings.
    doc = parseYaml(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' }) as Json;
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object' || typeof doc.openapi !== 'string' || typeof doc.paths !== 'object' || !doc.paths) return undefined;
  const resolve = (node: any): any => {
    let current = node;
    for (let depth = 0; current && typeof current.$ref === 'string' && current.$ref.startsWith('#/') && depth < 8; depth++) {
      current = current.$ref.slice(2).split('/').reduce((at: any, key: string) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    }
    return current;
  };
  const tally = new Map<string, { mediaType: string; schema: any; count: number }>();
  for (const item of Object.values<Json>(doc.paths)) {
    for (const operation of Object.values<any>(item ?? {})) {
      for (const [status, raw] of Object.entries<any>(operation?.responses ?? {})) {
        if (!/^[45]/.test(status)) continue;
        const content = resolve(raw)?.content;
        const mediaType = content && typeof content === 'object' ? Object.keys(content)[0] : undefined;
        if (!mediaType) continue;
        const schema = content[mediaType]?.schema;
        const key = `${mediaType} ${schema?.$ref ?? ''}`;
        const entry = tally.get(key) ?? { mediaType, schema, count: 0 };
        entry.count++;
        tally.set(key, entry);
      }
    }
  }
  const best = [...tally.values()].sort((a, b) => b.count - a.count)[0];
  if (!best) return undefined;
  const schemaName = typeof best.schema?.$ref === 'string' && best.schema.$ref.startsWith('#/components/schemas/') ? best.schema.$ref.slice('#/components/schemas/'.length) : undefined;
  const properties = resolve(best.schema)?.properties ?? {};
  const fields: Field[] = Object.entries<any>(properties).map(([name, property]) => {
    const declared = resolve(property)?.type;
    const type = (Array.isArray(declared) ? declared.find((entry) => entry !== 'null') : declared) as LiteralJsonType | undefined;
    return { name, ...(type && ['string', 'integer', 'number', 'boolean', 'object', 'array'].includes(type) ? { type } : {}) };
  });
  const problem = best.mediaType.toLowerCase() === 'application/problem+json' || (fields.some((field) => field.name === 'title') && fields.every((field) => PROBLEM_FIELDS.has(field.name)));
  // A body without declared fields (`{type: object}`) says nothing to follow.
  if (!problem && fields.length === 0) return undefined;
  const at = schemaName ? new RegExp(`^[ \\t]+["']?${schemaName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`, 'm').exec(text) : null;
  const body: RepoErrorBody = {
    kind: problem ? 'problem' : 'own',
    mediaType: problem ? 'application/problem+json' : best.mediaType,
    fields,
    ...(schemaName && !problem ? { schemaName } : {}),
    evidence: [{ file, ...(at ? { line: lineOfIndex(text, at.index + at[0].search(/\S/)) } : {}) }],
  };
  return { body, ...(schemaName && !problem ? { schema: resolve(best.schema) } : {}) };
}
