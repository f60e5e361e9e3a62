// Operations: REST (`METHOD /path` in code, bullets, tables, prose), GraphQL
// (code spans, SDL fences), gRPC (`rpc` lines, proto fences) and tRPC
// (`bookmark.create` mutation/query, router fences), with their fields.
import type { Field, FieldType, Operation, OperationKind } from '../types.js';
import { operationKey } from '../types.js';
import { type Attributes, mapType, parseAttributes, parseTypeLiteral, parseZodObject, splitTopLevel, toField } from './fields.js';
import {
  isCollectionPath,
  isWebhookPath,
  normalizePath,
  pathParams,
  restOperationName,
} from './naming.js';
import { isConnectionType, readGraphqlSignature } from './grammar/graphql.js';
import { readTypeLiteral } from './grammar/typescript.js';
import { lineAt, proseOf, sentences, type Unit } from './units.js';
import { CALL_BEFORE, CHOSEN_AFTER, EXTERNAL_API, LIST_WORDS, MONEY_RESOURCES, NO_SESSION, REPLACED_AFTER, REPLACED_BEFORE, RETRY_NEGATED, RETRY_SAFE, ROUTE_LABELS, SPECIFIED_BEFORE, VENDORS, WEBHOOK_WORD } from './vocabulary.js';
import { singular } from '../naming/index.js';

const METHOD = '(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)';
/** `POST /v1/x`, "a DELETE on /api/users/:id", "GET and DELETE `/v1/x/{id}`". */
export const REST_MENTION = new RegExp(
  // "the user POSTs to `/v1/auth/register`": the method used as a verb.
  String.raw`\b(${METHOD}(?:\s*(?:,|\/|&|\band\b|\bor\b|和|與|或)\s*${METHOD})*)(?:s|ing|ed)?\b[\s\`*]+(?:(?:on|to|at|request|requests|call|calls|for|against|of|endpoint|route|請求)\s+)*(?:the\s+)?\`?(\/(?:[A-Za-z0-9_{}:<>\[\].~*-]|\/|\?[\w=&.[\]-]*)*)`,
  'g',
);

/** Where an operation came from, so later mentions can add to it. */
export interface Mention {
  op: Operation;
  unit: Unit;
  /** Clause of the unit that talks about this operation: [from, to). */
  from: number;
  to: number;
  webhook: boolean;
  /** Index of the mention in the unit text. */
  at: number;
  /**
   * "(POST/GET/PUT/DELETE on /roles)": a slash list of methods on one path sums up
   * operations stated elsewhere; it confirms them and is no statement of its own.
   */
  summaryList?: boolean;
  /** "(Xendit: POST /v2/invoices)", "Stripe's API `POST /v1/charges`": a call we make to someone else's API, not ours. */
  outbound?: boolean;
  /** "Architecture specifies `A`, Story uses `B`", "instead of `A`": a route the document does not use. */
  replaced?: boolean;
}

/** Does the document set the route at [at, end) aside for another ("instead of A", "X specifies A, Story uses B")? */
function isReplaced(text: string, at: number, end: number): boolean {
  const before = proseOf(text.slice(Math.max(0, at - 40), at));
  const after = text.slice(end);
  if (REPLACED_BEFORE.test(before) || REPLACED_AFTER.test(after)) return true;
  if (!SPECIFIED_BEFORE.test(before)) return false;
  const chosen = CHOSEN_AFTER.exec(after);
  // The other route must follow the verb that picks it.
  return Boolean(chosen && new RegExp(REST_MENTION.source).test(after.slice(chosen[0].length, chosen[0].length + 80)));
}

/**
 * Is the route at `at` someone else's? Labelled with a vendor's name ("Stripe: POST …", or any name after
 * "gateway-specific APIs (Xendit: POST …"), written as "<Vendor> API `POST …`" / "Acme's API `POST …`",
 * or called on an external API named just before it or a vendor named just after it ("calls POST /v1/x on Stripe").
 * The vendor must stand beside the route: "calls `POST /checkout`, which charges via Stripe" is our own.
 */
