// Validation & safety: the stack's validation library, field rules from the
// contract's operations, the attack surfaces this sprint opens, log masking.

import type { Field, Operation, RepoPaging, Scope, ServiceStack } from '../types.js';
import { operationKey, startsAtZero, statedPaging } from '../types.js';
import { AUTH, DEFAULT_VALIDATION_BY_LANGUAGE, FRAMEWORKS, RAW_QUERY, VALIDATION, VENDORS, type LanguageId } from './conventions.js';
import type { ChecklistItem, FieldRule, ProtocolPlan, Surface, Validation } from './spec-types.js';
import type { Findings } from './findings.js';
import { isWebhook, vendorId, webhookFor } from './integrations.js';
import { isKeyName, isRowParam, snakeCase } from '../naming/index.js';
import { isMutating } from './names.js';
import { WEIGHTS } from './rules.js';
import { KEY_WIRE_TYPES, type KeyType } from '../knowledge/index.js';


const PII = /(email|phone|password|secret|token|card|iban|ssn|address|birth|first_?name|last_?name|full_?name)/i;
const URLISH = /(url|uri|webhook|callback|link|redirect)/i;
const PATHISH = /(path|file_?name|filename|dir)$/i;
const UPLOAD = /(file|upload|attachment|image|avatar|document)$/i;

export function languageOf(service: ServiceStack | undefined): LanguageId | undefined {
  const framework = service?.framework ? FRAMEWORKS[service.framework.value] : undefined;
  return (service?.language?.value as LanguageId | undefined) ?? framework?.language;
}

function constraintsOf(field: Field): string[] {
  const c: string[] = [];
  if (field.type) c.push(field.items ? `${field.type}<${field.items}>` : field.type);
  if (field.enum?.length) c.push(`enum: ${field.enum.join(' | ')}`);
  if (field.exclusiveMinimum !== undefined) c.push(`> ${field.exclusiveMinimum}`);
  if (field.minimum !== undefined) c.push(`>= ${field.minimum}`);
  if (field.maximum !== undefined) c.push(`<= ${field.maximum}`);
  if (field.minLength !== undefined) c.push(`minLength: ${field.minLength}`);
  if (field.maxLength !== undefined) c.push(`maxLength: ${field.maxLength}`);
  if (field.format) c.push(`format: ${field.format}`);
  return c;
}

const IDENTIFIER = /^id$|(_id|Id|_key|_code|_token)$/;
const isFreeText = (f: Field) => (f.type === 'string' || f.type === undefined) && !f.enum?.length && !f.format && f.maxLength === undefined && !IDENTIFIER.test(f.name);

const PAGE_PARAMS: Record<Operation['kind'], [string, string]> = {
  rest: ['limit', 'cursor'],
  'graphql-query': ['first', 'after'],
  'graphql-mutation': ['first', 'after'],
  grpc: ['page_size', 'page_token'],
  'trpc-query': ['limit', 'cursor'],
  'trpc-mutation': ['limit', 'cursor'],
};

function pagination(checklist: ChecklistItem[], kind: Operation['kind']): { def: number; max: number; params: [string, string] } {
  const item = checklist.find((c) => c.topic === 'pagination');
  const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
  const params = Array.isArray(item?.facts.params) && item.facts.params.length === 2 ? (item.facts.params as [string, string]) : PAGE_PARAMS[kind];
  return { def: num(item?.facts.defaultLimit, 20), max: num(item?.facts.maxLimit, 100), params };
}

/** A path key's rule: the repository's key type when its tables show one (`uuid`, `integer`), else the ID's format. */
function keyConstraints(name: string, keyType: KeyType | undefined, path: string | undefined): string[] {
  if (!keyType || !(isKeyName(name) || isRowParam(name, path))) return ['string', 'id format'];
  const wire = KEY_WIRE_TYPES[keyType];
  return [wire.format === 'uuid' ? 'uuid' : wire.type];
}

