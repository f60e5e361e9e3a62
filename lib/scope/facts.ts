// Statements around the operations: who may call what, integrations and
// webhooks, background jobs, SLOs, services and frontend work.
import type { AuthzRule, Integration, JobItem, Operation, Slo } from '../types.js';
import { operationKey } from '../types.js';
import { isWebhookPath, singular, webhookSource } from './naming.js';
import { toMilliseconds } from './numbers.js';
import { REST_MENTION } from './operations.js';
import { lineAt, oneLine, proseOf, type Unit } from './units.js';
import {
  ACTION_METHODS,
  ACTION_VERBS,
  AUTHZ_WORDS,
  CJK_ACTION,
  FRONTEND_WORDS,
  JOB_WORDS,
  NON_ROLE_SUBJECTS,
  OUTBOUND_AFTER,
  OUTBOUND_BEFORE,
  SCHEDULES,
  VENDORS,
  VERIFICATIONS,
  WEBHOOK_WORD,
} from './vocabulary.js';

type Action = 'create' | 'read' | 'update' | 'delete';
const STOP_WORDS = /^(?:the|a|an|all|any|their|its|his|her|your|our|own|each|every|of|new|existing|only|more|to|and|or|be|been|that|this|these|those|some|one|it|them|for|my|也|的)$/i;

function actionOf(word: string): Action | undefined {
  return ACTION_VERBS.find((entry) => entry.pattern.test(word))?.action;
}

/** Resource segment an operation acts on: last non-parameter path segment, or the tRPC/GraphQL name. */
function resourceOf(op: Operation): string {
  if (op.kind === 'rest' && op.path) {
    const nouns = op.path.split(/[/:]/).filter((segment) => segment && !segment.startsWith('{') && !/^(?:api|v\d+)$/i.test(segment));
    return nouns[nouns.length - 1] ?? '';
  }
  return op.name;
}

function matchesAction(op: Operation, action: Action): boolean {
  if (op.kind === 'rest') {
    if (isWebhookPath(op.path ?? '')) return false;
    return ACTION_METHODS[action].includes(op.method ?? '');
  }
  const leaf = op.name.split('.').pop() ?? op.name;
  if (action === 'read') return op.kind.endsWith('query') || /^(?:get|list|find|search|by)/i.test(leaf);
  const prefixes: Record<Action, RegExp> = { create: /^(?:create|add|new)/i, read: /^$/, update: /^(?:update|edit|set|rename)/i, delete: /^(?:delete|remove|destroy)/i };
  return prefixes[action].test(leaf) && !op.kind.endsWith('query');
}

function matchesResource(op: Operation, noun: string): boolean {
  const wanted = singular(noun.toLowerCase());
  if (op.kind === 'rest') return singular(resourceOf(op).toLowerCase()) === wanted;
  return op.name.toLowerCase().split(/[.]|(?=[A-Z])/).some((part) => singular(part.toLowerCase()) === wanted) || op.name.toLowerCase().includes(wanted);
}

/** Verb and noun an operation name carries: `note.archive` → archive/note; `cancelOrder` (custom method) → cancel/order. */
function actionAndNoun(op: Operation): [string | undefined, string | undefined] {
  if (op.kind.startsWith('trpc')) {
    const parts = op.name.split('.');
    return [parts[parts.length - 1], parts[parts.length - 2]];
  }
  if (op.kind === 'rest' && op.path) {
    const custom = /:([a-z]+)$/i.exec(op.path);
    const segments = op.path.split('/').filter((segment) => segment && !segment.startsWith('{'));
    const last = custom ? custom[1] : segments[segments.length - 1];
    const noun = custom ? segments[segments.length - 1]?.replace(/:.*$/, '') : segments[segments.length - 2];
    if (last && op.method === 'POST' && /^[a-z]+$/i.test(last) && !isWebhookPath(op.path) && singular(last) === last && noun) return [last, noun];
  }
  return [undefined, undefined];
}

