// The authn/authz matrix: one row per operation from the spec's rules, the
// answers file and verified integrations; unknown cells stay unknown and ask.

import type { Operation, Scope, ServiceStack } from '../types.js';
import { operationKey } from '../types.js';
import { AUTH, VENDORS } from './conventions.js';
import type { Findings } from './findings.js';
import { isWebhook, vendorId, webhookFor } from './integrations.js';
import { isMutating, methodOf } from './names.js';
import { hasUnknownAuthz, needsAuthJustification, WEIGHTS } from './rules.js';
import { contractNameOf } from './protocol.js';
import type { AuthzRow, BackendSpec, ProtocolPlan } from './spec-types.js';

export type AuthzAnswers = Record<string, { auth?: boolean | string; roles?: string[]; ownership?: string; justification?: string }>;

function rowFor(op: Operation, scope: Scope, answers: AuthzAnswers, protocol: ProtocolPlan, names: Record<string, string> | undefined): AuthzRow {
  const key = operationKey(op);
  const webhook = isWebhook(op, scope);
  // In a gRPC service every operation but a vendor's webhook is an rpc, however the spec wrote it.
  const rpc = protocol.family === 'grpc' && !webhook;
  const row: AuthzRow = {
    key,
    endpoint: rpc ? contractNameOf(op, names) : op.kind === 'rest' && op.path ? op.path : op.name,
    method: rpc ? 'rpc' : methodOf(op),
    mutating: isMutating(op),
    webhook,
    auth: 'unknown',
    roles: 'unknown',
    ownership: 'unknown',
    sources: [],
  };
  for (const rule of scope.authz.filter((r) => r.operations.includes(key) || r.operations.includes(op.name))) {
    row.sources.push('spec');
    if (rule.public) {
      row.auth = 'no';
      row.roles = [];
      row.ownership = 'none';
      row.justification ??= rule.justification;
      continue;
    }
    row.auth = 'yes';
    if (rule.roles.length) row.roles = [...new Set([...(Array.isArray(row.roles) ? row.roles : []), ...rule.roles])];
    if (rule.ownership) row.ownership = rule.ownership;
    if (rule.justification) row.justification = rule.justification;
    // "Any signed-in user may…": a session and nothing more, unless another rule says more.
    if (rule.anySignedIn) {
      if (row.roles === 'unknown') row.roles = 'any';
      if (row.ownership === 'unknown') row.ownership = 'none';
    }
  }
  const hook = webhookFor(op, scope);
  if (op.unauthenticated || (hook && row.auth === 'unknown')) {
    row.auth = 'no';
    row.roles = [];
    row.ownership = 'none';
    if (hook) {
      row.sources.push('integration');
      const vendor = vendorId(hook.name);
      const header = vendor ? VENDORS[vendor].signatureHeader : undefined;
      if (hook.verification) row.justification = `${hook.name} ${hook.verification}${header ? ` (${header})` : ''}`;
    }
  }
  const answer = answers[key] ?? answers[op.name];
  if (answer) {
    row.sources.push('answers');
    if (answer.auth === true) row.auth = 'yes';
    else if (answer.auth === false) row.auth = 'no';
    else if (typeof answer.auth === 'string') {
      // A named mechanism (hmac, mtls, api-key) authenticates the caller without a user session.
      row.auth = 'yes';
      row.justification = answer.auth;
    }
    if (answer.roles) row.roles = answer.roles;
    if (answer.ownership) row.ownership = answer.ownership;
    if (answer.justification) row.justification = answer.justification;
    if (row.auth === 'no') {
      if (row.roles === 'unknown') row.roles = [];
      if (row.ownership === 'unknown') row.ownership = 'none';
    }
  }
  // Roles stated but no ownership rule: the role acts on any resource.
  if (row.auth === 'yes' && Array.isArray(row.roles) && row.roles.length && row.ownership === 'unknown') row.ownership = 'none';
  // An ownership rule without roles: any signed-in owner.
  if (row.auth === 'yes' && row.roles === 'unknown' && row.ownership !== 'unknown' && row.ownership !== 'none') row.roles = 'any';
  return row;
}

export function buildAuthz(scope: Scope, service: ServiceStack | undefined, answers: AuthzAnswers, findings: Findings, protocol: ProtocolPlan, names?: Record<string, string>): BackendSpec['authz'] {
  const rows = scope.operations.map((op) => rowFor(op, scope, answers, protocol, names));
  const unknown: AuthzRow[] = [];
  for (const row of rows) {
    if (needsAuthJustification(row)) {
      findings.warn('unauthenticated-mutation', `${row.key} changes data without authentication and no justification (signature, mTLS, shared secret) is stated.`, { operation: row.key });
      findings.ask('auth-justification', `${row.key} has no authentication: how is the caller verified (HMAC signature, mTLS, shared secret)?`, WEIGHTS.unauthenticatedMutation, { operation: row.key });
    } else if (hasUnknownAuthz(row)) unknown.push(row);
  }
  // What the spec leaves open about access is one question, whatever the number of operations.
  if (unknown.length) {
    const weight = unknown.some((row) => row.mutating) ? WEIGHTS.authzUnknownMutation : WEIGHTS.authzUnknownRead;
    const keys = unknown.map((row) => row.key);
    const params: Record<string, string> = unknown.length === 1 ? { operation: keys[0] } : { operation: keys[0], operations: keys.join('\n') };
    findings.ask('authz-unknown', `Who may call ${keys.join(', ')} (roles/scopes, ownership)? The spec does not say.`, weight, params);
  }
  const scheme = service?.auth[0]?.value;
  return { transport: scheme ? AUTH[scheme]?.transport : undefined, schemeLabel: scheme ? AUTH[scheme]?.label ?? scheme : undefined, rows };
}