function fieldRules(op: Operation, checklist: ChecklistItem[], protocol: ProtocolPlan, keyType: KeyType | undefined, repoPaging: RepoPaging | undefined): FieldRule[] {
  const key = operationKey(op);
  // Where a field travels is the protocol's: a REST line of a gRPC sprint becomes fields of the request message.
  const at = op.kind === 'rest' ? protocol.fieldLocation : { body: 'input', query: 'input' } as const;
  const rules: FieldRule[] = op.pathParams.map((p) => ({ operation: key, field: p, location: at.query === 'query' ? 'path' : 'input', required: true, constraints: keyConstraints(p, keyType, op.path), unboundedText: false }));
  for (const [location, fields] of [[at.query, op.queryParams], [at.body, op.requestFields]] as const) {
    for (const f of fields) {
      rules.push({ operation: key, field: f.name, location, type: f.type, required: Boolean(f.required), constraints: constraintsOf(f), businessRule: f.description, unboundedText: isFreeText(f) && f.type === 'string' });
    }
  }
  const paging = pagination(checklist, op.kind);
  const { params } = paging;
  // The spec's own maximum for this list wins over the checklist's.
  const { def, max } = op.pageSizeMax ? { def: Math.min(paging.def, op.pageSizeMax), max: op.pageSizeMax } : paging;
  // Paging the spec states is validated as stated (its rules above); the default pair is added only without it.
  if (op.list && !statedPaging(op).length && op.kind === 'rest' && repoPaging) {
    // The repository's own paging pair, as its handlers read it (the contract takes the same pair).
    for (const name of repoPaging.params) {
      if (op.queryParams.some((f) => f.name === name)) continue;
      rules.push({ operation: key, field: name, location: at.query, type: 'integer', required: false, constraints: ['integer', startsAtZero(repoPaging, name) ? '≥ 0' : '≥ 1', ...(name === repoPaging.params[0] && repoPaging.sizeDefault ? [`default ${repoPaging.sizeDefault}`] : [])], unboundedText: false });
    }
  } else if (op.list && !statedPaging(op).length) {
    const location = at.query;
    rules.push({ operation: key, field: params[0], location, type: 'integer', required: false, constraints: ['integer', `1..${max}`, `default ${def}`, 'clamp'], unboundedText: false });
    rules.push({ operation: key, field: params[1], location, type: 'string', required: false, constraints: ['opaque'], unboundedText: false });
  }
  return rules;
}

