// Observability: log fields for the detected logger, OpenTelemetry metrics per
// operation, business counters, trace spans and alerts from the sprint's SLOs.

import type { Operation, Scope, ServiceStack } from '../types.js';
import { operationKey } from '../types.js';
import { DEFAULT_LOGGER_BY_LANGUAGE, DRIVER_OTEL, FRAMEWORKS, JOBS, LOGGERS, ORM_OTEL, OUTBOUND_OTEL } from './conventions.js';
import { primaryDatabase } from './data-model.js';
import { isWebhook, vendorId } from './integrations.js';
import { isPlural, singular, snakeCase, words } from '../naming/index.js';
import { collectionOf, isMutating } from './names.js';
import { sloAlerts } from './rules.js';
import { languageOf } from './safety.js';
import { contractNameOf } from './protocol.js';
import type { MetricPlan, Observability, ProtocolPlan, Validation } from './spec-types.js';

const PAST: Record<string, string> = { create: 'created', add: 'created', post: 'created', update: 'updated', patch: 'updated', put: 'updated', delete: 'deleted', remove: 'deleted', cancel: 'cancelled' };

/** `POST /orders/{id}/refunds` counts refunds created; `POST /invoices/{id}/send` counts an action on invoices. */
function businessCounter(op: Operation, enumFields: string[]): MetricPlan {
  const attributes = [...enumFields, 'outcome'];
  const subject = operationKey(op);
  if (op.kind === 'rest' && op.path) {
    const segments = op.path.split('/').filter(Boolean);
    const last = segments[segments.length - 1];
    const parent = segments[segments.length - 2];
    const method = (op.method ?? 'POST').toLowerCase();
    const action = last && !last.startsWith('{') && parent?.startsWith('{') && !isPlural(last);
    if (action) {
      const owner = singular(snakeCase(segments[segments.length - 3] ?? 'resource'));
      const suffix = method === 'post' ? 'requests' : PAST[method] ?? 'requests';
      return { name: `app.${owner}.${snakeCase(last)}.${suffix}`, instrument: 'counter', unit: '{request}', attributes, role: 'business', subject };
    }
    const entity = singular(collectionOf(op));
    return { name: `app.${entity}.${PAST[method] ?? 'requests'}`, instrument: 'counter', unit: `{${entity}}`, attributes, role: 'business', subject };
  }
  const procedure = op.name.split('.').pop() ?? op.name;
  const [verb, ...rest] = words(procedure);
  const entity = op.name.includes('.') ? singular(snakeCase(op.name.split('.')[0])) : singular(rest.join('_') || verb);
  const past = PAST[verb] ?? `${snakeCase(procedure)}.calls`;
  return { name: `app.${entity}.${past}`, instrument: 'counter', unit: `{${entity}}`, attributes, role: 'business', subject };
}

function databaseInstrumentation(service: ServiceStack | undefined): string | undefined {
  const orm = service?.orm?.value;
  const db = primaryDatabase(service);
  const language = languageOf(service);
  return (orm ? ORM_OTEL[orm] : undefined) ?? (language && db ? DRIVER_OTEL[language]?.[db] : undefined);
}

