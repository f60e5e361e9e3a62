// Full REST paths: a base stated once ("Base URL: /api/v1", a heading
// `AuthController (/v1/auth)`, "CRUD under `/api/v1/tasks`") applies to the
// relative paths the document writes elsewhere; router-relative fragments
// (`PUT /:id`) and example calls (`PUT /api/tickets/42`) fold into the
// operation they belong to instead of becoming operations of their own.
import type { Operation } from '../types.js';
import { proseOf, type Unit } from './units.js';
import { PATH_PREFIXES } from './vocabulary.js';

const METHOD_BEFORE = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b[\s`*]*$/;
const BASE_WORDS = /\b(?:base[\s_-]*(?:url|path|uri|route)|url\s+base|ruta\s+base|url\s+de\s+base|api\s+prefix|prefix(?:ed)?|mounted\s+(?:at|under)|served\s+(?:at|under)|(?:all\s+)?(?:endpoints|routes)\s+(?:are\s+)?under|versioned\s+under|under)\b|前綴|前缀|基礎路徑|基础路径|ベース\s*(?:URL|パス)|기본\s*(?:URL|경로)/i;
const PATH_TOKEN = /(?:https?:\/\/[^\s`/)]+)?(\/[A-Za-z0-9_{}:.\-/]*)/g;

/** Leading segments that only version or namespace an API (`/api/v1`). */
export function prefixOf(path: string): { prefix: string; rest: string } {
  const segments = path.split('/').filter(Boolean);
  let count = 0;
  while (count < segments.length && PATH_PREFIXES.test(segments[count])) count++;
  return { prefix: count ? `/${segments.slice(0, count).join('/')}` : '', rest: `/${segments.slice(count).join('/')}` };
}

