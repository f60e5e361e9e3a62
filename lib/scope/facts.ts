// Statements around the operations: who may call what, integrations and
// webhooks, background jobs, SLOs, services and frontend work.
import type { AuthzRule, Integration, JobItem, Operation, Slo } from '../types.js';
import { operationKey } from '../types.js';
import { singular, upperFirst } from '../naming/index.js';
import { webhookSource } from './naming.js';
import { toMilliseconds } from './numbers.js';
import { lineAt, oneLine, proseOf } from './units.js';
import { isVerbWord, namedOperations, narrowByVerbs, resolveOperations } from './verbs.js';
import {
  ACTOR_NOUNS,
  ACTOR_QUALIFIERS,
  ANY_SIGNED_IN,
  AUTHZ_WORDS,
  CJK_ACTORS,
  DETERMINERS,
  ERROR_STATUS_PHRASES,
  NOT_OWNER,
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
  ACCESS_LANGUAGES,
  type AccessWords,
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
const UPPER_ROLE_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){0,2}$/;
const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
const NOT_ROLE_CODE = /(?:^|[_.:-])(?:id|changed|created|updated|deleted|added|removed|role|roles|email|token)$|Id$|_[a-z]+s$/;
/** A word not preceded by a letter of any script ("đổi role" names nothing). */
const WORD_START = String.raw`(?<![\p{L}\p{N}_])`;
const NAMED_ONLY = new Set(['service', 'bot']);
/** Words around a code span that make it a field's value, not a role ("status is `draft`", "`draft` status"). */
const VALUE_BEFORE = /\b(?:status|state|stage|phase|mode|kind|type)\s*(?:is|=|:|of|equals?|set to)?\s*$/i;
const VALUE_AFTER = /^\s*(?:status|state|stage|phase|mode|array|field|column|attribute|property|parameter|flag|cookie|header|commit|branch|tag|key|value)s?\b/i;
const DENIED = /\b(?:cannot|can't|can not|may not|must not|mustn't|is not allowed|are not allowed|is not permitted|are not permitted)\b|不可|不得|不能/i;

/** The sprint manages roles as data: an operation on a `roles` path or named for roles (`assignRole`). */
function rolesAreResource(ops: readonly Operation[]): boolean {
  return ops.some((op) => (op.kind === 'rest' ? /(?:^|\/)roles?(?:\/|$)/i.test(op.path ?? '') : /role/i.test(op.name)));
}

/** Words around a code span that put it where a caller stands: "only `admin` may", "limited to `support`". */
const CALLER_BEFORE = /\b(?:only|to|by|for|with)\s+(?:the\s+|a\s+|an\s+)?$/i;
const CALLER_AFTER = /^\s*(?:users?\b|may\b|can\b|must\b|is allowed|are allowed|has access|have access|only\s+(?:may|can)\b|及|和|或|可以|才能|只能)/i;

/** "Read operations (`GET`)", "write operations on `/api/tags`": a class of operations by method, optionally under a path. */
const READ_CLASS = /\bread(?:-only)?\s+(?:operations|endpoints|requests|calls|access)\b|\bGET\s+(?:requests|endpoints|operations|calls)\b|\(\s*`?GET`?\s*\)/i;
const WRITE_CLASS = /\bwrite\s+(?:operations|endpoints|requests|calls|access)\b|\bmutating\s+(?:operations|endpoints|requests|calls)\b/i;