/** `takesKeys`: some operation takes an Idempotency-Key (the idempotency plan says so); only then is the key a log field. */
export function buildObservability(scope: Scope, service: ServiceStack | undefined, validation: Validation, protocol: ProtocolPlan, names: Record<string, string> | undefined, takesKeys: boolean): Observability {
  const language = languageOf(service);
  const detected = service?.logger?.value;
  // Without a detected logger or a known language there is no logger to name.
  const logger = detected ?? (language ? DEFAULT_LOGGER_BY_LANGUAGE[language] : undefined);
  const conv = logger ? LOGGERS[logger] : undefined;
  const framework = service?.framework ? FRAMEWORKS[service.framework.value] : undefined;
  const hooks = scope.operations.filter((op) => isWebhook(op, scope));
  const mutating = scope.operations.filter((op) => isMutating(op) && !isWebhook(op, scope));

  const logFields = [
    'request_id',
    'trace_id',
    'user_id',
    'operation',
    ...validation.logged,
    protocol.statusLogField,
    'duration_ms',
    ...(takesKeys ? ['idempotency_key'] : []),
    ...(hooks.length ? ['event_id', 'event_type'] : []),
    ...(scope.jobs.length ? ['job', 'attempt'] : []),
  ];

  const metrics: MetricPlan[] = [];
  const server = protocol.serverMetric;
  if (scope.operations.length) metrics.push({ name: server.name, instrument: 'histogram', unit: server.unit, attributes: server.attributes, role: 'latency' });
  for (const op of mutating) {
    const enums = op.requestFields.filter((f) => f.enum?.length).map((f) => f.name);
    const counter = businessCounter(op, enums);
    if (!metrics.some((m) => m.name === counter.name)) metrics.push(counter);
  }
  if (hooks.length) metrics.push({ name: 'app.webhook.events', instrument: 'counter', unit: '{event}', attributes: ['provider', 'event.type', 'outcome'], role: 'webhook' });
  if (scope.jobs.length) {
    metrics.push({ name: 'app.job.runs', instrument: 'counter', unit: '{run}', attributes: ['job', 'outcome'], role: 'job' });
    metrics.push({ name: 'app.job.duration', instrument: 'histogram', unit: 's', attributes: ['job'], role: 'job' });
  }
  const outbound = scope.integrations.filter((i) => i.kind === 'outbound' || vendorId(i.name));
  if (outbound.length) metrics.push({ name: 'http.client.request.duration', instrument: 'histogram', unit: 's', attributes: ['server.address', 'http.response.status_code'], role: 'outbound' });
  if (scope.entities.length) metrics.push({ name: 'db.client.operation.duration', instrument: 'histogram', unit: 's', attributes: ['db.operation.name', 'db.collection.name'], role: 'database' });

  const spans: Observability['spans'] = scope.operations.map((op) => ({
    kind: 'server' as const,
    // gRPC server spans are named `package.Service/Method` by the instrumentation: the rpc is what the plan can name.
    name: protocol.family === 'grpc' && !isWebhook(op, scope) ? contractNameOf(op, names) : op.kind === 'rest' ? `${(op.method ?? 'GET').toUpperCase()} ${op.path}` : op.name,
    instrumentation: framework?.otel,
  }));
  // One span name per table, each shown as its own code span.
  for (const entity of scope.entities) spans.push({ kind: 'database', name: entity.table, instrumentation: databaseInstrumentation(service) });
  for (const integration of outbound) spans.push({ kind: 'client', name: integration.name, instrumentation: language ? OUTBOUND_OTEL[language] : undefined });
  const jobSystem = service?.jobs[0]?.value;
  // A span needs a name the code can carry: only a job whose work the spec names gets one.
  for (const job of scope.jobs) if (job.name) spans.push({ kind: 'job', name: job.name, instrumentation: jobSystem ? JOBS[jobSystem]?.label : undefined });

  // An SLO alerts on operations; with none stated there is nothing to alert on yet.
  const alerts = scope.operations.length ? sloAlerts(scope.slos, scope.operations, server.name, protocol.errorRate) : [];
  if (hooks.length) alerts.push({ subject: 'webhook', metric: 'app.webhook.events', condition: 'outcome="rejected" > 0', window: '15m', severity: 'warn', source: { kind: 'default' } });
  if (scope.jobs.length) alerts.push({ subject: 'job', metric: 'app.job.runs', condition: 'outcome="failed" >= 1', window: '1 run', severity: 'warn', source: { kind: 'default' } });

  return {
    logger,
    loggerLabel: conv?.label ?? logger,
    loggerDetected: Boolean(detected),
    bind: conv?.bind ?? '',
    redact: (conv?.redact ?? '{fields}').replace('{fields}', validation.masked.map((m) => `'${m}'`).join(', ')),
    masked: validation.masked,
    logFields: [...new Set(logFields)],
    metrics,
    spans,
    alerts,
  };
}