function isOutbound(text: string, at: number, end: number): boolean {
  const sentence = sentences(text).find((candidate) => candidate.at <= at && at < candidate.at + candidate.text.length);
  const before = text.slice(sentence?.at ?? 0, at);
  const near = proseOf(before.slice(-80));
  const vendorNamed = (name: string): boolean => VENDORS.some((vendor) => vendor.pattern.test(name));
  const label = /([A-Z][\w.-]*)\s*[:：]\s*[`*]*$/.exec(before);
  if (label && !ROUTE_LABELS.test(label[1]) && (vendorNamed(label[1]) || EXTERNAL_API.test(near))) return true;
  const api = /\b([A-Z][\w-]*)('s)?\s+(?:API|endpoint)s?\s*[:：(]?\s*[`*]*$/.exec(before);
  if (api && !ROUTE_LABELS.test(api[1]) && (api[2] || vendorNamed(api[1]))) return true;
  if (!CALL_BEFORE.test(before)) return false;
  const after = proseOf(text.slice(end, end + 40));
  const vendorAfter = /^[`*]*\s*(?:on|at|of|from)\s+(?:the\s+)?(\S+)/.exec(after);
  return EXTERNAL_API.test(near) || Boolean(vendorAfter && vendorNamed(vendorAfter[1]));
}

/** A slash list of methods applied to one path: "GET/POST/DELETE on /x", "(GET/PUT `/x`)". */
function isSummaryList(text: string, match: RegExpMatchArray): boolean {
  if (!/\//.test(match[1]) || match[1].split('/').length < 2) return false;
  const between = match[0].slice(match[1].length, match[0].length - match[2].length);
  return /\bon\b/i.test(between) || parenDepth(text, 0, match.index ?? 0) > 0;
}

type Role = 'request' | 'query' | 'response';
const ROLE_MARKERS: ReadonlyArray<{ role: Role; pattern: RegExp }> = [
  { role: 'query', pattern: /\bquery(?: string| params?| parameters?)?\b|\bfilters?(?: by)?\b|\bsort(?:ed)? by\b|查詢參數|篩選/gi },
  // "req: `email`" / "res: …" under a route: the short labels of a request/response summary.
  { role: 'response', pattern: /\bres\s*[:：]|\breturns?\b|\bresponds? with\b|\bresponses?\b|\boutput\b|回傳|回應|傳回/gi },
  { role: 'request', pattern: /\breq\s*[:：]|\b(?:request )?body\b|\bpayload\b|\binputs?\b|\bfields?\b|\bparams\b|\bparameters?\b|\barguments?\b|\bargs\b|\baccepts?\b|\btakes?\b|\bwith\b|\bcontaining\b|\bsends?\b|請求|欄位|參數|輸入|帶入|\bcorpo\b|\bcuerpo\b|\brecebe\b|\brecibe\b|\bpar[âáa]metros?\b/gi },
];

const IDENTIFIER = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*(?:\[\])?\??$/;
const NOT_A_FIELD_AFTER = /^\s*(?:events?|status(?:es)?|states?|roles?|headers?|tables?|columns?|services?|queues?|topics?|webhooks?|事件|角色|資料表|服務)\b/i;
const NOT_A_FIELD_BEFORE = /(?:\broles?|\bscopes?|\bheaders?|\bevents?|\btables?|\bservices?|角色|事件)\s*$/i;

function parenthetical(text: string, at: number): { content: string; end: number } | undefined {
  let index = at;
  while (index < text.length && /\s/.test(text[index])) index++;
  if (text[index] !== '(' && text[index] !== '（') return undefined;
  let depth = 0;
  let inCode = false;
  for (let i = index; i < text.length; i++) {
    const char = text[i];
    if (char === '`') inCode = !inCode;
    if (inCode) continue;
    if (char === '(' || char === '（') depth++;
    if (char === ')' || char === '）') depth--;
    if (depth === 0) return { content: text.slice(index + 1, i), end: i + 1 };
  }
  return undefined;
}

function parenDepth(text: string, from: number, to: number): number {
  let depth = 0;
  let inCode = false;
  for (let i = from; i < to; i++) {
    const char = text[i];
    if (char === '`') inCode = !inCode;
    else if (!inCode && (char === '(' || char === '（')) depth++;
    else if (!inCode && (char === ')' || char === '）')) depth = Math.max(0, depth - 1);
  }
  return depth;
}

function roleAt(text: string, from: number, at: number, fallback?: Role): Role | undefined {
  const prose = proseOf(text.slice(from, at)).replace(/[(（][^)）]*[)）]/g, (inner) => ' '.repeat(inner.length));
  let best: { role: Role; index: number } | undefined;
  for (const { role, pattern } of ROLE_MARKERS) {
    for (const match of prose.matchAll(pattern)) {
      if (!best || match.index > best.index) best = { role, index: match.index };
    }
  }
  return best?.role ?? fallback;
}

export interface FoundFields {
  request: Field[];
  query: Field[];
  response: Field[];
}

/**
 * Fields named by code spans in text[from, to): `name` (attrs), optional `name`, or any
 * identifier after a marker (Body:, Query:, Returns). `leading` lets an item that starts with
 * a code span be a field by itself (`- \`url\`: string, required`).
 */
export function fieldsIn(unit: Unit, from: number, to: number, options: { defaultRole?: Role; leading?: boolean; skip?: (start: number) => boolean } = {}): FoundFields {
  const found: FoundFields = { request: [], query: [], response: [] };
  const text = unit.text;
  let consumedTo = from;
  for (const code of unit.codes) {
    if (code.start < from || code.start >= to || code.start < consumedTo) continue;
    if (options.skip?.(code.start)) continue;
    if (parenDepth(text, from, code.start) > 0) continue;
    // `{ url: string (URL), tags: string[] (max 10) }`, `z.object({…})`, `{email, permission}`: a whole body at once.
    if (/^\s*(?:\{[\s\S]*\}|z\.object\()/.test(code.value)) {
      const fields = objectFields(code.value, lineAt(unit, code.start));
      const role = fields?.length ? roleAt(text, from, code.start, options.defaultRole ?? 'request') : undefined;
      if (fields && role) found[role].push(...fields);
      continue;
    }
    const literal = /^([A-Za-z_][\w-]*)(\?)?\s*:\s*(.+)$/.exec(code.value);
    if (!literal && !IDENTIFIER.test(code.value)) continue;
    if (/^[A-Z]/.test(code.value) && !literal) continue;
    const after = text.slice(code.end);
    const before = text.slice(Math.max(from, code.start - 24), code.start);
    if (NOT_A_FIELD_AFTER.test(after) || NOT_A_FIELD_BEFORE.test(before)) continue;
    let name = literal ? literal[1] : code.value;
    let attrs: Attributes = literal ? parseAttributes(literal[3]) : {};
    if (literal?.[2]) attrs.required = false;
    let stated = Boolean(literal);
    const noun = /^\s*(?:field|param(?:eter)?|property|attribute|欄位|參數)\b/i.exec(after);
    const paren = parenthetical(text, code.end + (noun ? noun[0].length : 0));
    const isLeading = options.leading && !text.slice(from, code.start).replace(/[\s*_:：-]/g, '') && code.start >= from;
    if (paren) {
      attrs = { ...attrs, ...parseAttributes(paren.content) };
      stated = true;
      consumedTo = paren.end;
    } else if (isLeading) {
      const rest = after.replace(/^\s*[:：—–-]\s*/, '');
      if (rest.trim()) attrs = { ...attrs, ...parseAttributes(rest) };
      stated = true;
      consumedTo = to;
    }
    if (name.endsWith('?')) {
      name = name.slice(0, -1);
      attrs.required ??= false;
    }
    if (name.endsWith('[]')) {
      name = name.slice(0, -2);
      attrs.type ??= 'array';
    }
    // "an optional `note`", "選填 `note`", "선택 항목인 `note`", "필수인 `reason`".
    const flag = /(optional|選填|可選|required|必填|(?:선택|필수)\s*(?:항목|사항|값)?\s*(?:인|의)?)\s*$/i.exec(before);
    if (flag) {
      attrs.required = /required|必填|필수/i.test(flag[1]);
      stated = true;
    }
    const role = roleAt(text, from, code.start, stated ? options.defaultRole ?? 'request' : undefined);
    if (!role) continue;
    if (name.includes('.') && !stated) continue;
    found[role].push(toField(name, attrs, lineAt(unit, code.start)));
  }
  for (const list of [found.request, found.query]) {
    if (list.some((field) => field.required === false)) for (const field of list) field.required ??= true;
  }
  return found;
}

/** A requirement's own label before its text: `FR-001:`, `**NFR2**：`, `REQ-12 -`. */
const REQUIREMENT_LABEL = /^\s*\**\s*[A-Z]{1,5}-?\d+[a-z]?\s*\**\s*[:：.)\]-]\s*\**\s*/;

