// The API style a section is written for and the vocabulary that comes with it
// (lib/knowledge API_STYLES): every builder asks here, none spells a status itself.

import type { ApiStyle, Operation, Scope } from '../types.js';
import { operationKey } from '../types.js';
import { PROTOCOLS } from './conventions.js';
import type { ProtocolPlan } from './spec-types.js';

/** The style the operations are written in when no decision names one: one style for all of them, else REST. */
export function styleOfOperations(operations: Operation[]): ApiStyle {
  const styles = new Set(operations.map((op): ApiStyle => (op.kind === 'rest' ? 'rest' : op.kind === 'grpc' ? 'grpc' : op.kind.startsWith('graphql') ? 'graphql' : 'trpc')));
  return styles.size === 1 ? [...styles][0] : 'rest';
}

export function protocolFor(style: ApiStyle | undefined, scope: Scope): ProtocolPlan {
  const chosen = style ?? styleOfOperations(scope.operations);
  return { style: chosen, ...PROTOCOLS[chosen] };
}

/** The operation's name in the contract: a REST line of the spec becomes its rpc when the contract is a proto. */
export function contractNameOf(op: Operation, names: Record<string, string> | undefined): string {
  return names?.[operationKey(op)] ?? (op.kind === 'rest' && op.path ? op.path : op.name);
}
