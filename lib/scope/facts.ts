// Statements around the operations: who may call what, integrations and
// webhooks, background jobs, SLOs, services and frontend work.
import type { AuthzRule, Integration, JobItem, Operation, Slo } from '../types.js';
import { operationKey } from '../types.js';
import { singular, upperFirst } from '../naming/index.js';
import { webhookSource } from './naming.js';
import { toMilliseconds } from './numbers.js';
import { lineAt, oneLine, proseOf } from './units.js';
import { namedOperations, narrowByVerbs, resolveOperations } from './verbs.js';
import {
  ACTOR_NOUNS,
  ACTOR_QUALIFIERS,
  ANY_SIGNED_IN,
  AUTHZ_WORDS,
  CJK_ACTORS,
  DETERMINERS,
  FRONTEND_WORDS,
  JOB_WORDS,
  NO_JOBS,
  NORMATIVE_MODAL,
  OBJECT_BOUNDARIES,
  OUTBOUND_AFTER,
  OUTBOUND_BEFORE,
  SCHEDULES,
  VENDORS,
  PRESENT_DAY,
  ROMANCE_ACTORS,
  ROMANCE_DENIED,
  ROMANCE_MODAL,
  ROMANCE_ONLY,
  SIGNED_IN,
  VERIFICATIONS,
  WEBHOOK_WORD,
} from './vocabulary.js';

export { resolveOperations };