function methodClassOps(text: string, ops: readonly Operation[]): string[] {
  // "may read or write notes": every operation on the resource the noun names.
  const both = /\bread\s*(?:,?\s*(?:or|and|and\/or)\s+|\/\s*)write\s+(?:the\s+|its\s+|their\s+)?([a-z][\w-]*)/i.exec(proseOf(text));
  if (both) {
    const noun = singular(both[1].toLowerCase());
    return ops.filter((op) => op.kind === 'rest' && (op.path ?? '').split('/').some((segment) => singular(segment.toLowerCase()) === noun)).map(operationKey);
  }
  const read = READ_CLASS.test(text);
  const write = WRITE_CLASS.test(text);
  if (read === write) return [];
  // A bare path in code ("on `/api/tags`") narrows the class to that resource and the items under it.
  const bases = [...text.matchAll(/`(\/[^`\s]*)`/g)].map((match) => match[1].replace(/\/$/, ''));
  const under = (op: Operation): boolean => !bases.length || bases.some((base) => op.path === base || Boolean(op.path?.startsWith(`${base}/`)));
  return ops
    .filter((op) => (op.kind === 'rest' ? (op.method === 'GET') === read && under(op) : read ? op.kind === 'graphql-query' : op.kind === 'graphql-mutation'))
    .map(operationKey);
}

/** Who a sentence grants access to: roles, and whether it names a generic caller ("only users…"). */
function whoIn(text: string, ops: Operation[]): { roles: string[]; generic: boolean } {
  const roles = new Set<string>();
  const prose = proseOf(text);
  // Where roles are the sprint's own resource (`POST /roles`), "role" names that resource, not who may act.
  const roleWord = rolesAreResource(ops) ? /\bscopes?\b/i : /\broles?\b|\bscopes?\b/i;
  const namesAccess = roleWord.test(prose) || /\bpermission|角色|權限|权限/i.test(prose);
  const roleContext = namesAccess || /\bonly\b|只有|僅|仅/i.test(prose);
  if (roleContext) {
    for (const code of text.matchAll(/`([^`]+)`/g)) {
      // "in `draft` status", "whose status is `draft`": a value of a field; "`own` lists": a determiner.
      const before = text.slice(Math.max(0, code.index - 24), code.index);
      // "a `Secure`, `HttpOnly` cookie": what follows a list of code spans describes each of them.
      const after = text.slice(code.index + code[0].length, code.index + code[0].length + 80).replace(/^(?:\s*(?:[,，、]|\band\b|\bor\b)\s*`[^`]*`)+/, '').slice(0, 16);
      if (VALUE_BEFORE.test(before) || VALUE_AFTER.test(after) || DETERMINERS.has(code[1].toLowerCase())) continue;
      // With only "only" to go by, a code span names who when it stands where a caller does ("only `admin` may",
      // "restricted to `support`"), not anywhere ("omit `Secure` only on local HTTP").
      if (!namesAccess && ACTOR_NOUNS.get(singular(code[1].toLowerCase())) !== 'role' && !CALLER_BEFORE.test(before) && !CALLER_AFTER.test(after)) continue;
      // `ADMIN`, `SUPPORT_AGENT`: upper-case names count only where the sentence speaks of roles, not of values.
      const upper = namesAccess && UPPER_ROLE_CODE.test(code[1]) && !HTTP_METHOD.test(code[1]);
      if ((ROLE_CODE.test(code[1]) || upper) && !NOT_ROLE_CODE.test(code[1]) && !ops.some((op) => op.name === code[1])) roles.add(code[1]);
    }
  }
  for (const quoted of text.matchAll(/["“']([A-Za-z][\w:-]*)["”']/g)) if (roleWord.test(text) && ROLE_CODE.test(quoted[1]) && !NOT_ROLE_CODE.test(quoted[1])) roles.add(quoted[1]);
  // "the auditor role"; not "role-based", not "đổi role" (a word of another script), not "create a role" where roles are data.
  for (const named of rolesAreResource(ops) ? [] : prose.matchAll(new RegExp(`${WORD_START}([a-z][\\w-]*)\\s+role\\b(?!-)`, 'giu'))) {
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
  // "Only librarians may list overdue loans": a plural subject of "only … may <act>" is who, though no list knows the word
  // ("Only approved loans can be returned" is passive: no one is named).
  const onlyPlural = /(?:^|[.;:]\s*|\s-\s*)only\s+(?:the\s+)?([a-z]{3,}s)\s+(?:may|can|are\s+allowed\s+to)\s+(?!be\b|not\b|only\b)([a-z]+)/i.exec(prose.trim());
  if (!roles.size && onlyPlural && ACTOR_NOUNS.get(singular(onlyPlural[1].toLowerCase())) !== 'generic' && !DETERMINERS.has(onlyPlural[1].toLowerCase()) && isVerbWord(onlyPlural[2].toLowerCase())) {
    roles.add(singular(onlyPlural[1].toLowerCase()));
  }
  if (roles.size) return { roles: [...roles], generic: false };
  let generic = romanceActors(prose, roles);
  for (const language of ACCESS_LANGUAGES) generic = actorsBeforeModal(prose, roles, language) || generic;
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
  // Japanese (kana in the sentence) names its actors in its own words, above.
  const cjkModal = /[\u3040-\u30ff]/.test(text) ? null : CJK_MODAL.exec(text);
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

/** Nouns for the person a row belongs to: "the author", "its owner", "draft authors … their drafts". */
const OWNER_NOUNS = 'author|owner|creator|poster|uploader|sender|submitter';
const OWNER_NOUN = new RegExp(`^(?:${OWNER_NOUNS})s?$`, 'i');
/**
 * The subject of a modal in a language read by its own table ("Chỉ quản trị viên (admin) mới có thể …",
 * "スーパーユーザーのみが削除できる"): its actor words as roles (a code name written after one wins);
 * true when it names a generic caller ("người dùng", "ユーザー").
 */
function actorsBeforeModal(prose: string, roles: Set<string>, language: AccessWords): boolean {
  const modal = language.modal.exec(prose);
  if (!modal) return false;
  const clause = prose.slice(0, modal.index).split(/[,;:。；]/).pop() ?? '';
  let subject = clause.toLowerCase();
  let generic = false;
  for (const actor of language.actors) {
    const at = subject.indexOf(actor.word);
    if (at < 0) continue;
    // "nhân viên hỗ trợ" names support once, not also staff ("nhân viên"): a matched word is used up.
    subject = subject.split(actor.word).join(' '.repeat(actor.word.length));
    if (!actor.role) {
      generic = true;
      continue;
    }
    const named = /^\s*[(（]\s*`?([A-Za-z][\w:.-]*)`?\s*[)）]/.exec(clause.slice(at + actor.word.length));
    roles.add(named && ROLE_CODE.test(named[1]) ? named[1] : actor.role);
  }
  return generic;
}

/** "the comment's author", "a post's owner": the owner of one resource. */
const POSSESSIVE_OWNER = new RegExp(`\\b(?:the|a|an|each|every)\\s+([a-z][\\w-]*)['’]s\\s+(${OWNER_NOUNS})\\b`, 'i');
/** "the owner of the list", "the author of an article", "the owner of the saved listing": the owner of one resource. */
const OWNER_OF = new RegExp(`\\b(?:the|a|an|each|every|its|their)\\s+(${OWNER_NOUNS})\\s+of\\s+(?:the|a|an|this|that|each|every|their|its)\\s+([a-z][\\w-]*(?:\\s+(?!(?:may|can|must|should|will|shall|is|are|has|have|who|which|that|and|or|only|alone)\\b)[a-z][\\w-]*)?)`, 'i');
/** "the list owner", "the article's author" without the apostrophe: the noun before names the resource. */
const NOUN_OWNER = new RegExp(`\\b(?:the|a|an|each|every)\\s+([a-z][\\w-]*)\\s+(${OWNER_NOUNS})\\b`, 'i');
/** "the author may…", "edited by their author", "who is not the owner": the caller is the row's owner. */
const BARE_OWNER = new RegExp(`\\b(?:the|their|its|his|her)\\s+(${OWNER_NOUNS})\\b(?!\\s+(?:role|of)\\b)`, 'i');
/** "lists they own", "recipes the user created": the rows the caller owns. */
const OWNED_BY_CALLER = /\b([a-z][\w-]*)\s+(?:they|he|she|you|(?:the\s+)?(?:user|caller|member|customer)s?)\s+(?:own|owns|created|create|creates|wrote|write|authored)\b/i;

/** Words that follow "own" without naming a resource ("own only", "own and shared"). */
const NOT_OWNED_NOUN = /^(?:only|and|or|ones?|rows?|records?|data|items?|resources?)$/i;

/** The singular nouns of the resources an operation acts on (its path's literal segments). */
function resourceNouns(ops: Operation[], keys: string[]): Set<string> {
  const nouns = new Set<string>();
  for (const op of ops) {
    if (!keys.includes(operationKey(op)) || op.kind !== 'rest') continue;
    for (const segment of (op.path ?? '').split('/')) if (segment && !segment.startsWith('{')) nouns.add(singular(segment.toLowerCase()));
  }
  return nouns;
}

/**
 * Who owns the rows a sentence grants: `own X` when it names the resource ("the owner of the list",
 * "the list owner", "lists they own"), the bare noun when it does not ("only the author may…").
 * `noun`: the resource, for a pronoun that stands for it ("… may delete it").
 */
/** "two users create": a count of callers, not the rows they own. */
const COUNT_WORDS = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|some|both|all|other|different)$/i;

function ownerPhrase(prose: string): { ownership: string; noun?: string; owner: string } | undefined {
  const possessive = POSSESSIVE_OWNER.exec(prose);
  if (possessive) return { ownership: `own ${possessive[1].toLowerCase()}`, noun: possessive[1].toLowerCase(), owner: possessive[2].toLowerCase() };
  const of = OWNER_OF.exec(prose);
  if (of) return { ownership: `own ${singular(of[2].toLowerCase())}`, noun: of[2].toLowerCase(), owner: of[1].toLowerCase() };
  const before = NOUN_OWNER.exec(prose);
  if (before && !DETERMINERS.has(before[1].toLowerCase()) && !/^(?:only|same|original|current|actual|real|sole|rightful)$/i.test(before[1])) return { ownership: `own ${singular(before[1].toLowerCase())}`, noun: before[1].toLowerCase(), owner: before[2].toLowerCase() };
  const owned = OWNED_BY_CALLER.exec(prose);
  if (owned && !DETERMINERS.has(owned[1].toLowerCase()) && !COUNT_WORDS.test(owned[1])) return { ownership: `own ${owned[1].toLowerCase()}`, noun: owned[1].toLowerCase(), owner: 'owner' };
  const bare = BARE_OWNER.exec(prose);
  if (bare) return { ownership: bare[1].toLowerCase(), owner: bare[1].toLowerCase() };
  return undefined;
}

function ownershipOf(text: string): string | undefined {
  // "its own expires_at", "its own tax rate": a thing's own value, not a caller's rows.
  const own = /\b(?:(their|his|her|its|your|my)\s+)?own\s+([A-Za-z][\w-]*)/i.exec(proseOf(text.replace(/`(own)`/gi, "$1")));
  // "own only": the caller's own rows, whatever they are called.
  if (own && own[1]?.toLowerCase() !== 'its') return NOT_OWNED_NOUN.test(own[2]) ? 'owner' : `own ${own[2]}`;
  if (/\bself\b|本人/i.test(text)) return 'self';
  if (ACCESS_LANGUAGES.some((language) => language.owner.test(text))) return 'owner';
  // "书架的所有者可以修改": the owner of the resource, as the subject of a modal.
  if (/(?:所有者|拥有者|擁有者)\s*(?:才|也)?\s*(?:可以|能|才能|可)/.test(text)) return 'owner';
  // "自己的密碼和姓名", "自己的資訊是…": the noun right after 自己的, up to a conjunction, a copula or a clause end.
  const cjk = /自己的\s*((?:(?![是和及与與或的，,。、；;：:])[\u4e00-\u9fff]){1,6}|`[^`]+`)/.exec(text);
  return cjk ? `自己的${cjk[1]}` : undefined;
}

// 公开 says the endpoint is open when it ends a clause ("该接口公开，…") or is followed by access ("公开访问");
// "公开的书架列表", "浏览公开书架", "是否公开（`is_public`）" use it as an adjective of the data.
const PUBLIC = /\bpublic\b|로그인\s*없이|비로그인|로그인하지\s*않은|\bno auth|\bunauthenticated\b|\banonymous\b|no (?:user )?session|without (?:a )?(?:user )?session|無需登入|不需登入|免登入|无需登录|不需登录|不需要登录|免登录|公[開开](?=\s*(?:[，,。.；;：:]|$|访问|訪問|存取|可见|可見|调用|呼叫))/i;

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
  const anySignedIn = ANY_SIGNED_IN.test(prose) || ACCESS_LANGUAGES.some((language) => language.anySignedIn.test(prose));
  const signedIn = anySignedIn || SIGNED_IN.test(prose) || ACCESS_LANGUAGES.some((language) => language.signedIn?.test(prose)) || /\b(?:any|every|all)?\s*(?:signed[- ]in|logged[- ]in|authenticated)\s+(?:users?|callers?|customers?|members?)\s+(?:may|can|is allowed|are allowed)\b/i.test(prose);
  if (!AUTHZ_WORDS.test(prose) && !PUBLIC.test(prose) && !signedIn && !ACCESS_LANGUAGES.some((language) => language.words.test(prose) || language.public.test(prose))) return undefined;
  // "所有者可以修改书架，其他用户不能修改": the denying clause grants nothing; the others still say who may.
  const isDenial = (clause: string): boolean => DENIED.test(clause) || ROMANCE_DENIED.test(clause) || ACCESS_LANGUAGES.some((language) => language.denied.test(clause));
  const denied = isDenial(prose);
  const granting = denied ? text.split(/(?<=[，,；;])|\bbut\b|\bmas\b|\bpero\b/).filter((clause) => !isDenial(proseOf(clause))).join('') : text;
  const { roles, generic } = whoIn(granting, ops);
  const ownerSubject = /\bowners?\b\s+(?:may|can|only)|\bonly\s+(?:the\s+)?(?:[\w']+\s+)?owners?\b|\bowners?\b(?:\s*(?:,|\bor\b|\/)\s*[a-z][\w-]*){0,3}\s+only\b/i.test(prose);
  // "Only the comment's author may delete it": an ownership rule on the comment, not a role.
  const possessive = ownerPhrase(prose);
  let ownership = ownershipOf(text) ?? (possessive && (possessive.noun || !ownerSubject) ? possessive.ownership : ownerSubject ? 'owner' : undefined);
  // "Authors can edit their drafts", "the list's owner": the owner is who the row belongs to, not a role.
  if (ownership || /\btheir\s+[a-z]/i.test(prose)) {
    const owners = roles.filter((role) => OWNER_NOUN.test(role.split(' ').at(-1) ?? ''));
    if (ownership && owners.length) roles.splice(0, roles.length, ...roles.filter((role) => !owners.includes(role)));
  }
  const isPublic = PUBLIC.test(prose) || ACCESS_LANGUAGES.some((language) => language.public.test(prose));
  const onlyCallers = generic && (/\bonly\b|只有|僅/i.test(prose) || ROMANCE_ONLY.test(prose) || ACCESS_LANGUAGES.some((language) => language.only.test(prose)));
  const modal = /\b(?:may|can|cannot|can't|must not|only|allowed|permitted)\b|只有|只能|才能|可以|允许|允許|不可|수\s*있|수\s*없/i.test(prose) || ROMANCE_MODAL.test(prose) || ROMANCE_ONLY.test(prose) || ACCESS_LANGUAGES.some((language) => language.modal.test(prose) || language.only.test(prose));
  if (!roles.length && !ownership && !isPublic && !signedIn && !onlyCallers) return undefined;
  if (!modal && !isPublic && !signedIn && !((!rolesAreResource(ops) && /\broles?\b/i.test(prose)) || /角色/.test(prose))) return undefined;
  // "Customers may not delete orders" denies; the rule table lists who may, so a denial alone grants nothing.
  if (denied && !isPublic && !signedIn && !((granting.trim() && CJK_MODAL.test(granting)) || /\b(?:may|can|only)\b(?!\s+not)/i.test(proseOf(granting)) || (granting.trim() && (ROMANCE_MODAL.test(proseOf(granting)) || ACCESS_LANGUAGES.some((language) => language.modal.test(proseOf(granting))))))) return undefined;
  const named = [...new Set([...namedOperations(text, ops), ...methodClassOps(text, ops)])];
  if (options.descriptive && (PRESENT_DAY.test(text) || (!named.length && !NORMATIVE_MODAL.test(text)))) return undefined;
  // "… may delete it": the pronoun stands for the resource the owner was named by.
  const resolved = named.length ? named : resolveOperations(text, ops);
  let operations = resolved.length || !possessive?.noun ? resolved : resolveOperations(text.replace(/\b(?:it|them)\b/i, possessive.noun), ops);
  if (!operations.length && contextOps.length) {
    const narrowed = narrowByVerbs(text, contextOps);
    operations = (narrowed.length ? narrowed : contextOps).map(operationKey);
  }
  // "Authors can edit their drafts": a possessive before the resource the rule acts on is ownership of it.
  if (!ownership) {
    const nouns = resourceNouns(ops, operations);
    const their = [...prose.matchAll(/\btheir\s+([a-z][\w-]*)/gi)].find((match) => nouns.has(singular(match[1].toLowerCase())));
    if (their) {
      ownership = `own ${their[1].toLowerCase()}`;
      const kept = roles.filter((role) => !OWNER_NOUN.test(role.split(' ').at(-1) ?? ''));
      roles.splice(0, roles.length, ...kept);
    }
  }
  const rule: AuthzRule = { text: oneLine(text), line, roles, operations };
  if (ownership) rule.ownership = ownership;
  if (isPublic) rule.public = true;
  else if (anySignedIn && !roles.length) rule.anySignedIn = true;
  return rule;
}

/**
 * Who an endpoint line says calls it, in the present tense and without a modal: "`GET /reactions` — anyone lists the
 * reactions" is public; "— a signed-in user reacts" is any signed-in caller. Only these two: a noun there ("the
 * borrower returns the loan") tells who does it, not that no one else may.
 */
export function endpointActorRule(text: string, line: number, op: Operation): AuthzRule | undefined {
  const description = /`[^`]+`\s*[—–:-]+\s*(.*)$/s.exec(text)?.[1] ?? '';
  const actor = /^(anyone|everyone|the public|any visitor|(?:an?\s+|any\s+|every\s+)?(?:signed[- ]in|logged[- ]in|authenticated)\s+(?:users?|callers?|members?|customers?))\s+([a-z]+)/i.exec(description.trim());
  // The actor acts: a present-tense verb ("lists", "reacts") or one the families know ("may" is read by authzRule).
  const verb = actor?.[2].toLowerCase() ?? '';
  if (!actor || !(/[^s]s$/.test(verb) || isVerbWord(verb))) return undefined;
  const rule: AuthzRule = { text: oneLine(text), line, roles: [], operations: [operationKey(op)] };
  if (/^(?:anyone|everyone|the public|any visitor)$/i.test(actor[1])) rule.public = true;
  else rule.anySignedIn = true;
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
    const resolved = resolveOperations(text, ops);
    const named = resolved.length ? resolved : endpointGroup(prose, ops);
    const operation = named.length === 1 ? named[0] : !named.length && contextOps.length === 1 ? operationKey(contextOps[0]) : undefined;
    if (operation) slo.operation = operation;
    // "for the list and search endpoints": the operations the sentence names, not all of them.
    else if (named.length > 1) slo.operations = named;
    result.push(slo);
  }
  return result;
}

/** "the list and search endpoints", "list/search APIs": kinds of operation written before a word for endpoints. */
const ENDPOINT_GROUP = /\b((?:[a-z][\w-]*)(?:\s*(?:,|\/|&|\band\b|\bor\b)\s*(?:the\s+)?[a-z][\w-]*){0,4})\s+(?:endpoints?|operations?|routes?|apis?|calls?|requests?)\b/gi;
/** Words of a group that say "the operations that return a collection". */
const LIST_KIND = /^(?:list|lists|listing|listings|index|collection)$/i;

/**
 * Operation keys a group of kinds names ("the list and search endpoints"): `list` names the
 * operations that return a collection; another word names the operations whose path has it as
 * a segment (`/articles/search`) or, as a verb, the operations of its family. Every word must
 * name at least one operation, or the group names none (it was not a list of kinds).
 */
function endpointGroup(prose: string, ops: Operation[]): string[] {
  for (const match of prose.matchAll(ENDPOINT_GROUP)) {
    const words = match[1].toLowerCase().split(/\s*(?:,|\/|&|\band\b|\bor\b)\s*/).map((word) => word.replace(/^the\s+/, '').trim()).filter(Boolean);
    if (!words.length || words.every((word) => DETERMINERS.has(word))) continue;
    const found = new Set<Operation>();
    let every = true;
    for (const word of words.filter((candidate) => !DETERMINERS.has(candidate))) {
      const bySegment = ops.filter((op) => op.kind === 'rest' && (op.path ?? '').split('/').some((segment) => segment.toLowerCase() === word));
      const named = LIST_KIND.test(word) ? ops.filter((op) => op.list) : bySegment.length ? bySegment : narrowByVerbs(word, ops);
      if (!named.length) every = false;
      for (const op of named) found.add(op);
    }
    if (every && found.size) return ops.filter((op) => found.has(op)).map(operationKey);
  }
  return [];
}

/**
 * Error statuses a sentence states and the operations they answer ("WHEN a user who is not
 * the author deletes an article THEN the system SHALL return 403"): the operations its verbs
 * name, else the one operation the sentence sits under. A 403 for a caller who is not the
 * row's owner also states ownership: an authz rule for those operations.
 */
export function statedErrorsIn(text: string, line: number, ops: Operation[], contextOps: Operation[]): { statuses: number[]; operations: string[]; rule?: AuthzRule } | undefined {
  const prose = proseOf(text.replace(/`([45]\d\d)`/g, '$1'));
  const statuses: number[] = [];
  for (const pattern of ERROR_STATUS_PHRASES) {
    for (const match of prose.matchAll(pattern)) {
      const status = Number(match[1]);
      if (!statuses.includes(status)) statuses.push(status);
    }
  }
  if (!statuses.length) return undefined;
  // The condition, not the response, names the operation ("… deletes an article THEN … return 403").
  const condition = text.split(/\bTHEN\b|\bthen\b|[,，]\s*(?:the\s+)?(?:system|api|server|service|endpoint)\b|(?:则|則|那么|那麼)/)[0];
  const named = resolveOperations(condition, ops);
  const narrowed = named.length ? [] : narrowByVerbs(condition, contextOps);
  const operations = named.length ? named : narrowed.length ? narrowed.map(operationKey) : contextOps.length === 1 ? [operationKey(contextOps[0])] : [];
  const result: { statuses: number[]; operations: string[]; rule?: AuthzRule } = { statuses: statuses.sort((a, b) => a - b), operations };
  const notOwner = NOT_OWNER.exec(proseOf(condition));
  if (statuses.includes(403) && notOwner && operations.length) {
    const owner = ownerPhrase(proseOf(condition).replace(/\b(?:is|are)\s+not\s+/i, 'is ').replace(/\b(?:does|do)\s+not\s+own\b/i, 'owns'));
    const ownership = owner?.ownership ?? (/作者/.test(notOwner[0]) ? 'author' : /author/i.test(notOwner[0]) ? 'author' : 'owner');
    result.rule = { text: oneLine(text), line, roles: [], operations, ownership };
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
