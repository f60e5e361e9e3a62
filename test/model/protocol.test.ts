// Each API style speaks its own vocabulary, declared once in lib/knowledge: the
// model reads it, the templates phrase it and never spell a status themselves.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_STYLES } from '../../lib/knowledge/index.js';
import { buildBackendSpec } from '../../lib/model/index.js';
import { renderSection } from '../../lib/render/index.js';
import { API_STYLES as STYLE_IDS } from '../../lib/types.js';
import { field, op } from './fixtures.js';
import { grpcShipments, springReviews } from './stacks.js';

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates/backend-section');

describe('API style vocabulary', () => {
  it('is declared for every API style', () => {
    expect(API_STYLES.map((entry) => entry.id).sort()).toEqual([...STYLE_IDS].sort());
    for (const entry of API_STYLES) expect(entry.protocol.status.unauthenticated, entry.id).toBeTruthy();
  });

  it('states gRPC in grpc.io status names and the OpenTelemetry RPC conventions', () => {
    const grpc = API_STYLES.find((entry) => entry.id === 'grpc')!.protocol;
    expect(grpc.status).toMatchObject({ unauthenticated: 'UNAUTHENTICATED', denied: 'PERMISSION_DENIED', invalid: 'INVALID_ARGUMENT', notFound: 'NOT_FOUND', conflict: 'ALREADY_EXISTS', rateLimited: 'RESOURCE_EXHAUSTED', unavailable: 'UNAVAILABLE', deadline: 'DEADLINE_EXCEEDED' });
    expect(grpc.serverMetric).toEqual({ name: 'rpc.server.duration', unit: 'ms', attributes: ['rpc.system', 'rpc.service', 'rpc.method', 'rpc.grpc.status_code'], per: 'method' });
    expect(grpc.retryable).toEqual(['UNAVAILABLE']);
    expect(grpc.credential).toMatchObject({ carrier: '`authorization` metadata', maskPath: 'metadata.authorization' });
  });

  it('is not spelled in the templates', () => {
    for (const language of readdirSync(TEMPLATES)) {
      for (const file of readdirSync(path.join(TEMPLATES, language))) {
        const text = readFileSync(path.join(TEMPLATES, language, file), 'utf8');
        expect(text, `${language}/${file}`).not.toMatch(/UNAUTHENTICATED|PERMISSION_DENIED|INVALID_ARGUMENT|UNAVAILABLE|rpc\.server|http\.server|rpc\.grpc/);
      }
    }
  });
});

describe('the model speaks the decided style', () => {
  it('gRPC: request_id keys answered with gRPC statuses, the RPC metric and its error statuses, credentials in metadata', () => {
    const spec = buildBackendSpec(grpcShipments());
    expect(spec.protocol.style).toBe('grpc');
    expect(spec.idempotency.rows[0]).toMatchObject({ mechanism: 'request-id', keyName: 'request_id', missing: 'INVALID_ARGUMENT', inFlight: 'ABORTED', mismatch: 'FAILED_PRECONDITION' });
    expect(spec.observability.alerts.at(-1)).toMatchObject({ metric: 'rpc.server.duration', condition: 'rpc.grpc.status_code in (2, 4, 12, 13, 14, 15) / all > 1%' });
    expect(spec.observability.logFields).toContain('grpc_code');
    expect(spec.observability.logFields).not.toContain('status_code');
    expect(spec.validation.masked).toEqual(['metadata.authorization']);
  });

  it('gRPC: a request_id the rpc message declares keys it, even without a word about retries', () => {
    const input = grpcShipments();
    input.scope.operations.push(op('grpc', 'CancelShipment', 12, { requestFields: [field('shipment_id', 12, { type: 'string', required: true }), field('request_id', 12, { type: 'string' })] }));
    const row = buildBackendSpec(input).idempotency.rows.find((r) => r.key === 'CancelShipment');
    expect(row).toMatchObject({ mechanism: 'request-id', keyName: 'request_id', missing: undefined });
    // Without the field (and without a word about retries) the rpc gets no key.
    input.scope.operations[3].requestFields.pop();
    expect(buildBackendSpec(input).idempotency.rows.find((r) => r.key === 'CancelShipment')).toMatchObject({ mechanism: 'none' });
  });

  it('GraphQL: an input that declares `idempotency_key` is keyed by that field, even without a word about retries', () => {
    const input = springReviews();
    input.scope.operations[0].requestFields.push(field('idempotency_key', 9, { type: 'string', required: true }));
    expect(buildBackendSpec(input).idempotency.rows[0]).toMatchObject({ key: 'addReview', mechanism: 'idempotency-key', keyName: 'idempotency_key', missing: 'BAD_USER_INPUT' });
    input.scope.operations[0].requestFields.pop();
    expect(buildBackendSpec(input).idempotency.rows[0]).toMatchObject({ key: 'addReview', mechanism: 'none' });
  });

  it('the decided style wins over how the operations are written', () => {
    const input = grpcShipments();
    const spec = buildBackendSpec({ ...input, apiStyle: 'rest' });
    expect(spec.observability.metrics[0].name).toBe('http.server.request.duration');
    expect(buildBackendSpec({ ...input, apiStyle: 'grpc' }).observability.metrics[0].name).toBe('rpc.server.duration');
  });

  it('GraphQL: denials and retry conflicts are error codes in the payload, not HTTP statuses', async () => {
    const input = springReviews();
    input.scope.operations[0].retrySafe = true;
    const spec = buildBackendSpec(input);
    expect(spec.idempotency.rows[0]).toMatchObject({ mechanism: 'idempotency-key', keyName: 'idempotencyKey', missing: 'BAD_USER_INPUT', inFlight: 'CONFLICT', mismatch: 'BAD_USER_INPUT' });
    const { markdown } = await renderSection(spec, 'en');
    const authz = markdown.slice(markdown.indexOf('### Authn/authz matrix'), markdown.indexOf('### Validation'));
    expect(authz).toContain('`UNAUTHENTICATED` in `errors[].extensions.code`');
    expect(authz).toContain('`FORBIDDEN`');
    expect(authz).not.toMatch(/\b40[13]\b/);
    expect(markdown).toContain('Resolver errors come back with HTTP 200 inside `errors`');
  });
});