/** The actions (create/read/update/delete) a sentence's verbs name. */
export function actionsIn(text: string): Action[] {
  const actions = new Set<Action>();
  for (const word of proseOf(text).split(/[^A-Za-z-]+/)) {
    const action = actionOf(word);
    if (action) actions.add(action);
  }
  for (const match of text.matchAll(CJK_ACTION)) {
    const action = actionOf(match[1]);
    if (action) actions.add(action);
  }
  return [...actions];
}

/** Operations a sentence names: explicit `METHOD /path`, op names in code, or verb + resource ("may create refunds"). */
export function resolveOperations(text: string, ops: Operation[]): string[] {
  const keys = new Set<string>();
  for (const match of text.matchAll(REST_MENTION)) {
    for (const op of ops) if (op.path && match[2].replace(/:(\w+)/g, '{$1}').replace(/[.,;]$/, '') === op.path && match[1].includes(op.method ?? '-')) keys.add(operationKey(op));
  }
  for (const code of text.matchAll(/`([^`]+)`/g)) for (const op of ops) if (op.kind !== 'rest' && op.name === code[1].replace(/\(.*$/, '')) keys.add(operationKey(op));
  if (keys.size) return [...keys];
  const lower = proseOf(text).toLowerCase();
  // Named actions: `note.archive` ← "archive … notes", `POST /orders/{id}:cancel` ← "cancel orders".
  for (const op of ops) {
    const [verb, noun] = actionAndNoun(op);
    if (verb && noun && new RegExp(`\\b${verb}(?:s|d|ed)?\\b[\\s\\S]*\\b${singular(noun)}`, 'i').test(lower)) keys.add(operationKey(op));
  }
  if (keys.size) return [...keys];
  for (const match of text.matchAll(CJK_ACTION)) {
    const action = actionOf(match[1]);
    if (!action) continue;
    for (let length = match[2].length; length >= 2 && !keys.size; length--) {
      const noun = match[2].slice(0, length);
      for (const op of ops) if (matchesAction(op, action) && op.summary?.includes(noun)) keys.add(operationKey(op));
    }
  }
  if (keys.size) return [...keys];
  const words = proseOf(text).split(/[^A-Za-z\u4e00-\u9fff-]+/).filter(Boolean);
  let pending: Action[] = [];
  for (const word of words) {
    const action = actionOf(word);
    if (action) {
      pending.push(action);
      continue;
    }
    if (!pending.length || STOP_WORDS.test(word) || /^(?:and|or|和|或)$/i.test(word)) continue;
    for (const op of ops) if (pending.some((candidate) => matchesAction(op, candidate)) && matchesResource(op, word)) keys.add(operationKey(op));
    pending = [];
  }
  return [...keys];
}

function rolesOf(text: string, ops: Operation[]): string[] {
  const roles = new Set<string>();
  const roleContext = /\broles?\b|\bscopes?\b|\bonly\b|\bpermission|角色|權限|只有|僅/i.test(proseOf(text));
  if (roleContext) {
    for (const code of text.matchAll(/`([^`]+)`/g)) if (/^[\w:.-]+$/.test(code[1]) && !/^(?:GET|POST|PUT|PATCH|DELETE)\b/.test(code[1]) && !ops.some((op) => op.name === code[1])) roles.add(code[1]);
  }
  for (const quoted of text.matchAll(/["“']([A-Za-z][\w:-]*)["”']/g)) if (/\brole|\bscope/i.test(text)) roles.add(quoted[1]);
  if (roles.size) return [...roles];
  const subject = /(?:^|[,;:]\s*|\bonly\s+)(?:an?\s+|the\s+)?([A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*)?)\s+(?:may|can|cannot|can't|must not|is allowed to|are allowed to|are permitted to|is permitted to)\b/i.exec(proseOf(text).trim());
  if (subject) {
    const words = subject[1].toLowerCase().split(' ').filter((word) => !STOP_WORDS.test(word));
    const last = words[words.length - 1];
    if (last && !NON_ROLE_SUBJECTS.has(last) && !actionOf(last)) roles.add([...words.slice(0, -1), singular(last)].join(' '));
  }
  return [...roles];
}

function ownershipOf(text: string): string | undefined {
  const own = /\b(?:their|his|her|its|your|my)?\s*own\s+([A-Za-z][\w-]*)/i.exec(proseOf(text));
  if (own) return `own ${own[1]}`;
  if (/\bself\b|本人/i.test(text)) return 'self';
  const cjk = /自己的\s*([\u4e00-\u9fff]+|`[^`]+`)/.exec(text);
  return cjk ? `自己的${cjk[1]}` : undefined;
}

const PUBLIC = /\bpublic\b|\bno auth|\bunauthenticated\b|\banonymous\b|no (?:user )?session|without (?:a )?(?:user )?session|無需登入|不需登入|免登入|公開/i;

/**
 * An authz rule for a sentence, or undefined when it says nothing about access.
 * `contextOps`: operations of the unit the sentence is in (used when the sentence names none).
 */
export function authzRule(text: string, line: number, ops: Operation[], contextOps: Operation[]): AuthzRule | undefined {
  const prose = proseOf(text);
  if (!AUTHZ_WORDS.test(prose) && !PUBLIC.test(prose)) return undefined;
  const roles = rolesOf(text, ops);
  const ownerSubject = /\bowners?\b\s+(?:may|can|only)|\bonly\s+(?:the\s+)?(?:[\w']+\s+)?owners?\b/i.test(prose);
  const ownership = ownershipOf(text) ?? (ownerSubject ? 'owner' : undefined);
  const isPublic = PUBLIC.test(prose);
  const modal = /\b(?:may|can|cannot|can't|must not|only|allowed|permitted)\b|只有|只能|才能|可以|不可/i.test(prose);
  if (!roles.length && !ownership && !isPublic) return undefined;
  if (!modal && !isPublic && !/\broles?\b|角色/i.test(prose)) return undefined;
  let operations = resolveOperations(text, ops);
  if (!operations.length && contextOps.length) {
    const actions = actionsIn(text);
    const narrowed = actions.length ? contextOps.filter((op) => actions.some((action) => matchesAction(op, action))) : contextOps;
    operations = (narrowed.length ? narrowed : contextOps).map(operationKey);
  }
  const rule: AuthzRule = { text: oneLine(text), line, roles, operations };
  if (ownership) rule.ownership = ownership;
  if (isPublic) rule.public = true;
  return rule;
}

/** Authz column of an endpoint table: "`admin`", "public", "owner or `admin`". */
export function authzFromCell(cell: string, line: number, op: Operation): AuthzRule {
  const rule: AuthzRule = { text: cell, line, roles: [], operations: [operationKey(op)] };
  if (/^(?:none|public|no|-|anonymous|無|公開)$/i.test(cell.trim()) || PUBLIC.test(cell)) rule.public = true;
  const codes = [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
  const words = codes.length ? codes : cell.split(/\s*(?:,|\/|\bor\b|\band\b|、|或)\s*/).map((word) => word.trim()).filter((word) => /^[A-Za-z][\w:-]*$/.test(word));
  rule.roles = words.filter((word) => !/^(?:none|public|yes|no|required|owner|self|any|authenticated|user|users)$/i.test(word));
  const ownership = ownershipOf(cell) ?? (/\bowner\b/i.test(cell) ? 'owner' : undefined);
  if (ownership) rule.ownership = ownership;
  return rule;
}

export function verificationOf(text: string): string | undefined {
  return VERIFICATIONS.find((entry) => entry.pattern.test(text))?.value;
}

function vendorsIn(prose: string): Array<{ name: string; index: number; end: number }> {
  const found: Array<{ name: string; index: number; end: number }> = [];
  for (const vendor of VENDORS) {
    const match = vendor.pattern.exec(prose);
    if (match) found.push({ name: vendor.name, index: match.index, end: match.index + match[0].length });
  }
  const generic = /\b([A-Z][A-Za-z0-9]+)(?:'s)?\s+webhooks?\b/g;
  for (const match of prose.matchAll(generic)) if (!found.some((entry) => entry.name === match[1]) && !/^(?:The|A|An|Our|This|Each|Every|Incoming|Outgoing|New)$/.test(match[1])) found.push({ name: match[1], index: match.index, end: match.index + match[1].length });
  return found;
}

/** Name of the vendor behind a webhook operation: from its path or its text. */
export function webhookVendor(op: Operation, text: string): string {
  const source = webhookSource(op.path ?? '');
  const known = VENDORS.find((vendor) => source && vendor.pattern.source.toLowerCase().includes(source.toLowerCase()));
  if (known) return known.name;
  const named = vendorsIn(proseOf(text))[0];
  if (named) return named.name;
  return source ? source[0].toUpperCase() + source.slice(1) : 'webhook';
}

/** Integrations mentioned in a sentence that defines no operation. */
export function integrationsIn(text: string, line: number): Integration[] {
  const prose = proseOf(text);
  const result: Integration[] = [];
  for (const vendor of vendorsIn(prose)) {
    if (WEBHOOK_WORD.test(prose)) {
      const integration: Integration = { name: vendor.name, kind: 'webhook', text: oneLine(text), line };
      const verification = verificationOf(prose);
      if (verification) integration.verification = verification;
      result.push(integration);
    }
    if (OUTBOUND_BEFORE.test(prose.slice(0, vendor.index)) || OUTBOUND_AFTER.test(prose.slice(vendor.end))) {
      result.push({ name: vendor.name, kind: 'outbound', text: oneLine(text), line });
    }
  }
  return result;
}

export function jobIn(text: string, line: number): JobItem | undefined {
  const prose = proseOf(text);
  if (!JOB_WORDS.test(prose)) return undefined;
  const job: JobItem = { text: oneLine(text), line };
  for (const entry of SCHEDULES) {
    const match = entry.pattern.exec(text);
    if (match) {
      job.schedule = entry.value ?? match[1] ?? match[0];
      break;
    }
  }
  return job;
}

const PERCENTILE = /\b(p50|p90|p95|p99)\b|\b(50|90|95|99)(?:th)?[ -]percentile\b|第?\s*(50|90|95|99)\s*百分位/gi;
const DURATION = /(\d+(?:\.\d+)?)\s*(ms|msec|milliseconds?|s|sec|secs|seconds?|毫秒|秒)(?![A-Za-z])/i;

export function slosIn(text: string, line: number, ops: Operation[], contextOps: Operation[]): Slo[] {
  const result: Slo[] = [];
  const prose = proseOf(text);
  for (const match of prose.matchAll(PERCENTILE)) {
    const percentile = `p${(match[1] ?? match[2] ?? match[3]).replace(/^p/i, '')}`.toLowerCase() as Slo['percentile'];
    const after = DURATION.exec(prose.slice(match.index + match[0].length, match.index + match[0].length + 40));
    const before = after ? undefined : [...prose.slice(Math.max(0, match.index - 30), match.index).matchAll(new RegExp(DURATION.source, 'gi'))].pop();
    const duration = after ?? before;
    const slo: Slo = { text: oneLine(text), line, percentile };
    if (duration) {
      const ms = toMilliseconds(duration[1], duration[2]);
      if (ms !== undefined) slo.thresholdMs = ms;
    }
    const named = resolveOperations(text, ops);
    const operation = named.length === 1 ? named[0] : contextOps.length === 1 ? operationKey(contextOps[0]) : undefined;
    if (operation) slo.operation = operation;
    result.push(slo);
  }
  return result;
}

const SERVICE_PATTERNS = [
  /\bservices?\s*[:：]\s*`?([A-Za-z][\w.-]*)`?/gi,
  /`([A-Za-z][\w.-]*)`\s*(?:micro-?)?(?:service|服務)\b/gi,
  /\b(?:in|to|from|of|on|by)\s+the\s+([a-z][\w]*-(?:api|service|svc|server|worker|backend))\b/g,
  /服務\s*[:：]?\s*`([A-Za-z][\w.-]*)`/g,
];

export function servicesIn(text: string): string[] {
  const names = new Set<string>();
  for (const pattern of SERVICE_PATTERNS) for (const match of text.matchAll(pattern)) names.add(match[1]);
  return [...names];
}

export function mentionsFrontend(text: string): boolean {
  const prose = proseOf(text);
  return FRONTEND_WORDS.some((pattern) => pattern.test(prose));
}

export { lineAt };
