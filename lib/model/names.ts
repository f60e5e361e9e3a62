// Identifier helpers shared by the model builders.

import { snakeCase, words } from '../naming/index.js';
import type { Operation } from '../types.js';
import { cite } from '../types.js';

// One definition for every stage, in types.ts.
export { isMutating } from '../types.js';

/** The collection an operation works on: last static path segment, or the name's noun. */
export function collectionOf(op: Pick<Operation, 'kind' | 'path' | 'name'>): string {
  if (op.path) {
    const segments = op.path.split('/').filter((s) => s && !s.startsWith('{') && !s.startsWith(':') && !/^v\d+$/.test(s));
    const last = segments[segments.length - 1];
    if (last) return snakeCase(last);
  }
  const noun = op.name.includes('.') ? op.name.split('.')[0] : words(op.name).slice(1).join('_') || op.name;
  return snakeCase(noun);
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
  return evidence.map(cite);
}

/** Join a service root and a repo folder without `./` noise. */
export function underService(root: string, folder: string): string {
  if (!root || root === '.' || folder.startsWith(root + '/')) return folder;
  return `${root.replace(/\/$/, '')}/${folder}`;
}

export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
