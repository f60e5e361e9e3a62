// Which integration an operation belongs to, and what we know of its vendor.

import type { Integration, Operation, Scope } from '../types.js';
import { VENDORS } from './conventions.js';

export function vendorId(name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(VENDORS).find((id) => lower.includes(id));
}

/** The webhook an inbound operation receives: same spec line, or the vendor named in its path. */
export function webhookFor(op: Operation, scope: Scope): Integration | undefined {
  const hooks = scope.integrations.filter((i) => i.kind === 'webhook');
  const path = (op.path ?? op.name).toLowerCase();
  return (
    hooks.find((i) => i.line === op.line) ??
    hooks.find((i) => path.includes(i.name.toLowerCase())) ??
    (op.unauthenticated && /webhook|callback|hook/.test(path) && hooks.length === 1 ? hooks[0] : undefined)
  );
}

export function isWebhook(op: Operation, scope: Scope): boolean {
  return Boolean(webhookFor(op, scope)) || (Boolean(op.unauthenticated) && /webhook|callback/.test((op.path ?? op.name).toLowerCase()));
}