export function buildValidation(scope: Scope, service: ServiceStack | undefined, checklist: ChecklistItem[], findings: Findings, protocol: ProtocolPlan): Validation {
  const language = languageOf(service);
  const detected = service?.validation?.value;
  const framework = service?.framework ? FRAMEWORKS[service.framework.value] : undefined;
  // The repository's library, else its framework's usual one, else its language's; with none of them known, none is named.
  const library = detected ?? framework?.validation ?? (language ? DEFAULT_VALIDATION_BY_LANGUAGE[language] : undefined) ?? '';
  const basis: Validation['basis'] = detected ? 'repo' : framework?.validation ? 'framework' : library ? 'language' : 'none';
  const conv = VALIDATION[library];
  const rules = scope.operations.flatMap((op) => fieldRules(op, checklist, protocol, service?.layout?.primaryKey?.type, service?.layout?.paging));

  const surfaces: Surface[] = [];
  const orm = service?.orm?.value;
  if (scope.entities.length || scope.operations.length) {
    const raw = orm ? RAW_QUERY[orm] : undefined;
    surfaces.push({ kind: 'sql-injection', where: scope.entities.map((e) => e.table), code: raw?.safe, avoid: raw?.unsafe });
  }
  const allFields = scope.operations.flatMap((op) => [...op.requestFields, ...op.queryParams].map((f) => ({ op, f })));
  /** Each field named once, however many operations take it. */
  const names = (found: Array<{ f: Field }>): string[] => [...new Set(found.map(({ f }) => f.name))];
  const freeText = allFields.filter(({ f }) => isFreeText(f) && f.type === 'string');
  if (freeText.length) surfaces.push({ kind: 'xss', where: names(freeText) });
  const urls = allFields.filter(({ f }) => f.format === 'uri' || f.format === 'url' || URLISH.test(f.name));
  if (urls.length) surfaces.push({ kind: 'ssrf', where: names(urls) });
  const paths = allFields.filter(({ f }) => PATHISH.test(f.name));
  if (paths.length) surfaces.push({ kind: 'path-traversal', where: names(paths) });
  const uploads = allFields.filter(({ f }) => f.format === 'binary' || UPLOAD.test(f.name));
  if (uploads.length) surfaces.push({ kind: 'upload', where: names(uploads) });
  const cookieAuth = service?.auth.some((a) => AUTH[a.value]?.transport === 'cookie');
  const browserMutations = scope.operations.filter((op) => isMutating(op) && !isWebhook(op, scope) && !op.unauthenticated);
  if (cookieAuth && browserMutations.length) surfaces.push({ kind: 'csrf', where: browserMutations.map((op) => operationKey(op)) });
  const hooks = scope.operations.filter((op) => isWebhook(op, scope));
  const vendorOf = (op: Operation) => {
    const hook = webhookFor(op, scope);
    return hook ? vendorId(hook.name) : undefined;
  };
  for (const op of hooks) {
    const vendor = vendorOf(op);
    surfaces.push({ kind: 'webhook-signature', where: [operationKey(op)], code: framework?.rawBody, avoid: vendor ? VENDORS[vendor].signatureHeader : undefined });
  }

  // One question for every text field without a stated limit, each field with the operations that take it.
  const unbounded = new Map<string, string[]>();
  for (const rule of rules.filter((r) => r.unboundedText)) {
    const ops = unbounded.get(rule.field) ?? [];
    if (!ops.includes(rule.operation)) ops.push(rule.operation);
    unbounded.set(rule.field, ops);
  }
  if (unbounded.size === 1) {
    const [[field, ops]] = [...unbounded];
    findings.ask('text-length', `What is the maximum length of ${field} (${ops.join(', ')})?`, WEIGHTS.textLength, { field, operation: ops.join('\n') });
  } else if (unbounded.size > 1) {
    const listed = [...unbounded].map(([field, ops]) => `${field} (${ops.join(', ')})`).join('; ');
    findings.ask('text-length', `What is the maximum length of each of these text fields: ${listed}?`, WEIGHTS.textLength, { fields: [...unbounded].map(([field, ops]) => `${field}\t${ops.join('\t')}`).join('\n') });
  }

  const enumFields = allFields.filter(({ f }) => f.enum?.length).map(({ f }) => f.name);
  const numeric = allFields.filter(({ f }) => (f.type === 'integer' || f.type === 'number') && !PII.test(f.name)).map(({ f }) => f.name);
  const pathIds = scope.operations.flatMap((op) => op.pathParams.map(snakeCase));
  const logged = [...new Set([...pathIds, ...enumFields, ...numeric])];
  const headerSecrets = [
    ...(protocol.family !== 'grpc' && service?.auth.some((a) => AUTH[a.value]?.transport === 'cookie') ? ['headers.cookie'] : []),
    protocol.credential.maskPath,
    ...hooks.map((op) => {
      const vendor = vendorOf(op);
      const header = vendor ? VENDORS[vendor].signatureHeader : undefined;
      return header ? `headers.${header.toLowerCase()}` : 'headers.<signature>';
    }),
  ];
  const bodySecrets = allFields.filter(({ f }) => PII.test(f.name) || (isFreeText(f) && f.type === 'string')).map(({ f }) => f.name);
  return {
    library,
    libraryLabel: conv?.label ?? library,
    detected: Boolean(detected),
    basis,
    strict: conv?.strict ?? '',
    rules,
    surfaces,
    logged,
    masked: [...new Set([...headerSecrets, ...bodySecrets])],
  };
}