/** The base path a heading gives the operations under it: `AuthController (/v1/auth)`, "Cart routes (`/api/cart`)". */
export function headingBase(unit: Unit): string | undefined {
  for (let index = unit.headings.length - 1; index >= 0; index--) {
    const text = unit.headings[index];
    const match = /[(（`]\s*(\/[A-Za-z0-9_{}:.\-/]+?)\/?\s*[)）`]/.exec(text);
    if (match && !METHOD_BEFORE.test(text.slice(0, match.index + 1)) && text.slice(0, match.index).replace(/[`(（\s]/g, '')) return match[1];
  }
  return undefined;
}

/** A base path stated in prose: only version/namespace segments count, so "under /settings" (a UI route) never does. */
export function statedBase(unit: Unit): string | undefined {
  if (unit.kind === 'code' || unit.kind === 'heading') return undefined;
  const prose = unit.text;
  const words = BASE_WORDS.exec(proseOf(prose));
  if (!words) return undefined;
  for (const match of prose.matchAll(PATH_TOKEN)) {
    if (match.index < words.index || match.index - words.index > 60) continue;
    if (METHOD_BEFORE.test(prose.slice(0, match.index))) continue;
    const { prefix, rest } = prefixOf(match[1].replace(/\/+$/, ''));
    if (prefix && rest === '/') return prefix;
  }
  return undefined;
}

/** Bare paths (no method) that show where a resource lives: "RESTful CRUD under `/api/v1/tasks`". */
export function barePaths(unit: Unit): string[] {
  if (unit.kind === 'code') return [];
  const found: string[] = [];
  for (const code of unit.codes) {
    if (!/^\/[A-Za-z0-9_{}:.\-/]+$/.test(code.value)) continue;
    if (METHOD_BEFORE.test(unit.text.slice(0, code.start))) continue;
    found.push(code.value.replace(/\/+$/, ''));
  }
  return found;
}

const firstResource = (path: string): string | undefined => prefixOf(path).rest.split('/').filter(Boolean)[0];
const isExampleSegment = (segment: string): boolean => /^\d+$/.test(segment) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(segment);

/**
 * Decides the final path of every REST operation. Returns, for each operation
 * that is only another way of writing a kept one, the kept one (to merge into),
 * or `null` when it is a fragment that names no full path.
 */
export function settlePaths(ops: Operation[], stated: string | undefined, bare: string[], fromContract: ReadonlySet<Operation> = new Set()): Map<Operation, Operation | null> {
  const folded = new Map<Operation, Operation | null>();
  const rest = ops.filter((op) => op.kind === 'rest' && op.path);
  // A contract file's paths are final; prose that writes the same route with another prefix folds into it.
  const contractByTail = new Map<string, Operation>();
  for (const op of rest) if (fromContract.has(op)) contractByTail.set(`${op.method} ${shapeOf(prefixOf(op.path!).rest)}`, op);
  for (const op of rest) {
    if (fromContract.has(op)) continue;
    const into = contractByTail.get(`${op.method} ${shapeOf(prefixOf(op.path!).rest)}`);
    if (into) folded.set(op, into);
  }
  // Bases: stated once, or shown by a bare path or by the operations already written in full.
  const shown = new Map<string, Set<string>>();
  for (const path of [...bare, ...rest.map((op) => op.path!)]) {
    const { prefix } = prefixOf(path);
    const resource = firstResource(path);
    if (!prefix || !resource) continue;
    const prefixes = shown.get(resource) ?? new Set<string>();
    prefixes.add(prefix);
    shown.set(resource, prefixes);
  }
  const baseFor = (op: Operation): string | undefined => {
    if (prefixOf(op.path!).prefix) return undefined;
    if (stated) return stated;
    const prefixes = shown.get(firstResource(op.path!) ?? '');
    return prefixes?.size === 1 ? [...prefixes][0] : undefined;
  };
  for (const op of rest) {
    if (fromContract.has(op) || folded.has(op)) continue;
    const base = baseFor(op);
    if (base && !op.path!.startsWith('/{')) op.path = op.path === '/' ? base : base + op.path;
  }
  unifyParameterNames(rest.filter((op) => !folded.has(op)), fromContract);
  const byKey = new Map<string, Operation>();
  for (const op of rest) {
    if (folded.has(op)) continue;
    const key = `${op.method} ${op.path}`;
    const kept = byKey.get(key);
    if (kept) folded.set(op, kept);
    else byKey.set(key, op);
  }
  const kept = rest.filter((op) => !folded.has(op));
  // "PATCH /retention" in a note is the tail of the `PATCH /api/v1/logs/retention` stated in full elsewhere.
  for (const op of kept) {
    if (prefixOf(op.path!).prefix || op.path!.startsWith('/{')) continue;
    const tail = op.path!.split('/').filter(Boolean);
    const longer = kept.filter((other) => other !== op && other.method === op.method && !folded.has(other) && endsWithSegments(other.path!, tail));
    if (longer.length === 1) folded.set(op, longer[0]);
  }
  for (const op of kept) {
    if (folded.has(op)) continue;
    const segments = op.path!.split('/').filter(Boolean);
    const relative = segments[0]?.startsWith('{');
    const example = segments.some(isExampleSegment);
    if (!relative && !example) continue;
    const candidates = kept.filter((other) => other !== op && other.method === op.method && !folded.has(other) && matches(other.path!, segments, relative));
    folded.set(op, candidates.length === 1 ? candidates[0] : null);
  }
  return folded;
}

/**
 * Does `path` end with `tail` under a mount it adds (`/api/v1/logs` + `/retention`)? Not when the segments it
 * adds hold a parameter: `/users/{userId}/roles/{roleId}` is a nested route, another one than `/roles/{id}`.
 */
function endsWithSegments(path: string, tail: string[]): boolean {
  const segments = path.split('/').filter(Boolean);
  if (segments.length <= tail.length) return false;
  if (segments.slice(0, -tail.length).some((segment) => segment.startsWith('{'))) return false;
  return segments.slice(-tail.length).every((segment, index) => segment === tail[index] || (segment.startsWith('{') && tail[index].startsWith('{')));
}

/** `/tasks/{task_id}` → `/tasks/{}`: routes that differ only by parameter names are one route. */
function shapeOf(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/**
 * One name per parameter position on a route: a contract's names win, then the
 * names most operations use (`{id}` in the prose beside `{task_id}` in a table).
 */
function unifyParameterNames(ops: Operation[], fromContract: ReadonlySet<Operation>): void {
  const byShape = new Map<string, Operation[]>();
  for (const op of ops) {
    const shape = shapeOf(op.path!);
    byShape.set(shape, [...(byShape.get(shape) ?? []), op]);
  }
  for (const group of byShape.values()) {
    const spellings = [...new Set(group.map((op) => op.path!))];
    if (spellings.length < 2) continue;
    const score = (path: string): number =>
      group.filter((op) => op.path === path && fromContract.has(op)).length * 1000 + group.filter((op) => op.path === path).length * 10 + (path.length > 0 ? path.length / 1000 : 0);
    const chosen = spellings.sort((a, b) => score(b) - score(a))[0];
    for (const op of group) {
      op.path = chosen;
      op.pathParams = [...chosen.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
    }
  }
}

/** Does `template` (a full path) stand for `segments` (an example call, or a router-relative tail)? */
function matches(template: string, segments: string[], relative: boolean): boolean {
  const full = template.split('/').filter(Boolean);
  if (full.some(isExampleSegment) || full[0]?.startsWith('{')) return false;
  const tail = relative ? full.slice(full.length - segments.length) : full;
  if (tail.length !== segments.length || (relative && full.length === segments.length)) return false;
  return tail.every((segment, index) => {
    const other = segments[index];
    if (segment.startsWith('{')) return other.startsWith('{') || isExampleSegment(other);
    return segment === other;
  });
}
