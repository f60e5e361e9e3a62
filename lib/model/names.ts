// Identifier helpers shared by the model builders.

import type { Operation } from '../types.js';

export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export const snake = (text: string): string => words(text).join('_');
export const kebab = (text: string): string => words(text).join('-');
export const pascal = (text: string): string => words(text).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/** `refunds` → `refund`, `categories` → `category`; good enough for table names. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us)$/.test(word)) return word;
  if (/(x|ch|sh|ses)$/.test(word) && word.endsWith('es')) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

export function isMutating(op: Pick<Operation, 'kind' | 'method' | 'name'>): boolean {
  switch (op.kind) {
    case 'rest':
      return !['GET', 'HEAD', 'OPTIONS'].includes((op.method ?? 'GET').toUpperCase());
    case 'graphql-mutation':
    case 'trpc-mutation':
      return true;
    case 'grpc':
      return !/^(Get|List|Search|BatchGet|Watch|Stream)/.test(op.name);
    default:
      return false;
  }
}

/** The collection an operation works on: last static path segment, or the name's noun. */
export function collectionOf(op: Pick<Operation, 'kind' | 'path' | 'name'>): string {
  if (op.path) {
    const segments = op.path.split('/').filter((s) => s && !s.startsWith('{') && !s.startsWith(':') && !/^v\d+$/.test(s));
    const last = segments[segments.length - 1];
    if (last) return snake(last);
  }
  const noun = op.name.includes('.') ? op.name.split('.')[0] : words(op.name).slice(1).join('_') || op.name;
  return snake(noun);
}

/** Method column of the authz matrix: HTTP method, or the operation kind for RPC styles. */
export function methodOf(op: Pick<Operation, 'kind' | 'method'>): string {
  switch (op.kind) {
    case 'rest':
      return (op.method ?? 'GET').toUpperCase();
    case 'graphql-query':
      return 'query';
    case 'graphql-mutation':
      return 'mutation';
    case 'grpc':
      return 'rpc';
    case 'trpc-query':
      return 'query';
    case 'trpc-mutation':
      return 'mutation';
  }
}

export function formatEvidence(evidence: Array<{ file: string; line?: number }>): string[] {
  return evidence.map((e) => (e.line ? `${e.file}:${e.line}` : e.file));
}

/** Join a service root and a repo folder without `./` noise. */
export function underService(root: string, folder: string): string {
  if (!root || root === '.' || folder.startsWith(root + '/')) return folder;
  return `${root.replace(/\/$/, '')}/${folder}`;
}

export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
