// Which operations a sentence names by what it does: "may issue cards" → the
// operation whose summary says "issues a card"; "redeem" ↔ `…/gift-card-redemptions`;
// "read" → GET. Words live in vocabulary.ts (verb families); this file only matches.
import type { Operation } from '../types.js';
import { operationKey } from '../types.js';
import { singular, words as nameWords } from '../naming/index.js';
import { isViewSegment, isWebhookPath } from './naming.js';
import { REST_MENTION } from './operations.js';
import { proseOf } from './units.js';
import {
  ACTION_WORDS,
  type CrudAction,
  DETERMINERS,
  FILLER_WORDS,
  OBJECT_BOUNDARIES,
  PATH_PREFIXES,
  PRONOUNS,
  VERB_FAMILIES,
  type VerbFamily,
} from './vocabulary.js';

const CRUD_IDS: ReadonlySet<string> = new Set<CrudAction>(['create', 'read', 'update', 'delete']);
const METHOD_CRUD: Record<string, CrudAction> = { GET: 'read', POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/** Inflected forms of an English verb: issue → issues, issued, issuing; cancel → cancelled; apply → applies. */
export function inflections(base: string): string[] {
  const forms = new Set([base]);
  if (/[^aeiou]y$/.test(base)) {
    forms.add(`${base.slice(0, -1)}ies`);
    forms.add(`${base.slice(0, -1)}ied`);
  } else {
    forms.add(/(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`);
    forms.add(base.endsWith('e') ? `${base}d` : `${base}ed`);
  }
  forms.add(`${base.endsWith('e') && !base.endsWith('ee') ? base.slice(0, -1) : base}ing`);
  // cancel → cancelled, submit → submitted, ship → shipping.
  if (/(?:^|[^aeiou])[aeiou][bdglmnprt]$/.test(base)) {
    forms.add(`${base}${base.at(-1)}ed`);
    forms.add(`${base}${base.at(-1)}ing`);
  }
  return [...forms];
}

const VERB_FORMS = new Map<string, VerbFamily>();
const NOUN_FORMS = new Map<string, VerbFamily>();
for (const family of VERB_FAMILIES) {
  for (const verb of family.verbs) for (const form of inflections(verb)) if (!VERB_FORMS.has(form)) VERB_FORMS.set(form, family);
  for (const noun of family.nouns ?? []) NOUN_FORMS.set(noun, family);
}
const CJK_FORMS = VERB_FAMILIES.flatMap((family) => (family.cjk ?? []).map((form) => ({ form, family }))).sort((a, b) => b.form.length - a.form.length);
const CJK_VERB_AT = new RegExp(CJK_FORMS.map((entry) => entry.form).join('|'), 'g');
const ROMANCE_FORMS = new Map<string, VerbFamily>();
for (const family of VERB_FAMILIES) for (const form of family.romance ?? []) if (!ROMANCE_FORMS.has(form)) ROMANCE_FORMS.set(form, family);

/** A word that is a verb of some family ("list", "return", "approve"), in any of its forms. */
export function isVerbWord(word: string): boolean {
  return VERB_FORMS.has(word) || ACTION_WORDS.has(word);
}

/** An action word with no family of its own (`POST /orders/{id}/settle`) is its own family. */
function ownFamily(word: string): VerbFamily {
  return { id: word, verbs: [word] };
}

/** What an operation does and to what, in words a sentence can match. */
export interface OperationTerms {
  op: Operation;
  key: string;
  /** Verb families its summary, action segment, name or action noun names. */
  families: Set<string>;
  /** CRUD action of its method (REST) or kind/name (RPC). */
  crud?: CrudAction;
  /** Nouns it is about (the resource): `gift-cards` → card, gift-card. */
  heads: Set<string>;
  /** Nouns an action applies to: `gift-card-redemptions` → gift, card, order. */
  objects: Set<string>;
  /** A named action (`…/cancel`, `:approve`): only a verb of its family names it. */
  action: boolean;
  summary: string;
}

const nounOf = (word: string): string => singular(word.toLowerCase().split(/[-_]/).pop() ?? word);
const wordsOf = (segment: string): string[] => segment.toLowerCase().split(/[-_]/).filter(Boolean).map(singular);

function summaryFamily(summary: string): VerbFamily | undefined {
  const trimmed = summary.trim();
  const cjk = CJK_FORMS.find((entry) => trimmed.startsWith(entry.form));
  if (cjk) return cjk.family;
  const words = proseOf(trimmed).toLowerCase().match(/[a-z][a-z-]*/g) ?? [];
  const first = words[0] === 'it' || words[0] === 'then' || words[0] === 'also' ? words[1] : words[0];
  return first ? VERB_FORMS.get(first) : undefined;
}

/**
 * Each operation's terms, kept while what they are read from is unchanged: every
 * sentence checked for the operations it names reads them all, and recomputing
 * them per sentence made a long spec quadratic. Cached terms are read-only.
 */
const termsCache = new WeakMap<Operation, { read: ReadFields; terms: OperationTerms | undefined }>();

/** Everything termsOf (and operationKey) reads of an operation. */
type ReadFields = [kind: Operation['kind'], method: Operation['method'], path: Operation['path'], name: Operation['name'], summary: Operation['summary']];

function cachedTermsOf(op: Operation): OperationTerms | undefined {
  const cached = termsCache.get(op);
  if (cached) {
    const [kind, method, path, name, summary] = cached.read;
    if (kind === op.kind && method === op.method && path === op.path && name === op.name && summary === op.summary) return cached.terms;
  }
  const terms = termsOf(op);
  termsCache.set(op, { read: [op.kind, op.method, op.path, op.name, op.summary], terms });
  return terms;
}

/**
 * An `ops` array read for a sentence: its operations' terms, and indexes by
 * family, noun, path and name, so a sentence costs what it mentions, not the
 * number of operations. Same answers, in the same order, as scanning the array.
 */
interface TermsList {
  all: OperationTerms[];
  /** Positions of each terms in `all` (an operation listed twice is there twice, as a scan would find it). */
  position: Map<OperationTerms, number[]>;
  byFamily: Map<string, OperationTerms[]>;
  /** Terms whose heads or objects hold the noun. */
  byNoun: Map<string, OperationTerms[]>;
  byHead: Map<string, OperationTerms[]>;
  /** Operations with a path, by path. */
  byPath: Map<string, Operation[]>;
  /** Non-REST operations, by name. */
  byName: Map<string, Operation[]>;
  extra?: Map<string, VerbFamily>;
}

/** Per `ops` array: the operations and the fields read of them when the list was built, to tell it is still valid. */
const termsListCache = new WeakMap<readonly Operation[], { ops: Operation[]; read: unknown[]; list: TermsList }>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Lists built for arrays whose operations do not change for a while (see `whileSettled`). */
const settledLists = new WeakMap<readonly Operation[], TermsList>();

/**
 * Runs `read` with `ops` settled: the caller reads many statements about the
 * operations and changes none of their names, paths or summaries meanwhile, so
 * their terms are checked once, not on every lookup (a long document has
 * thousands of both: checking each time grew with their product).
 */
export function whileSettled<T>(ops: readonly Operation[], read: () => T): T {
  settledLists.set(ops, termsList(ops));
  try {
    return read();
  } finally {
    settledLists.delete(ops);
  }
}

function termsList(ops: readonly Operation[]): TermsList {
  const settled = settledLists.get(ops);
  if (settled) return settled;
  const cached = termsListCache.get(ops);
  if (cached && cached.ops.length === ops.length) {
    const { read } = cached;
    let same = true;
    for (let index = 0, at = 0; index < ops.length && same; index++, at += 6) {
      const op = ops[index];
      same = op === read[at] && op.kind === read[at + 1] && op.method === read[at + 2] && op.path === read[at + 3] && op.name === read[at + 4] && op.summary === read[at + 5];
    }
    if (same) return cached.list;
  }
  const list: TermsList = { all: [], position: new Map(), byFamily: new Map(), byNoun: new Map(), byHead: new Map(), byPath: new Map(), byName: new Map() };
  const read: unknown[] = [];
  for (const op of ops) {
    read.push(op, op.kind, op.method, op.path, op.name, op.summary);
    if (op.path) push(list.byPath, op.path, op);
    if (op.kind !== 'rest') push(list.byName, op.name, op);
    const terms = cachedTermsOf(op);
    if (!terms) continue;
    push(list.position, terms, list.all.length);
    list.all.push(terms);
    for (const family of terms.families) push(list.byFamily, family, terms);
    for (const noun of new Set([...terms.heads, ...terms.objects])) push(list.byNoun, noun, terms);
    for (const head of terms.heads) push(list.byHead, head, terms);
  }
  termsListCache.set(ops, { ops: [...ops], read, list });
  return list;
}

function extraOf(list: TermsList): Map<string, VerbFamily> {
  return (list.extra ??= extraFamilies(list.all));
}

export function termsOf(op: Operation): OperationTerms | undefined {
  const terms: OperationTerms = { op, key: operationKey(op), families: new Set(), heads: new Set(), objects: new Set(), action: false, summary: op.summary ?? '' };
  // `Returns X` / `rpc X(…)` summaries are read from a signature: they say nothing about the action.
  const fromSummary = /^(?:Returns\b|Subscription\b|rpc\s)/.test(terms.summary) ? undefined : summaryFamily(terms.summary);
  if (fromSummary) {
    terms.families.add(fromSummary.id);
    // "Redeems a voucher at checkout": the summary's object is what the action applies to.
    const [first] = verbObjects(proseOf(terms.summary), new Map());
    for (const noun of first?.nouns ?? []) terms.objects.add(nounOf(noun));
  }
  if (op.kind === 'rest') {
    if (!op.path || isWebhookPath(op.path)) return undefined;
    const [base, custom] = op.path.split(/(?<=\}|[A-Za-z0-9]):(?=[A-Za-z]+$)/);
    const segments = base.split('/').filter((segment) => segment && !segment.startsWith('{') && !PATH_PREFIXES.test(segment));
    const last = segments.at(-1)?.toLowerCase();
    // A path names an action by its base form (`/rooms/{id}/book`); `books` there is the collection, not "it books".
    const pluralOfVerb = last !== undefined && last.endsWith('s') && VERB_FORMS.has(last.slice(0, -1));
    const actionSegment = !custom && op.method === 'POST' && last !== undefined && (ACTION_WORDS.has(last) || (VERB_FORMS.has(last) && !pluralOfVerb && !NOUN_FORMS.has(nounOf(last))));
    const action = custom?.toLowerCase() ?? (actionSegment ? last : undefined);
    if (action) {
      terms.action = true;
      terms.families.add((VERB_FORMS.get(action) ?? ownFamily(action)).id);
      const target = custom ? segments.at(-1) : segments.at(-2);
      for (const word of wordsOf(target ?? '')) terms.objects.add(word);
      return terms;
    }
    terms.crud = METHOD_CRUD[op.method ?? ''];
    if (!last) return terms;
    // `GET /loans/overdue` is about loans: the adjective qualifies them ("list overdue loans").
    const before = segments.at(-2)?.toLowerCase();
    if (before && isViewSegment(last, before)) {
      const words = wordsOf(before);
      terms.heads.add(words.at(-1)!);
      terms.heads.add(words.join('-'));
      terms.objects.add(last);
      return terms;
    }
    const words = wordsOf(last);
    const head = words.at(-1)!;
    terms.heads.add(head);
    terms.heads.add(words.join('-'));
    for (const word of words.slice(0, -1)) terms.objects.add(word);
    // POST on an action noun performs the action: `POST …/gift-card-redemptions` redeems a gift card.
    const nominal = NOUN_FORMS.get(head);
    if (nominal && op.method === 'POST') {
      terms.families.add(nominal.id);
      for (const word of [...words.slice(0, -1), ...wordsOf(segments.at(-2) ?? '')]) terms.objects.add(word);
    }
    return terms;
  }
  const words = nameWords(op.name);
  // tRPC: `note.archive` → verb archive, noun note; GraphQL/gRPC: `CreateLabel` → create, label.
  const leaf = op.kind.startsWith('trpc') ? nameWords(op.name.split('.').pop() ?? '') : words;
  // A query named by its noun (`invitations`, `orderById`) has no verb: every word is what it is about.
  const nounOnly = op.kind.endsWith('query') && !VERB_FORMS.has(leaf[0] ?? '');
  const verb = nounOnly ? undefined : leaf[0];
  const family = verb ? VERB_FORMS.get(verb) ?? (leaf.length > 1 || op.kind.startsWith('trpc') ? ownFamily(verb) : undefined) : undefined;
  if (family && !op.kind.endsWith('query')) terms.families.add(family.id);
  terms.crud = op.kind.endsWith('query') ? 'read' : family?.crud;
  for (const word of words.filter((word) => word !== verb)) {
    terms.heads.add(singular(word));
    terms.objects.add(singular(word));
  }
  if (op.kind.endsWith('query')) terms.families.add('read');
  return terms;
}

/** A verb group and the noun phrase it acts on: "read and redeem | their own cards". */
interface VerbObject {
  families: VerbFamily[];
  /** Words of the object, head last; empty when a pronoun or nothing follows. */
  nouns: string[];
  /** The verbs as written (`listing`), one per family. */
  verbs: string[];
}

function familyOfWord(word: string, extra: Map<string, VerbFamily>): VerbFamily | undefined {
  return VERB_FORMS.get(word) ?? extra.get(word);
}

/** Words that say who may, never what ("listing is *public*"): no object of the verb before them. */
const ACCESS_PREDICATES = /^(?:public|private|open|restricted|allowed|forbidden|denied|free|anonymous|unauthenticated|authenticated|admin-only|owner-only)$/;

/** Verb groups and their objects in English prose; a passive ("may be issued by") takes the subject as its object. */
function verbObjects(prose: string, extra: Map<string, VerbFamily>): VerbObject[] {
  const result: VerbObject[] = [];
  const tokens = prose.toLowerCase().match(/[a-z][a-z0-9'’-]*|[,;:.!?()]/g) ?? [];
  let group: VerbFamily[] = [];
  let written: string[] = [];
  let phrase: string[] = [];
  let subject: string[] = [];
  let pronoun = false;
  let state: 'idle' | 'verbs' | 'conj' | 'noun' | 'nounConj' = 'idle';
  let afterDeterminer = false;
  const flush = (): void => {
    if (group.length) result.push({ families: group, nouns: pronoun ? [] : phrase.length ? phrase : subject, verbs: written });
    phrase = [];
    pronoun = false;
  };
  const reset = (): void => {
    group = [];
    state = 'idle';
    afterDeterminer = false;
  };
  for (const token of tokens) {
    const word = token.replace(/['’]s?$/, '');
    if (/^[,;:.!?()]$/.test(word)) {
      if (word === ',' && state === 'verbs') {
        state = 'conj';
        continue;
      }
      flush();
      reset();
      if (word !== ',') subject = [];
      continue;
    }
    const family = afterDeterminer ? undefined : familyOfWord(word, extra);
    if (state === 'noun') {
      if (OBJECT_BOUNDARIES.has(word)) {
        flush();
        reset();
      } else if (word === 'and' || word === 'or') state = 'nounConj';
      else if (DETERMINERS.has(word)) afterDeterminer = true;
      else {
        phrase.push(word);
        afterDeterminer = false;
      }
      continue;
    }
    if (state === 'nounConj') {
      if (family) {
        flush();
        group = [family];
        written = [word];
        state = 'verbs';
      } else if (!DETERMINERS.has(word)) {
        flush();
        phrase = [word];
        state = 'noun';
      }
      continue;
    }
    if (state === 'verbs' || state === 'conj') {
      if (word === 'and' || word === 'or' || word === 'and/or') state = 'conj';
      else if (PRONOUNS.has(word)) pronoun = true;
      else if (DETERMINERS.has(word)) {
        afterDeterminer = true;
        state = 'noun';
      } else if (state === 'conj' && family) {
        group.push(family);
        written.push(word);
        state = 'verbs';
      } else if (OBJECT_BOUNDARIES.has(word)) {
        flush();
        reset();
      } else if (!FILLER_WORDS.has(word)) {
        phrase.push(word);
        state = 'noun';
      }
      continue;
    }
    if (DETERMINERS.has(word)) {
      afterDeterminer = true;
      continue;
    }
    if (family) {
      group = [family];
      written = [word];
      state = 'verbs';
      continue;
    }
    afterDeterminer = false;
    if (!OBJECT_BOUNDARIES.has(word) && !FILLER_WORDS.has(word) && !PRONOUNS.has(word) && word !== 'and' && word !== 'or') subject.push(word);
  }
  flush();
  return result;
}

function otherAction(terms: OperationTerms, family: VerbFamily): boolean {
  return [...terms.families].some((id) => id !== family.id && !CRUD_IDS.has(id));
}

/** Operations one verb with its object names: its own family first; the CRUD method as the fallback. */
/** Operations a verb names with this noun (or, without one, all of its family); from the indexes, so the cost is what matches. */
function matchVerb(family: VerbFamily, noun: string | undefined, list: TermsList): OperationTerms[] {
  const generic = CRUD_IDS.has(family.id);
  // A CRUD verb acts on the resource itself; an action ("redeem cards") may name what it applies to.
  const pool = noun === undefined ? list.byFamily.get(family.id) ?? [] : list.byNoun.get(noun) ?? [];
  const named = pool.filter((terms) => terms.families.has(family.id) && (noun === undefined || terms.heads.has(noun) || (!generic && terms.objects.has(noun))));
  const byMethod = family.crud && noun !== undefined
    ? (list.byHead.get(noun) ?? []).filter((terms) => !terms.action && terms.crud === family.crud && (generic || !otherAction(terms, family)))
    : [];
  if (generic) return [...new Set([...named, ...byMethod])];
  return named.length ? named : byMethod;
}

/** Keys named outright: `METHOD /path`, or an RPC / GraphQL / tRPC name in code. */
export function namedOperations(text: string, ops: Operation[]): string[] {
  const keys = new Set<string>();
  let list: TermsList | undefined;
  for (const match of text.matchAll(REST_MENTION)) {
    list ??= termsList(ops);
    const path = match[2].replace(/:(\w+)/g, '{$1}').replace(/[.,;]$/, '');
    for (const op of list.byPath.get(path) ?? []) if (match[1].includes(op.method ?? '-')) keys.add(operationKey(op));
  }
  for (const code of text.matchAll(/`([^`]+)`/g)) {
    list ??= termsList(ops);
    for (const op of list.byName.get(code[1].replace(/\(.*$/, '')) ?? []) keys.add(operationKey(op));
  }
  return [...keys];
}

function extraFamilies(all: OperationTerms[]): Map<string, VerbFamily> {
  const extra = new Map<string, VerbFamily>();
  for (const terms of all) {
    for (const id of terms.families) {
      if (VERB_FAMILIES.some((family) => family.id === id)) continue;
      for (const form of inflections(id)) if (!VERB_FORMS.has(form)) extra.set(form, ownFamily(id));
    }
  }
  return extra;
}

/** Chinese verbs with their object: "提交及查看自己的請假申請" → submit, read | 請假申請 (verbs joined by 及/和/或/、 share it). */
function cjkVerbObjects(text: string): VerbObject[] {
  const found = [...text.matchAll(CJK_VERB_AT)];
  const result: VerbObject[] = [];
  let group: VerbFamily[] = [];
  found.forEach((match, index) => {
    group.push(CJK_FORMS.find((entry) => entry.form === match[0])!.family);
    const end = match.index + match[0].length;
    const next = found[index + 1];
    if (next && /^[及和與或、並]?$/.test(text.slice(end, next.index))) return;
    // "把文章加入书架": 把 puts the object before the verb.
    const fronted = /把([\u4e00-\u9fff]{1,8})$/.exec(text.slice(0, found[index - group.length + 1].index))?.[1];
    const object = fronted ?? /^[\u4e00-\u9fff]{1,10}/.exec(text.slice(end))?.[0] ?? '';
    result.push({ families: group, nouns: object ? [object.replace(/^.*的/, '')] : [], verbs: [] });
    group = [];
  });
  return result;
}

/** Chinese verb + object: the object must appear in the operation's summary when it has a Chinese one. */
function cjkMatches(text: string, all: OperationTerms[]): OperationTerms[] {
  const found = new Set<OperationTerms>();
  for (const { families, nouns } of cjkVerbObjects(text)) {
    const noun = nouns[0] ?? '';
    if (!noun) continue;
    for (const family of families) {
      const pool = matchVerbAnyObject(family, all);
      let matched: OperationTerms[] = [];
      for (let length = noun.length; length >= 2 && !matched.length; length--) matched = pool.filter((terms) => terms.summary.includes(noun.slice(0, length)));
      if (!matched.length) matched = pool.filter((terms) => terms.families.has(family.id) && !/[\u4e00-\u9fff]/.test(terms.summary));
      for (const terms of matched) found.add(terms);
    }
  }
  return [...found];
}

/**
 * Portuguese and Spanish verbs ("podem listar e resolver as denúncias"): the summaries are
 * English, so the object cannot be compared; each verb names the operations of its family,
 * or of its CRUD method. Only words in a sentence with Latin letters outside English.
 */
function romanceFamilies(text: string): VerbFamily[] {
  const prose = proseOf(text).toLowerCase();
  if (!/[à-ú]|(?<![\p{L}])(?:podem?|pueden?|somente|apenas|los|las|uma|una|não)(?![\p{L}])/u.test(prose)) return [];
  const families: VerbFamily[] = [];
  for (const word of prose.match(/\p{L}+/gu) ?? []) {
    const family = ROMANCE_FORMS.get(word);
    if (family && !families.includes(family)) families.push(family);
  }
  return families;
}

function romanceMatches(text: string, all: OperationTerms[]): OperationTerms[] {
  const found = new Set<OperationTerms>();
  for (const family of romanceFamilies(text)) for (const terms of matchVerbAnyObject(family, all)) found.add(terms);
  return [...found];
}

function matchVerbAnyObject(family: VerbFamily, all: OperationTerms[]): OperationTerms[] {
  const named = all.filter((terms) => terms.families.has(family.id));
  const byMethod = family.crud ? all.filter((terms) => !terms.action && terms.crud === family.crud && (CRUD_IDS.has(family.id) || !otherAction(terms, family))) : [];
  if (CRUD_IDS.has(family.id)) return [...new Set([...named, ...byMethod])];
  return named.length ? named : byMethod;
}

/** Operations a sentence names: explicit `METHOD /path` or names in code, else its verbs and their objects. */
export function resolveOperations(text: string, ops: Operation[]): string[] {
  const explicit = namedOperations(text, ops);
  if (explicit.length) return explicit;
  const list = termsList(ops);
  const { all } = list;
  const found = new Set<OperationTerms>([...cjkMatches(text, all), ...romanceMatches(text, all)]);
  for (const { families, nouns, verbs } of verbObjects(proseOf(text), extraOf(list))) {
    const candidates = nouns.length ? [nouns.at(-1)!, ...nouns.slice(0, -1).reverse()].map(nounOf) : [];
    for (const family of families) {
      let matched: OperationTerms[] = [];
      for (const noun of candidates) {
        matched = matchVerb(family, noun, list);
        for (const terms of matched) found.add(terms);
        if (matched.length) break;
      }
      // "Only owners may invite or revoke": a verb that is an operation's own action names it without an object.
      if (!matched.length && !CRUD_IDS.has(family.id)) for (const terms of list.byFamily.get(family.id) ?? []) found.add(terms);
      // "listing is public": the gerund as a subject names the sprint's one list, never a guess among several.
      // (A bare "may delete" or "delete it" still names nothing: its object is elsewhere.)
      if (!matched.length && verbs[families.indexOf(family)] === 'listing' && nouns.every((noun) => ACCESS_PREDICATES.test(noun))) {
        const lists = all.filter((terms) => terms.op.list);
        if (lists.length === 1) found.add(lists[0]);
      }
    }
  }
  // In the operations' order, as a scan of `all` would give them.
  const positions = [...found].flatMap((terms) => list.position.get(terms) ?? []).sort((a, b) => a - b);
  return positions.map((index) => all[index].key);
}

/** Of the operations a statement sits under, the ones its verbs fit (no object needed: the context names it). */
export function narrowByVerbs(text: string, ops: Operation[]): Operation[] {
  const list = termsList(ops);
  const { all } = list;
  const extra = extraOf(list);
  const families = new Set<VerbFamily>();
  for (const { families: group } of verbObjects(proseOf(text), extra)) for (const family of group) families.add(family);
  for (const { families: group } of cjkVerbObjects(text)) for (const family of group) families.add(family);
  for (const family of romanceFamilies(text)) families.add(family);
  const fit = new Set<Operation>();
  for (const family of families) for (const terms of matchVerbAnyObject(family, all)) fit.add(terms.op);
  return ops.filter((op) => fit.has(op));
}
