// Paths and operation names: `:id` → `{id}`, and camelCase operationIds
// derived from method + path (createOrderRefund, listOrderRefunds, cancelOrder).
import { camelCase, isPlural, pascalCase, singular } from '../naming/index.js';
import { ACTION_WORDS, METHOD_VERBS, PATH_PREFIXES, SINGLETON_SEGMENTS, VIEW_SEGMENTS } from './vocabulary.js';

export interface NormalizedPath {
  path: string;
  query: string[];
}

/** `/api/users/:id?status=x` → `/api/users/{id}` + query `status`; `<id>`, `[id]` → `{id}`. */
export function normalizePath(raw: string): NormalizedPath {
  let value = raw.trim().replace(/[.,;:)]+$/, '');
  // A closing bracket belongs to the path only when it closes a `[param]`.
  if (value.endsWith(']') && !/\[[^\]/]*\]$/.test(value)) value = value.slice(0, -1);
  const [pathPart, queryPart = ''] = value.split('?');
  value = pathPart
    .split('/')
    .map((segment) =>
      segment
        .replace(/^:([A-Za-z_]\w*)/, '{$1}')
        .replace(/^<(?:\w+:)?([A-Za-z_]\w*)>$/, '{$1}')
        .replace(/^\[\.{0,3}([A-Za-z_]\w*)\]$/, '{$1}'),
    )
    .join('/');
  if (value.length > 1) value = value.replace(/\/+$/, '');
  const query = queryPart
    .split('&')
    .map((pair) => pair.split('=')[0])
    .filter((name) => /^[A-Za-z_][\w.[\]]*$/.test(name));
  return { path: value, query };
}

export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

interface Segment {
  text: string;
  param: boolean;
}

function segmentsOf(path: string): { segments: Segment[]; customMethod?: string } {
  const [base, customMethod] = path.split(/(?<=\}|[A-Za-z0-9]):(?=[A-Za-z]+$)/);
  const segments = base
    .split('/')
    .filter(Boolean)
    .map((text) => ({ text, param: /^\{.*\}$/.test(text) }))
    .filter((segment) => segment.param || !PATH_PREFIXES.test(segment.text));
  return { segments, customMethod };
}

/**
 * A path segment that does something rather than names something: an action word (`cancel`), or words led by
 * one (`reset-password`, `send_invite`), or a bulk form (`batch-status`, `bulk-delete`).
 */
export function isActionSegment(segment: string): boolean {
  const words = segment.toLowerCase().split(/[-_]/).filter(Boolean);
  return ACTION_WORDS.has(words.join('')) || ACTION_WORDS.has(segment.toLowerCase()) || (words.length > 1 && (ACTION_WORDS.has(words[0]) || /^(?:batch|bulk)$/.test(words[0])));
}

/**
 * `overdue` after `loans` (`GET /loans/overdue`): an adjective that names a view of the collection before it,
 * not a resource of its own. `before` is that literal segment, as written.
 */
export function isViewSegment(word: string, before: string | undefined): boolean {
  return VIEW_SEGMENTS.has(word.toLowerCase()) && before !== undefined && isPlural(before.split(/[-_]/).pop() ?? before);
}

/** GET on a collection: the last segment is a plural noun, not a parameter, an action or a singleton. */
export function isCollectionPath(path: string): boolean {
  const { segments, customMethod } = segmentsOf(path);
  const last = segments[segments.length - 1];
  if (!last || last.param || customMethod) return false;
  const word = last.text.toLowerCase();
  const before = segments[segments.length - 2];
  if (VIEW_SEGMENTS.has(word) && before && !before.param) return isViewSegment(word, before.text);
  return !SINGLETON_SEGMENTS.has(word) && !isActionSegment(word) && isPlural(word.split(/[-_]/).pop() ?? word);
}

function resourceName(segments: Segment[], lastPlural: boolean): string {
  const nouns = segments.filter((segment) => !segment.param).map((segment) => segment.text);
  return nouns
    .map((noun, index) => (index === nouns.length - 1 && lastPlural ? pascalCase(noun) : pascalCase(singular(noun))))
    .join('');
}

export function isWebhookPath(path: string): boolean {
  return /(^|\/)(webhooks?|hooks|callbacks?)(\/|$)/i.test(path);
}

/** The vendor a webhook path names: `/v1/webhooks/stripe` or `/v1/stripe/webhook` → `stripe`. */
export function webhookSource(path: string): string | undefined {
  const parts = segmentsOf(path).segments.filter((segment) => !segment.param).map((segment) => segment.text);
  const index = parts.findIndex((part) => /^(webhooks?|hooks|callbacks?)$/i.test(part));
  if (index < 0) return undefined;
  return parts[index + 1] ?? parts[index - 1];
}

/** camelCase operationId for a REST operation. */
export function restOperationName(method: string, path: string, options: { webhook?: boolean; list?: boolean } = {}): string {
  const { segments, customMethod } = segmentsOf(path);
  if (options.webhook) {
    const source = webhookSource(path);
    return `receive${source ? pascalCase(source) : ''}Webhook`;
  }
  const last = segments[segments.length - 1];
  const action = customMethod ?? (method === 'POST' && last && !last.param && isActionSegment(last.text) ? last.text : undefined);
  if (action) {
    const rest = customMethod ? segments : segments.slice(0, -1);
    return camelCase(action) + resourceName(rest, false);
  }
  // `GET /loans/overdue`: the overdue loans, a view of the collection before it.
  const before = segments[segments.length - 2];
  if (method === 'GET' && last && !last.param && before && !before.param && isViewSegment(last.text, before.text)) {
    return `list${pascalCase(last.text)}${resourceName(segments.slice(0, -1), true)}`;
  }
  const verbs = METHOD_VERBS[method] ?? { item: method.toLowerCase(), collection: method.toLowerCase() };
  const collection = Boolean(last && !last.param);
  if (method === 'GET') {
    const list = options.list ?? isCollectionPath(path);
    return (list ? 'list' : 'get') + resourceName(segments, list && collection);
  }
  return (collection ? verbs.collection : verbs.item) + resourceName(segments, false);
}

/** Makes `name` unique against `taken` (adds it), trying `alternatives` before numbering. */
export function uniqueName(name: string, taken: Set<string>, alternatives: string[] = []): string {
  for (const candidate of [name, ...alternatives]) {
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
  let index = 2;
  while (taken.has(`${name}${index}`)) index++;
  taken.add(`${name}${index}`);
  return `${name}${index}`;
}
