// Idempotency & retries: a key per mutating operation, where it is stored for
// this stack, and retries/dead-letter for the sprint's jobs.

import type { JobItem, Operation, Scope, ServiceStack } from '../types.js';
import { operationKey } from '../types.js';
import { DATABASES, DEFAULT_JOBS_BY_LANGUAGE, DEFAULT_REPLAY_WINDOW, JOBS, PROTOCOLS, SCHEDULES, VENDORS } from './conventions.js';
import type { SupportTable } from './data-model.js';
import { primaryDatabase } from './data-model.js';
import type { Findings } from './findings.js';
import { isWebhook, vendorId, webhookFor } from './integrations.js';
import { fill, isMutating } from './names.js';
import { WEIGHTS } from './rules.js';
import { languageOf } from './safety.js';
import type { BackendSpec, IdempotencyRow, JobPlan, ProtocolPlan } from './spec-types.js';

function storageFor(service: ServiceStack | undefined, table: string): IdempotencyRow['storage'] {
  const db = primaryDatabase(service);
  if (!db) return { kind: 'unknown', name: table };
  const store = DATABASES[db]?.idempotencyStore ?? 'table';
  return { kind: store, name: store === 'redis' ? `${table}:<key>` : table, database: DATABASES[db]?.label ?? db };
}

function rowFor(op: Operation, scope: Scope, service: ServiceStack | undefined, protocol: ProtocolPlan): IdempotencyRow {
  const key = operationKey(op);
  const hook = webhookFor(op, scope);
  if (hook || isWebhook(op, scope)) {
    // A vendor's webhook is plain HTTP whatever the service's own API style.
    const vendor = hook ? vendorId(hook.name) : undefined;
    const facts = vendor ? VENDORS[vendor] : undefined;
    return { key, mechanism: 'event-id', keyName: facts?.eventId ?? 'event id', window: facts?.retryHorizon ?? '72h', storage: storageFor(service, 'webhook_events'), inFlight: PROTOCOLS.rest.status.inFlight };
  }
  const rpc = protocol.family === 'grpc';
  const method = op.method?.toUpperCase();
  // Idempotent by HTTP method only where the call is an HTTP request; a spec asking for safe retries of a PUT or a
  // DELETE asks for what the method already gives: the row its path names, set or gone, no key store.
  if (!rpc && op.kind === 'rest' && (method === 'PUT' || method === 'DELETE')) {
    return { key, mechanism: 'natural-key', keyName: op.pathParams.join(', ') || 'id', window: '', storage: { kind: 'row', name: 'row' } };
  }
  // A create into a table the spec makes unique over the request's columns: the row itself answers a repeat.
  if (op.naturalKey && !rpc) {
    return { key, mechanism: 'unique-key', keyName: op.naturalKey.columns.join(', '), keyLine: op.naturalKey.line, window: '', storage: { kind: 'row', name: 'row' } };
  }
  // A key field the spec's own request declares (an rpc's `string request_id = 3;`, a GraphQL input's
  // `idempotencyKey: ID!`) is the key, as the contract keeps it. A REST key travels in a header, not the body.
  const statedPattern = protocol.idempotencyKey.stated;
  const stated = protocol.idempotencyKey.carrier === 'field' && op.kind !== 'rest' && statedPattern ? op.requestFields.find((field) => statedPattern.test(field.name)) : undefined;
  // Keys only where the spec asks for safe retries (or states the field): no key store is planned for work nobody said is retried.
  if (!op.retrySafe && !stated) return { key, mechanism: 'none', keyName: '', window: '', storage: { kind: 'none', name: '' } };
  const outboundVendor = scope.integrations.map((i) => vendorId(i.name)).find((v) => v && VENDORS[v].outboundIdempotency);
  const outbound = outboundVendor ? `${VENDORS[outboundVendor].label} ${VENDORS[outboundVendor].outboundIdempotency}` : undefined;
  const { status } = protocol;
  const required = stated ? Boolean(stated.required) : op.retrySafe;
  const base = { key, window: DEFAULT_REPLAY_WINDOW, storage: storageFor(service, 'idempotency_keys'), inFlight: status.inFlight, mismatch: status.keyMismatch, missing: required ? status.invalid : undefined, outbound };
  if (rpc) return { ...base, mechanism: 'request-id', keyName: stated?.name ?? protocol.idempotencyKey.name };
  return { ...base, mechanism: 'idempotency-key', keyName: stated?.name ?? protocol.idempotencyKey.name };
}

function jobPlans(scope: Scope, service: ServiceStack | undefined, findings: Findings): JobPlan[] {
  const detected = service?.jobs[0]?.value;
  const language = languageOf(service);
  const system = detected ?? (language ? DEFAULT_JOBS_BY_LANGUAGE[language] : undefined);
  const conv = system ? JOBS[system] : undefined;
  if (scope.jobs.length && !detected) {
    findings.ask('job-system', `Which job runner runs the sprint's scheduled work? None was detected${system ? `; ${conv?.label ?? system} is the usual choice here` : ''}.`, WEIGHTS.jobSystem, { suggestion: conv?.label ?? '' });
  }
  return scope.jobs.map((job) => ({
    text: job.text,
    line: job.line,
    label: job.name,
    schedule: job.schedule,
    system,
    systemLabel: conv?.label,
    detected: Boolean(detected),
    retry: conv?.retry,
    deadLetter: conv?.deadLetter,
    scheduleCode: conv?.schedule && job.schedule ? scheduleCode(conv.schedule, job.schedule) : undefined,
  }));
}

/** The job system's schedule declaration for a spec's schedule (`nightly`, `hourly`, or a cron expression). */
export function scheduleCode(pattern: string, schedule: string): string | undefined {
  const cron = SCHEDULES[schedule.toLowerCase()] ?? (/^\S+( \S+){4}$/.test(schedule.trim()) ? schedule.trim() : undefined);
  if (!cron) return undefined;
  const [minute, hour, dom, , dow] = cron.split(' ');
  return fill(pattern, { cron, minute, hour, dom, dow });
}

export function buildIdempotency(scope: Scope, service: ServiceStack | undefined, findings: Findings, protocol: ProtocolPlan): BackendSpec['idempotency'] {
  const rows = scope.operations.filter(isMutating).map((op) => rowFor(op, scope, service, protocol));
  const webhook = rows.some((r) => r.mechanism === 'event-id');
  const stateColumn = scope.entities.some((e) => e.columns.some((c) => /^(status|state)$/.test(c.name) && c.enum?.length));
  return { rows, jobs: jobPlans(scope, service, findings), webhookOrdering: webhook && stateColumn };
}

/** Tables the idempotency plan needs in a SQL/document store. */
export function supportTables(rows: IdempotencyRow[]): SupportTable[] {
  const tables: SupportTable[] = [];
  if (rows.some((r) => r.mechanism === 'idempotency-key' || r.mechanism === 'request-id') && rows.some((r) => r.storage.kind === 'table' || r.storage.kind === 'collection-ttl')) {
    tables.push({ table: 'idempotency_keys', purpose: 'idempotency', columns: ['caller_id', 'key', 'request_hash', 'status', 'response', 'created_at'] });
  }
  if (rows.some((r) => r.mechanism === 'event-id' && (r.storage.kind === 'table' || r.storage.kind === 'collection-ttl'))) {
    tables.push({ table: 'webhook_events', purpose: 'webhook-events', columns: ['provider', 'event_id', 'received_at'] });
  }
  return tables;
}