/** The sentence a route sits in, as a summary: without the requirement's label and without the route itself ("… via `POST /tasks`"). */
function withoutRoute(sentence: string, route: string): string {
  const written = route.replace(/^`|`$/g, '').trim();
  const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Japanese puts the connector after the route: "`POST /items` でコメントを追加する", "`GET /x` を使って".
  const after = new RegExp(String.raw`\s*\x60?${escaped}\x60?\s*(?:を通じて|を通して|を使って|を用いて|によって|により|で)`);
  const mention = after.test(sentence) ? after : new RegExp(String.raw`(?:\s*(?:\b(?:via|through|using|by calling|calling|at|on)\b|通过|透過|經由|经由|调用|呼叫)\s*)?\s*\x60?${escaped}\x60?`);
  const stripped = sentence.replace(REQUIREMENT_LABEL, '').replace(mention, ' ').replace(/([\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1');
  // A sentence that was little more than the route keeps its words as written.
  return /[A-Za-z\u3040-\u30ff\u4e00-\u9fff]{3}/.test(proseOf(stripped)) ? stripped : sentence.replace(REQUIREMENT_LABEL, '');
}

function summaryOf(unit: Unit, at: number, to: number, matchEnd: number): string | undefined {
  const leading = !proseOf(unit.text.slice(0, at)).replace(/[\s*:：`-]/g, '');
  let text: string;
  if (leading) {
    const after = unit.text.slice(matchEnd, to).replace(/^[`\s]*[:：—–,.;-]*\s*/, '');
    text = sentences(after)[0]?.text ?? '';
  } else {
    const sentence = sentences(unit.text).find((candidate) => candidate.at <= at && at < candidate.at + candidate.text.length);
    text = sentence ? withoutRoute(sentence.text, unit.text.slice(at, matchEnd)) : '';
  }
  // "Create Tag (POST /api/tags)" leaves "Create Tag ( )" once the route is out: empty brackets go too.
  const clean = text.replace(/\s+/g, ' ').replace(/\s*[(（[]\s*[)）\]]/g, '').replace(/\s+([,.;:，。；：])/g, '$1').trim();
  if (!/[A-Za-z\u3040-\u30ff\u4e00-\u9fff]{2}/.test(proseOf(clean)) || /^[|`]/.test(clean)) return undefined;
  return clean[0].toUpperCase() + clean.slice(1);
}

function lastResource(path: string): string | undefined {
  const nouns = path
    .split(/[/:]/)
    .filter((segment) => segment && !segment.startsWith('{'))
    .filter((segment) => !/^(api|v\d+)$/i.test(segment));
  return nouns[nouns.length - 1];
}

/** Fields of an object type, a zod object or a shorthand list, read with the TypeScript type reader. */
export function objectFields(source: string, line: number): Field[] | undefined {
  const shorthand = /^\s*\{\s*([A-Za-z_]\w*\??(?:\s*,\s*[A-Za-z_]\w*\??)*)\s*,?\s*\}\s*$/.exec(source);
  if (shorthand) {
    return shorthand[1].split(/\s*,\s*/).map((name) => (name.endsWith('?') ? { name: name.slice(0, -1), line, required: false } : { name, line }));
  }
  return readTypeLiteral(source.trim(), line) ?? parseTypeLiteral(source, line) ?? parseZodObject(source, line);
}

export function emptyOperation(kind: OperationKind, name: string, line: number): Operation {
  return { kind, name, line, pathParams: [], queryParams: [], requestFields: [], responseFields: [], list: false, retrySafe: false };
}

function retrySafeText(text: string): boolean {
  const prose = proseOf(text);
  return RETRY_SAFE.test(prose) && !RETRY_NEGATED.test(prose);
}

/** Builds a REST operation for one method/path mention and its clause. */
export function restOperation(method: string, rawPath: string, unit: Unit, from: number, to: number, at: number, matchEnd: number, summary?: string): Mention {
  const { path, query } = normalizePath(rawPath);
  const clause = unit.text.slice(from, to);
  const prose = proseOf(clause);
  const webhook = method === 'POST' && (isWebhookPath(path) || WEBHOOK_WORD.test(prose));
  const lastSegment = path.split('/').pop() ?? '';
  const list = method === 'GET' && (isCollectionPath(path) || (LIST_WORDS.test(prose) && !lastSegment.startsWith('{')));
  const op = emptyOperation('rest', '', lineAt(unit, at));
  op.method = method;
  op.path = path;
  op.name = restOperationName(method, path, { webhook, list });
  op.pathParams = pathParams(path);
  op.list = list;
  const resource = lastResource(path);
  const money = method === 'POST' && resource !== undefined && MONEY_RESOURCES.has(singular(resource).toLowerCase());
  op.retrySafe = !webhook && (retrySafeText(clause) || money);
  if (NO_SESSION.test(prose) && (webhook || !/\bsign/i.test(prose))) op.unauthenticated = true;
  const text = summary ?? summaryOf(unit, at, to, matchEnd);
  if (text) op.summary = text.replace(/\s+/g, ' ').trim();
  for (const name of query) op.queryParams.push({ name, line: op.line });
  return { op, unit, from, to, webhook, at };
}

export function addFields(op: Operation, fields: FoundFields): void {
  const bodyless = op.kind === 'rest' && ['GET', 'DELETE', 'HEAD'].includes(op.method ?? '');
  const merge = (target: Field[], incoming: Field[]): void => {
    for (const field of incoming) {
      const existing = target.find((candidate) => candidate.name === field.name);
      if (!existing) target.push(field);
      else for (const [key, value] of Object.entries(field)) if ((existing as unknown as Record<string, unknown>)[key] === undefined) (existing as unknown as Record<string, unknown>)[key] = value;
    }
  };
  merge(bodyless ? op.queryParams : op.requestFields, fields.request);
  merge(op.queryParams, fields.query.filter((field) => !op.pathParams.includes(field.name)));
  merge(op.responseFields, fields.response);
}

/** `# GET /v1/zones  GET /v1/zones/{id}` after a file in a plan's tree: the routes that file serves. */
const COMMENT_ROUTE = new RegExp(String.raw`\b(${METHOD}|CRUD)\s+(\/[A-Za-z0-9_{}:.|/-]*)`, 'g');
/** CRUD, as HTTP names its four actions on a collection and on one of its rows. */
const CRUD_ROUTES: ReadonlyArray<[string, boolean]> = [['GET', false], ['POST', false], ['GET', true], ['PUT', true], ['DELETE', true]];

/**
 * The routes a comment in a fenced file tree names: each `METHOD /path` in it, a last segment
 * written as alternatives (`/v1/auth/register|login|logout`) as one route each, and `CRUD /v1/alerts`
 * as the five routes of a collection (its rows keyed by `{id}`).
 */
export function commentRoutes(line: string): Array<{ method: string; path: string; at: number }> {
  const comment = /(?:^|\s)(?:#|\/\/)\s*(.*)$/.exec(line);
  if (!comment) return [];
  const offset = comment.index + comment[0].length - comment[1].length;
  const routes: Array<{ method: string; path: string; at: number }> = [];
  for (const match of comment[1].matchAll(COMMENT_ROUTE)) {
    const written = match[2].replace(/[.,;:]+$/, '');
    const segments = written.split('/');
    const last = segments.pop() ?? '';
    const paths = last.includes('|') ? last.split('|').filter(Boolean).map((part) => [...segments, part].join('/')) : [written];
    const at = offset + match.index;
    for (const path of paths) {
      if (path.includes('|')) continue;
      if (match[1] !== 'CRUD') routes.push({ method: match[1], path, at });
      else for (const [method, row] of CRUD_ROUTES) routes.push({ method, path: row ? `${path.replace(/\/$/, '')}/{id}` : path, at });
    }
  }
  return routes;
}

/** `│   ├── POST /register/   → RegisterView`: a route drawn as a branch of a tree. */
const TREE_ROUTE = new RegExp(String.raw`^([ \t│|]*)[├└]──\s*(${METHOD})\s+(\/[A-Za-z0-9_{}:.\-/]*)`);
/** `│  api/auth/   │`: the path the branches below it hang from. */
const TREE_BASE = /^([ \t│|]*)\/?([A-Za-z0-9_-]+(?:\/[A-Za-z0-9_{}-]+)*\/)\s*[│|]?\s*$/;

/**
 * Routes drawn as a tree's branches, each under the path its nearest shallower line names
 * (`api/auth/` over `├── POST /register/` is `POST /api/auth/register/`). Indexes are the lines'.
 */
export function treeRoutes(lines: readonly string[]): Array<{ method: string; path: string; base: string; index: number }> {
  const routes: Array<{ method: string; path: string; base: string; index: number }> = [];
  lines.forEach((line, index) => {
    const route = TREE_ROUTE.exec(line);
    if (!route) return;
    const depth = route[1].replace(/[│|]/g, ' ').length;
    let base = '';
    for (let back = index - 1; back >= 0; back--) {
      const above = TREE_BASE.exec(lines[back]);
      if (above && above[1].replace(/[│|]/g, ' ').length < depth) {
        base = `/${above[2].replace(/\/$/, '')}`;
        break;
      }
    }
    routes.push({ method: route[2], path: `${base}${route[3]}`, base, index });
  });
  return routes;
}

/** REST mentions in a unit's prose, each with the clause up to the next mention. */
export function restMentions(unit: Unit): Mention[] {
  const matches = [...unit.text.matchAll(REST_MENTION)].filter((match) => /\/[A-Za-z{:<[_]|^\/$/.test(match[2]) || match[2] === '/');
  const mentions: Mention[] = [];
  matches.forEach((match, index) => {
    const from = index === 0 ? 0 : match.index;
    const to = matches[index + 1]?.index ?? unit.text.length;
    const matchEnd = match.index + match[0].length;
    for (const method of match[1].split(/[^A-Z]+/).filter(Boolean)) {
      const mention = restOperation(method, match[2], unit, from, to, match.index, matchEnd);
      const codesOfMatch = (start: number): boolean => start >= match.index && start < matchEnd;
      const defaultRole = method === 'GET' ? 'query' : 'request';
      // Fields start after the code span the route is written in: its closing backtick is no prose.
      const after = unit.codes.find((code) => code.start <= match.index && code.end >= matchEnd)?.end ?? matchEnd;
      if (isSummaryList(unit.text, match)) mention.summaryList = true;
      if (isOutbound(unit.text, match.index, matchEnd)) mention.outbound = true;
      if (isReplaced(unit.text, match.index, matchEnd)) mention.replaced = true;
      addFields(mention.op, fieldsIn(unit, Math.min(after, to), to, { defaultRole, skip: codesOfMatch }));
      if (index === 0 && match.index > 0) addFields(mention.op, fieldsIn(unit, 0, match.index, { defaultRole }));
      mentions.push(mention);
    }
  });
  return mentions;
}

// ---- tables -----------------------------------------------------------------

const column = (header: string[], pattern: RegExp): number => header.findIndex((cell) => pattern.test(cell.trim()));

export const TABLE_COLUMNS = {
  // Spanish/Portuguese "Método", French "Méthode", German "Methode", Vietnamese "Phương thức" head the same column.
  method: /^(?:method|verb|http method|http|方法|메서드|메소드|m[ée]todo|m[ée]todo http|verbo|m[ée]thode|methode|phương thức)$/i,
  path: /^(?:path|endpoint|route|url|uri|resource|路徑|端點|路由|api|경로|엔드포인트|ruta|rota|caminho|chemin|pfad|đường dẫn)$/i,
  description: /description|summary|purpose|notes?|what|behaviou?r|說明|描述|用途|備註|설명|요약|비고|descripci[oó]n|descri[çc][ãa]o|mô tả/i,
  auth: /^(?:auth|authz|roles?|who|permissions?|access|scopes?|權限|角色|授權|권한|역할|인증|autoriza[cç]|permisos?|permiss[õo]es|acceso|acesso|quyền)/i,
  // "新增属性" (added attribute): the field column of a table that extends one.
  name: /^(?:新增|新)?(?:name|field|field name|param|parameter|column|column name|attribute|property|名稱|欄位|參數|屬性|属性|字段|字段名|フィールド|フィールド名|カラム|カラム名|項目|필드|필드명|컬럼|컬럼명|속성|campo|atributo|columna|propiedad|propriedade|coluna|champ|nom du champ|attribut|colonne|propriété|feld|feldname|spalte|eigenschaft|trường|thuộc tính|cột)$/i,
  // "DB Type", "SQL Type", "Tipo SQL": the column's type as the database writes it.
  type: /^(?:(?:db|sql|database|column|postgres(?:ql)?|mysql|sqlite)\s+)?(?:type|data type)$|^(?:typ|datentyp|type de donn[ée]es|kind|型別|類型|種類|类型|数据类型|型|データ型|타입|자료형|유형|tipo|tipo de dato|tipo de dado|tipo (?:sql|db|de banco)|kiểu|kiểu dữ liệu)$/i,
  // "DB Name", "Column name" beside a property name: what the table itself calls the column.
  storedName: /^(?:db|sql|database|table)\s+(?:name|column)$|^(?:column name|db column|nome (?:da )?coluna|nombre de columna)$/i,
  required: /^(?:required|mandatory|optional|必填|必要|필수|필수 여부)(?:\s*\/\s*(?:optional|required))?\??$/i,
  operation: /^(?:operation|procedure|query|mutation|rpc|操作|程序|작업)$/i,
  input: /^(?:input|inputs|args|arguments|request|輸入|參數|입력)$/i,
  location: /^(?:in|location|where|位置|위치)$/i,
};

export interface TableOperation extends Mention {
  authText?: string;
}

function cellText(row: Unit, index: number): string {
  return index >= 0 ? row.cells?.[index]?.text.trim() ?? '' : '';
}

/** A table row with method/path (or endpoint) columns → one REST operation. */
export function restFromRow(row: Unit): TableOperation[] {
  const header = row.header ?? [];
  const methodIndex = column(header, TABLE_COLUMNS.method);
  const pathIndex = column(header, TABLE_COLUMNS.path);
  if (pathIndex < 0) return [];
  const pathCell = cellText(row, pathIndex).replace(/`/g, '');
  const descIndex = column(header, TABLE_COLUMNS.description);
  const authIndex = column(header, TABLE_COLUMNS.auth);
  const result: TableOperation[] = [];
  const pairs: Array<[string, string]> = [];
  if (methodIndex >= 0) {
    const path = /\/\S*/.exec(pathCell)?.[0];
    for (const method of cellText(row, methodIndex).toUpperCase().match(/\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g) ?? []) if (path) pairs.push([method, path]);
  } else {
    for (const match of pathCell.matchAll(REST_MENTION)) for (const method of match[1].split(/[^A-Z]+/).filter(Boolean)) pairs.push([method, match[2]]);
  }
  const description = cellText(row, descIndex);
  for (const [method, path] of pairs) {
    const mention: TableOperation = restOperation(method, path, row, 0, row.text.length, 0, 0, description ? description.replace(/`/g, '`') : undefined);
    if (!description) delete mention.op.summary;
    mention.op.line = row.line;
    if (authIndex >= 0 && cellText(row, authIndex)) mention.authText = cellText(row, authIndex);
    result.push(mention);
  }
  return result;
}

/** A field/column definition table row: name, type, required, notes. */
export function fieldFromRow(row: Unit): { name: string; attrs: Attributes; role?: Role } | undefined {
  const header = row.header ?? [];
  const nameIndex = column(header, TABLE_COLUMNS.name);
  if (nameIndex < 0) return undefined;
  const storedIndex = column(header, TABLE_COLUMNS.storedName);
  // A table naming both the property and its column (`lastName` | `last_name`) is a table's: the column's name wins.
  const stored = storedIndex >= 0 && storedIndex !== nameIndex ? row.cells?.[storedIndex] : undefined;
  const nameCell = stored && /^`?[A-Za-z_]\w*`?$/.test(stored.text.trim()) ? stored : row.cells?.[nameIndex];
  const code = nameCell?.codes[0]?.value;
  let name = code ?? nameCell?.text.trim();
  // A field written as a label ("Parent Project", or "Title" in a table without types) is named in snake_case.
  if (!code && name && /^[A-Za-z]+(?: [A-Za-z]+){1,3}$/.test(name)) name = name.toLowerCase().split(' ').join('_');
  else if (!code && name && /^[A-Z][a-z]+$/.test(name) && column(header, TABLE_COLUMNS.type) < 0) name = name.toLowerCase();
  if (!name || !/^[A-Za-z_][\w.-]*\??$/.test(name)) return undefined;
  const parts: string[] = [];
  // "PK: `tagId`": the key written beside the name in its own cell.
  if (code && /^PK\s*[:：]?$/i.test(nameCell!.text.replace(/`[^`]*`/g, '').trim())) parts.push('PK');
  header.forEach((title, index) => {
    if (index === nameIndex || index === storedIndex || TABLE_COLUMNS.location.test(title)) return;
    const text = cellText(row, index);
    if (!text || /^[-–—]$/.test(text)) return;
    if (TABLE_COLUMNS.required.test(title)) {
      // "Required (default: Created)", "Optional (single owner)": the word decides, the rest may add a default.
      const [, word, more] = /^(\S+)\s*(.*)$/.exec(text) ?? ['', text, ''];
      parts.push(/^(?:yes|y|true|✓|✔|x|是|必填|필수|예|required|mandatory)$/i.test(word) ? 'required' : /^(?:no|n|false|否|選填|선택|아니요|optional)$/i.test(word) ? 'optional' : '');
      if (/\bdefault\b/i.test(more)) parts.push(more.replace(/^[(（]|[)）]$/g, ''));
    }
    else if (/^(?:nullable|null)\??$/i.test(title)) parts.push(/^(?:yes|y|true|✓|是)$/i.test(text) ? 'nullable' : 'not null');
    else if (/^default/i.test(title)) parts.push(`default ${text}`);
    else if (/^(?:references|fk|foreign key)/i.test(title)) parts.push(`FK ${text}`);
    else parts.push(text);
  });
  const attrs = parseAttributes(parts.filter(Boolean).join(', '));
  if (name.endsWith('?')) attrs.required = false;
  const location = cellText(row, column(header, TABLE_COLUMNS.location)).toLowerCase();
  const role: Role | undefined = location.startsWith('query') ? 'query' : location.startsWith('body') ? 'request' : undefined;
  return { name: name.replace(/\?$/, ''), attrs, role };
}

// ---- GraphQL ----------------------------------------------------------------

const GRAPHQL_SCALARS: Record<string, FieldType> = { String: 'string', ID: 'string', Int: 'integer', Float: 'number', Boolean: 'boolean', DateTime: 'string', Date: 'string', URL: 'string', JSON: 'object' };

export interface TypeDefs {
  /** Input / message types with their fields, from SDL, proto or prose. */
  types: Map<string, Field[]>;
  enums: Map<string, string[]>;
}

function graphqlField(name: string, typeText: string, line: number, defs: TypeDefs, defaultValue?: string): Field {
  const field: Field = { name, line, required: /!\s*$/.test(typeText.trim()) };
  const inner = typeText.replace(/!/g, '').trim();
  const list = /^\[(\w+)\]$/.exec(inner);
  const base = list ? list[1] : inner;
  const scalar = GRAPHQL_SCALARS[base] ?? (defs.enums.has(base) ? 'string' : undefined);
  if (list) {
    field.type = 'array';
    field.items = scalar ?? 'object';
  } else {
    field.type = scalar ?? 'object';
  }
  if (defs.enums.has(base)) field.enum = defs.enums.get(base);
  if (!scalar && !defs.enums.has(base)) field.description = base;
  if (defaultValue !== undefined) field.default = defaultValue.trim();
  return field;
}

export function graphqlArguments(args: string, line: number, defs: TypeDefs): Field[] {
  const fields: Field[] = [];
  for (const arg of splitTopLevel(args, /[,\n]/)) {
    const match = /^(\w+)\s*:\s*([\[\]\w!]+)\s*(?:=\s*(.+))?$/.exec(arg.trim());
    if (!match) continue;
    const inputType = match[2].replace(/[!\[\]]/g, '');
    const expanded = defs.types.get(inputType);
    if (match[1] === 'input' && expanded && !match[2].includes('[')) fields.push(...expanded.map((field) => ({ ...field })));
    else fields.push(graphqlField(match[1], match[2], line, defs, match[3]));
  }
  return fields;
}

export function graphqlOperation(kind: 'query' | 'mutation', name: string, args: string | undefined, returns: string | undefined, line: number, defs: TypeDefs): Operation {
  const op = emptyOperation(kind === 'query' ? 'graphql-query' : 'graphql-mutation', name, line);
  if (args) op.requestFields = graphqlArguments(args, line, defs);
  if (returns) {
    const clean = returns.trim();
    op.list = /^\[/.test(clean) || isConnectionType(clean.replace(/!$/, ''));
    op.summary = `Returns ${clean}`;
  }
  return op;
}

/** Reads an SDL fence: Query / Mutation fields, input types and enums. */
export function readGraphqlFence(value: string, line: number, defs: TypeDefs): Operation[] {
  const source = value.replace(/"""[\s\S]*?"""|"[^"\n]*"|#[^\n]*/g, (match) => match.replace(/[^\n]/g, ' '));
  const lineOf = (index: number): number => line + 1 + (source.slice(0, index).match(/\n/g)?.length ?? 0);
  for (const match of source.matchAll(/\benum\s+(\w+)\s*\{([^}]*)\}/g)) defs.enums.set(match[1], match[2].split(/[\s,]+/).filter(Boolean));
  for (const match of source.matchAll(/\binput\s+(\w+)\s*\{([^}]*)\}/g)) {
    const at = match.index + match[0].indexOf('{') + 1;
    const fields: Field[] = [];
    for (const member of match[2].matchAll(/(\w+)\s*:\s*([\[\]\w!]+)(?:\s*=\s*([^\n,]+))?/g)) fields.push(graphqlField(member[1], member[2], lineOf(at + member.index), defs, member[3]));
    defs.types.set(match[1], fields);
  }
  const ops: Operation[] = [];
  for (const block of source.matchAll(/\b(?:extend\s+)?type\s+(Query|Mutation)\s*\{([^}]*)\}/g)) {
    const kind = block[1] === 'Query' ? 'query' : 'mutation';
    const start = block.index + block[0].indexOf('{') + 1;
    for (const member of block[2].matchAll(/(\w+)\s*(?:\(([^)]*)\))?\s*:\s*([\[\]\w!]+)/g)) {
      ops.push(graphqlOperation(kind, member[1], member[2], member[3], lineOf(start + member.index), defs));
    }
  }
  return ops;
}

const GRAPHQL_SPAN = /^(?:(query|mutation|subscription)\s+)?([A-Za-z_]\w*)\s*(\([\s\S]*\))?\s*(?::\s*(\S[\s\S]*))?$/;
/** "GraphQL queries: `a`, `b`, `c`" — a bare name in a list right after the word. */
const LISTED_AFTER = /\b(?:quer(?:y|ies)|mutations?|subscriptions?)\s*[:：]\s*(?:`[^`]*`\s*(?:,|，|、|\band\b|\bor\b|和|及)?\s*)*$/i;

/**
 * GraphQL operations in code spans, each parsed with graphql's own parser:
 * `mutation createX(a: String!)`, `inviteMember(workspaceId: ID!): Invitation`,
 * "GraphQL queries: `accounts`, `categories`", "the `bookmarks` query".
 */
export function graphqlSpans(unit: Unit, defs: TypeDefs): Array<{ op: Operation; at: number }> {
  const found: Array<{ op: Operation; at: number }> = [];
  const heading = unit.headings[unit.headings.length - 1] ?? '';
  const headingKind = /mutations?/i.test(heading) ? 'mutation' : /quer(?:y|ies)/i.test(heading) ? 'query' : undefined;
  for (const code of unit.codes) {
    const match = GRAPHQL_SPAN.exec(code.value.trim());
    if (!match) continue;
    const [, keyword, name, args, returns] = match;
    const before = proseOf(unit.text.slice(Math.max(0, code.start - 20), code.start));
    const after = proseOf(unit.text.slice(code.end, code.end + 20));
    const adjacent = /^\s*(query|mutation|subscription)\b/i.exec(after)?.[1] ?? /\b(query|mutation|subscription)\s*$/i.exec(before)?.[1];
    const near = adjacent ?? (/\bmutations?\b/i.test(`${before} ${after}`) ? 'mutation' : /\bquer(?:y|ies)\b(?!\s*(?:param|parameter|string))/i.test(`${before} ${after}`) ? 'query' : undefined);
    const listed = LISTED_AFTER.exec(unit.text.slice(0, code.start));
    const listedKind = listed ? (/mutation/i.test(listed[0]) ? 'mutation' : /subscription/i.test(listed[0]) ? 'subscription' : 'query') : undefined;
    let kind: string | undefined = keyword;
    if (!kind && (args !== undefined || returns)) kind = near ?? listedKind ?? headingKind;
    // A bare name is an operation only when the text says so right beside it; snake_case names are tables.
    if (!kind && !/_/.test(name)) kind = adjacent ?? listedKind;
    if (!kind) continue;
    const text = kind === 'subscription' ? `subscription ${code.value.trim().replace(/^subscription\s+/, '')}` : code.value.trim().replace(/^(?:query|mutation)\s+/, '');
    const op = readGraphqlSignature(text, lineAt(unit, code.start), kind === 'subscription' ? undefined : (kind as 'query' | 'mutation'), { inputs: defs.types, enums: defs.enums });
    if (!op) continue;
    found.push({ op, at: code.start });
  }
  return found;
}

// ---- gRPC -------------------------------------------------------------------

const RPC = /\brpc\s+([A-Z]\w*)\s*\(\s*(stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(stream\s+)?([\w.]+)\s*\)/g;

/** `message X { string name = 1; repeated string tags = 2; }` and `enum` blocks from proto text. */
export function readProtoDefinitions(value: string, line: number, defs: TypeDefs): void {
  const lineOf = (index: number): number => line + 1 + (value.slice(0, index).match(/\n/g)?.length ?? 0);
  for (const match of value.matchAll(/\benum\s+(\w+)\s*\{([^}]*)\}/g)) {
    defs.enums.set(match[1], [...match[2].matchAll(/(\w+)\s*=\s*\d+/g)].map((entry) => entry[1]));
  }
  for (const match of value.matchAll(/\bmessage\s+(\w+)\s*\{([^}]*)\}/g)) {
    const start = match.index + match[0].indexOf('{') + 1;
    const fields: Field[] = [];
    for (const member of match[2].matchAll(/(optional\s+|repeated\s+)?([\w.]+)\s+(\w+)\s*=\s*\d+/g)) {
      const [, modifier = '', type, name] = member;
      const scalar = type === 'bytes' ? 'string' : type === 'string' ? 'string' : mapType(type)?.type;
      const field: Field = { name, line: lineOf(start + member.index) };
      if (modifier.startsWith('repeated')) {
        field.type = 'array';
        field.items = scalar ?? (defs.enums.has(type) ? 'string' : 'object');
      } else field.type = scalar ?? (defs.enums.has(type) ? 'string' : 'object');
      if (modifier.startsWith('optional')) field.required = false;
      if (defs.enums.has(type)) field.enum = defs.enums.get(type);
      if (!scalar && !defs.enums.has(type)) field.description = type;
      fields.push(field);
    }
    defs.types.set(match[1], fields);
  }
}

export function grpcOperations(text: string, lineOfIndex: (index: number) => number): Array<{ op: Operation; at: number; request: string; response: string }> {
  return [...text.matchAll(RPC)].map((match) => {
    const op = emptyOperation('grpc', match[1], lineOfIndex(match.index));
    op.list = /^List[A-Z]/.test(match[1]) || Boolean(match[4]);
    op.summary = `rpc ${match[1]}(${match[2] ?? ''}${match[3]}) returns (${match[4] ?? ''}${match[5]})`;
    return { op, at: match.index, request: match[3], response: match[5] };
  });
}

/** "implement unary `Publish` RPC", "the `ListTopics` rpc method": a gRPC method named in prose, the word RPC right beside it. */
export function grpcSpans(unit: Unit): Array<{ op: Operation; at: number }> {
  const found: Array<{ op: Operation; at: number }> = [];
  for (const code of unit.codes) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(code.value)) continue;
    const after = unit.text.slice(code.end, code.end + 24);
    const before = unit.text.slice(Math.max(0, code.start - 24), code.start);
    if (!/^\s*(?:RPCs?|rpc(?:\s+(?:method|call))?)\b/.test(after) && !/\b(?:RPC|rpc)(?:\s+(?:method|call))?\s*$/.test(before)) continue;
    const op = emptyOperation('grpc', code.value, lineAt(unit, code.start));
    op.list = /^List[A-Z]/.test(code.value) || /\b(?:server[- ]streaming|bidirectional|bidi|streaming)\s*[`*]*$/i.test(before);
    op.summary = `rpc ${code.value}`;
    found.push({ op, at: code.start });
  }
  return found;
}

// ---- tRPC -------------------------------------------------------------------

const TRPC_SPAN = /^([a-z]\w*(?:\.[a-zA-Z]\w*)+)(?:\s*\(([^)]*)\))?$/;

const TRPC_WORD = /\btrpc\b|\bprocedures?\b/i;
const READ_PROCEDURE = /^(?:get|list|all|by[A-Z_]|find|search|count|fetch|read|show|me$|infinite|paginated)/;

/** A procedure a sentence calls tRPC without saying query or mutation: reads by their verb are queries, the rest change state. */
function procedureKind(name: string): 'query' | 'mutation' {
  return READ_PROCEDURE.test(name.split('.').pop() ?? '') ? 'query' : 'mutation';
}

/** `bookmark.create` mutation / query in prose, with inputs from the rest of the clause. */
export function trpcSpans(unit: Unit): Array<{ op: Operation; at: number; end: number }> {
  const found: Array<{ op: Operation; at: number; end: number }> = [];
  for (const sentence of sentences(unit.text)) {
    const prose = proseOf(sentence.text);
    const spans = unit.codes.filter((code) => code.start >= sentence.at && code.start < sentence.at + sentence.text.length && TRPC_SPAN.test(code.value));
    spans.forEach((code, index) => {
      const to = spans[index + 1]?.start ?? sentence.at + sentence.text.length;
      const local = proseOf(unit.text.slice(code.end, to)) + ' ' + proseOf(unit.text.slice(Math.max(sentence.at, code.start - 24), code.start));
      const name = TRPC_SPAN.exec(code.value)?.[1] ?? code.value;
      const word = /\bmutation\b/i.test(local) ? 'mutation' : /\bquery\b/i.test(local) ? 'query' : /\bmutation\b/i.test(prose) && spans.length === 1 ? 'mutation' : /\bquery\b/i.test(prose) && spans.length === 1 ? 'query' : TRPC_WORD.test(prose) ? procedureKind(name) : undefined;
      if (!word) return;
      const op = emptyOperation(word === 'mutation' ? 'trpc-mutation' : 'trpc-query', name, lineAt(unit, code.start));
      const literal = unit.codes.find((other) => other.start > code.start && other.start < to && /^\s*(?:\{|z\.object)/.test(other.value));
      const fields = literal ? objectFields(literal.value, lineAt(unit, literal.start)) : undefined;
      if (fields) op.requestFields = fields;
      else addFields(op, fieldsIn(unit, code.end, to, { defaultRole: 'request' }));
      // "…input `{…}`; lists a post's comments, paginated.": what the item says after its last
      // procedure (past a `;`) still describes that procedure.
      const nextProcedure = unit.codes.find((other) => other.start >= to && TRPC_SPAN.test(other.value))?.start ?? unit.text.length;
      const said = index === spans.length - 1 ? unit.text.slice(code.end, nextProcedure) : unit.text.slice(code.end, to);
      op.list = /^list|\.list/i.test(name.split('.').pop() ?? '') || LIST_WORDS.test(proseOf(said));
      op.retrySafe = retrySafeText(said);
      found.push({ op, at: code.start, end: to });
    });
  }
  return found;
}

/** `export const bookmarkRouter = router({ create: protectedProcedure.input(z.object({...})).mutation(...) })`. */
export function readTrpcFence(value: string, line: number): Operation[] {
  const ops: Operation[] = [];
  const lineOf = (index: number): number => line + 1 + (value.slice(0, index).match(/\n/g)?.length ?? 0);
  const routers = [...value.matchAll(/(\w+?)Router\s*=\s*(?:\w+\.)?router\(/g)];
  for (const match of value.matchAll(/(\w+)\s*:\s*\w*[pP]rocedure\b([\s\S]*?)\.(query|mutation)\s*\(/g)) {
    const router = routers.filter((entry) => entry.index < match.index).pop()?.[1];
    const name = router ? `${router}.${match[1]}` : match[1];
    const op = emptyOperation(match[3] === 'mutation' ? 'trpc-mutation' : 'trpc-query', name, lineOf(match.index));
    const input = /\.input\(([\s\S]*)\)\s*$/.exec(match[2]);
    if (input) op.requestFields = readTypeLiteral(input[1].trim(), op.line) ?? parseZodObject(input[1], op.line) ?? [];
    op.list = /^list/i.test(match[1]);
    ops.push(op);
  }
  return ops;
}

export { operationKey };