const SUBJECT_MODAL = /\b(?:may|can|cannot|can't|must|should|will|shall|is allowed to|are allowed to|is permitted to|are permitted to)\b/i;
const CJK_MODAL = /才能|才可以|可以|只能|不可|不得|可/;

/** Roles a subject phrase names ("support staff", "a customer"); generic actors ("users") name who but no role. */
function actorsIn(phrase: string, roles: Set<string>): boolean {
  let generic = false;
  for (const part of phrase.toLowerCase().split(/\s*(?:,|\band\b|\bor\b|&|\/)\s*/)) {
    const words = part
      .split(/\s+(?:with|of|in|on|for|from|who|that|whose)\s+/)[0]
      .split(/\s+/)
      .map((word) => word.replace(/['’]s?$/, ''))
      .filter((word) => word && !DETERMINERS.has(word) && !ACTOR_QUALIFIERS.test(word) && word !== 'only');
    const head = words.at(-1);
    if (!head || words.length > 3) continue;
    const kind = ACTOR_NOUNS.get(singular(head));
    if (kind === 'generic') generic = true;
    if (kind !== 'role') continue;
    const modifier = words.length > 1 && /^[a-z][\w-]*$/.test(words.at(-2)!) && !VERB_LIKE.test(words.at(-2)!) && !CONJUNCTIONS.has(words.at(-2)!) ? `${words.at(-2)} ` : '';
    // "The service" is this service; "the billing service" is a caller.
    if (!modifier && NAMED_ONLY.has(singular(head))) continue;
    roles.add(`${modifier}${singular(head)}`);
  }
  return generic;
}
const VERB_LIKE = /ed$/;
const CONJUNCTIONS = new Set(['but', 'and', 'or', 'yet', 'so', 'then', 'also', 'even', 'except', 'unless']);
/** Words before "role" that say what a part of the system does, or what is done to a role: never a role name. */
const NOT_ROLE_WORDS = /^(?:backend|frontend|server|database|db|api|ui|system|worker|cli|app|respect|check|verify|assign|change|update|require|have|has|grant|revoke|set|get|read|store|new|user|default|their|its)$/;
/** A code span that can name a role or scope (`admin`, `org:admin`, `billing.write`, `ROLE_ADMIN`), not a class, constant, event or key. */
const ROLE_CODE = /^(?:[a-z][a-z0-9]*(?:[_:.-][a-z0-9]+){0,2}|ROLE_[A-Z_]+|[A-Z][a-z]+)$/;
const NOT_ROLE_CODE = /(?:^|[_.:-])(?:id|changed|created|updated|deleted|added|removed|role|roles|email|token)$|Id$|_[a-z]+s$/;
/** A word not preceded by a letter of any script ("đổi role" names nothing). */
const WORD_START = String.raw`(?<![\p{L}\p{N}_])`;
const NAMED_ONLY = new Set(['service', 'bot']);
const DENIED = /\b(?:cannot|can't|can not|may not|must not|mustn't|is not allowed|are not allowed|is not permitted|are not permitted)\b|不可|不得|不能/i;

/** Who a sentence grants access to: roles, and whether it names a generic caller ("only users…"). */
function whoIn(text: string, ops: Operation[]): { roles: string[]; generic: boolean } {
  const roles = new Set<string>();
  const prose = proseOf(text);
  const roleContext = /\broles?\b|\bscopes?\b|\bonly\b|\bpermission|角色|權限|权限|只有|僅|仅/i.test(prose);
  if (roleContext) {
    for (const code of text.matchAll(/`([^`]+)`/g)) {
      if (ROLE_CODE.test(code[1]) && !NOT_ROLE_CODE.test(code[1]) && !ops.some((op) => op.name === code[1])) roles.add(code[1]);
    }
  }
  for (const quoted of text.matchAll(/["“']([A-Za-z][\w:-]*)["”']/g)) if (/\brole|\bscope/i.test(text) && ROLE_CODE.test(quoted[1]) && !NOT_ROLE_CODE.test(quoted[1])) roles.add(quoted[1]);
  // "the auditor role"; not "role-based", not "đổi role" (a word of another script).
  for (const named of prose.matchAll(new RegExp(`${WORD_START}([a-z][\\w-]*)\\s+role\\b(?!-)`, 'giu'))) {
    const word = named[1].toLowerCase();
    // In a sentence with other scripts' letters the word may be a word of that language ("khi role thay đổi").
    const foreign = /[^\x00-\x7F]/.test(prose.replace(/[—–→“”’‘…]/g, '')) && ACTOR_NOUNS.get(singular(word)) !== 'role';
    if (!foreign && !DETERMINERS.has(word) && !OBJECT_BOUNDARIES.has(word) && !NOT_ROLE_WORDS.test(word) && ACTOR_NOUNS.get(word) !== 'generic' && !/^(?:or|and|what|same|right|correct|required|proper)$/.test(word)) roles.add(word);
  }
  // "owner or superuser only", "admin-only": the words before `only` name who.
  // "admin-only" names a role; "forward-only", "read-only" do not.
  for (const hyphen of prose.matchAll(/\b([a-z][\w]*)-only\b/gi)) if (ACTOR_NOUNS.get(singular(hyphen[1].toLowerCase())) === 'role') roles.add(hyphen[1].toLowerCase());
  const trailing = /(?:^|\bis\s+|\bare\s+|[—:]\s*)((?:[a-z][\w-]*)(?:\s*(?:,|\bor\b|\/)\s*[a-z][\w-]*){0,3})\s+only\b/i.exec(prose);
  if (trailing) {
    for (const word of trailing[1].toLowerCase().split(/\s*(?:,|\bor\b|\/)\s*/)) {
      // "owner or auditor only" names roles; "Applied only", "Fill ONLY", "Yes, but only" do not.
      if (!word || ACTOR_NOUNS.get(singular(word)) !== 'role') continue;
      roles.add(singular(word));
    }
  }
  if (roles.size) return { roles: [...roles], generic: false };
  let generic = romanceActors(prose, roles);
  if (roles.size) return { roles: [...roles], generic: false };
  // The subject of the first modal, after the last clause break ("…, which cannot" has no actor).
  // The first modal whose subject names an actor: "Creation MUST respect…: managers can create…".
  for (const modal of prose.matchAll(new RegExp(SUBJECT_MODAL.source, 'gi'))) {
    const clause = prose.slice(0, modal.index).split(/[,;:]|\b(?:which|where|when|if|because|so)\b/i).pop() ?? '';
    // "the customer who placed an order may…": the actor stands before its relative clause.
    const before = clause.split(/\b(?:who|that|whose)\b/i)[0];
    generic = actorsIn(before.trim(), roles) || generic;
    if (roles.size || generic) break;
  }
  // Passive: "may only be issued by support agents".
  const passive = /\bbe\s+[a-z]+(?:ed|en|wn)\s+(?:only\s+)?by\s+([a-z][\w\s,&/-]*)/i.exec(prose);
  if (passive) generic = actorsIn(passive[1].split(/\s+(?:to|for|in|on|at|with|within|when|if|before|after)\s+/)[0], roles) || generic;
  const cjkModal = CJK_MODAL.exec(text);
  if (cjkModal) {
    // The subject of the modal, after the last clause break ("身為員工，我可以…" names no actor).
    const before = text.slice(0, cjkModal.index).split(/[，,；;：:]/).pop() ?? '';
    for (const actor of CJK_ACTORS) {
      if (!before.includes(actor.word) || [...roles].some((role) => role.includes(actor.word))) continue;
      // "管理员（admin）": the role's name as the code knows it, written after the word.
      const named = new RegExp(`${actor.word}\\s*[（(]\\s*\`?([A-Za-z][\\w:.-]*)\`?\\s*[)）]`).exec(before);
      if (actor.kind === 'role') roles.add(named && ROLE_CODE.test(named[1]) ? named[1] : actor.word);
      else generic = true;
    }
  }
  return { roles: [...roles], generic };
}

/**
 * The subject of a Portuguese or Spanish modal ("Somente moderadores podem …", "Solo los
 * administradores pueden …"): its actor words as the roles of the fixed vocabulary; true
 * when it names a generic caller ("Apenas usuários …").
 */
function romanceActors(prose: string, roles: Set<string>): boolean {
  const modal = ROMANCE_MODAL.exec(prose);
  const only = ROMANCE_ONLY.exec(prose);
  const end = modal ? modal.index : only ? prose.slice(only.index).search(/[,;:.]|$/) + only.index : -1;
  if (end < 0) return false;
  const subject = prose.slice(0, end).split(/[,;:]/).pop() ?? '';
  let generic = false;
  for (const word of subject.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const actor = ROMANCE_ACTORS.get(word);
    if (!actor) continue;
    if (actor.role) roles.add(actor.role);
    else generic = true;
  }
  return generic;
}

/** "the comment's author", "a post's owner": the owner of one resource. */
const POSSESSIVE_OWNER = /\b(?:the|a|an|each|every)\s+([a-z][\w-]*)['’]s\s+(author|owner|creator|poster|uploader|sender|submitter)\b/i;

function ownershipOf(text: string): string | undefined {
  const own = /\b(?:their|his|her|its|your|my)?\s*own\s+([A-Za-z][\w-]*)/i.exec(proseOf(text));
  if (own) return `own ${own[1]}`;
  if (/\bself\b|本人/i.test(text)) return 'self';
  // "书架的所有者可以修改": the owner of the resource, as the subject of a modal.
  if (/(?:所有者|拥有者|擁有者)\s*(?:才|也)?\s*(?:可以|能|才能|可)/.test(text)) return 'owner';
  const cjk = /自己的\s*([\u4e00-\u9fff]+|`[^`]+`)/.exec(text);
  return cjk ? `自己的${cjk[1]}` : undefined;
}

// 公开 says the endpoint is open when it ends a clause ("该接口公开，…") or is followed by access ("公开访问");
// "公开的书架列表", "浏览公开书架", "是否公开（`is_public`）" use it as an adjective of the data.
const PUBLIC = /\bpublic\b|\bno auth|\bunauthenticated\b|\banonymous\b|no (?:user )?session|without (?:a )?(?:user )?session|無需登入|不需登入|免登入|无需登录|不需登录|不需要登录|免登录|公[開开](?=\s*(?:[，,。.；;：:]|$|访问|訪問|存取|可见|可見|调用|呼叫))/i;

/**
 * An authz rule for a sentence, or undefined when it says nothing about access. A rule
 * names who (a role, an owner, a signed-in caller, or everyone) and a permission.
 * `contextOps`: operations of the unit the sentence is in (used when the sentence names none).
 * `descriptive`: the sentence is in a Context / background section, which tells how things are
 * today; it counts only when it states a rule for the new work.
 */
export function authzRule(text: string, line: number, ops: Operation[], contextOps: Operation[], options: { descriptive?: boolean } = {}): AuthzRule | undefined {
  const prose = proseOf(text);
  // "any signed-in user may accept": a qualified caller with a modal grants access to every signed-in user.
  const anySignedIn = ANY_SIGNED_IN.test(prose);
  const signedIn = anySignedIn || SIGNED_IN.test(prose) || /\b(?:any|every|all)?\s*(?:signed[- ]in|logged[- ]in|authenticated)\s+(?:users?|callers?|customers?|members?)\s+(?:may|can|is allowed|are allowed)\b/i.test(prose);
  if (!AUTHZ_WORDS.test(prose) && !PUBLIC.test(prose) && !signedIn) return undefined;
  // "所有者可以修改书架，其他用户不能修改": the denying clause grants nothing; the others still say who may.
  const isDenial = (clause: string): boolean => DENIED.test(clause) || ROMANCE_DENIED.test(clause);
  const denied = isDenial(prose);
  const granting = denied ? text.split(/(?<=[，,；;])|\bbut\b|\bmas\b|\bpero\b/).filter((clause) => !isDenial(proseOf(clause))).join('') : text;
  const { roles, generic } = whoIn(granting, ops);
  const ownerSubject = /\bowners?\b\s+(?:may|can|only)|\bonly\s+(?:the\s+)?(?:[\w']+\s+)?owners?\b|\bowners?\b(?:\s*(?:,|\bor\b|\/)\s*[a-z][\w-]*){0,3}\s+only\b/i.test(prose);
  // "Only the comment's author may delete it": an ownership rule on the comment, not a role.
  const possessive = POSSESSIVE_OWNER.exec(prose);
  const ownership = ownershipOf(text) ?? (possessive ? `own ${possessive[1].toLowerCase()}` : ownerSubject ? 'owner' : undefined);
  if (possessive) roles.splice(0, roles.length, ...roles.filter((role) => !role.toLowerCase().includes(possessive[2].toLowerCase())));
  const isPublic = PUBLIC.test(prose);
  const onlyCallers = generic && (/\bonly\b|只有|僅/i.test(prose) || ROMANCE_ONLY.test(prose));
  const modal = /\b(?:may|can|cannot|can't|must not|only|allowed|permitted)\b|只有|只能|才能|可以|允许|允許|不可/i.test(prose) || ROMANCE_MODAL.test(prose) || ROMANCE_ONLY.test(prose);
  if (!roles.length && !ownership && !isPublic && !signedIn && !onlyCallers) return undefined;
  if (!modal && !isPublic && !signedIn && !/\broles?\b|角色/i.test(prose)) return undefined;
  // "Customers may not delete orders" denies; the rule table lists who may, so a denial alone grants nothing.
  if (denied && !isPublic && !signedIn && !((granting.trim() && CJK_MODAL.test(granting)) || /\b(?:may|can|only)\b(?!\s+not)/i.test(proseOf(granting)) || (granting.trim() && ROMANCE_MODAL.test(proseOf(granting))))) return undefined;
  const named = namedOperations(text, ops);
  if (options.descriptive && (PRESENT_DAY.test(text) || (!named.length && !NORMATIVE_MODAL.test(text)))) return undefined;
  // "… may delete it": the pronoun stands for the resource the owner was named by.
  const resolved = named.length ? named : resolveOperations(text, ops);
  let operations = resolved.length || !possessive ? resolved : resolveOperations(text.replace(/\b(?:it|them)\b/i, possessive[1]), ops);
  if (!operations.length && contextOps.length) {
    const narrowed = narrowByVerbs(text, contextOps);
    operations = (narrowed.length ? narrowed : contextOps).map(operationKey);
  }
  const rule: AuthzRule = { text: oneLine(text), line, roles, operations };
  if (ownership) rule.ownership = ownership;
  if (isPublic) rule.public = true;
  else if (anySignedIn && !roles.length) rule.anySignedIn = true;
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
  for (const match of prose.matchAll(generic)) {
    // A capital after a lower-case word is a name ("from GitHub webhooks"); at the start of a clause it is just
    // the first word ("Test webhook delivery", "Get webhook logs"); all capitals are keywords (EARS "WHEN").
    const before = prose.slice(0, match.index);
    if (!/[a-z][a-z'’]*\s+$/.test(before) || /^[A-Z]+$/.test(match[1])) continue;
    if (!found.some((entry) => entry.name === match[1]) && !/^(?:The|A|An|Our|This|Each|Every|Incoming|Outgoing|New)$/.test(match[1])) found.push({ name: match[1], index: match.index, end: match.index + match[1].length });
  }
  return found;
}

/** Name of the vendor behind a webhook operation: from its path or its text. */
export function webhookVendor(op: Operation, text: string): string {
  const source = webhookSource(op.path ?? '');
  const known = VENDORS.find((vendor) => source && vendor.pattern.source.toLowerCase().includes(source.toLowerCase()));
  if (known) return known.name;
  const named = vendorsIn(proseOf(text))[0];
  if (named) return named.name;
  return source ? upperFirst(source) : 'webhook';
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

/** "a cron expression" names a value's format (a field that holds a schedule), not a job to build. */
const CRON_FORMAT = /\bcron\s*(?:expressions?|strings?|syntax|format|表达式|表達式|式|書式|형식|표현식)/gi;

export function jobIn(text: string, line: number): JobItem | undefined {
  const prose = proseOf(text).replace(CRON_FORMAT, '');
  // Questions, options ("A) … via scheduled job") and denials describe no job to build.
  if (!JOB_WORDS.test(prose) || NO_JOBS.test(prose) || /\?\s*$|^\s*(?:Q\s*[:：]|\[[ x]\]|[A-Z]\)\s)/.test(prose)) return undefined;
  const job: JobItem = { text: oneLine(text), line };
  const name = jobName(prose);
  if (name) job.name = name;
  for (const entry of SCHEDULES) {
    const match = entry.pattern.exec(text);
    if (match) {
      job.schedule = entry.value ?? match[1] ?? match[0];
      break;
    }
  }
  return job;
}

/** "a nightly job expires cards whose…" → "expire-cards": the verb after the job noun and its object, up to a stop word. */
function jobName(prose: string): string | undefined {
  const match = /\b(?:cron\s*job|job|worker|task)\s+(?:that\s+|which\s+)?([a-z]+)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*?)(?=\s+(?:whose|that|which|who|where|when|for|with|from|to|older|after|before|every|each|and|if|by|in|at|on)\b|[.,;:]|$)/i.exec(prose);
  if (!match) return undefined;
  // The verb a job performs is written in the third person ("expires", "sends"); "and", "I" or "retried" are not.
  if (!/^[a-z]{3,}s$/i.test(match[1]) || /^(?:is|was|has|does|runs|goes|gets|uses|needs|means|this|its|was)$/i.test(match[1])) return undefined;
  // Third person to base form takes the noun rule: expires → expire, finishes → finish, retries → retry.
  const verb = singular(match[1].toLowerCase());
  const object = match[2].toLowerCase().replace(/\b(?:the|all|any|every|a|an|their|its)\s+/g, '').trim();
  if (!object || /^(?:run|is|are|will|should|must|can|at|every)$/.test(verb)) return undefined;
  return `${verb}-${object.replace(/\s+/g, '-')}`;
}


const PERCENTILE = /\b(p50|p90|p95|p99)\b|\b(50|90|95|99)(?:th)?[ -]percentile\b|第?\s*(50|90|95|99)\s*(?:百分位|パーセンタイル)/gi;
const DURATION = /(\d+(?:\.\d+)?)\s*(ms|msec|milliseconds?|s|sec|secs|seconds?|毫秒|ミリ秒|秒)(?![A-Za-z])/i;

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
